/**
 * The sales funnel of the opportunities created in the period: stages and
 * conversion against history, the bottleneck, the funnel by source / rep /
 * region / quarter, dwell per stage, lost reasons and stalled deals.
 */
import { Card, Col, Result, Row, Typography } from 'antd';
import { analysisQuery, FilterBar, filtersOf } from '../app/filter-bar.js';
import { href, navigate, type Route } from '../app/hash-route.js';
import { useLang, useT } from '../app/i18n.js';
import { formatDate, formatNumber, formatPercent } from '../app/money.js';
import { Loading } from '../app/page-state.js';
import { useApi } from '../app/use-api.js';
import { barOption } from '../charts/bar-option.js';
import { EChart } from '../charts/echart.js';
import { funnelOption } from '../charts/funnel-option.js';
import { BottleneckCallout } from './funnel/bottleneck-callout.js';
import { FunnelSlices, isDimension } from './funnel/funnel-slices.js';
import { FunnelSummary } from './funnel/funnel-summary.js';
import { stageViews } from './funnel/funnel-shape.js';
import type { FunnelData } from './funnel/funnel-types.js';
import { LostReasons } from './funnel/lost-reasons.js';
import { StageTable } from './funnel/stage-table.js';
import { StalledDeals } from './funnel/stalled-deals.js';

const m = {
  'zh-CN': {
    period: '{from} 至 {to} 创建的商机', scope: '范围：{scope}', chart: '漏斗', stages: '阶段转化', dwell: '各阶段停留时长（中位数）', days: '{n} 天',
    emptyTitle: '该期间没有商机', emptyHint: '导入商机数据（商机表及阶段记录），或在上方选择更长的期间。', toImport: '去导入',
    dwellEmpty: '没有阶段记录，无法计算停留时长：导入商机阶段历史后可见。',
  },
  en: {
    period: 'Opportunities created {from} to {to}', scope: 'Scope: {scope}', chart: 'Funnel', stages: 'Stage conversion', dwell: 'Dwell per stage (median)', days: '{n} days',
    emptyTitle: 'No opportunities in this period', emptyHint: 'Import opportunities (and their stage history), or pick a longer period above.', toImport: 'Go to import',
    dwellEmpty: 'No stage history, so no dwell times: import the opportunities\' stage history to see them.',
  },
} as const;

export function FunnelPage({ route }: { route: Route }) {
  const filters = filtersOf(route);
  const funnel = useApi<FunnelData>('/api/funnel', analysisQuery(filters));
  return (
    <div data-testid="funnel-page">
      <FilterBar route={route} showTier={false} />
      <Loading state={funnel}>{(d) => <FunnelBody d={d} route={route} />}</Loading>
    </div>
  );
}

function FunnelBody({ d, route }: { d: FunnelData; route: Route }) {
  const t = useT(m);
  const { lang } = useLang();
  if (d.opportunities === 0) {
    return <Result status="info" title={t('emptyTitle')} subTitle={t('emptyHint')} extra={<a href={href('/import')}>{t('toImport')}</a>} data-testid="funnel-empty" />;
  }
  const stages = stageViews(d);
  const slice = isDimension(route.params.slice) ? route.params.slice : 'source';
  const f = filtersOf(route);
  const dwell = stages.filter((s) => s.medianDwellDays !== null);
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="funnel-period">
        {t('period', { from: formatDate(d.period.from, lang), to: formatDate(d.period.to, lang) })}
        {d.scope && ` · ${t('scope', { scope: d.scope })}`}
      </Typography.Paragraph>
      <FunnelSummary d={d} />
      <div style={{ marginTop: 16 }}>
        <BottleneckCallout d={d} />
      </div>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('chart')} style={{ height: '100%' }}>
            <EChart
              testId="funnel-chart"
              height={300}
              option={funnelOption(
                stages.map((s, i) => ({
                  name: s.stage,
                  value: s.reached,
                  label: i === 0 ? `${s.stage} ${formatNumber(s.reached, lang)}` : `${s.stage} ${formatNumber(s.reached, lang)} · ${formatPercent(s.conversion, lang)}`,
                  highlight: s.isBottleneck,
                })),
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dwell')} style={{ height: '100%' }}>
            {dwell.length === 0 ? (
              <Typography.Text type="secondary">{t('dwellEmpty')}</Typography.Text>
            ) : (
              <EChart
                testId="dwell-chart"
                height={300}
                option={barOption(
                  dwell.map((s) => ({ name: s.stage, value: s.medianDwellDays, label: t('days', { n: formatNumber(s.medianDwellDays, lang, 1) }), ...(s.stage === d.bottleneck?.from ? { color: '#fa541c' } : {}) })),
                )}
              />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('stages')}>
            <StageTable stages={stages} />
          </Card>
        </Col>
        <Col span={24}>
          <FunnelSlices
            d={d}
            dimension={slice}
            scope={{ region: f.region, industry: f.industry, rep: f.rep }}
            onDimension={(dim) => navigate(route.path, { ...route.params, slice: dim })}
          />
        </Col>
        <Col span={24}>
          <LostReasons reasons={d.lostReasons} />
        </Col>
        <Col span={24}>
          <StalledDeals stalled={d.stalled} />
        </Col>
      </Row>
    </>
  );
}
