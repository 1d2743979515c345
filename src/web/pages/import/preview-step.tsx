/** Wizard step 2: how the file was read, its first rows, the data type and the column mapping, all editable before importing. */
import { Alert, Button, Descriptions, Flex, Popconfirm, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber } from '../../app/money.js';
import { MappingEditor } from './mapping-editor.js';
import { useEntities } from './use-entity-label.js';

export interface FilePreview {
  uploadId: string;
  file: string;
  format: 'csv' | 'xlsx' | 'parquet';
  encoding: string | null;
  sheet: string | null;
  delimiter: string | null;
  rows: number;
  headers: string[];
  sample: (string | null)[][];
  entity: string;
  fields: { name: string; type: string; required: boolean }[];
  mapping: { index: number; header: string; field: string; how: string }[];
  unmapped: { index: number; header: string }[];
  missing: string[];
  notes: { code: string; severity: 'warning' | 'info'; message: string }[];
}

const m = {
  'zh-CN': {
    file: '文件', format: '格式', encoding: '编码', sheet: '工作表', delimiter: '分隔符', rows: '数据行数', entity: '数据类型',
    missing: '缺少必填字段：', missingHint: '请在下方为它们选择对应的列，之后才能导入', first: '前 {n} 行', mapping: '列映射',
    import: '导入 {n} 行', discard: '放弃此文件', discardSure: '放弃后需要重新上传，确定吗？', yes: '放弃', no: '取消', tab: '制表符', oneOf: '（任选其一）',
  },
  en: {
    file: 'File', format: 'Format', encoding: 'Encoding', sheet: 'Sheet', delimiter: 'Delimiter', rows: 'Data rows', entity: 'Data type',
    missing: 'Required fields missing: ', missingHint: 'pick the column for each below; then it can be imported', first: 'First {n} rows', mapping: 'Column mapping',
    import: 'Import {n} rows', discard: 'Discard this file', discardSure: 'You will have to upload it again. Discard?', yes: 'Discard', no: 'Cancel', tab: 'tab', oneOf: ' (any one)',
  },
} as const;

interface Props {
  preview: FilePreview;
  busy: boolean;
  onEntity: (entity: string) => void;
  onMapping: (index: number, field: string | null) => void;
  onImport: () => void;
  onDiscard: () => void;
}

export function PreviewStep({ preview, busy, onEntity, onMapping, onImport, onDiscard }: Props) {
  const t = useT(m);
  const { lang } = useLang();
  const entities = useEntities();
  return (
    <Spin spinning={busy}>
      <Flex vertical gap={16} data-testid="preview-step">
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('file')}>{preview.file}</Descriptions.Item>
          <Descriptions.Item label={t('format')}><span data-testid="preview-format">{preview.format.toUpperCase()}</span></Descriptions.Item>
          <Descriptions.Item label={t('encoding')}><span data-testid="preview-encoding">{preview.encoding ?? '–'}</span></Descriptions.Item>
          {preview.sheet !== null && <Descriptions.Item label={t('sheet')}>{preview.sheet}</Descriptions.Item>}
          {preview.delimiter !== null && <Descriptions.Item label={t('delimiter')}>{preview.delimiter === '\t' ? t('tab') : preview.delimiter}</Descriptions.Item>}
          <Descriptions.Item label={t('rows')}><span data-testid="preview-rows">{formatNumber(preview.rows, lang)}</span></Descriptions.Item>
        </Descriptions>
        <Space>
          {t('entity')}:
          <Select
            style={{ width: 220 }}
            value={preview.entity}
            disabled={busy}
            options={entities.choices.map((e) => ({ value: e.name, label: e.label[lang] }))}
            onChange={onEntity}
            data-testid="preview-entity"
          />
        </Space>
        {preview.notes.map((n) => <Alert key={n.code} type={n.severity} showIcon title={n.message} />)}
        {preview.missing.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="preview-missing"
            title={<>{t('missing')}{preview.missing.map((x) => <Tag key={x} color="red">{x.split('|').join(' / ')}{x.includes('|') ? t('oneOf') : ''}</Tag>)}</>}
            description={t('missingHint')}
          />
        )}
        <Typography.Title level={5} style={{ margin: 0 }}>{t('mapping')}</Typography.Title>
        <MappingEditor preview={preview} disabled={busy} onChange={onMapping} />
        <Typography.Title level={5} style={{ margin: 0 }}>{t('first', { n: preview.sample.length })}</Typography.Title>
        <SampleTable preview={preview} />
        <Space>
          <Button type="primary" disabled={busy || preview.missing.length > 0} onClick={onImport} data-testid="import-run">{t('import', { n: formatNumber(preview.rows, lang) })}</Button>
          <Popconfirm title={t('discardSure')} okText={t('yes')} cancelText={t('no')} onConfirm={onDiscard}>
            <Button danger disabled={busy} data-testid="import-discard">{t('discard')}</Button>
          </Popconfirm>
        </Space>
      </Flex>
    </Spin>
  );
}

function SampleTable({ preview }: { preview: FilePreview }) {
  const rows = preview.sample.map((cells, i) => ({ key: i, cells }));
  return (
    <Table
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      data-testid="preview-sample"
      columns={preview.headers.map((h, i) => {
        const field = preview.mapping.find((c) => c.index === i)?.field;
        return {
          title: <span>{h}{field && <div style={{ fontWeight: 'normal', color: '#1f6feb', fontSize: 12 }}>→ {field}</div>}</span>,
          key: String(i),
          render: (_: unknown, r: { cells: (string | null)[] }) => r.cells[i] ?? '',
        };
      })}
    />
  );
}
