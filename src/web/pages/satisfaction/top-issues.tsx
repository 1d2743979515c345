/**
 * The issues customers raise most in their own words (complaint texts and
 * the comments of passives and detractors), each with example comments so
 * the term can be read in context.
 */
import { Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import { distinctExamples } from './overall-score.js';
import type { SatisfactionData } from './satisfaction-types.js';

const m = {
  'zh-CN': {
    title: '高频问题（客户原话）', source: '来自 {n} 条投诉和 NPS 中低分（0–8）评论；词语由自动分词得到，请结合例句理解。', texts: '{n} 条文本 · {share}',
    empty: '该期间的投诉和评论不够多，提取不出高频问题：导入投诉文本和 NPS 评论后可见。',
  },
  en: {
    title: 'Top issues in customers\' words', source: 'From {n} complaint texts and comments of NPS scores 0–8; terms come from automatic word segmentation, so read them with the examples.', texts: '{n} texts · {share}',
    empty: 'Too few complaints and comments in this period to find recurring issues: import complaint texts and NPS comments to see them.',
  },
} as const;

export function TopIssues({ topIssues }: { topIssues: SatisfactionData['topIssues'] }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <Card size="small" title={t('title')} data-testid="top-issues">
      {topIssues.issues.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('source', { n: formatNumber(topIssues.texts, lang) })}</Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {topIssues.issues.map((issue, i) => (
              <Col key={issue.term} xs={24} md={12} xxl={8}>
                <Card size="small" data-testid={`issue-${i}`} style={{ height: '100%' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', marginBottom: 6 }}>
                    <Tag color="volcano" style={{ fontSize: 14 }}>{issue.term}</Tag>
                    <Typography.Text type="secondary">{t('texts', { n: formatNumber(issue.texts, lang), share: formatPercent(issue.share, lang) })}</Typography.Text>
                  </div>
                  {distinctExamples(issue.examples).map((e) => (
                    <Typography.Paragraph key={e} style={{ margin: '4px 0', paddingLeft: 8, borderLeft: '3px solid #f0f0f0' }} data-testid="issue-example">
                      {e}
                    </Typography.Paragraph>
                  ))}
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );
}
