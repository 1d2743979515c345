/**
 * Share-of-wallet estimates for the larger accounts: what each spends a year
 * on automation of the kind A公司 sells, and how much of it goes to which
 * competitor. The wallet is steady, so a customer that buys less from A公司
 * (above all one lost to a competitor, which keeps rows after it left) shows
 * a rising competitor share.
 */
import type { CustomerTimeline } from './customer-timeline.js';
import type { WalletRow } from './demo-company.js';
import { yearOf } from './day.js';
import { competitors, competitorWeights } from './industries.js';
import type { RevenueLedger } from './revenue-ledger.js';
import { Rng } from '../domain/rng.js';

export function generateWallet(seed: number, timelines: readonly CustomerTimeline[], ledger: RevenueLedger, years: readonly number[]): WalletRow[] {
  const out: WalletRow[] = [];
  for (const tl of timelines) {
    const { plan } = tl;
    const rng = Rng.derive(seed, 'wallet', plan.index);
    if (!(plan.size === '大型' || (plan.size === '中型' && rng.chance(0.35)))) continue;
    const ours = ledger.byCustomerYear.get(plan.id);
    if (ours === undefined) continue;
    const active = years.filter((y) => y >= yearOf(plan.createdDay));
    const bought = active.map((y) => Math.max(0, ours.get(y) ?? 0));
    const peak = Math.max(...bought);
    if (peak <= 0) continue;
    const rivals = rng.sample(
      competitors.filter((_, i) => (competitorWeights(plan.industry.name)[i] ?? 0) >= 1),
      rng.int(1, 3),
    );
    const towardRival = tl.signal !== null && (tl.signal.reason === '竞争对手' || tl.signal.reason === '价格');
    // The customer's own spend is steady and grows with its industry; what A公司 does not get goes to the rivals.
    const wallet0 = peak / rng.uniform(0.35, 0.8) / Math.pow(1 + plan.industry.growth, bought.indexOf(peak));
    active.forEach((year, i) => {
      const mine = bought[i]!;
      const total = Math.max(Math.round(mine / 0.95 / 1000) * 1000, Math.round((wallet0 * Math.pow(1 + plan.industry.growth, i)) / 1000) * 1000, 1000);
      const rest = Math.max(0, total - mine);
      // The first rival takes the lion's share, more so when it is winning the customer over.
      const weights = rivals.map((_, k) => (k === 0 ? (towardRival ? 3 : 1.5) : 1) * rng.uniform(0.6, 1.4));
      const sum = weights.reduce((a, b) => a + b, 0);
      rivals.forEach((competitor, k) => {
        out.push({ customerId: plan.id, year, competitor, totalWallet: total, competitorAmount: Math.round((rest * weights[k]!) / sum / 100) * 100 });
      });
    });
  }
  return out;
}
