/** The churn model's quality on a time-split holdout: AUC, precision and lift among the top 10%, against the risk score and P(alive); calibration; what drives it. */
import { Col, Descriptions, Empty, Row, Table, Typography } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatDate, formatNumber, formatPercent } from '../../app/money.js';
import { EChart } from '../../charts/echart.js';
import type { ChurnModelReport } from './churn-data.js';
import { calibrationOption, scorerRows, type Scorer, type ScorerRow } from './model-quality.js';
import { joinList } from '../../../i18n/i18n.js';

const m = {
  'zh-CN': {
    none: '历史数据还不够训练和检验流失模型',
    noneHint: '模型需要约两年的订单历史：在较早的截止日训练，再看之后一段时间内是否购买来检验。导入更多历史后重新分析即可。',
    scorer: '评分方法', model: '监督模型（逻辑回归）', riskScore: '规则风险分', pAlive: 'BG/NBD 活跃概率', auc: 'AUC', precision: '前 10% 的精确率', lift: '前 10% 的提升度',
    testDate: '检验截止日', trainDates: '训练截止日', rows: '训练 / 检验样本', churnRate: '检验集流失率', label: '流失定义', labelText: '截止日后 {days} 天内没有购买',
    calibration: '校准：预测流失率与实际流失率', predicted: '预测', observed: '实际', ideal: '理想', drivers: '模型中各因素的权重', feature: '因素', weight: '权重', weightNote: '权重为正：该因素越大，流失概率越高；为负则越低。按绝对值从大到小排列。',
    explain: 'AUC 越接近 1 区分能力越强（0.5 等于随机）；提升度 = 前 10% 高风险客户中的实际流失率 ÷ 整体流失率。',
    log_days_since: '距上次购买天数（对数）', recency_cycles: '超出自身购买周期的倍数', no_cycle: '没有购买周期（只买过一次）', log_purchase_days: '购买天数（对数）',
    value_change: '近两季度采购额变化', quote_ratio: '报价响应变慢倍数', competitor_contacts: '接触竞品次数', stalled: '商机 / 项目停滞', complaints: '投诉次数', csat_gap: '满意度低于阈值的差距', detractor: 'NPS 贬损者',
  },
  en: {
    none: 'Not enough history yet to train and test a churn model',
    noneHint: 'The model needs about two years of orders: it trains at earlier as-of dates and is tested on who bought in the months after. Import more history and analyse again.',
    scorer: 'Score', model: 'Supervised model (logistic regression)', riskScore: 'Rule-based risk score', pAlive: 'BG/NBD P(alive)', auc: 'AUC', precision: 'Precision in top 10%', lift: 'Lift in top 10%',
    testDate: 'Test as-of date', trainDates: 'Training as-of dates', rows: 'Training / test rows', churnRate: 'Churn rate in test', label: 'Churned means', labelText: 'no purchase in the {days} days after',
    calibration: 'Calibration: predicted against observed churn', predicted: 'Predicted', observed: 'Observed', ideal: 'Ideal', drivers: 'What the model weighs', feature: 'Factor', weight: 'Weight', weightNote: 'A positive weight raises the churn probability as the factor grows, a negative one lowers it. Largest first.',
    explain: 'AUC near 1 separates well (0.5 is chance); lift = churn rate among the riskiest 10% ÷ overall churn rate.',
    log_days_since: 'Days since last order (log)', recency_cycles: 'Days since last order in own cycles', no_cycle: 'No purchase cycle (bought once)', log_purchase_days: 'Days with purchases (log)',
    value_change: 'Change in spend, last two quarters', quote_ratio: 'Slower quote responses', competitor_contacts: 'Competitor contacts', stalled: 'Stalled deals or projects', complaints: 'Complaints', csat_gap: 'Satisfaction below the bar', detractor: 'NPS detractor',
  },
} as const;

type Key = keyof (typeof m)['en'];
const isKey = (k: string): k is Key => k in m.en;

export function ModelQualityCard({ model }: { model: ChurnModelReport | null }) {
  const t = useT(m);
  const { lang } = useLang();
  if (model === null) return <Empty data-testid="model-none" description={<><div>{t('none')}</div><Typography.Text type="secondary">{t('noneHint')}</Typography.Text></>} />;
  const scorerName: Record<Scorer, Key> = { model: 'model', riskScore: 'riskScore', pAlive: 'pAlive' };
  const drivers = [...model.coefficients].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return (
    <div data-testid="model-quality">
      <Table<ScorerRow>
        size="small"
        rowKey="scorer"
        pagination={false}
        dataSource={scorerRows(model)}
        data-testid="model-scores"
        columns={[
          { title: t('scorer'), key: 'scorer', render: (_, r) => t(scorerName[r.scorer]) },
          { title: t('auc'), key: 'auc', align: 'right', render: (_, r) => formatNumber(r.auc, lang, 3) },
          { title: t('precision'), key: 'precision', align: 'right', render: (_, r) => formatPercent(r.precisionAt10, lang) },
          { title: t('lift'), key: 'lift', align: 'right', render: (_, r) => (r.liftAt10 === null ? '–' : `${formatNumber(r.liftAt10, lang, 1)}×`) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>{t('explain')}</Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, xl: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('label')}>{t('labelText', { days: model.labelDays })}</Descriptions.Item>
        <Descriptions.Item label={t('churnRate')}><span data-testid="model-churn-rate">{formatPercent(model.testChurnRate, lang)}</span></Descriptions.Item>
        <Descriptions.Item label={t('testDate')}>{formatDate(model.testDate, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('rows')}>{formatNumber(model.trainRows, lang)} / {formatNumber(model.testRows, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('trainDates')} span={2}>{joinList(model.trainDates.map((d) => formatDate(d, lang)), lang)}</Descriptions.Item>
      </Descriptions>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Typography.Text strong>{t('calibration')}</Typography.Text>
          <EChart testId="calibration-chart" height={240} option={calibrationOption(model.calibration, { predicted: t('predicted'), observed: t('observed'), ideal: t('ideal') })} />
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Text strong>{t('drivers')}</Typography.Text>
          <Table
            size="small"
            rowKey="feature"
            pagination={false}
            dataSource={drivers}
            columns={[
              { title: t('feature'), key: 'feature', render: (_, r) => (isKey(r.feature) ? t(r.feature) : r.feature) },
              { title: t('weight'), key: 'weight', align: 'right', render: (_, r) => formatNumber(r.weight, lang, 2) },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>{t('weightNote')}</Typography.Paragraph>
        </Col>
      </Row>
    </div>
  );
}
