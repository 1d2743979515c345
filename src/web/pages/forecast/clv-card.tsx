/** The bottom-up forecast from the latest CLV run: expected purchases × expected spend, summed over customers, by month. */
import { Empty, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts';
import { useLang, useT } from '../../app/i18n.js';
import { formatDate, formatMoney, unitLabel, useMoney } from '../../app/money.js';
import { EChart } from '../../charts/echart.js';
import { moneyScale } from '../../charts/money-scale.js';
import type { ClvForecast } from './forecast-data.js';

const m = {
  'zh-CN': {
    none: '还没有拟合 CLV 模型', noneHint: '运行 salescope clv 拟合 BG/NBD 与 Gamma-Gamma 模型后，这里会显示按客户自下而上汇总的预测。',
    total: '未来 {n} 个月预计销售额（自下而上）', basis: '基于第 {id} 次 CLV 拟合，数据截至 {date}。单位：{unit}', revenue: '预计销售额',
  },
  en: {
    none: 'No CLV model fitted yet', noneHint: 'Run salescope clv to fit the BG/NBD and Gamma-Gamma models; the customer-by-customer forecast then shows here.',
    total: 'Expected revenue over the next {n} months (bottom-up)', basis: 'From CLV run {id}, data up to {date}. Unit: {unit}', revenue: 'Expected revenue',
  },
} as const;

export function ClvCard({ clv }: { clv: ClvForecast | null }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  if (clv === null) return <Empty data-testid="clv-none" description={<>{t('none')}<br /><Typography.Text type="secondary">{t('noneHint')}</Typography.Text></>} />;
  const scale = moneyScale(unit);
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: clv.byMonth.map((p) => p.month) },
    yAxis: { type: 'value' },
    series: [{ name: t('revenue'), type: 'line', data: clv.byMonth.map((p) => scale(p.revenue)) }],
  };
  return (
    <div data-testid="clv-forecast">
      <Statistic title={t('total', { n: clv.byMonth.length })} value={formatMoney(clv.total, unit, lang)} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>{t('basis', { id: clv.clvRunId, date: formatDate(clv.calibrationEnd, lang), unit: unitLabel(unit, lang) })}</Typography.Paragraph>
      <EChart testId="clv-chart" height={220} option={option} />
    </div>
  );
}
