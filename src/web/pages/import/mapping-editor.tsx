/** The column mapping: for each column of the file, the field it feeds (or none), with sample values to judge by. */
import { Select, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useT } from '../../app/i18n.js';
import type { FilePreview } from './preview-step.js';

const m = {
  'zh-CN': {
    column: '文件中的列', samples: '示例值', field: '导入为字段', ignore: '（不导入）', required: '必填', auto: '自动识别', manual: '手动指定',
    id: '编号', text: '文本', date: '日期', datetime: '日期时间', amount: '金额', number: '数值', integer: '整数', rate: '比率', boolean: '是/否', period: '期间',
  },
  en: {
    column: 'Column in the file', samples: 'Sample values', field: 'Imported as field', ignore: '(not imported)', required: 'required', auto: 'recognised', manual: 'set by you',
    id: 'id', text: 'text', date: 'date', datetime: 'date & time', amount: 'amount', number: 'number', integer: 'whole number', rate: 'rate', boolean: 'yes/no', period: 'period',
  },
} as const;

type TypeWord = 'id' | 'text' | 'date' | 'datetime' | 'amount' | 'number' | 'integer' | 'rate' | 'boolean' | 'period';
const typeWords: readonly string[] = ['id', 'text', 'date', 'datetime', 'amount', 'number', 'integer', 'rate', 'boolean', 'period'];

export function MappingEditor({ preview, disabled, onChange }: { preview: FilePreview; disabled: boolean; onChange: (index: number, field: string | null) => void }) {
  const t = useT(m);
  const typeName = (type: string) => (typeWords.includes(type) ? t(type as TypeWord) : type);
  const missing = new Set(preview.missing.flatMap((x) => x.split('|')));
  const options = [
    { value: '', label: t('ignore') },
    ...preview.fields.map((f) => ({
      value: f.name,
      label: (
        <span>
          {f.name} <span style={{ color: '#8c8c8c' }}>· {typeName(f.type)}</span>
          {f.required && <Tag color={missing.has(f.name) ? 'red' : 'default'} style={{ marginInlineStart: 6 }}>{t('required')}</Tag>}
        </span>
      ),
      title: f.name,
    })),
  ];
  const rows = preview.headers.map((header, index) => ({ index, header, match: preview.mapping.find((c) => c.index === index) }));
  return (
    <Table
      size="small"
      rowKey="index"
      pagination={false}
      dataSource={rows}
      data-testid="mapping-editor"
      onRow={(r) => ({ 'data-testid': `map-row-${r.index}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('column'), dataIndex: 'header', width: 200, render: (h: string) => <strong>{h}</strong> },
        { title: t('samples'), key: 'samples', ellipsis: true, render: (_, r) => preview.sample.slice(0, 3).map((row) => row[r.index] ?? '').join(' · ') },
        {
          title: t('field'),
          key: 'field',
          width: 340,
          render: (_, r) => (
            <span>
              <Select
                style={{ width: 230 }}
                disabled={disabled}
                value={r.match?.field ?? ''}
                options={options}
                showSearch={{ optionFilterProp: 'title' }}
                onChange={(v: string) => onChange(r.index, v === '' ? null : v)}
                data-testid={`map-select-${r.index}`}
              />
              {r.match && <Tag style={{ marginInlineStart: 8 }} color={r.match.how === 'mapping' ? 'blue' : 'green'}>{t(r.match.how === 'mapping' ? 'manual' : 'auto')}</Tag>}
            </span>
          ),
        },
      ]}
    />
  );
}
