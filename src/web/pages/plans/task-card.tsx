/** One task on the board: what, for whom, who and by when, each editable in place. */
import { Card, DatePicker, Flex, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { href } from '../../app/hash-route.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatDate } from '../../app/money.js';

export const taskStatuses = ['open', 'doing', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export interface Task {
  taskId: number;
  customerId: string | null;
  title: string;
  owner: string | null;
  dueDate: string | null;
  status: TaskStatus;
  version: number;
}

export type TaskEdit = Partial<{ status: TaskStatus; owner: string | null; dueDate: string | null }>;

const m = {
  'zh-CN': { open: '待办', doing: '进行中', done: '已完成', cancelled: '已取消', noCustomer: '（不针对客户）', noOwner: '未指派', noDue: '无期限', overdue: '已逾期', owner: '负责人', due: '截止', customer: '客户' },
  en: { open: 'To do', doing: 'In progress', done: 'Done', cancelled: 'Cancelled', noCustomer: '(no customer)', noOwner: 'Unassigned', noDue: 'No due date', overdue: 'Overdue', owner: 'Owner', due: 'Due', customer: 'Customer' },
} as const;

export function useStatusLabel() {
  const t = useT(m);
  return useCallback((s: TaskStatus) => t(s), [t]);
}

export function TaskCard({ task, onEdit }: { task: Task; onEdit: (task: Task, edit: TaskEdit) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const overdue = task.dueDate !== null && (task.status === 'open' || task.status === 'doing') && task.dueDate < dayjs().format('YYYY-MM-DD');
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`task-${task.taskId}`}>
      <Typography.Paragraph strong style={{ marginBottom: 4 }} data-testid="task-title">{task.title}</Typography.Paragraph>
      <Flex vertical gap={2} style={{ fontSize: 13 }}>
        <span>
          {t('customer')}: {task.customerId === null ? t('noCustomer') : <a href={href('/customer', { id: task.customerId })} data-testid="task-customer">{task.customerId}</a>}
        </span>
        <span>
          {t('owner')}:{' '}
          <Typography.Text editable={{ onChange: (v) => v.trim() !== (task.owner ?? '') && onEdit(task, { owner: v.trim() || null }) }} data-testid="task-owner">
            {task.owner ?? ''}
          </Typography.Text>
          {task.owner === null && <Typography.Text type="secondary">{t('noOwner')}</Typography.Text>}
        </span>
        <Flex align="center" gap={4}>
          {t('due')}:
          <DatePicker
            size="small"
            variant="borderless"
            inputReadOnly
            placeholder={t('noDue')}
            value={task.dueDate ? dayjs(task.dueDate) : null}
            format={(d) => formatDate(d.format('YYYY-MM-DD'), lang)}
            onChange={(d) => onEdit(task, { dueDate: d ? d.format('YYYY-MM-DD') : null })}
            data-testid="task-due"
          />
          {overdue && <Tag color="red">{t('overdue')}</Tag>}
        </Flex>
        <Select
          size="small"
          style={{ width: 130 }}
          value={task.status}
          options={taskStatuses.map((s) => ({ value: s, label: t(s) }))}
          onChange={(status: TaskStatus) => onEdit(task, { status })}
          data-testid="task-status"
        />
      </Flex>
    </Card>
  );
}
