/** The churn reasons recorded (feedback and complaints) up to the as-of date: how many customers gave each, and its share. */
import { Empty, Progress, Table } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import type { ChurnData } from './churn-data.js';

const m = {
  'zh-CN': { reason: '原因', customers: '客户数', share: '占比', none: '还没有记录的流失原因', noneHint: '在客户反馈或投诉数据中填写流失原因并导入后，这里会显示原因分布。' },
  en: { reason: 'Reason', customers: 'Customers', share: 'Share', none: 'No churn reasons recorded yet', noneHint: 'Import feedback or complaints with a churn reason filled in to see how the reasons split.' },
} as const;

type Reason = ChurnData['reasons'][number];

export function ChurnReasons({ reasons }: { reasons: ChurnData['reasons'] }) {
  const t = useT(m);
  const { lang } = useLang();
  if (reasons.length === 0) return <Empty description={<>{t('none')}<br />{t('noneHint')}</>} />;
  return (
    <Table<Reason>
      size="small"
      rowKey="reason"
      pagination={false}
      dataSource={[...reasons]}
      data-testid="churn-reasons"
      columns={[
        { title: t('reason'), dataIndex: 'reason' },
        { title: t('customers'), key: 'customers', align: 'right', width: 90, render: (_, r) => formatNumber(r.customers, lang) },
        {
          title: t('share'),
          key: 'share',
          width: 200,
          render: (_, r) => (
            <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Progress percent={r.share * 100} showInfo={false} size="small" style={{ flex: 1, margin: 0 }} />
              <span data-testid="reason-share" style={{ width: 52, textAlign: 'right' }}>{formatPercent(r.share, lang)}</span>
            </span>
          ),
        },
      ]}
    />
  );
}
