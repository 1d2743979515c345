/** One revenue series: history, the forecast with its 80% and 95% intervals (chart and table), and the model chosen by AICc. */
import { Col, Row, Table, Tag, Typography } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatMoney, formatNumber, unitLabel, useMoney } from '../../app/money.js';
import { EChart } from '../../charts/echart.js';
import { forecastOption } from '../../charts/forecast-option.js';
import { moneyScale } from '../../charts/money-scale.js';
import type { IntervalPoint, OkSeries } from './forecast-data.js';
import { etsParts } from './forecast-model.js';

const m = {
  'zh-CN': {
    actual: '实际', forecast: '预测', band80: '80% 区间', band95: '95% 区间', unit: '单位：{unit}', month: '月份', interval80: '80% 预测区间', interval95: '95% 预测区间',
    model: '选用模型 {name}（AICc 最低）', candidates: '备选模型（AICc，越低越好）',
    errorA: '加性误差', errorM: '乘性误差', trendN: '无趋势', trendA: '线性趋势', trendAd: '阻尼趋势', seasonN: '无季节性', seasonA: '加性季节性', seasonM: '乘性季节性',
  },
  en: {
    actual: 'Actual', forecast: 'Forecast', band80: '80% interval', band95: '95% interval', unit: 'Unit: {unit}', month: 'Month', interval80: '80% interval', interval95: '95% interval',
    model: 'Model {name} (lowest AICc)', candidates: 'Models tried (AICc, lower is better)',
    errorA: 'additive errors', errorM: 'multiplicative errors', trendN: 'no trend', trendA: 'linear trend', trendAd: 'damped trend', seasonN: 'no seasonality', seasonA: 'additive seasonality', seasonM: 'multiplicative seasonality',
  },
} as const;

export function SeriesCard({ series }: { series: OkSeries }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const parts = etsParts(series.model);
  const money = (v: number) => formatMoney(v, unit, lang);
  return (
    <div data-testid="forecast-series">
      <Typography.Paragraph>
        <Typography.Text strong data-testid="forecast-model">{t('model', { name: series.model })}</Typography.Text>
        {parts && <Typography.Text type="secondary"> — {[t(`error${parts.error}`), t(`trend${parts.trend}`), t(`season${parts.season}`)].join(lang === 'zh-CN' ? '，' : ', ')}</Typography.Text>}
        <Typography.Text type="secondary" style={{ float: 'right' }}>{t('unit', { unit: unitLabel(unit, lang) })}</Typography.Text>
      </Typography.Paragraph>
      <EChart
        testId="forecast-chart"
        height={340}
        option={forecastOption(series.history, series.forecast, { actual: t('actual'), forecast: t('forecast'), band80: t('band80'), band95: t('band95') }, moneyScale(unit))}
      />
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} xl={16}>
          <Table<IntervalPoint>
            size="small"
            rowKey="month"
            pagination={false}
            dataSource={[...series.forecast]}
            data-testid="forecast-table"
            scroll={{ y: 320 }}
            columns={[
              { title: t('month'), dataIndex: 'month', width: 90 },
              { title: t('forecast'), key: 'revenue', align: 'right', render: (_, p) => <span data-testid="forecast-revenue">{money(p.revenue)}</span> },
              { title: t('interval80'), key: 'i80', align: 'right', render: (_, p) => <span data-testid="forecast-80">{money(p.lower80)} – {money(p.upper80)}</span> },
              { title: t('interval95'), key: 'i95', align: 'right', render: (_, p) => <span data-testid="forecast-95">{money(p.lower95)} – {money(p.upper95)}</span> },
            ]}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('candidates')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            {series.candidates.map((c) => (
              <Tag key={c.name} color={c.name === series.model ? 'blue' : 'default'} style={{ marginBottom: 4 }}>{c.name} {formatNumber(c.aicc, lang, 1)}</Tag>
            ))}
          </div>
        </Col>
      </Row>
    </div>
  );
}
