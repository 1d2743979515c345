/** Rolling-origin backtest: the chosen model's MAPE and sMAPE per series against the seasonal-naive baseline. */
import { Table, Tag, Typography } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import type { SeriesForecast } from './forecast-data.js';
import { backtestRows, totalGroup, type BacktestRow, type Verdict } from './forecast-model.js';

const m = {
  'zh-CN': {
    group: '序列', total: '全部', model: '模型', mape: 'MAPE', smape: 'sMAPE', naive: '季节性朴素法', forecasts: '检验点数', verdict: '对比基线',
    better: '误差比基线低 {change}', worse: '误差比基线高 {change}', same: '与基线相同', unknown: '无法比较',
    explain: '滚动起点回测：以最近 {origins} 个月中的每个月为起点，只用之前的数据重新选模并预测未来 {horizon} 个月，与实际比较；基线为“去年同月”的季节性朴素法。误差越低越好。',
  },
  en: {
    group: 'Series', total: 'All', model: 'Model', mape: 'MAPE', smape: 'sMAPE', naive: 'seasonal naive', forecasts: 'Forecasts checked', verdict: 'Against baseline',
    better: '{change} lower error than baseline', worse: '{change} higher error than baseline', same: 'same as baseline', unknown: 'cannot compare',
    explain: 'Rolling origin: each of the last {origins} months in turn is the origin; the model is chosen and fitted on the months before it and forecasts up to {horizon} months ahead, checked against what happened. The baseline is seasonal naive (same month last year). Lower error is better.',
  },
} as const;

const colour: Record<Verdict, string> = { better: 'green', worse: 'red', same: 'default', unknown: 'default' };

export function BacktestTable({ series }: { series: readonly SeriesForecast[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const rows = backtestRows(series);
  const first = rows[0];
  const pair = (a: number | null, b: number | null) => (
    <>
      {formatPercent(a, lang)} <Typography.Text type="secondary">/ {formatPercent(b, lang)}</Typography.Text>
    </>
  );
  const verdict = (r: BacktestRow) => {
    const change = r.change === null ? '' : formatPercent(Math.abs(r.change), lang, 0);
    switch (r.verdict) {
      case 'better':
      case 'worse':
        return t(r.verdict, { change });
      case 'same':
      case 'unknown':
        return t(r.verdict);
      default:
        return r.verdict satisfies never;
    }
  };
  return (
    <div data-testid="backtest">
      <Table<BacktestRow>
        size="small"
        rowKey="group"
        pagination={false}
        dataSource={rows}
        data-testid="backtest-table"
        columns={[
          { title: t('group'), key: 'group', render: (_, r) => (r.group === totalGroup ? t('total') : r.group) },
          { title: t('model'), dataIndex: 'model' },
          { title: `${t('mape')} (${t('model')} / ${t('naive')})`, key: 'mape', align: 'right', render: (_, r) => <span data-testid="backtest-mape">{pair(r.backtest.model.mape, r.backtest.seasonalNaive.mape)}</span> },
          { title: `${t('smape')} (${t('model')} / ${t('naive')})`, key: 'smape', align: 'right', render: (_, r) => <span data-testid="backtest-smape">{pair(r.backtest.model.smape, r.backtest.seasonalNaive.smape)}</span> },
          { title: t('forecasts'), key: 'forecasts', align: 'right', render: (_, r) => formatNumber(r.backtest.model.forecasts, lang) },
          { title: t('verdict'), key: 'verdict', render: (_, r) => <Tag color={colour[r.verdict]} data-testid="backtest-verdict">{verdict(r)}</Tag> },
        ]}
      />
      {first && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {t('explain', { origins: first.backtest.origins, horizon: first.backtest.horizon })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
