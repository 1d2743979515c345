/**
 * The weight profile and tier threshold editor's working copy: made from the
 * settings in force, edited field by field, and turned back into the smallest
 * patch PUT /api/settings takes (only what changed; the server merges it onto
 * the version in force and validates it).
 */

export type WeightProfile = 'balanced' | 'fmcg' | 'industrial' | 'custom';
export const weightProfiles: readonly WeightProfile[] = ['balanced', 'fmcg', 'industrial', 'custom'];
export type RfmMethod = 'quintile' | 'fixed';
export type Measure = 'r' | 'f' | 'm';
export const measures: readonly Measure[] = ['r', 'f', 'm'];

export interface RfmWeights {
  readonly r: number;
  readonly f: number;
  readonly m: number;
}
export interface TierWeights {
  readonly rfm: number;
  readonly profit: number;
  readonly potential: number;
}
type Cuts = Readonly<Record<Measure, readonly number[]>>;

/** The part of GET /api/settings the editor reads. */
export interface SettingsConfig {
  readonly rfm: {
    readonly windowDays: number;
    readonly method: RfmMethod;
    readonly thresholds?: Cuts;
    readonly profile: WeightProfile;
    readonly customWeights?: RfmWeights;
    readonly highScore: number;
  };
  readonly valueTiers: { readonly weights: TierWeights; readonly strategic: number; readonly highValue: number; readonly potentialMin: number };
}

export interface SettingsVersion {
  readonly version: number;
  readonly config: SettingsConfig;
  /** Every saved version, newest first (GET only). */
  readonly history?: readonly { readonly version: number; readonly createdAt: string; readonly note: string | null }[];
}

export interface SettingsDraft {
  readonly profile: WeightProfile;
  readonly customWeights: RfmWeights;
  readonly method: RfmMethod;
  readonly thresholds: Cuts;
  readonly highScore: number;
  readonly tierWeights: TierWeights;
  readonly strategic: number;
  readonly highValue: number;
  readonly potentialMin: number;
}

/**
 * The draft of the settings in force. Fixed thresholds not set yet start from
 * the latest analysis's quintile cut points, rounded, so that switching to
 * fixed starts close to what the customers score today.
 */
export function draftOf(config: SettingsConfig, breaks: Cuts): SettingsDraft {
  const rounded = (xs: readonly number[]) => xs.map((x) => Math.round(x));
  return {
    profile: config.rfm.profile,
    customWeights: config.rfm.customWeights ?? { r: 1, f: 1, m: 1 },
    method: config.rfm.method,
    thresholds: config.rfm.thresholds ?? { r: rounded(breaks.r), f: rounded(breaks.f), m: rounded(breaks.m) },
    highScore: config.rfm.highScore,
    tierWeights: config.valueTiers.weights,
    strategic: config.valueTiers.strategic,
    highValue: config.valueTiers.highValue,
    potentialMin: config.valueTiers.potentialMin,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type SettingsPatch = {
  rfm?: Partial<Pick<SettingsConfig['rfm'], 'profile' | 'customWeights' | 'method' | 'thresholds' | 'highScore'>>;
  valueTiers?: Partial<SettingsConfig['valueTiers']>;
};

/** Only the fields the draft changed; {} when nothing did. */
export function patchOf(config: SettingsConfig, d: SettingsDraft): SettingsPatch {
  const c = config.rfm;
  const v = config.valueTiers;
  const rfm: NonNullable<SettingsPatch['rfm']> = {
    ...(d.profile !== c.profile ? { profile: d.profile } : {}),
    // Custom weights count only under the custom profile; sent again when switching to it.
    ...(d.profile === 'custom' && (c.profile !== 'custom' || !same(d.customWeights, c.customWeights)) ? { customWeights: d.customWeights } : {}),
    ...(d.method !== c.method ? { method: d.method } : {}),
    ...(d.method === 'fixed' && (c.method !== 'fixed' || !same(d.thresholds, c.thresholds)) ? { thresholds: d.thresholds } : {}),
    ...(d.highScore !== c.highScore ? { highScore: d.highScore } : {}),
  };
  const valueTiers: NonNullable<SettingsPatch['valueTiers']> = {
    ...(!same(d.tierWeights, v.weights) ? { weights: d.tierWeights } : {}),
    ...(d.strategic !== v.strategic ? { strategic: d.strategic } : {}),
    ...(d.highValue !== v.highValue ? { highValue: d.highValue } : {}),
    ...(d.potentialMin !== v.potentialMin ? { potentialMin: d.potentialMin } : {}),
  };
  return { ...(Object.keys(rfm).length > 0 ? { rfm } : {}), ...(Object.keys(valueTiers).length > 0 ? { valueTiers } : {}) };
}

export type DraftProblem =
  | { readonly code: 'cutsNotAscending'; readonly measure: Measure }
  | { readonly code: 'rfmWeightsZero' }
  | { readonly code: 'tierWeightsZero' }
  | { readonly code: 'highValueAboveStrategic' };

/** What the draft gets wrong that the server would accept but the analysis could not use sensibly. */
export function draftProblems(d: SettingsDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (d.method === 'fixed') {
    for (const measure of measures) {
      const cuts = d.thresholds[measure];
      if (cuts.some((x, i) => i > 0 && x <= cuts[i - 1]!)) problems.push({ code: 'cutsNotAscending', measure });
    }
  }
  if (d.profile === 'custom' && d.customWeights.r + d.customWeights.f + d.customWeights.m <= 0) problems.push({ code: 'rfmWeightsZero' });
  if (d.tierWeights.rfm + d.tierWeights.profit + d.tierWeights.potential <= 0) problems.push({ code: 'tierWeightsZero' });
  if (d.highValue > d.strategic) problems.push({ code: 'highValueAboveStrategic' });
  return problems;
}
