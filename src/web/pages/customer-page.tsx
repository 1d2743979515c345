/** Customer 360: who they are (contact masked), their value and tier over time, churn signals with evidence, CLV, what to offer and do, tasks, history. */
import { Alert, Card, Col, Descriptions, List, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { Route } from '../app/hash-route.js';
import { href } from '../app/hash-route.js';
import { useLang, useT, useTierLabel } from '../app/i18n.js';
import { formatDate, formatMoney, formatNumber, formatPercent, useMoney } from '../app/money.js';
import { Loading } from '../app/page-state.js';
import { useApi } from '../app/use-api.js';
import { EChart } from '../charts/echart.js';
import { signalEvidence, signalName, type SignalLike } from '../../i18n/signal-evidence.js';
import { CustomerActivity, type Activity } from './customer/customer-activity.js';

interface Profile extends Activity {
  customerId: string;
  name: string | null;
  industry: string | null;
  size: string | null;
  region: string | null;
  city: string | null;
  rep: { id: string; name: string | null } | null;
  contact: { name: string | null; phone: string | null; email: string | null };
  scores: { snapshotId: number; asOf: string; valueTier: string; rfmTier: string; rfmCode: string; valueScore: number; monetary: number; healthScore: number | null }[];
  risk: { riskScore: number; churnProbability: number | null; signals: SignalLike[] } | null;
  clv: { pAlive: number; expectedTransactions: number; expectedSpend: number; clv: number } | null;
  recommendations: { productId: string; name: string | null; because: string | null; becauseName: string | null }[];
  strategy: { group: string; direction: string; actions: string[]; owner: string; expectedEffect: string } | null;
}

interface Tasks {
  items: { taskId: number; title: string; owner: string | null; dueDate: string | null; status: string }[];
}

const m = {
  'zh-CN': {
    industry: '行业', size: '规模', location: '地区', rep: '负责销售', contact: '联系人', phone: '电话', email: '邮箱', masked: '联系方式已脱敏',
    tier: '价值分层', rfm: 'RFM', value: '价值分', health: '健康度', monetary: '近一年销售额', history: '分层与评分历史',
    risk: '流失风险 {score} 分', noRisk: '没有流失信号', probability: '模型流失概率 {p}', clv: '客户终身价值（预测）', pAlive: '仍活跃概率', expected: '预计购买次数（一年）', spend: '预计客单价',
    noClv: '尚未拟合 CLV 模型（运行 salescope clv）', recommend: '推荐产品', because: '因为买过 {name}', strategy: '建议策略', owner: '负责：{owner}', effect: '预期效果：{effect}',
    tasks: '任务', newTask: '为该客户建任务', due: '截止 {date}', open: '待办', doing: '进行中', done: '已完成', cancelled: '已取消', noTasks: '暂无任务',
  },
  en: {
    industry: 'Industry', size: 'Size', location: 'Location', rep: 'Account rep', contact: 'Contact', phone: 'Phone', email: 'E-mail', masked: 'Contact details are masked',
    tier: 'Value tier', rfm: 'RFM', value: 'Value score', health: 'Health', monetary: 'Revenue, last 12 months', history: 'Tier and score history',
    risk: 'Churn risk {score}', noRisk: 'No churn signals', probability: 'Model churn probability {p}', clv: 'Customer lifetime value (predicted)', pAlive: 'P(alive)', expected: 'Expected purchases (1 year)', spend: 'Expected order value',
    noClv: 'No CLV model fitted yet (run salescope clv)', recommend: 'Recommended products', because: 'because they bought {name}', strategy: 'Strategy', owner: 'Owner: {owner}', effect: 'Expected effect: {effect}',
    tasks: 'Tasks', newTask: 'Create a task for this customer', due: 'due {date}', open: 'Open', doing: 'Doing', done: 'Done', cancelled: 'Cancelled', noTasks: 'No tasks',
  },
} as const;

export function CustomerPage({ route }: { route: Route }) {
  const id = route.params.id ?? '';
  const profile = useApi<Profile>(id ? `/api/customers/${encodeURIComponent(id)}` : null);
  return <div data-testid="customer-page">{id && <Loading state={profile}>{(p) => <CustomerBody p={p} />}</Loading>}</div>;
}

function CustomerBody({ p }: { p: Profile }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const tierLabel = useTierLabel();
  const latest = p.scores.at(-1);
  return (
    <>
      <Typography.Title level={2} data-testid="customer-name">{p.name ?? p.customerId} <Typography.Text type="secondary">{p.customerId}</Typography.Text></Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small">
            <Descriptions size="small" column={2} data-testid="customer-profile">
              <Descriptions.Item label={t('industry')}>{p.industry}</Descriptions.Item>
              <Descriptions.Item label={t('size')}>{p.size}</Descriptions.Item>
              <Descriptions.Item label={t('location')}>{[p.region, p.city].filter(Boolean).join(' · ')}</Descriptions.Item>
              <Descriptions.Item label={t('rep')}>{p.rep?.name ?? p.rep?.id}</Descriptions.Item>
              <Descriptions.Item label={t('contact')}>{p.contact.name}</Descriptions.Item>
              <Descriptions.Item label={t('phone')}><span data-testid="contact-phone">{p.contact.phone}</span></Descriptions.Item>
              <Descriptions.Item label={t('email')}>{p.contact.email}</Descriptions.Item>
              <Descriptions.Item label="">{<Typography.Text type="secondary">{t('masked')}</Typography.Text>}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          {latest && (
            <Card size="small">
              <Row gutter={16}>
                <Col span={6}><Statistic title={t('tier')} value={tierLabel(latest.valueTier)} /></Col>
                <Col span={6}><Statistic title={t('rfm')} value={latest.rfmCode} /></Col>
                <Col span={6}><Statistic title={t('health')} value={formatNumber(latest.healthScore, lang)} /></Col>
                <Col span={6}><Statistic title={t('monetary')} value={formatMoney(latest.monetary, unit, lang)} /></Col>
              </Row>
            </Card>
          )}
          <RiskCard p={p} />
        </Col>
        <Col xs={24} xl={12}><HistoryCard p={p} /></Col>
        <Col xs={24} xl={12}><ClvCard p={p} /></Col>
        <Col xs={24} xl={12}><AdviceCard p={p} /></Col>
        <Col xs={24} xl={12}><TasksCard id={p.customerId} /></Col>
      </Row>
      <div style={{ marginTop: 16 }}><CustomerActivity a={p} /></div>
    </>
  );
}

function RiskCard({ p }: { p: Profile }) {
  const t = useT(m);
  const { lang } = useLang();
  if (!p.risk || p.risk.signals.length === 0) return <Alert style={{ marginTop: 16 }} type="success" message={t('noRisk')} />;
  return (
    <Alert
      style={{ marginTop: 16 }}
      type={p.risk.riskScore >= 50 ? 'error' : 'warning'}
      data-testid="customer-risk"
      message={`${t('risk', { score: formatNumber(p.risk.riskScore, lang) })}${p.risk.churnProbability !== null ? ` · ${t('probability', { p: formatPercent(p.risk.churnProbability, lang) })}` : ''}`}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {p.risk.signals.map((s) => (
            <li key={s.code}><Tag color={s.level === 'alert' ? 'red' : 'orange'}>{signalName(s.code, lang)}</Tag>{signalEvidence(s, lang)}</li>
          ))}
        </ul>
      }
    />
  );
}

