/**
 * The task board: one column per status, filtered by owner or customer (kept
 * in the URL). Every edit names the version it read, so an edit that lost to
 * someone else's is refused; the board then shows why and reloads.
 */
import { Alert, Card, Col, Empty, Input, Row, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiSend, asFailure } from '../../app/api-client.js';
import { navigate, type Route } from '../../app/hash-route.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber } from '../../app/money.js';
import { useApi } from '../../app/use-api.js';
import { TaskCard, taskStatuses, useStatusLabel, type Task, type TaskEdit, type TaskStatus } from './task-card.js';

interface TaskPage {
  total: number;
  items: Task[];
}

const columnSize = 100;

const m = {
  'zh-CN': { owner: '按负责人筛选', customer: '按客户编号筛选', shown: '显示前 {n} 条，共 {total} 条', empty: '无任务' },
  en: { owner: 'Filter by owner', customer: 'Filter by customer id', shown: 'First {n} of {total}', empty: 'No tasks' },
} as const;

export function TaskBoard({ route, refresh }: { route: Route; refresh: number }) {
  const t = useT(m);
  const { lang } = useLang();
  const [edits, setEdits] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const filters = { owner: route.params.owner, customer: route.params.customer };
  const setFilter = (patch: Partial<typeof filters>) => navigate('/plans', { ...route.params, ...patch });
  const edit = useCallback(async (task: Task, change: TaskEdit) => {
    setError(null);
    try {
      await apiSend('PATCH', `/api/tasks/${task.taskId}`, { version: task.version, ...change }, lang);
    } catch (e) {
      setError(asFailure(e).message);
    }
    setEdits((n) => n + 1);
  }, [lang]);
  return (
    <div data-testid="task-board">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear defaultValue={filters.owner} placeholder={t('owner')} style={{ width: 200 }} onSearch={(owner) => setFilter({ owner })} data-testid="task-filter-owner" />
        <Input.Search allowClear defaultValue={filters.customer} placeholder={t('customer')} style={{ width: 200 }} onSearch={(customer) => setFilter({ customer })} data-testid="task-filter-customer" />
      </Space>
      {error !== null && <Alert type="warning" showIcon closable={{ onClose: () => setError(null) }} title={error} style={{ marginBottom: 12 }} data-testid="task-error" />}
      <Row gutter={12}>
        {taskStatuses.map((s) => (
          <Col key={s} xs={24} md={12} xl={6}>
            <TaskColumn status={s} filters={filters} tick={edits + refresh} onEdit={(task, change) => void edit(task, change)} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

function TaskColumn({ status, filters, tick, onEdit }: { status: TaskStatus; filters: { owner?: string | undefined; customer?: string | undefined }; tick: number; onEdit: (task: Task, edit: TaskEdit) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const label = useStatusLabel();
  const list = useApi<TaskPage>('/api/tasks', { status, ...filters, pageSize: columnSize });
  const { reload } = list;
  const seen = useRef(tick);
  useEffect(() => {
    if (seen.current === tick) return;
    seen.current = tick;
    reload();
  }, [tick, reload]);
  const total = list.data?.total ?? 0;
  return (
    <Card
      size="small"
      title={label(status)}
      extra={<span data-testid="task-count">{formatNumber(total, lang)}</span>}
      styles={{ body: { background: '#f5f7fa', maxHeight: 640, overflowY: 'auto', padding: 8 } }}
      data-testid={`task-column-${status}`}
    >
      <Spin spinning={list.loading}>
        {list.error && <Alert type="error" title={list.error.message} />}
        {list.data?.items.map((task) => <TaskCard key={`${task.taskId}-${task.version}`} task={task} onEdit={onEdit} />)}
        {list.data && total === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />}
        {total > columnSize && <Typography.Text type="secondary">{t('shown', { n: columnSize, total: formatNumber(total, lang) })}</Typography.Text>}
      </Spin>
    </Card>
  );
}
