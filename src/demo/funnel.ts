/**
 * The sales funnel as a per-opportunity simulation: each stage either
 * advances (after a gamma-distributed dwell) or loses the deal. The planted
 * bottleneck is 商务洽谈 → 报价: the lowest advance rate and the longest
 * dwell, as when negotiations stall over price and terms.
 */
import type { Day } from './day.js';
import { competitors, competitorWeights, type Competitor, type IndustryName } from './industries.js';
import type { Complexity } from './customers.js';
import type { Rng } from '../domain/rng.js';

export const funnelStages = ['线索', '意向', '商务洽谈', '报价', '成交'] as const;
export type FunnelStage = (typeof funnelStages)[number];
export type OpenStage = Exclude<FunnelStage, '成交'>;
export type HistoryStage = FunnelStage | '输单';
export type LostReason = '价格过高' | '选择竞争对手' | '预算取消' | '需求变更' | '交期不满足' | '技术不匹配';
export type Outcome = 'won' | 'lost' | 'open';

/** Probability that a deal in the stage moves on (before the rep's effect). */
export const plantedAdvanceRates: Readonly<Record<OpenStage, number>> = { 线索: 0.72, 意向: 0.68, 商务洽谈: 0.36, 报价: 0.6 };
/** Mean days spent in the stage before moving on, for a deal of 一般 complexity. */
export const plantedDwellDays: Readonly<Record<OpenStage, number>> = { 线索: 8, 意向: 12, 商务洽谈: 38, 报价: 16 };
/** Share of the deals leaving 线索 that go straight to 商务洽谈 (no 意向 row). */
export const skipQualifiedRate = 0.18;

const complexityFactor: Readonly<Record<Complexity, number>> = { 简单: 0.7, 一般: 1, 复杂: 1.5 };

/** Expected share of new opportunities that end won, for an average rep. */
export const expectedWinRate =
  plantedAdvanceRates.线索 * (skipQualifiedRate + (1 - skipQualifiedRate) * plantedAdvanceRates.意向) * plantedAdvanceRates.商务洽谈 * plantedAdvanceRates.报价;

const lostReasonsByStage: Readonly<Record<OpenStage, readonly (readonly [LostReason, number])[]>> = {
  线索: [['需求变更', 0.4], ['预算取消', 0.35], ['技术不匹配', 0.25]],
  意向: [['技术不匹配', 0.3], ['需求变更', 0.3], ['预算取消', 0.2], ['选择竞争对手', 0.2]],
  商务洽谈: [['价格过高', 0.35], ['选择竞争对手', 0.3], ['预算取消', 0.15], ['需求变更', 0.1], ['交期不满足', 0.1]],
  报价: [['价格过高', 0.35], ['选择竞争对手', 0.4], ['交期不满足', 0.15], ['预算取消', 0.1]],
};

export interface StageVisit {
  readonly stage: HistoryStage;
  readonly day: Day;
}

export interface DealPath {
  readonly visits: readonly StageVisit[];
  readonly outcome: Outcome;
  readonly closeDay: Day | null;
  readonly lostReason: LostReason | null;
  readonly competitor: Competitor | null;
  readonly expectedCloseDay: Day;
}

export interface DealInput {
  readonly created: Day;
  readonly end: Day;
  readonly complexity: Complexity;
  readonly skill: number;
  readonly industry: IndustryName;
  /** Acquisition deals: the customer exists because this deal was won. */
  readonly forceWin: boolean;
}

export function simulateDeal(rng: Rng, input: DealInput): DealPath {
  const factor = complexityFactor[input.complexity];
  const dwell = (stage: OpenStage) => Math.max(1, Math.round(rng.gammaMean(plantedDwellDays[stage] * factor, 0.6)));
  const advance = (stage: OpenStage): boolean => {
    if (input.forceWin) return true;
    const base = plantedAdvanceRates[stage];
    const p = stage === '报价' ? Math.min(0.9, base * Math.pow(input.skill, 0.9)) : stage === '商务洽谈' ? base * Math.pow(input.skill, 0.3) : base;
    return rng.chance(p);
  };
  const expectedCloseDay =
    input.created + Math.round((plantedDwellDays.线索 + plantedDwellDays.意向 + plantedDwellDays.商务洽谈 + plantedDwellDays.报价) * factor * rng.uniform(0.8, 1.3));
  const pickCompetitor = () => rng.weighted(competitors, competitorWeights(input.industry));

  const visits: StageVisit[] = [{ stage: '线索', day: input.created }];
  let stage: OpenStage = '线索';
  let day = input.created;
  for (;;) {
    const stay = dwell(stage);
    if (!advance(stage)) {
      const closeDay = day + Math.max(1, Math.round(stay * rng.uniform(0.4, 1.2)));
      if (closeDay > input.end) return openPath(visits, expectedCloseDay, rng.chance(0.25) ? pickCompetitor() : null);
      const lostReason = rng.choose(lostReasonsByStage[stage]);
      const competitor = lostReason === '选择竞争对手' || (lostReason === '价格过高' && rng.chance(0.6)) ? pickCompetitor() : rng.chance(0.1) ? pickCompetitor() : null;
      visits.push({ stage: '输单', day: closeDay });
      return { visits, outcome: 'lost', closeDay, lostReason, competitor, expectedCloseDay };
    }
    let next: FunnelStage = funnelStages[funnelStages.indexOf(stage) + 1]!;
    if (stage === '线索' && rng.chance(skipQualifiedRate)) next = '商务洽谈';
    day += stay;
    if (day > input.end) return openPath(visits, expectedCloseDay, rng.chance(0.3) ? pickCompetitor() : null);
    visits.push({ stage: next, day });
    if (next === '成交') return { visits, outcome: 'won', closeDay: day, lostReason: null, competitor: rng.chance(0.3) ? pickCompetitor() : null, expectedCloseDay };
    stage = next;
  }
}

function openPath(visits: StageVisit[], expectedCloseDay: Day, competitor: Competitor | null): DealPath {
  return { visits, outcome: 'open', closeDay: null, lostReason: null, competitor, expectedCloseDay };
}

/**
 * A deal that would have been won, lost instead at 报价: used when the
 * customer is drifting away, so that the loss carries the customer's reason.
 */
export function loseAtQuote(rng: Rng, path: DealPath, reason: LostReason, industry: IndustryName): DealPath {
  const quote = path.visits.find((v) => v.stage === '报价');
  const negotiation = path.visits.find((v) => v.stage === '商务洽谈');
  const anchor = quote ?? negotiation ?? path.visits[path.visits.length - 1]!;
  const kept = path.visits.filter((v) => v.day <= anchor.day && v.stage !== '成交');
  const wonDay = path.closeDay ?? anchor.day + 1;
  const closeDay = Math.max(anchor.day + 1, wonDay);
  const competitor = reason === '选择竞争对手' || reason === '价格过高' ? path.competitor ?? rng.weighted(competitors, competitorWeights(industry)) : path.competitor;
  return { visits: [...kept, { stage: '输单', day: closeDay }], outcome: 'lost', closeDay, lostReason: reason, competitor, expectedCloseDay: path.expectedCloseDay };
}
