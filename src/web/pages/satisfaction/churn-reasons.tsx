/** Why customers left: the recorded churn reasons of the period as a pie, above the churn page's table of them. */
import { Card } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatPercent } from '../../app/money.js';
import { EChart } from '../../charts/echart.js';
import { sharePieOption } from '../../charts/share-pie-option.js';
import { ChurnReasons as ReasonTable, useReasonName } from '../churn/churn-reasons.js';
import type { ChurnReason } from './satisfaction-types.js';

const m = {
  'zh-CN': { title: '流失原因' },
  en: { title: 'Churn reasons' },
} as const;

export function ChurnReasons({ rows }: { rows: readonly ChurnReason[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const name = useReasonName();
  return (
    <Card size="small" title={t('title')} style={{ height: '100%' }}>
      {rows.length > 0 && (
        <EChart testId="churn-reason-chart" height={240} option={sharePieOption(rows.map((r) => ({ name: name(r.reason), value: r.customers, label: `${name(r.reason)}\n${formatPercent(r.share, lang)}` })))} />
      )}
      <ReasonTable reasons={rows} />
    </Card>
  );
}
