/** The period at a glance: NPS and CSAT over all answers, complaints and how many are still open, texts read for issues. */
import { StatCards } from '../../app/stat-cards.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import { overallScore } from './overall-score.js';
import type { SatisfactionData } from './satisfaction-types.js';

const m = {
  'zh-CN': { nps: 'NPS（净推荐值）', npsAnswers: 'NPS 回答数', csat: 'CSAT 满意率', mean: '满意度均分', surveyAnswers: '满意度问卷回答', complaints: '投诉数', unresolved: '未解决投诉', texts: '分析的文本' },
  en: { nps: 'NPS', npsAnswers: 'NPS answers', csat: 'CSAT', mean: 'Mean score', surveyAnswers: 'Survey answers', complaints: 'Complaints', unresolved: 'Unresolved', texts: 'Texts analysed' },
} as const;

export function SatisfactionSummary({ d }: { d: SatisfactionData }) {
  const t = useT(m);
  const { lang } = useLang();
  const o = overallScore(d.byMonth);
  const complaints = d.complaintCategories.reduce((s, c) => s + c.complaints, 0);
  const unresolved = d.complaintCategories.reduce((s, c) => s + c.unresolved, 0);
  const cards = [
    { key: 'nps', title: t('nps'), value: formatNumber(o.nps, lang, 1) },
    { key: 'nps-answers', title: t('npsAnswers'), value: formatNumber(o.npsResponses, lang) },
    { key: 'csat', title: t('csat'), value: formatPercent(o.csat, lang) },
    { key: 'mean-score', title: t('mean'), value: formatNumber(o.meanScore, lang, 2) },
    { key: 'survey-answers', title: t('surveyAnswers'), value: formatNumber(o.surveyResponses, lang) },
    { key: 'complaints', title: t('complaints'), value: formatNumber(complaints, lang) },
    { key: 'unresolved', title: t('unresolved'), value: formatNumber(unresolved, lang) },
    { key: 'texts', title: t('texts'), value: formatNumber(d.topIssues.texts, lang) },
  ];
  return <StatCards cards={cards} prefix="sat" span={{ xs: 12, md: 6, xxl: 3 }} />;
}
