/** When and why the analysis settings changed: every saved version with its note, newest first. */
import { Table, Typography } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatDate } from '../../app/money.js';
import type { SettingsVersion } from './settings-draft.js';

const m = {
  'zh-CN': { title: '版本记录', version: '版本', when: '保存时间', note: '修改说明', current: '（当前）', defaults: '默认设置（首次分析）', app: '在网页中修改', analysis: '随分析一同修改' },
  en: { title: 'Versions', version: 'Version', when: 'Saved', note: 'Note', current: ' (in force)', defaults: 'Defaults (first analysis)', app: 'Changed in the app', analysis: 'Changed for an analysis' },
} as const;

/** Notes salescope writes itself, shown in the reader's language; people's own notes as written. */
const ownNotes: Readonly<Record<string, 'defaults' | 'app' | 'analysis'>> = { defaults: 'defaults', 'changed in the app': 'app', 'changed for an analysis': 'analysis' };

export function SettingsHistory({ history, current }: { history: NonNullable<SettingsVersion['history']>; current: number }) {
  const t = useT(m);
  const { lang } = useLang();
  if (history.length === 0) return null;
  return (
    <div style={{ marginTop: 16 }} data-testid="settings-history">
      <Typography.Title level={5}>{t('title')}</Typography.Title>
      <Table
        size="small"
        rowKey="version"
        pagination={history.length > 5 ? { pageSize: 5, size: 'small' } : false}
        dataSource={[...history]}
        columns={[
          { title: t('version'), dataIndex: 'version', width: 110, render: (v: number) => `${v}${v === current ? t('current') : ''}` },
          { title: t('when'), dataIndex: 'createdAt', width: 140, render: (d: string) => formatDate(d.slice(0, 10), lang) },
          { title: t('note'), dataIndex: 'note', render: (n: string | null) => (n === null ? '—' : ownNotes[n] !== undefined ? t(ownNotes[n]) : n) },
        ]}
      />
    </div>
  );
}
