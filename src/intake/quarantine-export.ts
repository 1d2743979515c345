/**
 * Quarantined rows for people to fix: the reasons in words, and a file with
 * the original columns plus the reasons that can go straight back into the
 * intake. Shared by the CLI and the API.
 */
import { writeFile } from 'node:fs/promises';
import type { Lang } from '../i18n/i18n.js';
import { csvLine, UTF8_BOM } from '../export/csv-cell.js';
import { writeXlsx } from '../xlsx/xlsx-writer.js';
import { issueMessage } from './describe-import.js';
import type { QuarantinedRow } from './quarantine-store.js';

export function reasonsText(row: QuarantinedRow, lang: Lang): string {
  return row.reasons.map((r) => `${r.column ? `${r.column}: ` : ''}${issueMessage(r, lang)}`).join('; ');
}

/** Columns named "salescope: …" are ignored on re-import, so the file can go straight back in. */
export const reasonsHeader = { en: 'salescope: problems', 'zh-CN': 'salescope: 问题' } as const;
export const rowHeader = { en: 'salescope: original row', 'zh-CN': 'salescope: 原行号' } as const;

export async function exportQuarantine(out: string, rows: readonly QuarantinedRow[], lang: Lang): Promise<void> {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r.raw)))];
  const header = [...headers, reasonsHeader[lang], rowHeader[lang]];
  const body = rows.map((r) => [...headers.map((h) => r.raw[h] ?? null), reasonsText(r, lang), r.row]);
  if (out.toLowerCase().endsWith('.csv')) {
    await writeFile(out, UTF8_BOM + [header, ...body].map((cells) => csvLine(cells)).join(''), 'utf8');
    return;
  }
  await writeXlsx(out, [{ name: 'quarantine', header, rows: body, columns: header.map(() => ({ text: true })) }]);
}
