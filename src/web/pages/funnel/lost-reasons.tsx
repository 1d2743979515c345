/** Why deals were lost: share and count of lost opportunities by reason, and the amount they carried. */
import { Card, Col, Empty, Row, Table } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatMoney, formatNumber, formatPercent, useMoney } from '../../app/money.js';
import { EChart } from '../../charts/echart.js';
import { sharePieOption } from '../../charts/share-pie-option.js';
import type { LostReason } from './funnel-types.js';

const m = {
  'zh-CN': { title: '输单原因', reason: '原因', count: '商机数', share: '占比', amount: '预计金额', unknown: '未注明原因', empty: '本期没有输单的商机。' },
  en: { title: 'Lost reasons', reason: 'Reason', count: 'Opportunities', share: 'Share', amount: 'Expected amount', unknown: 'No reason given', empty: 'No opportunity was lost in this period.' },
} as const;

export function LostReasons({ reasons }: { reasons: readonly LostReason[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const name = (r: string) => (r === 'unknown' ? t('unknown') : r);
  return (
    <Card size="small" title={t('title')}>
      {reasons.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <EChart testId="lost-chart" height={260} option={sharePieOption(reasons.map((r) => ({ name: name(r.reason), value: r.opportunities, label: `${name(r.reason)}\n${formatPercent(r.share, lang)}` })))} />
          </Col>
          <Col xs={24} lg={14}>
            <Table
              size="small"
              rowKey="reason"
              pagination={false}
              dataSource={reasons as LostReason[]}
              data-testid="lost-reasons"
              columns={[
                { title: t('reason'), key: 'reason', render: (_, r) => name(r.reason) },
                { title: t('count'), key: 'count', align: 'right', render: (_, r) => formatNumber(r.opportunities, lang) },
                { title: t('share'), key: 'share', align: 'right', render: (_, r) => formatPercent(r.share, lang) },
                { title: t('amount'), key: 'amount', align: 'right', render: (_, r) => formatMoney(r.amount, unit, lang) },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
