/** docs/data-model.md, generated from the data model so the two never drift. */
import { dataModel, type Sensitivity } from './data-model.js';

const classes: Record<Sensitivity, string> = {
  internal: 'ordinary business data, visible to anyone who may see the record',
  confidential: 'money, margins and targets: commercial secrets, kept from roles without access to them',
  personal: 'personal information (PIPL): masked unless the role may reveal it; every reveal is audited; *sealed* columns are stored encrypted (AES-256-GCM, key outside the store)',
  secret: 'credentials: never shown, never exported',
};

export function dataModelMarkdown(): string {
  const lines: string[] = [
    '# Data model',
    '',
    '<!-- Generated from src/store/schema/data-model.ts by `npm run docs:data-model`; a test fails when it is stale. -->',
    '',
    'The canonical tables every import lands in. Order lines are the fact table; orders are derived from them.',
    'Every column carries a sensitivity class:',
    '',
    ...Object.entries(classes).map(([k, v]) => `- **${k}**: ${v}`),
    '',
    'Imported tables have no PRIMARY KEY constraint (a bulk replace of many keys is far faster without one);',
    'the intake keeps each natural key unique, and tests check it.',
    '',
  ];
  for (const t of dataModel) {
    lines.push(`## ${t.name}`, '', t.doc, '', `Natural key: ${t.key.map((k) => `\`${k}\``).join(' + ')}`, '');
    lines.push('| column | type | sensitivity | meaning |', '| --- | --- | --- | --- |');
    for (const c of t.columns) lines.push(`| \`${c.name}\` | ${docType(c.type)} | ${c.sensitivity}${c.sealed ? ', sealed' : ''} | ${c.doc.replaceAll('|', '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Enumerations are named, not spelled out: their labels are in the column's meaning. */
function docType(type: string): string {
  return type.startsWith('ENUM(') ? 'ENUM (text in PostgreSQL)' : type;
}
