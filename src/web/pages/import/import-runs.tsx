/** Past import runs, newest first, with their counts; a run with rejected rows opens its quarantine. */
import { Button, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useLang, useT } from '../../app/i18n.js';
import { formatDate, formatNumber } from '../../app/money.js';
import { Loading } from '../../app/page-state.js';
import { useApi } from '../../app/use-api.js';
import { useEntities } from './use-entity-label.js';

interface Run {
  runId: number;
  file: string | null;
  entity: string | null;
  status: string;
  rows: number | null;
  inserted: number | null;
  updated: number | null;
  unchanged: number | null;
  duplicates: number | null;
  quarantined: number | null;
  warnings: number | null;
  finishedAt: string | null;
}

interface RunPage {
  total: number;
  page: number;
  pageSize: number;
  items: Run[];
}

const numbers = ['rows', 'inserted', 'updated', 'unchanged', 'duplicates', 'warnings'] as const;

const m = {
  'zh-CN': {
    run: '批次', file: '文件', entity: '数据类型', status: '状态', finished: '完成时间', committed: '已导入', failed: '失败',
    rows: '行数', inserted: '新增', updated: '更新', unchanged: '未变', duplicates: '重复', quarantined: '隔离', warnings: '警告', total: '共 {n} 次导入',
  },
  en: {
    run: 'Run', file: 'File', entity: 'Data type', status: 'Status', finished: 'Finished', committed: 'imported', failed: 'failed',
    rows: 'Rows', inserted: 'Inserted', updated: 'Updated', unchanged: 'Unchanged', duplicates: 'Duplicates', quarantined: 'Quarantined', warnings: 'Warnings', total: '{n} imports',
  },
} as const;

/** The file's own name: runs from the command line store the whole path. */
const baseName = (file: string | null) => (file ?? '–').split(/[\\/]/).pop() ?? '–';

export function ImportRuns({ selected, onSelect }: { selected: number | null; onSelect: (runId: number) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const entities = useEntities();
  const [page, setPage] = useState(1);
  const runs = useApi<RunPage>('/api/imports', { page, pageSize: 10 });
  const n = (v: number | null) => formatNumber(v, lang);
  return (
    <Loading state={runs}>
      {(d) => (
        <Table
          size="small"
          rowKey="runId"
          dataSource={d.items}
          data-testid="import-runs"
          scroll={{ x: 1400 }}
          rowClassName={(r) => (r.runId === selected ? 'ant-table-row-selected' : '')}
          pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, showSizeChanger: false, onChange: setPage, showTotal: (total) => t('total', { n: n(total) }) }}
          columns={[
            { title: t('run'), dataIndex: 'runId', width: 70 },
            { title: t('file'), key: 'file', ellipsis: true, render: (_, r) => <Tooltip title={r.file}>{baseName(r.file)}</Tooltip> },
            { title: t('entity'), key: 'entity', width: 130, render: (_, r) => entities.label(r.entity) },
            { title: t('status'), key: 'status', width: 90, render: (_, r) => <Tag color={r.status === 'committed' ? 'green' : 'red'}>{r.status === 'committed' || r.status === 'failed' ? t(r.status) : r.status}</Tag> },
            { title: t('finished'), key: 'finished', width: 170, render: (_, r) => (r.finishedAt ? `${formatDate(r.finishedAt, lang)} ${r.finishedAt.slice(11, 16)}` : '–') },
            ...numbers.map((k) => ({ title: t(k), key: k, align: 'right' as const, width: 100, render: (_: unknown, r: Run) => n(r[k]) })),
            {
              title: t('quarantined'),
              key: 'quarantined',
              align: 'right',
              width: 100,
              render: (_, r) => (r.quarantined ? <Button type="link" size="small" danger onClick={() => onSelect(r.runId)} data-testid={`run-quarantine-${r.runId}`}>{n(r.quarantined)}</Button> : n(r.quarantined)),
            },
          ]}
        />
      )}
    </Loading>
  );
}
