/** The rows an import rejected: where they were in the file, what they held, why; and the file to fix them in and import again. */
import { Button, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { apiUrl } from '../../app/api-client.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber } from '../../app/money.js';
import { Loading } from '../../app/page-state.js';
import { useApi } from '../../app/use-api.js';

interface QuarantinedRow {
  runId: number;
  file: string;
  row: number;
  raw: Record<string, string | null>;
  reasons: { column: string; code: string; value: string | null }[];
  message: string;
}

interface QuarantinePage {
  runId: number | null;
  total: number;
  page: number;
  pageSize: number;
  items: QuarantinedRow[];
}

const m = {
  'zh-CN': {
    heading: '批次 {run} 被隔离的行：{n} 行', none: '没有被隔离的行', row: '文件行号', values: '原始内容', reasons: '原因',
    download: '下载隔离文件 (Excel)', hint: '在文件中改正后，可再次导入',
  },
  en: {
    heading: 'Quarantined rows of run {run}: {n}', none: 'No quarantined rows', row: 'Row in file', values: 'Original values', reasons: 'Reasons',
    download: 'Download quarantine file (Excel)', hint: 'Fix the rows in the file, then import it again',
  },
} as const;

export function QuarantineReview({ runId }: { runId: number | null }) {
  const t = useT(m);
  const { lang } = useLang();
  const [page, setPage] = useState(1);
  const list = useApi<QuarantinePage>('/api/quarantine', { run: runId, page, pageSize: 20 });
  return (
    <Loading state={list}>
      {(d) => d.total === 0 || d.runId === null ? <Empty description={t('none')} /> : (
        <div data-testid="quarantine">
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text strong data-testid="quarantine-heading">{t('heading', { run: d.runId, n: formatNumber(d.total, lang) })}</Typography.Text>
            <Button href={apiUrl('/api/quarantine/export', { run: d.runId, format: 'xlsx' }, lang)} data-testid="quarantine-download">{t('download')}</Button>
            <Typography.Text type="secondary">{t('hint')}</Typography.Text>
          </Space>
          <Table
            size="small"
            rowKey={(r) => `${r.runId}-${r.row}`}
            dataSource={d.items}
            data-testid="quarantine-rows"
            pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, showSizeChanger: false, onChange: setPage }}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 90, render: (n: number) => formatNumber(n, lang) },
              { title: t('values'), key: 'raw', render: (_, r) => <RawValues row={r} /> },
              { title: t('reasons'), dataIndex: 'message', width: '38%' },
            ]}
          />
        </div>
      )}
    </Loading>
  );
}

/** The row as the file had it, the columns at fault in red. */
function RawValues({ row }: { row: QuarantinedRow }) {
  const bad = new Set(row.reasons.map((r) => r.column));
  return (
    <span style={{ fontSize: 12 }}>
      {Object.entries(row.raw).map(([k, v]) => (
        <span key={k} style={{ marginInlineEnd: 12, whiteSpace: 'nowrap', color: bad.has(k) ? '#cf1322' : undefined }}>
          <span style={{ color: bad.has(k) ? undefined : '#8c8c8c' }}>{k}:</span> {v ?? '–'}
        </span>
      ))}
    </span>
  );
}
