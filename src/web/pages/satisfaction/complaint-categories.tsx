/** What customers complain about: complaints by category with their share, how many are still open and how fast they are resolved. */
import { Card, Col, Empty, Row, Table } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import { barOption } from '../../charts/bar-option.js';
import { EChart } from '../../charts/echart.js';
import type { ComplaintCategory } from './satisfaction-types.js';

const m = {
  'zh-CN': { title: '投诉类别', category: '类别', complaints: '投诉数', share: '占比', unresolved: '未解决', resolution: '解决天数（中位）', unknown: '未分类', empty: '该期间没有投诉记录。' },
  en: { title: 'Complaint categories', category: 'Category', complaints: 'Complaints', share: 'Share', unresolved: 'Unresolved', resolution: 'Days to resolve (median)', unknown: 'Uncategorised', empty: 'No complaints recorded in this period.' },
} as const;

export function ComplaintCategories({ rows }: { rows: readonly ComplaintCategory[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const name = (c: string) => (c === 'unknown' ? t('unknown') : c);
  return (
    <Card size="small" title={t('title')} style={{ height: '100%' }}>
      {rows.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Row gutter={16}>
          <Col span={24}>
            <EChart
              testId="complaint-chart"
              height={Math.max(180, 30 * rows.length + 40)}
              option={barOption(rows.map((c) => ({ name: name(c.category), value: c.complaints, label: `${formatNumber(c.complaints, lang)} · ${formatPercent(c.share, lang)}` })))}
            />
          </Col>
          <Col span={24}>
            <Table
              size="small"
              rowKey="category"
              pagination={false}
              dataSource={rows as ComplaintCategory[]}
              data-testid="complaint-table"
              columns={[
                { title: t('category'), key: 'category', render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{name(c.category)}</span> },
                { title: t('complaints'), key: 'complaints', align: 'right', render: (_, c) => formatNumber(c.complaints, lang) },
                { title: t('share'), key: 'share', align: 'right', render: (_, c) => formatPercent(c.share, lang) },
                { title: t('unresolved'), key: 'unresolved', align: 'right', render: (_, c) => formatNumber(c.unresolved, lang) },
                { title: t('resolution'), key: 'resolution', align: 'right', render: (_, c) => formatNumber(c.medianResolutionDays, lang, 1) },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
