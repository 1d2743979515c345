/** Action plans: the playbook per customer group, tasks created in bulk from a customer list, and the board to work them off. */
import { Button, Card, Flex } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { navigate, type Route } from '../app/hash-route.js';
import { useT } from '../app/i18n.js';
import { BulkTaskForm } from './plans/bulk-task-form.js';
import { PlaybookTable, type PlaybookGroup } from './plans/playbook-table.js';
import { TaskBoard } from './plans/task-board.js';

const m = {
  'zh-CN': { playbook: '分层行动手册', bulk: '按客户名单批量建任务', openBulk: '批量建任务', board: '任务看板' },
  en: { playbook: 'Playbook by customer group', bulk: 'Create tasks in bulk from a customer list', openBulk: 'Create tasks in bulk', board: 'Task board' },
} as const;

/** The customer list a playbook group covers: its value tier, or everyone at high churn risk (score 50 and above). */
function groupList(g: PlaybookGroup): Record<string, string> {
  return g.group === 'churn_risk' ? { minRisk: '50' } : { tier: g.group };
}

export function PlansPage({ route }: { route: Route }) {
  const t = useT(m);
  const [created, setCreated] = useState(0);
  const p = route.params;
  const boardParams = { owner: p.owner, customer: p.customer };
  const fromPlaybook = (g: PlaybookGroup) => {
    const days = g.due === 'monthly' ? 30 : g.due;
    navigate('/plans', { ...boardParams, ...groupList(g), title: g.actions[0], due: dayjs().add(days, 'day').format('YYYY-MM-DD'), create: '1' });
  };
  const openBulk = () => navigate('/plans', { ...p, create: '1' });
  return (
    <Flex vertical gap={16} data-testid="plans-page">
      <Card title={t('playbook')} size="small" data-testid="plans-playbook">
        <PlaybookTable onCreate={fromPlaybook} />
      </Card>
      <Card
        title={t('bulk')}
        size="small"
        extra={p.create === '1' ? null : <Button type="primary" onClick={openBulk} data-testid="open-bulk">{t('openBulk')}</Button>}
        styles={p.create === '1' ? {} : { body: { display: 'none' } }}
      >
        {p.create === '1' && <BulkTaskForm key={`${p.title ?? ''}|${p.due ?? ''}`} route={route} onCreated={() => setCreated((n) => n + 1)} />}
      </Card>
      <Card title={t('board')} size="small">
        <TaskBoard route={route} refresh={created} />
      </Card>
    </Flex>
  );
}
