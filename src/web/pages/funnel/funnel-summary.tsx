/** The funnel's totals over the opportunities created in the period: how many, how many won and lost, win rate, won amount, cycle. */
import { useLang, useT } from '../../app/i18n.js';
import { formatMoney, formatNumber, formatPercent, useMoney } from '../../app/money.js';
import { StatCards, type StatCard } from '../../app/stat-cards.js';
import type { FunnelData } from './funnel-types.js';

const m = {
  'zh-CN': { opportunities: '商机数', won: '赢单', lost: '输单', open: '进行中', winRate: '赢单率', wonAmount: '赢单金额', cycle: '成交周期中位数', days: '{n} 天' },
  en: { opportunities: 'Opportunities', won: 'Won', lost: 'Lost', open: 'Open', winRate: 'Win rate', wonAmount: 'Won amount', cycle: 'Median cycle', days: '{n} days' },
} as const;

export function FunnelSummary({ d }: { d: FunnelData }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const cards: StatCard[] = [
    { key: 'opportunities', title: t('opportunities'), value: formatNumber(d.opportunities, lang) },
    { key: 'won', title: t('won'), value: formatNumber(d.won, lang) },
    { key: 'lost', title: t('lost'), value: formatNumber(d.lost, lang) },
    { key: 'open', title: t('open'), value: formatNumber(d.open, lang) },
    { key: 'win-rate', title: t('winRate'), value: formatPercent(d.winRate, lang) },
    { key: 'won-amount', title: t('wonAmount'), value: formatMoney(d.wonAmount, unit, lang) },
    { key: 'cycle', title: t('cycle'), value: d.medianCycleDays === null ? '–' : t('days', { n: formatNumber(d.medianCycleDays, lang, 1) }) },
  ];
  return <StatCards cards={cards} prefix="funnel" />;
}
