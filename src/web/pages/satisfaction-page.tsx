/**
 * Customer satisfaction in the period: NPS and CSAT overall, by month and by
 * tier, the importance-performance (IPA) matrix, complaint categories, churn
 * reasons and the issues customers raise in their own words.
 */
import { Col, Row, Typography } from 'antd';
import { analysisQuery, FilterBar, filtersOf } from '../app/filter-bar.js';
import type { Route } from '../app/hash-route.js';
import { useLang, useT } from '../app/i18n.js';
import { formatDate } from '../app/money.js';
import { Loading } from '../app/page-state.js';
import { useApi } from '../app/use-api.js';
import { ChurnReasons } from './satisfaction/churn-reasons.js';
import { ComplaintCategories } from './satisfaction/complaint-categories.js';
import { IpaMatrix } from './satisfaction/ipa-matrix.js';
import { NpsTrend } from './satisfaction/nps-trend.js';
import { SatisfactionByTier } from './satisfaction/satisfaction-by-tier.js';
import { SatisfactionSummary } from './satisfaction/satisfaction-summary.js';
import type { SatisfactionData } from './satisfaction/satisfaction-types.js';
import { TopIssues } from './satisfaction/top-issues.js';

const m = {
  'zh-CN': { period: '{from} 至 {to} 的问卷、NPS 回答、投诉与流失记录', scope: '范围：{scope}' },
  en: { period: 'Surveys, NPS answers, complaints and churn records from {from} to {to}', scope: 'Scope: {scope}' },
} as const;

export function SatisfactionPage({ route }: { route: Route }) {
  const filters = filtersOf(route);
  const satisfaction = useApi<SatisfactionData>('/api/satisfaction', analysisQuery(filters));
  return (
    <div data-testid="satisfaction-page">
      <FilterBar route={route} showTier={false} />
      <Loading state={satisfaction}>{(d) => <SatisfactionBody d={d} scope={{ region: filters.region, industry: filters.industry, rep: filters.rep }} />}</Loading>
    </div>
  );
}

function SatisfactionBody({ d, scope }: { d: SatisfactionData; scope: Readonly<Record<string, string | undefined>> }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="satisfaction-period">
        {t('period', { from: formatDate(d.period.from, lang), to: formatDate(d.period.to, lang) })}
        {d.scope && ` · ${t('scope', { scope: d.scope })}`}
      </Typography.Paragraph>
      <SatisfactionSummary d={d} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col span={24}>
          <IpaMatrix ipa={d.ipa} />
        </Col>
        <Col xs={24} xl={14}>
          <NpsTrend d={d} />
        </Col>
        <Col xs={24} xl={10}>
          <SatisfactionByTier rows={d.byTier} scope={scope} />
        </Col>
        <Col xs={24} xl={12}>
          <ComplaintCategories rows={d.complaintCategories} />
        </Col>
        <Col xs={24} xl={12}>
          <ChurnReasons rows={d.churnReasons} />
        </Col>
        <Col span={24}>
          <TopIssues topIssues={d.topIssues} />
        </Col>
      </Row>
    </>
  );
}
