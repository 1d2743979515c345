/**
 * Every analysis setting, one schema, with the defaults a Chinese B2B sales
 * team would start from. Stored in the database as numbered versions (tier
 * thresholds are reviewed quarterly); each snapshot records the version it
 * used, so an old report can be reproduced.
 */
import { z } from 'zod';
import { inputProblem, type InputProblemKey } from '../i18n/input-problems.js';

const score = z.number().int().min(1).max(5);
const weights = z.object({ r: z.number().min(0), f: z.number().min(0), m: z.number().min(0) });

export const weightProfiles = {
  balanced: { r: 1 / 3, f: 1 / 3, m: 1 / 3 },
  /** Fast-moving consumer goods: how often matters most. */
  fmcg: { r: 0.3, f: 0.5, m: 0.2 },
  /** Industrial goods: how much matters most. */
  industrial: { r: 0.25, f: 0.15, m: 0.6 },
} as const;

export type WeightProfileName = keyof typeof weightProfiles | 'custom';

export const analysisConfigSchema = z
  .object({
    /** How many rows the analysis document keeps of each long list (cross-sell, stalled deals …); the rest stay queryable. */
    listed: z.number().int().min(1).max(1000).default(50),
    /** A customer is active at a date when they ordered in the preceding N days. */
    activeDays: z.number().int().positive().default(365),
    rfm: z
      .object({
        /** Frequency and monetary count orders in the last N days before the as-of date; recency looks at all history. */
        windowDays: z.number().int().positive().default(365),
        method: z.enum(['quintile', 'fixed']).default('quintile'),
        /** For method 'fixed': four ascending cut points per measure; a value ≥ the k-th cut scores k+1 (recency in days: reversed). */
        thresholds: z
          .object({ r: z.array(z.number()).length(4), f: z.array(z.number()).length(4), m: z.array(z.number()).length(4) })
          .optional(),
        profile: z.enum(['balanced', 'fmcg', 'industrial', 'custom']).default('industrial'),
        customWeights: weights.optional(),
        /** Scheme (b): a score at or above this is "high". */
        highScore: score.default(3),
      })
      .prefault({}),
    valueTiers: z
      .object({
        /** Weights of the composite value score (0..100): weighted RFM, profit contribution, potential. */
        weights: z.object({ rfm: z.number().min(0), profit: z.number().min(0), potential: z.number().min(0) }).default({ rfm: 0.6, profit: 0.25, potential: 0.15 }),
        strategic: z.number().min(0).max(100).default(80),
        highValue: z.number().min(0).max(100).default(60),
        /** Below highValue, a potential score (0..1) at or above this makes a "potential" customer. */
        potentialMin: z.number().min(0).max(1).default(0.6),
        /** Industry outlook 0..1 (growth prospects); unknown industries get `defaultOutlook`. */
        industryOutlook: z.record(z.string(), z.number().min(0).max(1)).default({
          新能源: 0.95, 汽车制造: 0.8, 电子制造: 0.8, 医药: 0.75, 机械制造: 0.6, 物流仓储: 0.6,
          食品饮料: 0.5, 化工: 0.45, 冶金: 0.35, 纺织服装: 0.3,
        }),
        defaultOutlook: z.number().min(0).max(1).default(0.5),
        /** Company size 0..1 by the size label. */
        sizeScore: z.record(z.string(), z.number().min(0).max(1)).default({ 大型: 1, 中型: 0.7, 小型: 0.4, 微型: 0.2 }),
        defaultSize: z.number().min(0).max(1).default(0.5),
      })
      .prefault({}),
    pareto: z.object({ a: z.number().min(0).max(1).default(0.7), b: z.number().min(0).max(1).default(0.9) }).prefault({}),
    clustering: z.object({ k: z.number().int().min(2).max(12).optional(), maxK: z.number().int().min(2).max(12).default(6), seed: z.number().int().default(7) }).prefault({}),
    funnel: z
      .object({
        /** Ordered stages; an opportunity that reached a later stage passed every earlier one. */
        stages: z.array(z.string().min(1)).min(2).default(['线索', '意向', '商务洽谈', '报价', '成交']),
        /** Other names a file may use for each stage, by position. */
        aliases: z.record(z.string(), z.array(z.string())).default({}),
        /** An open opportunity with no stage change for this many days is stalled. */
        stalledDays: z.number().int().positive().default(60),
      })
      .prefault({}),
    behaviour: z
      .object({
        /** A pair of categories must appear together in at least this many orders to make a basket rule. */
        basketMinOrders: z.number().int().positive().default(5),
        /** A cross-sell suggestion needs a rule at least this confident (and a lift above 1). */
        crossSellMinConfidence: z.number().min(0).max(1).default(0.2),
        /** Promotion-sensitive: at least this many orders in the period … */
        promoMinOrders: z.number().int().positive().default(3),
        /** … and at least this share of them on promotion. */
        promoSensitiveShare: z.number().min(0).max(1).default(0.5),
      })
      .prefault({}),
    team: z
      .object({
        /** Target decomposition: weight of potential against history (0 = history only, 1 = potential only). */
        potentialWeight: z.number().min(0).max(1).default(0.3),
      })
      .prefault({}),
    churn: z
      .object({
        /** Days since the last purchase against the customer's own purchase cycle: warn at this multiple … */
        warnCycles: z.number().positive().default(1.5),
        /** … alert at this one. */
        alertCycles: z.number().positive().default(2),
        /** Window for recent competitor contact, quote response and stalled projects. */
        recentDays: z.number().int().positive().default(90),
        /** Quote response is rising when the recent mean is at least this multiple of the year before. */
        quoteRise: z.number().positive().default(1.5),
        /** Order value of the last two quarters against the two before: warn at this fall, alert at the next. */
        valueDropWarn: z.number().min(0).max(1).default(0.3),
        valueDropAlert: z.number().min(0).max(1).default(0.5),
        /** Complaints count over this many days. */
        complaintDays: z.number().int().positive().default(180),
        /** A mean survey score below this (on the 1..5 scale) is low satisfaction. */
        csatLow: z.number().default(3),
        /** Weights of the signals in the risk score (any scale; the score divides by their sum). */
        weights: z
          .object({
            recency: z.number().min(0).default(35),
            value: z.number().min(0).default(15),
            competitor: z.number().min(0).default(10),
            quote: z.number().min(0).default(10),
            stalled: z.number().min(0).default(10),
            complaints: z.number().min(0).default(8),
            csat: z.number().min(0).default(6),
            nps: z.number().min(0).default(6),
          })
          .prefault({}),
        /** The supervised model's label: no purchase in this many days after the as-of date. */
        labelDays: z.number().int().positive().default(180),
      })
      .prefault({}),
    recommend: z
      .object({
        /** Recommendations kept per customer. */
        k: z.number().int().min(1).max(50).default(5),
        /** The holdout: recommendations made as of this many days before the as-of date are checked against what was bought after. */
        holdoutDays: z.number().int().positive().default(180),
        /** A pair of products must share at least this many customers (or orders) to count as similar. */
        minShared: z.number().int().min(1).default(2),
      })
      .prefault({}),
    satisfaction: z
      .object({
        /** CSAT counts scores at or above this as satisfied (on the survey's 1..5 scale). */
        csatSatisfied: z.number().default(4),
        /** How many issues to list from complaint and comment texts, and how many texts an issue needs. */
        topIssues: z.number().int().min(1).max(100).default(15),
        minIssueTexts: z.number().int().min(1).default(3),
        /** Words never listed as issues, besides the built-in function words (e.g. your own company name). */
        stopWords: z.array(z.string()).default([]),
      })
      .prefault({}),
  })
  .strict();

