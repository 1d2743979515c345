/** Segmentation: the RFM grid, what each tier looks like, Pareto and ABC, tier migration, and the versioned weights and thresholds behind the tiers. */
import { Card, Col, Row, Typography } from 'antd';
import { analysisQuery, FilterBar, filtersOf } from '../app/filter-bar.js';
import type { Route } from '../app/hash-route.js';
import { useLang, useT } from '../app/i18n.js';
import { formatDate } from '../app/money.js';
import { Loading } from '../app/page-state.js';
import { useApi } from '../app/use-api.js';
import { MigrationCard } from './segmentation/migration-card.js';
import { ParetoCard } from './segmentation/pareto-card.js';
import { RfmGrid } from './segmentation/rfm-grid.js';
import type { SegmentsData } from './segmentation/segments-data.js';
import { SettingsEditor } from './segmentation/settings-editor.js';
import { TierTraitsTable } from './segmentation/tier-traits-table.js';

const m = {
  'zh-CN': {
    period: '分析截至 {asOf}（快照 #{id}）', grid: 'RFM 矩阵（最近购买 R × 频次 F）', traits: '各分层特征', pareto: '帕累托与 ABC 分类',
    migration: '分层迁移矩阵（上一期 → 本期）', settings: '权重方案与分层阈值',
  },
  en: {
    period: 'Analysis as of {asOf} (snapshot #{id})', grid: 'RFM grid (recency R × frequency F)', traits: 'What each tier looks like', pareto: 'Pareto and ABC classes',
    migration: 'Tier migration (previous → this analysis)', settings: 'Weight profile and tier thresholds',
  },
} as const;

export function SegmentationPage({ route }: { route: Route }) {
  const filters = filtersOf(route);
  const segments = useApi<SegmentsData>('/api/segments', analysisQuery(filters));
  // Drill-downs keep the customer filters; the customers list has no period.
  const drill = { region: filters.region, industry: filters.industry, rep: filters.rep };
  return (
    <div data-testid="segmentation-page">
      <FilterBar route={route} showTier={false} />
      <Loading state={segments}>{(d) => <SegmentationBody d={d} drill={drill} />}</Loading>
    </div>
  );
}

function SegmentationBody({ d, drill }: { d: SegmentsData; drill: Record<string, string | undefined> }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="segmentation-period">{t('period', { asOf: formatDate(d.period.asOf, lang), id: d.snapshotId })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('grid')} size="small" style={{ height: '100%' }}><RfmGrid rfm={d.rfm} drill={drill} /></Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('pareto')} size="small" style={{ height: '100%' }}><ParetoCard pareto={d.pareto} drill={drill} /></Card>
        </Col>
        <Col span={24}>
          <Card title={t('traits')} size="small"><TierTraitsTable tiers={d.tiers} drill={drill} /></Card>
        </Col>
        <Col span={24}>
          <Card title={t('migration')} size="small"><MigrationCard migration={d.migration} /></Card>
        </Col>
        <Col span={24}>
          <Card title={t('settings')} size="small"><SettingsEditor breaks={d.rfm.breaks} /></Card>
        </Col>
      </Row>
    </>
  );
}