function HistoryCard({ p }: { p: Profile }) {
  const t = useT(m);
  const tierLabel = useTierLabel();
  return (
    <Card size="small" title={t('history')}>
      <EChart
        height={220}
        testId="score-history"
        option={{
          tooltip: { trigger: 'axis' },
          grid: { left: 40, right: 40, top: 30, bottom: 30 },
          legend: { top: 0, data: [t('value'), t('health')] },
          xAxis: { type: 'category', data: p.scores.map((s) => s.asOf) },
          yAxis: { type: 'value', min: 0, max: 100 },
          series: [
            { name: t('value'), type: 'line', symbolSize: 8, data: p.scores.map((s) => Math.round(s.valueScore)), label: { show: true, formatter: (x: { dataIndex: number }) => tierLabel(p.scores[x.dataIndex]?.valueTier) } },
            { name: t('health'), type: 'line', symbolSize: 8, data: p.scores.map((s) => (s.healthScore === null ? null : Math.round(s.healthScore))) },
          ],
        }}
      />
    </Card>
  );
}

function ClvCard({ p }: { p: Profile }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  return (
    <Card size="small" title={t('clv')}>
      {p.clv === null ? (
        <Typography.Text type="secondary">{t('noClv')}</Typography.Text>
      ) : (
        <Row gutter={16}>
          <Col span={6}><Statistic title={t('clv')} value={formatMoney(p.clv.clv, unit, lang)} /></Col>
          <Col span={6}><Statistic title={t('pAlive')} value={formatPercent(p.clv.pAlive, lang)} /></Col>
          <Col span={6}><Statistic title={t('expected')} value={formatNumber(p.clv.expectedTransactions, lang, 2)} /></Col>
          <Col span={6}><Statistic title={t('spend')} value={formatMoney(p.clv.expectedSpend, unit, lang)} /></Col>
        </Row>
      )}
    </Card>
  );
}

function AdviceCard({ p }: { p: Profile }) {
  const t = useT(m);
  return (
    <Card size="small" title={t('strategy')} data-testid="customer-strategy">
      {p.strategy && (
        <>
          <Typography.Paragraph strong>{p.strategy.direction}</Typography.Paragraph>
          <ul>{p.strategy.actions.map((a) => <li key={a}>{a}</li>)}</ul>
          <Typography.Paragraph type="secondary">{t('owner', { owner: p.strategy.owner })} · {t('effect', { effect: p.strategy.expectedEffect })}</Typography.Paragraph>
        </>
      )}
      <Typography.Title level={5}>{t('recommend')}</Typography.Title>
      <List
        size="small"
        dataSource={p.recommendations}
        data-testid="customer-recommendations"
        renderItem={(r) => <List.Item>{r.name ?? r.productId} {r.becauseName && <Typography.Text type="secondary">— {t('because', { name: r.becauseName })}</Typography.Text>}</List.Item>}
      />
    </Card>
  );
}

function TasksCard({ id }: { id: string }) {
  const t = useT(m);
  const { lang } = useLang();
  const tasks = useApi<Tasks>('/api/tasks', { customer: id });
  return (
    <Card size="small" title={t('tasks')} extra={<a href={href('/plans', { id, create: '1' })}>{t('newTask')}</a>}>
      <Loading state={tasks}>
        {(d) => (
          <Table
            size="small"
            rowKey="taskId"
            pagination={false}
            dataSource={d.items}
            locale={{ emptyText: t('noTasks') }}
            columns={[
              { title: '', dataIndex: 'title' },
              { title: '', dataIndex: 'owner' },
              { title: '', key: 'due', render: (_, x) => (x.dueDate ? t('due', { date: formatDate(x.dueDate, lang) }) : '') },
              { title: '', key: 'status', render: (_, x) => <Tag>{(['open', 'doing', 'done', 'cancelled'] as const).find((s) => s === x.status) ? t(x.status as 'open') : x.status}</Tag> },
            ]}
            showHeader={false}
          />
        )}
      </Loading>
    </Card>
  );
}
