/** Churn warning: customers by risk band, which signals are raised, the customers most at risk with their evidence, how good the model is, and why customers left. */
import { Button, Card, Col, Flex, Row, Typography } from 'antd';
import { analysisQuery, FilterBar, filtersOf } from '../app/filter-bar.js';
import { href, navigate, type Route } from '../app/hash-route.js';
import { useLang, useT } from '../app/i18n.js';
import { formatDate } from '../app/money.js';
import { Loading } from '../app/page-state.js';
import { useApi } from '../app/use-api.js';
import { EChart } from '../charts/echart.js';
import { signalName } from '../../i18n/signal-evidence.js';
import { AtRiskTable } from './churn/at-risk-table.js';
import type { ChurnData } from './churn/churn-data.js';
import { ChurnReasons } from './churn/churn-reasons.js';
import { ModelQualityCard } from './churn/model-quality-card.js';
import { RiskBands } from './churn/risk-bands.js';
import { signalCountsOption, sortedSignals } from './churn/signal-counts-option.js';

const m = {
  'zh-CN': {
    period: '分析截至 {asOf}（快照 #{id}），共 {n} 位客户', signals: '风险信号分布', warn: '预警', alert: '警报', atRisk: '风险最高的客户',
    allRisky: '查看全部高风险客户', tasks: '为高风险客户建任务', model: '模型质量（时间切分的留出检验）', reasons: '记录的流失原因',
  },
  en: {
    period: 'Analysis as of {asOf} (snapshot #{id}), {n} customers', signals: 'Signals raised', warn: 'Warning', alert: 'Alert', atRisk: 'Customers most at risk',
    allRisky: 'All customers at high risk', tasks: 'Create tasks for them', model: 'Model quality (time-split holdout)', reasons: 'Recorded churn reasons',
  },
} as const;

/** High risk and above: the playbook's churn-risk group. */
const highRisk = 50;

export function ChurnPage({ route }: { route: Route }) {
  const filters = filtersOf(route);
  const churn = useApi<ChurnData>('/api/churn', analysisQuery(filters));
  const drill = { region: filters.region, industry: filters.industry, rep: filters.rep };
  return (
    <div data-testid="churn-page">
      <FilterBar route={route} showTier={false} />
      <Loading state={churn}>{(d) => <ChurnBody d={d} drill={drill} />}</Loading>
    </div>
  );
}

function ChurnBody({ d, drill }: { d: ChurnData; drill: Record<string, string | undefined> }) {
  const t = useT(m);
  const { lang } = useLang();
  const signals = Object.entries(d.signalCounts).map(([code, c]) => ({ code, name: signalName(code, lang), ...c }));
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="churn-period">{t('period', { asOf: formatDate(d.period.asOf, lang), id: d.snapshotId, n: d.customers.toLocaleString(lang) })}</Typography.Paragraph>
      <RiskBands churn={d} drill={drill} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col span={24}>
          <Card
            title={t('atRisk')}
            size="small"
            extra={
              <Flex gap={8}>
                <Button size="small" href={href('/customers', { ...drill, sort: 'risk', minRisk: highRisk })}>{t('allRisky')}</Button>
                <Button size="small" type="primary" href={href('/plans', { ...drill, minRisk: highRisk, create: '1' })}>{t('tasks')}</Button>
              </Flex>
            }
          >
            <AtRiskTable rows={d.atRisk} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('signals')} size="small" style={{ height: '100%' }}>
            <EChart
              testId="signal-chart"
              height={280}
              option={signalCountsOption(signals, { warn: t('warn'), alert: t('alert') })}
              onClick={(e) => {
                const s = sortedSignals(signals)[e.dataIndex];
                if (s) navigate('/customers', { ...drill, signal: s.code, sort: 'risk' });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('reasons')} size="small" style={{ height: '100%' }}><ChurnReasons reasons={d.reasons} /></Card>
        </Col>
        <Col span={24}>
          <Card title={t('model')} size="small"><ModelQualityCard model={d.model} /></Card>
        </Col>
      </Row>
    </>
  );
}
