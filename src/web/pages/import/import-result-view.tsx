/** Wizard step 3: what the import did, row by row counted, and every problem in words. */
import { Alert, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber } from '../../app/money.js';
import { joinList } from '../../../i18n/i18n.js';

export interface ImportResult {
  file: string;
  entity: string;
  runId: number;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  quarantined: number;
  warnings: number;
  issues: { row: number; column: string; code: string; severity: 'error' | 'warning'; message: string }[];
  issuesTruncated: number;
  notes: { code: string; severity: 'warning' | 'info'; message: string }[];
  duplicateCandidates: { key: string; customers: { id: string; name: string }[] }[];
}

const counts = ['rows', 'inserted', 'updated', 'unchanged', 'duplicates', 'quarantined', 'warnings'] as const;

const m = {
  'zh-CN': {
    rows: '行数', inserted: '新增', updated: '更新', unchanged: '未变', duplicates: '重复', quarantined: '隔离', warnings: '警告',
    done: '{file} 已导入（批次 {run}）', issues: '问题清单', row: '行号', column: '列', problem: '问题', error: '错误', warning: '警告',
    more: '另有 {n} 条问题未列出，见下方隔离区或导出文件', again: '导入另一个文件', review: '查看隔离的行', twins: '疑似重复客户：{names}',
  },
  en: {
    rows: 'Rows', inserted: 'Inserted', updated: 'Updated', unchanged: 'Unchanged', duplicates: 'Duplicates', quarantined: 'Quarantined', warnings: 'Warnings',
    done: '{file} imported (run {run})', issues: 'Issues', row: 'Row', column: 'Column', problem: 'Problem', error: 'error', warning: 'warning',
    more: '{n} more issues not listed; see the quarantine below or its file', again: 'Import another file', review: 'Review quarantined rows', twins: 'Possibly one customer twice: {names}',
  },
} as const;

export function ImportResultView({ result, onAgain, onReview }: { result: ImportResult; onAgain: () => void; onReview: () => void }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-result">
      <Alert type={result.quarantined > 0 ? 'warning' : 'success'} showIcon title={t('done', { file: result.file, run: result.runId })} />
      <Row gutter={[12, 12]}>
        {counts.map((k) => (
          <Col key={k} xs={12} md={6} xl={3}>
            <Card size="small" data-testid={`result-${k}`}>
              <Statistic title={t(k)} value={formatNumber(result[k], lang)} styles={{ content: { color: k === 'quarantined' && result[k] > 0 ? '#cf1322' : undefined } }} />
            </Card>
          </Col>
        ))}
      </Row>
      {result.notes.map((n) => <Alert key={n.code} type={n.severity} showIcon title={n.message} />)}
      {result.duplicateCandidates.map((d) => <Alert key={d.key} type="info" showIcon title={t('twins', { names: joinList(d.customers.map((c) => `${c.name} (${c.id})`), lang) })} />)}
      {result.issues.length > 0 && <IssueTable result={result} />}
      <Space>
        <Button type="primary" onClick={onAgain} data-testid="import-again">{t('again')}</Button>
        {result.quarantined > 0 && <Button onClick={onReview}>{t('review')}</Button>}
      </Space>
    </Space>
  );
}

function IssueTable({ result }: { result: ImportResult }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <div>
      <Typography.Title level={5}>{t('issues')}</Typography.Title>
      <Table
        size="small"
        rowKey={(i) => `${i.row}-${i.column}-${i.code}`}
        dataSource={result.issues}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="import-issues"
        columns={[
          { title: t('row'), dataIndex: 'row', width: 80, render: (n: number) => formatNumber(n, lang) },
          { title: t('column'), dataIndex: 'column', width: 160 },
          { title: '', dataIndex: 'severity', width: 80, render: (s: 'error' | 'warning') => <Tag color={s === 'error' ? 'red' : 'orange'}>{t(s)}</Tag> },
          { title: t('problem'), dataIndex: 'message' },
        ]}
      />
      {result.issuesTruncated > 0 && <Typography.Text type="secondary">{t('more', { n: formatNumber(result.issuesTruncated, lang) })}</Typography.Text>}
    </div>
  );
}
