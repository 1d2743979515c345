/**
 * Importance against satisfaction per survey item: the matrix with its
 * quadrant lines at the means, the items to improve first, and the table
 * behind the dots.
 */
import { Alert, Card, Col, Empty, Row, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber } from '../../app/money.js';
import { EChart } from '../../charts/echart.js';
import { ipaOption, quadrantColor, type Quadrant } from '../../charts/ipa-option.js';
import type { IpaItem, SatisfactionData } from './satisfaction-types.js';

const m = {
  'zh-CN': {
    title: '重要性-满意度矩阵（IPA）', score: '满意度（均分）', importance: '重要性（均分）',
    concentrate_here: '重点改进区', keep_up_the_good_work: '优势保持区', low_priority: '次要改进区', possible_overkill: '过度投入区',
    item: '评价项', responses: '回答', gap: '差距', gapHint: '差距 = 重要性 − 满意度，越大越需改进', quadrant: '象限', importanceShort: '重要性', scoreShort: '满意度',
    cut: '分割线：满意度均值 {score}，重要性均值 {importance}', improveFirst: '优先改进：{items}', none: '没有落在重点改进区的评价项。', sep: '、',
    empty: '该期间没有带重要性评分的满意度问卷：导入满意度调查（评价项、得分、重要性）后可见。',
  },
  en: {
    title: 'Importance–performance matrix (IPA)', score: 'Satisfaction (mean)', importance: 'Importance (mean)',
    concentrate_here: 'Concentrate here', keep_up_the_good_work: 'Keep up the good work', low_priority: 'Low priority', possible_overkill: 'Possible overkill',
    item: 'Item', responses: 'Answers', gap: 'Gap', gapHint: 'Gap = importance − satisfaction; the larger, the more to improve', quadrant: 'Quadrant', importanceShort: 'Importance', scoreShort: 'Satisfaction',
    cut: 'Lines at the means: satisfaction {score}, importance {importance}', improveFirst: 'Improve first: {items}', none: 'No item falls in "Concentrate here".', sep: ', ',
    empty: 'No survey answers with an importance rating in this period: import the satisfaction survey (item, score, importance) to see the matrix.',
  },
} as const;

export function IpaMatrix({ ipa }: { ipa: SatisfactionData['ipa'] }) {
  const t = useT(m);
  const { lang } = useLang();
  if (ipa.cut === null || ipa.items.length === 0) {
    return (
      <Card size="small" title={t('title')}>
        <Empty description={t('empty')} />
      </Card>
    );
  }
  const quadrant = (q: Quadrant) => t(q);
  const labels = { score: t('score'), importance: t('importance'), quadrant: { concentrate_here: quadrant('concentrate_here'), keep_up_the_good_work: quadrant('keep_up_the_good_work'), low_priority: quadrant('low_priority'), possible_overkill: quadrant('possible_overkill') } };
  const points = ipa.items.map((i) => ({ item: i.item, score: i.meanScore, importance: i.meanImportance, quadrant: i.quadrant }));
  return (
    <Card size="small" title={t('title')} extra={t('cut', { score: formatNumber(ipa.cut.score, lang, 2), importance: formatNumber(ipa.cut.importance, lang, 2) })}>
      <Alert
        style={{ marginBottom: 12 }}
        type={ipa.improveFirst.length > 0 ? 'warning' : 'success'}
        showIcon
        data-testid="ipa-improve-first"
        title={ipa.improveFirst.length > 0 ? t('improveFirst', { items: ipa.improveFirst.join(t('sep')) }) : t('none')}
      />
      <Row gutter={16}>
        <Col xs={24} xl={11}>
          <EChart testId="ipa-chart" height={380} option={ipaOption(points, ipa.cut, labels)} />
        </Col>
        <Col xs={24} xl={13}>
          <Table<IpaItem>
            size="small"
            rowKey="item"
            pagination={false}
            dataSource={ipa.items as IpaItem[]}
            data-testid="ipa-table"
            scroll={{ x: 'max-content' }}
            onRow={(i) => ({ 'data-testid': `ipa-row-${i.item}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('item'), dataIndex: 'item', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
              { title: t('importanceShort'), key: 'importance', align: 'right', render: (_, i) => formatNumber(i.meanImportance, lang, 2) },
              { title: t('scoreShort'), key: 'score', align: 'right', render: (_, i) => formatNumber(i.meanScore, lang, 2) },
              { title: <span title={t('gapHint')}>{t('gap')}</span>, key: 'gap', align: 'right', render: (_, i) => formatNumber(i.gap, lang, 2) },
              { title: t('quadrant'), key: 'quadrant', render: (_, i) => <Tag color={quadrantColor[i.quadrant]} data-testid="ipa-quadrant">{quadrant(i.quadrant)}</Tag> },
              { title: t('responses'), key: 'responses', align: 'right', render: (_, i) => formatNumber(i.responses, lang) },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
