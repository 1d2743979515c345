/** The customer's history: orders, the interaction timeline, complaints and survey / NPS answers. */
import { Card, Col, Empty, Row, Table, Tag, Timeline, Typography } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatDate, formatMoney, useMoney } from '../../app/money.js';

export interface Activity {
  orders: { orderId: string; date: string; amount: number; lines: number }[];
  interactions: { date: string; type: string | null; rep: string | null; notes: string | null; competitor: string | null }[];
  complaints: { date: string; category: string | null; text: string | null; status: string | null }[];
  feedback: { nps: { date: string; score: number; comment: string | null }[]; surveys: { date: string; item: string | null; score: number | null; importance: number | null }[] };
}

const m = {
  'zh-CN': {
    orders: '最近订单', order: '订单号', date: '日期', amount: '金额', lines: '行数', timeline: '互动记录', complaints: '投诉', feedback: '满意度与 NPS',
    competitor: '竞品：{name}', nps: 'NPS {score}', item: '评价项', score: '满意度', importance: '重要度',
    visit: '拜访', call: '电话', quote: '报价', email: '邮件', meeting: '会议', project: '项目进展', other: '其他',
  },
  en: {
    orders: 'Recent orders', order: 'Order', date: 'Date', amount: 'Amount', lines: 'Lines', timeline: 'Interactions', complaints: 'Complaints', feedback: 'Satisfaction and NPS',
    competitor: 'Competitor: {name}', nps: 'NPS {score}', item: 'Item', score: 'Score', importance: 'Importance',
    visit: 'Visit', call: 'Call', quote: 'Quote', email: 'E-mail', meeting: 'Meeting', project: 'Project update', other: 'Other',
  },
} as const;

const interactionTypes = ['visit', 'call', 'quote', 'email', 'meeting', 'project', 'other'] as const;
type InteractionType = (typeof interactionTypes)[number];

export function CustomerActivity({ a }: { a: Activity }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const typeLabel = (type: string | null) => ((interactionTypes as readonly string[]).includes(type ?? '') ? t(type as InteractionType) : (type ?? '–'));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('orders')}>
          <Table
            size="small"
            rowKey="orderId"
            pagination={false}
            dataSource={a.orders}
            data-testid="customer-orders"
            columns={[
              { title: t('order'), dataIndex: 'orderId' },
              { title: t('date'), key: 'date', render: (_, o) => formatDate(o.date, lang) },
              { title: t('amount'), key: 'amount', align: 'right', render: (_, o) => formatMoney(o.amount, unit, lang) },
              { title: t('lines'), dataIndex: 'lines', align: 'right' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('timeline')} data-testid="customer-timeline">
          {a.interactions.length === 0 ? (
            <Empty />
          ) : (
            <Timeline
              items={a.interactions.map((i) => ({
                color: i.competitor ? 'red' : 'blue',
                content: (
                  <>
                    <Typography.Text strong>{formatDate(i.date, lang)} · {typeLabel(i.type)}</Typography.Text> {i.rep && <Typography.Text type="secondary">{i.rep}</Typography.Text>}
                    {i.competitor && <Tag color="red" style={{ marginLeft: 8 }}>{t('competitor', { name: i.competitor })}</Tag>}
                    <div>{i.notes}</div>
                  </>
                ),
              }))}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('complaints')}>
          {a.complaints.length === 0 ? <Empty /> : a.complaints.map((c, i) => (
            <Typography.Paragraph key={i}>
              <Typography.Text strong>{formatDate(c.date, lang)} · {c.category}</Typography.Text> <Tag>{c.status}</Tag>
              <br />
              {c.text}
            </Typography.Paragraph>
          ))}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('feedback')}>
          {a.feedback.nps.map((n, i) => (
            <Typography.Paragraph key={`n${i}`}>
              <Tag color={n.score >= 9 ? 'green' : n.score >= 7 ? 'default' : 'red'}>{t('nps', { score: n.score })}</Tag> {formatDate(n.date, lang)} {n.comment}
            </Typography.Paragraph>
          ))}
          <Table
            size="small"
            rowKey={(r) => `${r.date}-${r.item}`}
            pagination={false}
            dataSource={a.feedback.surveys}
            columns={[
              { title: t('date'), key: 'date', render: (_, r) => formatDate(r.date, lang) },
              { title: t('item'), dataIndex: 'item' },
              { title: t('score'), dataIndex: 'score', align: 'right' },
              { title: t('importance'), dataIndex: 'importance', align: 'right' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
