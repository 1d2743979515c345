/** The playbook: for each customer group what to do, who does it and by when, with a way to turn it into tasks. */
import { Button, Table, Tag } from 'antd';
import { useT } from '../../app/i18n.js';
import { Loading } from '../../app/page-state.js';
import { useApi } from '../../app/use-api.js';

export interface PlaybookGroup {
  group: string;
  label: string;
  traits: string;
  direction: string;
  actions: string[];
  owner: string;
  due: number | 'monthly';
  expectedEffect: string;
}

const m = {
  'zh-CN': {
    group: '客户群', traits: '核心特征', direction: '策略方向', actions: '具体行动', owner: '负责角色', due: '节奏 / 期限', effect: '预期效果',
    monthly: '每月例行', withinDays: '{days} 天内', create: '为该群建任务',
  },
  en: {
    group: 'Group', traits: 'Traits', direction: 'Strategy', actions: 'Actions', owner: 'Owner role', due: 'Cadence / deadline', effect: 'Expected effect',
    monthly: 'Monthly routine', withinDays: 'Within {days} days', create: 'Create tasks',
  },
} as const;

export function PlaybookTable({ onCreate }: { onCreate: (group: PlaybookGroup) => void }) {
  const t = useT(m);
  const playbook = useApi<{ groups: PlaybookGroup[] }>('/api/playbook');
  return (
    <Loading state={playbook}>
      {(d) => (
        <Table
          size="small"
          rowKey="group"
          pagination={false}
          dataSource={d.groups}
          data-testid="playbook"
          columns={[
            { title: t('group'), key: 'group', width: 120, render: (_, g) => <Tag color={g.group === 'churn_risk' ? 'red' : 'blue'}>{g.label}</Tag> },
            { title: t('traits'), dataIndex: 'traits' },
            { title: t('direction'), dataIndex: 'direction', width: 150 },
            { title: t('actions'), key: 'actions', render: (_, g) => <ol style={{ margin: 0, paddingInlineStart: 18 }}>{g.actions.map((a) => <li key={a}>{a}</li>)}</ol> },
            { title: t('owner'), dataIndex: 'owner', width: 130 },
            { title: t('due'), key: 'due', width: 120, render: (_, g) => (g.due === 'monthly' ? t('monthly') : t('withinDays', { days: g.due })) },
            { title: t('effect'), dataIndex: 'expectedEffect' },
            { key: 'create', width: 120, render: (_, g) => <Button size="small" onClick={() => onCreate(g)} data-testid={`playbook-create-${g.group}`}>{t('create')}</Button> },
          ]}
        />
      )}
    </Loading>
  );
}
