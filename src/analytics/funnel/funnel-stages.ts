/**
 * Which funnel stage a stage name means: the configured stages in order,
 * each with the other names files use for it. Matching ignores case and
 * surrounding spaces. Names that are no stage (输单, Lost) map to nothing.
 */
import { quoteLiteral as lit } from '../../store/engine.js';

export interface FunnelStageSettings {
  readonly stages: readonly string[];
  readonly aliases: Readonly<Record<string, readonly string[]>>;
}

export function stageNames(s: FunnelStageSettings): { readonly name: string; readonly index: number }[] {
  const out = new Map<string, number>();
  s.stages.forEach((stage, index) => {
    for (const name of [stage, ...(s.aliases[stage] ?? [])]) {
      const key = name.trim().toLowerCase();
      if (key !== '' && !out.has(key)) out.set(key, index);
    }
  });
  return [...out].map(([name, index]) => ({ name, index }));
}

/** A relation (name, idx) of every stage name, for joining on lower(trim(stage)). */
export function stageMapSql(s: FunnelStageSettings): string {
  const rows = stageNames(s).map((n) => `(${lit(n.name)}, ${n.index})`);
  return `(SELECT * FROM (VALUES ${rows.join(', ')}) sm(name, idx))`;
}
