/** Tier migration between the previous snapshot and this one: who stayed, moved up or down, arrived or left. */
import { Empty, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLang, useT, useTierLabel } from '../../app/i18n.js';
import { formatNumber } from '../../app/money.js';
import { migrationMatrix, type Direction, type MigrationScheme } from './migration-matrix.js';
import type { SegmentsData } from './segments-data.js';

const m = {
  'zh-CN': {
    value: '价值分层', rfm: 'RFM 分层', corner: '上期 ↓ / 本期 →', total: '合计',
    stay: '未变 {n}', up: '升级 {n}', down: '降级 {n}', entered: '新进入 {n}', left: '退出 {n}',
    none: '还没有可比较的上一期分析',
    noneHint: '迁移矩阵比较本期与上一期（更早截止日）的分析。在新数据导入后再运行一次分析（salescope analyze），这里就会显示客户在分层间的流动。',
  },
  en: {
    value: 'Value tiers', rfm: 'RFM tiers', corner: 'previous ↓ / now →', total: 'Total',
    stay: 'stayed {n}', up: 'moved up {n}', down: 'moved down {n}', entered: 'new {n}', left: 'left {n}',
    none: 'No earlier analysis to compare with yet',
    noneHint: 'The matrix compares this analysis with the previous one (an earlier as-of date). Run the analysis again after the next import (salescope analyze) to see customers move between tiers.',
  },
} as const;

const tone: Record<Direction, { background: string; color: string }> = {
  stay: { background: '#f0f0f0', color: '#1f1f1f' },
  up: { background: '#f6ffed', color: '#237804' },
  down: { background: '#fff1f0', color: '#a8071a' },
  entered: { background: '#e6f4ff', color: '#0958d9' },
  left: { background: '#fafafa', color: '#8c8c8c' },
};
const tagColour: Record<Direction, string> = { stay: 'default', up: 'green', down: 'red', entered: 'blue', left: 'default' };
const directions: readonly Direction[] = ['stay', 'up', 'down', 'entered', 'left'];

export function MigrationCard({ migration }: { migration: SegmentsData['migration'] }) {
  const t = useT(m);
  const { lang } = useLang();
  const tierLabel = useTierLabel();
  const [scheme, setScheme] = useState<MigrationScheme>('value');
  if (migration === null) return <Empty data-testid="migration-empty" description={<><div>{t('none')}</div><Typography.Text type="secondary">{t('noneHint')}</Typography.Text></>} />;
  const matrix = migrationMatrix(migration[scheme], scheme);
  const cellStyle = { padding: '6px 8px', textAlign: 'right', border: '1px solid #fff' } as const;
  return (
    <div data-testid="migration">
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented value={scheme} options={[{ value: 'value', label: t('value') }, { value: 'rfm', label: t('rfm') }]} onChange={(v) => setScheme(v as MigrationScheme)} />
        {directions.map((d) => <Tag key={d} color={tagColour[d]} data-testid={`migration-${d}`}>{t(d, { n: formatNumber(matrix.summary[d], lang) })}</Tag>)}
      </Space>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13 }} data-testid="migration-matrix">
          <thead>
            <tr>
              <th style={{ textAlign: 'left', fontWeight: 400, color: '#888', padding: 6 }}>{t('corner')}</th>
              {matrix.columns.map((c) => <th key={c} style={{ textAlign: 'right', padding: 6, fontWeight: 500 }}>{tierLabel(c)}</th>)}
              <th style={{ textAlign: 'right', padding: 6, fontWeight: 500 }}>{t('total')}</th>
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r) => (
              <tr key={r.from}>
                <th style={{ textAlign: 'left', padding: 6, fontWeight: 500 }}>{tierLabel(r.from)}</th>
                {r.cells.map((c) => (
                  <td key={c.to} style={{ ...cellStyle, ...(c.customers > 0 ? tone[c.direction] : { color: '#bfbfbf' }) }} data-testid={`migration-cell-${r.from}-${c.to}`}>
                    {formatNumber(c.customers, lang)}
                  </td>
                ))}
                <td style={{ ...cellStyle, fontWeight: 500 }}>{formatNumber(r.total, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
