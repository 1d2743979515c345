/**
 * The behaviour section of an analysis: when and what customers buy, what
 * they buy together, how they respond to promotions, how much of their
 * spend we get and how hard they are to sell to. Definitions in
 * behaviour-metrics.ts.
 */
import type { AnalysisContext } from '../analysis-context.js';
import type { CustomerGroup } from '../analysis-sql.js';
import { basketAnalysis, type BasketRule, type CrossSell } from './basket-rules.js';
import { categoryPreferences, type PreferenceRow } from './category-preference.js';
import { decisionComplexity, type ComplexityRow } from './decision-complexity.js';
import { promotionResponse, type PromotionResponse } from './promotion-response.js';
import { purchasePatterns, type PurchasePatterns } from './purchase-patterns.js';
import { walletShare, type WalletShare } from './wallet-share.js';

export interface BehaviourSection {
  readonly patterns: PurchasePatterns;
  readonly preferences: Readonly<Record<CustomerGroup, readonly PreferenceRow[]>>;
  readonly basket: { readonly rules: readonly BasketRule[]; readonly crossSell: { readonly customers: number; readonly top: readonly CrossSell[] } };
  readonly promotion: PromotionResponse;
  /** Null when there are no wallet estimates up to the as-of date. */
  readonly wallet: WalletShare | null;
  readonly decisionComplexity: readonly ComplexityRow[];
}

export async function behaviourSection(ctx: AnalysisContext, snapshotId: number): Promise<BehaviourSection> {
  const b = ctx.config.behaviour;
  return {
    patterns: await purchasePatterns(ctx, snapshotId),
    preferences: await categoryPreferences(ctx),
    basket: await basketAnalysis(ctx, { minOrders: b.basketMinOrders, minConfidence: b.crossSellMinConfidence, listed: ctx.config.listed }),
    promotion: await promotionResponse(ctx, { minOrders: b.promoMinOrders, sensitiveShare: b.promoSensitiveShare, listed: ctx.config.listed }, snapshotId),
    wallet: await walletShare(ctx),
    decisionComplexity: await decisionComplexity(ctx),
  };
}
