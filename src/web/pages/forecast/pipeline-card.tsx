/** The pipeline-weighted forecast: open opportunities × the win rate learned for the stage each has reached, by expected close month. */
import { Col, Row, Statistic, Table, Typography } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatMoney, formatNumber, formatPercent, unitLabel, useMoney } from '../../app/money.js';
import { EChart } from '../../charts/echart.js';
import { moneyScale } from '../../charts/money-scale.js';
import type { PipelineForecast } from './forecast-data.js';
import { pipelineOption } from './pipeline-option.js';

const m = {
  'zh-CN': {
    open: '在途商机', amount: '预计金额', weighted: '加权预测金额', overdue: '已逾期', undated: '无成交日期', unit: '单位：{unit}',
    stage: '已到达阶段', closed: '历史已结束商机', winRate: '赢单率',
    explain: '每个在途商机的预计金额 × 它已到达阶段的赢单率（历史上到达该阶段并已结束的商机中赢单的比例），按预计成交月份汇总。', overdueNote: '“已逾期”是预计成交日已过但仍未关闭的商机。',
  },
  en: {
    open: 'Open opportunities', amount: 'Expected amount', weighted: 'Weighted forecast', overdue: 'Overdue', undated: 'No date', unit: 'Unit: {unit}',
    stage: 'Stage reached', closed: 'Closed deals that reached it', winRate: 'Win rate',
    explain: 'Each open opportunity\'s expected amount × the win rate of its stage (of the closed deals that reached that stage, the share won), summed by expected close month.', overdueNote: '"Overdue" are open deals past their expected close date.',
  },
} as const;

type StageRate = PipelineForecast['stageWinRates'][number];

export function PipelineCard({ pipeline }: { pipeline: PipelineForecast }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  return (
    <div data-testid="pipeline">
      <Row gutter={16}>
        <Col span={8}><Statistic title={t('open')} value={formatNumber(pipeline.openOpportunities, lang)} /></Col>
        <Col span={8}><Statistic title={t('amount')} value={formatMoney(pipeline.openAmount, unit, lang)} /></Col>
        <Col span={8}><Statistic title={t('weighted')} value={formatMoney(pipeline.weightedAmount, unit, lang)} data-testid="pipeline-weighted" /></Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
        {t('explain')} {t('overdueNote')} {t('unit', { unit: unitLabel(unit, lang) })}
      </Typography.Paragraph>
      <EChart
        testId="pipeline-chart"
        height={240}
        option={pipelineOption(pipeline.byMonth, { amount: t('amount'), weighted: t('weighted'), overdue: t('overdue'), undated: t('undated') }, moneyScale(unit))}
      />
      <Table<StageRate>
        size="small"
        rowKey="stage"
        pagination={false}
        dataSource={[...pipeline.stageWinRates]}
        data-testid="stage-win-rates"
        columns={[
          { title: t('stage'), dataIndex: 'stage' },
          { title: t('closed'), key: 'closed', align: 'right', render: (_, r) => formatNumber(r.closed, lang) },
          { title: t('winRate'), key: 'winRate', align: 'right', render: (_, r) => formatPercent(r.winRate, lang) },
        ]}
      />
    </div>
  );
}
