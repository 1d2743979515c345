/**
 * Explainable churn signals: each one a level (warn or alert) with the
 * evidence that raised it, from a customer's features at an as-of date, and
 * a 0–100 risk score = 100 × Σ weight × (alert 1, warn ½) ÷ Σ weights.
 * Pure: the same features and settings always give the same signals.
 */
import type { AnalysisConfig } from '../../config/analysis-config.js';

export type SignalCode = 'recency' | 'value' | 'competitor' | 'quote' | 'stalled' | 'complaints' | 'csat' | 'nps';
export const signalCodes: readonly SignalCode[] = ['recency', 'value', 'competitor', 'quote', 'stalled', 'complaints', 'csat', 'nps'];
export type SignalLevel = 'warn' | 'alert';

export interface Signal {
  readonly code: SignalCode;
  readonly level: SignalLevel;
  readonly evidence: Readonly<Record<string, number | string | readonly string[]>>;
}

export interface ChurnFeatures {
  readonly customerId: string;
  readonly lastPurchase: string;
  readonly daysSince: number;
  readonly purchaseDays: number;
  /** Median days between purchase days; null with fewer than two. */
  readonly cycleDays: number | null;
  /** Net sales in the last two quarters (182 days) and the two before. */
  readonly valueRecent: number;
  readonly valueBefore: number;
  /** Mean quote response hours in the recent window and in the year before it. */
  readonly quoteRecent: number | null;
  readonly quoteBefore: number | null;
  readonly competitorContacts: number;
  readonly competitors: readonly string[];
  readonly stalledProjects: number;
  readonly stalledOpportunities: number;
  readonly stalledDays: number | null;
  readonly complaints: number;
  readonly unresolvedComplaints: number;
  readonly csatMean: number | null;
  readonly npsLast: number | null;
}

type Settings = AnalysisConfig['churn'];
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function level(alert: boolean, warn: boolean): SignalLevel | null {
  return alert ? 'alert' : warn ? 'warn' : null;
}

/** Each rule: the level it reaches (or null) and its evidence. */
const rules: Readonly<Record<SignalCode, (f: ChurnFeatures, s: Settings) => { level: SignalLevel | null; evidence: Signal['evidence'] }>> = {
  recency: (f, s) => {
    if (f.cycleDays === null || !(f.cycleDays > 0)) return { level: null, evidence: {} };
    const ratio = f.daysSince / f.cycleDays;
    return { level: level(ratio >= s.alertCycles, ratio >= s.warnCycles), evidence: { daysSince: f.daysSince, cycleDays: f.cycleDays, ratio: round(ratio) } };
  },
  value: (f, s) => {
    if (!(f.valueBefore > 0)) return { level: null, evidence: {} };
    const change = (f.valueRecent - f.valueBefore) / f.valueBefore;
    return { level: level(change <= -s.valueDropAlert, change <= -s.valueDropWarn), evidence: { recent: round(f.valueRecent), before: round(f.valueBefore), change: round(change, 3) } };
  },
  competitor: (f) => ({ level: level(f.competitorContacts >= 2, f.competitorContacts >= 1), evidence: { contacts: f.competitorContacts, competitors: f.competitors } }),
  quote: (f, s) => {
    if (f.quoteRecent === null || f.quoteBefore === null || !(f.quoteBefore > 0)) return { level: null, evidence: {} };
    const ratio = f.quoteRecent / f.quoteBefore;
    return { level: level(ratio >= s.quoteRise * s.quoteRise, ratio >= s.quoteRise), evidence: { recentHours: round(f.quoteRecent, 1), beforeHours: round(f.quoteBefore, 1), ratio: round(ratio) } };
  },
  stalled: (f) => {
    const n = f.stalledOpportunities + f.stalledProjects;
    return { level: level(n >= 2, n >= 1), evidence: { opportunities: f.stalledOpportunities, idleDays: f.stalledDays ?? 0, projectReports: f.stalledProjects } };
  },
  complaints: (f) => ({ level: level(f.complaints >= 2 || f.unresolvedComplaints >= 1, f.complaints >= 1), evidence: { complaints: f.complaints, unresolved: f.unresolvedComplaints } }),
  csat: (f, s) => (f.csatMean === null ? { level: null, evidence: {} } : { level: level(f.csatMean < s.csatLow - 1, f.csatMean < s.csatLow), evidence: { meanScore: round(f.csatMean) } }),
  nps: (f) => (f.npsLast === null ? { level: null, evidence: {} } : { level: level(f.npsLast <= 3, f.npsLast <= 6), evidence: { lastScore: f.npsLast } }),
};

export function churnSignals(f: ChurnFeatures, s: Settings): Signal[] {
  const out: Signal[] = [];
  for (const code of signalCodes) {
    const r = rules[code](f, s);
    if (r.level !== null) out.push({ code, level: r.level, evidence: r.evidence });
  }
  return out;
}

export function riskScore(signals: readonly Signal[], weights: Settings['weights']): number {
  const total = signalCodes.reduce((sum, c) => sum + weights[c], 0);
  if (!(total > 0)) return 0;
  const raised = signals.reduce((sum, sig) => sum + weights[sig.code] * (sig.level === 'alert' ? 1 : 0.5), 0);
  return round((100 * raised) / total, 1);
}
