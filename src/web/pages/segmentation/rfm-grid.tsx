/** The RFM grid: customers and revenue per (recency score, frequency score) cell; a click lists the cell's customers. */
import { Segmented, Typography } from 'antd';
import { useState } from 'react';
import { navigate } from '../../app/hash-route.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatMoney, formatNumber, useMoney } from '../../app/money.js';
import { darkHeat, gridRows, heatColour, scoreRange, scores, wholeRange, type GridMeasure, type ScoreRange } from './rfm-grid-cells.js';
import type { RfmSection } from './segments-data.js';

const m = {
  'zh-CN': {
    byCustomers: '按客户数着色', byRevenue: '按销售额着色', corner: 'R ↓ / F →', days: '{range} 天', orders: '{range} 单',
    note: 'R = 最近购买得分（距上次购买天数，越近越高）；F = 频次得分（近 {window} 天订单数）。点击格子查看其中的客户。',
    cell: 'R{r} F{f}：{customers} 位客户，{revenue}', atMost: '≤ {v}', atLeast: '≥ {v}', between: '{a}–{b}',
  },
  en: {
    byCustomers: 'Colour by customers', byRevenue: 'Colour by revenue', corner: 'R ↓ / F →', days: '{range} days', orders: '{range} orders',
    note: 'R = recency score (days since the last order, recent is high); F = frequency score (orders in the last {window} days). Click a cell to list its customers.',
    cell: 'R{r} F{f}: {customers} customers, {revenue}', atMost: '≤ {v}', atLeast: '≥ {v}', between: '{a}–{b}',
  },
} as const;

const cellStyle = { width: '17.4%', padding: 0, border: '2px solid #fff' } as const;

export function RfmGrid({ rfm, drill }: { rfm: RfmSection; drill: Record<string, string | undefined> }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const [measure, setMeasure] = useState<GridMeasure>('customers');
  const rows = gridRows(rfm.grid, measure);
  const range = (r: ScoreRange) => {
    const w = wholeRange(r);
    const v = (x: number) => formatNumber(x, lang);
    if (w === null || (w.from === null && w.to === null)) return '–';
    if (w.from === null) return t('atMost', { v: v(w.to!) });
    if (w.to === null) return t('atLeast', { v: v(w.from) });
    return w.from === w.to ? v(w.from) : t('between', { a: v(w.from), b: v(w.to) });
  };
  return (
    <div data-testid="rfm-grid">
      <Segmented
        size="small"
        style={{ marginBottom: 8 }}
        value={measure}
        options={[{ value: 'customers', label: t('byCustomers') }, { value: 'revenue', label: t('byRevenue') }]}
        onChange={(v) => setMeasure(v as GridMeasure)}
      />
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <thead>
          <tr>
            <th style={{ width: '13%', fontWeight: 400, color: '#888', fontSize: 12 }}>{t('corner')}</th>
            {scores.map((f) => (
              <th key={f} style={{ fontWeight: 500, fontSize: 12, paddingBottom: 4 }}>
                F{f}
                <div style={{ fontWeight: 400, color: '#888' }}>{t('orders', { range: range(scoreRange(rfm.breaks.f, f, false)) })}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]!.r}>
              <th style={{ fontWeight: 500, fontSize: 12, textAlign: 'left', paddingRight: 4 }}>
                R{row[0]!.r}
                <div style={{ fontWeight: 400, color: '#888' }}>{t('days', { range: range(scoreRange(rfm.breaks.r, row[0]!.r, true)) })}</div>
              </th>
              {row.map((c) => (
                <td key={c.f} style={cellStyle}>
                  <button
                    type="button"
                    data-testid={`rfm-cell-${c.r}-${c.f}`}
                    title={t('cell', { r: c.r, f: c.f, customers: formatNumber(c.customers, lang), revenue: formatMoney(c.revenue, unit, lang) })}
                    disabled={c.customers === 0}
                    onClick={() => navigate('/customers', { ...drill, r: c.r, f: c.f })}
                    style={{
                      width: '100%', height: 62, border: 0, borderRadius: 4, cursor: c.customers > 0 ? 'pointer' : 'default',
                      background: heatColour(c.heat), color: c.heat >= darkHeat ? '#fff' : '#1f1f1f', overflow: 'hidden', lineHeight: 1.3,
                    }}
                  >
                    <div data-testid="rfm-cell-customers" style={{ fontWeight: 600, fontSize: 15 }}>{formatNumber(c.customers, lang)}</div>
                    <div style={{ fontSize: 11, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{c.customers > 0 ? formatMoney(c.revenue, unit, lang) : ''}</div>
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>{t('note', { window: rfm.windowDays })}</Typography.Paragraph>
    </div>
  );
}