export type AnalysisConfig = z.infer<typeof analysisConfigSchema>;

/**
 * Settings as a person writes them (a settings file, the settings page):
 * fixed RFM scoring needs its cut points, ascending. Versions already stored
 * are read with the plain schema, so none of them stops an analysis.
 */
export const analysisConfigInputSchema = analysisConfigSchema.superRefine((config, ctx) => {
  const issue = (path: (string | number)[], key: InputProblemKey) => ctx.addIssue({ code: 'custom', path, message: inputProblem(key) });
  const { rfm, valueTiers } = config;
  if (rfm.method === 'fixed' && rfm.thresholds === undefined) issue(['rfm', 'thresholds'], 'fixed_needs_thresholds');
  for (const k of ['r', 'f', 'm'] as const) {
    const cuts = rfm.thresholds?.[k] ?? [];
    if (cuts.some((v, i) => i > 0 && v < cuts[i - 1]!)) issue(['rfm', 'thresholds', k], 'cuts_ascending');
  }
  if (rfm.profile === 'custom' && rfm.customWeights === undefined) issue(['rfm', 'customWeights'], 'custom_needs_weights');
  if (rfm.customWeights !== undefined && sum(Object.values(rfm.customWeights)) <= 0) issue(['rfm', 'customWeights'], 'weight_above_zero');
  if (sum(Object.values(valueTiers.weights)) <= 0) issue(['valueTiers', 'weights'], 'weight_above_zero');
  if (valueTiers.strategic < valueTiers.highValue) issue(['valueTiers', 'strategic'], 'strategic_below_high_value');
  if (sum(Object.values(config.churn.weights)) <= 0) issue(['churn', 'weights'], 'weight_above_zero');
});

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function defaultAnalysisConfig(): AnalysisConfig {
  return analysisConfigSchema.parse({});
}

export function rfmWeights(config: AnalysisConfig): { r: number; f: number; m: number } {
  const w = config.rfm.profile === 'custom' ? (config.rfm.customWeights ?? weightProfiles.balanced) : weightProfiles[config.rfm.profile];
  const total = w.r + w.f + w.m;
  return total > 0 ? { r: w.r / total, f: w.f / total, m: w.m / total } : weightProfiles.balanced;
}
