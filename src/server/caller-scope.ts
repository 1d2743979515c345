/**
 * The customers a caller sees, as the analysis scope the routes apply: a
 * rep's own customers, a manager's team's, everyone's for the other roles.
 * Filters a caller chooses narrow it further and never widen it.
 */
import { customerScope, type Principal } from '../access/roles.js';
import type { AnalysisScope } from '../analytics/analysis-scope.js';
import { ApiError } from './api-error.js';

export function callerScope(p: Principal | null): AnalysisScope {
  if (p === null) return {};
  const s = customerScope(p);
  switch (s.kind) {
    case 'all':
      return {};
    case 'rep':
      return { rep: s.repId };
    case 'team':
      return { team: s.team };
    case 'none':
      throw new ApiError(403, 'forbidden', { role: p.role });
    default:
      return s satisfies never;
  }
}

/** The caller's filters within their scope: the scope's keys win. */
export function withinScope(p: Principal | null, filters: AnalysisScope): AnalysisScope {
  return { ...filters, ...callerScope(p) };
}
