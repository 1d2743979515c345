/**
 * Where the funnel leaks most: the transition with the lowest conversion,
 * against its own history, how long deals sit before it and why they are
 * lost there; and, when it is a different transition, the one that fell
 * most below its history.
 */
import { Alert, Space } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import { bottleneckHistory } from './funnel-shape.js';
import type { FunnelData } from './funnel-types.js';

const m = {
  'zh-CN': {
    title: '瓶颈：{from} → {to}',
    rate: '本期转化率 {rate}，历史 {history}（{change}）。',
    noHistory: '本期转化率 {rate}（之前没有商机，无历史可比）。',
    dwell: '商机在「{from}」停留中位 {days} 天；',
    lost: '{n} 个商机止步于「{from}」并输单',
    reasons: '，主要原因：{reasons}。',
    reason: '{reason}（{share}）',
    sep: '、',
    unknown: '未注明原因',
    period: '。',
    decline: '较历史下降最多：{from} → {to}，{rate}，历史 {history}（{change}）。',
    points: '{sign}{n} 个百分点',
    none: '本期没有可比较的阶段转化：没有商机到达第二个阶段。',
  },
  en: {
    title: 'Bottleneck: {from} → {to}',
    rate: 'Converts {rate} this period against {history} historically ({change}). ',
    noHistory: 'Converts {rate} this period (no earlier opportunities to compare with). ',
    dwell: 'Deals sit a median {days} days in "{from}". ',
    lost: '{n} deals were lost in "{from}" without getting further',
    reasons: ', mostly: {reasons}.',
    reason: '{reason} ({share})',
    sep: ', ',
    unknown: 'no reason given',
    period: '.',
    decline: 'Largest fall against history: {from} → {to}, {rate} against {history} ({change}).',
    points: '{sign}{n} pts',
    none: 'No stage conversion to compare this period: no opportunity reached the second stage.',
  },
} as const;

export function BottleneckCallout({ d }: { d: FunnelData }) {
  const t = useT(m);
  const { lang } = useLang();
  const b = d.bottleneck;
  const points = (change: number) => t('points', { sign: change > 0 ? '+' : change < 0 ? '−' : '', n: formatNumber(Math.abs(change) * 100, lang, 1) });
  if (b === null) return <Alert type="info" showIcon title={t('none')} data-testid="funnel-bottleneck" />;
  const history = bottleneckHistory(d);
  const reasons = b.lostReasons.map((r) => t('reason', { reason: r.reason === 'unknown' ? t('unknown') : r.reason, share: formatPercent(r.share, lang) })).join(t('sep'));
  const decline = d.decline !== null && (d.decline.from !== b.from || d.decline.to !== b.to) ? d.decline : null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="funnel-bottleneck"
      title={<strong>{t('title', { from: b.from, to: b.to })}</strong>}
      description={
        <Space orientation="vertical" size={2}>
          <span>
            {history === null
              ? t('noHistory', { rate: formatPercent(b.conversion, lang) })
              : t('rate', { rate: formatPercent(b.conversion, lang), history: formatPercent(history, lang), change: points(b.conversion - history) })}
            {b.medianDwellDays !== null && t('dwell', { from: b.from, days: formatNumber(b.medianDwellDays, lang, 1) })}
            {t('lost', { n: formatNumber(b.lost, lang), from: b.from })}
            {reasons ? t('reasons', { reasons }) : t('period')}
          </span>
          {decline && (
            <span data-testid="funnel-decline">
              {t('decline', { from: decline.from, to: decline.to, rate: formatPercent(decline.conversion, lang), history: formatPercent(decline.historical, lang), change: points(decline.change) })}
            </span>
          )}
        </Space>
      }
    />
  );
}
