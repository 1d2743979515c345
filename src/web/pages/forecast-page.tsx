/** Forecast: monthly revenue with 80% and 95% intervals (overall or per category or region), its backtest against seasonal naive, and the pipeline-weighted and CLV bottom-up views. */
import { Alert, Card, Col, Row, Segmented, Select, Space, Typography } from 'antd';
import { navigate, type Route } from '../app/hash-route.js';
import { useT } from '../app/i18n.js';
import { Loading } from '../app/page-state.js';
import { useApi } from '../app/use-api.js';
import { BacktestTable } from './forecast/backtest-table.js';
import { ClvCard } from './forecast/clv-card.js';
import { forecastBys, type ForecastBy, type ForecastData } from './forecast/forecast-data.js';
import { totalGroup } from './forecast/forecast-model.js';
import { PipelineCard } from './forecast/pipeline-card.js';
import { SeriesCard } from './forecast/series-card.js';

const m = {
  'zh-CN': {
    none: '全部销售额', category: '按品类', region: '按区域', horizon: '预测 {n} 个月', group: '选择序列', total: '全部',
    series: '月度销售额预测：{group}', lastMonth: '历史数据截至 {month}（最后一个完整月）', backtest: '回测准确度（对比季节性朴素法）',
    pipeline: '商机加权预测', working: '正在拟合模型并回测，按品类或区域预测可能需要一分钟左右……', clv: 'CLV 自下而上预测', tooLittle: '{group} 只有 {months} 个月的历史，至少需要 {needed} 个月才能预测。',
  },
  en: {
    none: 'All revenue', category: 'By category', region: 'By region', horizon: '{n} months ahead', group: 'Series', total: 'All',
    series: 'Monthly revenue forecast: {group}', lastMonth: 'History up to {month} (the last complete month)', backtest: 'Backtest accuracy (against seasonal naive)',
    pipeline: 'Pipeline-weighted forecast', working: 'Fitting the models and backtesting them; a forecast per category or region can take a minute…', clv: 'CLV bottom-up forecast', tooLittle: '{group} has {months} months of history; a forecast needs at least {needed}.',
  },
} as const;

const horizons = [3, 6, 12, 18, 24] as const;

function byOf(value: string | undefined): ForecastBy {
  return forecastBys.find((b) => b === value) ?? 'none';
}

export function ForecastPage({ route }: { route: Route }) {
  const t = useT(m);
  const p = route.params;
  const by = byOf(p.by);
  const horizon = Number(p.horizon) || 12;
  const forecast = useApi<ForecastData>('/api/forecast', { by, horizon });
  const set = (patch: Record<string, string | number | undefined>) => navigate('/forecast', { ...p, ...patch });
  return (
    <div data-testid="forecast-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented value={by} options={forecastBys.map((b) => ({ value: b, label: t(b) }))} onChange={(v) => set({ by: v, group: undefined })} data-testid="forecast-by" />
        <Select style={{ width: 200 }} value={horizon} options={horizons.map((n) => ({ value: n, label: t('horizon', { n }) }))} onChange={(n: number) => set({ horizon: n })} data-testid="forecast-horizon" />
      </Space>
      {forecast.loading && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('working')} data-testid="forecast-working" />}
      <Loading state={forecast}>{(d) => <ForecastBody d={d} group={p.group} onGroup={(group) => set({ group })} />}</Loading>
    </div>
  );
}

function ForecastBody({ d, group, onGroup }: { d: ForecastData; group: string | undefined; onGroup: (g: string) => void }) {
  const t = useT(m);
  const name = (g: string) => (g === totalGroup ? t('total') : g);
  const chosen = d.series.find((s) => s.group === group) ?? d.series.find((s) => s.status === 'ok') ?? d.series[0];
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card
          size="small"
          title={chosen ? t('series', { group: name(chosen.group) }) : t('none')}
          extra={
            d.series.length > 1 && (
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 200 }}
                placeholder={t('group')}
                value={chosen?.group ?? null}
                options={d.series.map((s) => ({ value: s.group, label: name(s.group) }))}
                onChange={onGroup}
                data-testid="forecast-group"
              />
            )
          }
        >
          <Typography.Paragraph type="secondary">{t('lastMonth', { month: d.lastMonth })}</Typography.Paragraph>
          {chosen?.status === 'ok' && <SeriesCard series={chosen} />}
          {chosen?.status === 'too_little_history' && <Alert type="info" showIcon title={t('tooLittle', { group: name(chosen.group), months: chosen.months, needed: chosen.needed })} />}
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('backtest')}><BacktestTable series={d.series} /></Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('pipeline')} style={{ height: '100%' }}><PipelineCard pipeline={d.pipeline} /></Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('clv')} style={{ height: '100%' }}><ClvCard clv={d.clv} /></Card>
      </Col>
    </Row>
  );
}
