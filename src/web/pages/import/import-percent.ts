/** How far an import is, as one percentage for the wizard's progress bar. */
export interface ImportProgressState {
  readonly phase: 'idle' | 'reading' | 'validating' | 'writing';
  readonly done: number;
  readonly total: number;
}

/** Overall percent: reading is most of the wait, then checking, then writing. */
export function importPercent(p: ImportProgressState): number {
  const part = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  switch (p.phase) {
    case 'idle':
      return 0;
    case 'reading':
      return Math.round(60 * part);
    case 'validating':
      return 60 + Math.round(15 * part);
    case 'writing':
      return 75 + Math.round(25 * part);
    default:
      return p.phase satisfies never;
  }
}
