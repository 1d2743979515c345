/** Why customers left: recorded churn reasons in the period by customers and share. */
import { Card, Col, Empty, Row, Table } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import { EChart } from '../../charts/echart.js';
import { sharePieOption } from '../../charts/share-pie-option.js';
import type { ChurnReason } from './satisfaction-types.js';

const m = {
  'zh-CN': { title: '流失原因', reason: '原因', customers: '客户数', share: '占比', unknown: '未注明原因', empty: '该期间没有流失记录：导入流失记录（流失日期、原因）后可见。' },
  en: { title: 'Churn reasons', reason: 'Reason', customers: 'Customers', share: 'Share', unknown: 'No reason given', empty: 'No churn recorded in this period: import churn records (date, reason) to see why customers leave.' },
} as const;

export function ChurnReasons({ rows }: { rows: readonly ChurnReason[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const name = (r: string) => (r === 'unknown' ? t('unknown') : r);
  return (
    <Card size="small" title={t('title')} style={{ height: '100%' }}>
      {rows.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Row gutter={16}>
          <Col span={24}>
            <EChart testId="churn-reason-chart" height={240} option={sharePieOption(rows.map((r) => ({ name: name(r.reason), value: r.customers, label: `${name(r.reason)}\n${formatPercent(r.share, lang)}` })))} />
          </Col>
          <Col span={24}>
            <Table
              size="small"
              rowKey="reason"
              pagination={false}
              dataSource={rows as ChurnReason[]}
              data-testid="churn-reasons"
              columns={[
                { title: t('reason'), key: 'reason', render: (_, r) => name(r.reason) },
                { title: t('customers'), key: 'customers', align: 'right', render: (_, r) => formatNumber(r.customers, lang) },
                { title: t('share'), key: 'share', align: 'right', render: (_, r) => formatPercent(r.share, lang) },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
