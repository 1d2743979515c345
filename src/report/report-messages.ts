/** Every string of the customer analysis report, in both languages. */
import type { Catalogue } from '../i18n/i18n.js';

export type ReportKey =
  | 'title' | 'subtitle'
  | 's.background' | 's.overview' | 's.tiers' | 's.issues' | 's.strategy' | 's.next' | 's.appendix1' | 's.appendix3'
  | 'bg.goal' | 'bg.defaultGoal' | 'bg.scope' | 'bg.scopeAll' | 'bg.period' | 'bg.sources' | 'bg.quality'
  | 'col.file' | 'col.entity' | 'col.rows' | 'col.inserted' | 'col.updated' | 'col.quarantined'
  | 'ov.customers' | 'ov.revenue' | 'ov.industry' | 'ov.size' | 'ov.forecast' | 'ov.noForecast'
  | 'chart.industry' | 'chart.size' | 'chart.region' | 'chart.trend' | 'chart.actual' | 'chart.forecast' | 'chart.band' | 'chart.tiers' | 'chart.customers' | 'chart.revenueShare' | 'chart.ipa' | 'chart.score' | 'chart.importance'
  | 'ti.tier' | 'ti.pareto' | 'ti.migration' | 'ti.noMigration' | 'ti.traitsCaption' | 'ti.table2Caption'
  | 'col.tier' | 'col.customers' | 'col.customerShare' | 'col.revenueShare' | 'col.profitShare' | 'col.avgRecency' | 'col.avgFrequency' | 'col.avgMonetary' | 'col.mainIndustries'
  | 'col.customerId' | 'col.customerName' | 'col.recencyDays' | 'col.frequencyYear' | 'col.amountYear' | 'col.rfmScore'
  | 'is.complaints' | 'is.noComplaints' | 'is.text' | 'is.ipa' | 'is.noIpa' | 'is.churnReasons' | 'is.atRisk' | 'is.bottleneck' | 'is.noBottleneck'
  | 'is.complaintsCaption' | 'is.textCaption' | 'is.reasonsCaption' | 'is.atRiskCaption'
  | 'col.category' | 'col.complaints' | 'col.share' | 'col.unresolved' | 'col.term' | 'col.texts' | 'col.example' | 'col.reason' | 'col.riskScore' | 'col.signals'
  | 'st.intro' | 'st.caption' | 'col.group' | 'col.traits' | 'col.direction' | 'col.actions' | 'col.owner' | 'col.deadline'
  | 'nx.intro' | 'nx.caption' | 'col.action' | 'col.effect' | 'nx.callAtRisk' | 'nx.callEffect' | 'nx.bottleneck' | 'nx.bottleneckEffect' | 'nx.improve' | 'nx.improveEffect' | 'nx.repOwner' | 'nx.salesManager' | 'nx.serviceManager'
  | 'ap1.intro' | 'ap1.caption' | 'col.industry' | 'col.size' | 'col.contact' | 'col.phone' | 'col.months' | 'col.level'
  | 'ap3.intro' | 'ap3.caption' | 'col.mainProducts' | 'col.cycleMonths' | 'col.complexity' | 'col.feedback' | 'col.need'
  | 'monthly' | 'withinDays' | 'group.churn_risk' | 'complexity.simple' | 'complexity.normal' | 'complexity.complex' | 'unknown';

export const reportMessages: Catalogue<ReportKey> = {
  'zh-CN': {
    title: '客户分析报告',
    subtitle: '分析期间 {from} – {to}（截至 {asOf}）',
    's.background': '一、分析背景与目标', 's.overview': '二、客户整体概况', 's.tiers': '三、客户分层结果', 's.issues': '四、关键问题与需求',
    's.strategy': '五、分层维护策略', 's.next': '六、下一步计划', 's.appendix1': '附表一：客户基础信息表', 's.appendix3': '附表三：客户行为与需求分析表',
    'bg.goal': '分析目标：{goal}。', 'bg.defaultGoal': '梳理客户合作情况，评估客户价值，识别流失风险，制定下一阶段销售策略',
    'bg.scope': '分析范围：{scope}。', 'bg.scopeAll': '全部客户', 'bg.period': '数据周期：{from} 至 {to}，截至 {asOf}。',
    'bg.sources': '数据来源：共导入 {files} 个文件、{rows} 行数据，其中订单明细 {lines} 行、客户 {customers} 个。',
    'bg.quality': '数据质量：{quarantined} 行因数据问题被隔离（占导入行的{share}），未计入分析，可导出修正后重新导入。',
    'col.file': '文件', 'col.entity': '数据类型', 'col.rows': '行数', 'col.inserted': '新增', 'col.updated': '更新', 'col.quarantined': '隔离',
    'ov.customers': '客户总数 {total} 个，分析期间有购买的活跃客户 {active} 个（{activeShare}），其中新客户 {newCustomers} 个。',
    'ov.revenue': '期间销售额 {revenue}，同比 {yoy}，订单 {orders} 个，客单价 {aov}。',
    'ov.industry': '行业分布以{top}为主，合计占客户数的 {share}。',
    'ov.size': '企业规模上，{top}客户最多，占 {share}。',
    'ov.forecast': '按 {model} 模型预测，未来 6 个月销售额约 {total}（95% 区间逐月见图）。',
    'ov.noForecast': '历史数据不足，暂不给出销售预测。',
    'chart.industry': '客户行业分布', 'chart.size': '企业规模分布', 'chart.region': '区域分布（销售额，万元）', 'chart.trend': '月度销售额与预测（万元）',
    'chart.actual': '实际', 'chart.forecast': '预测', 'chart.band': '95% 预测区间', 'chart.tiers': '各层客户数与销售额占比', 'chart.customers': '客户数',
    'chart.revenueShare': '销售额占比', 'chart.ipa': '满意度-重要性矩阵（IPA）', 'chart.score': '满意度', 'chart.importance': '重要性',
    'ti.tier': '{tier} {customers} 个（占客户 {share}），贡献销售额的 {revenue}、利润的 {profit}。',
    'ti.pareto': '前 20% 的客户（{top} 个）贡献了 {revenue} 的销售额和 {profit} 的利润，基尼系数 {gini}。',
    'ti.migration': '与上一期相比，{up} 个客户升层，{down} 个客户降层。', 'ti.noMigration': '本期为首次分层，暂无分层迁移数据。',
    'ti.traitsCaption': '各层客户特征', 'ti.table2Caption': '表2：客户价值分析表（RFM 模型，价值最高的客户）',
    'col.tier': '客户分层', 'col.customers': '客户数', 'col.customerShare': '客户占比', 'col.revenueShare': '销售额占比', 'col.profitShare': '利润占比',
    'col.avgRecency': '平均最近购买（天前）', 'col.avgFrequency': '平均频次（次）', 'col.avgMonetary': '平均金额（元）', 'col.mainIndustries': '主要行业',
    'col.customerId': '客户编号', 'col.customerName': '客户名称', 'col.recencyDays': '最近购买时间（天前）', 'col.frequencyYear': '购买频次（次/年）',
    'col.amountYear': '购买金额（万元/年）', 'col.rfmScore': 'RFM 得分',
    'is.complaints': '期间共收到投诉 {total} 起，最多的是{top}（{share}），仍有 {unresolved} 起未解决。', 'is.noComplaints': '期间没有投诉记录。',
    'is.text': '客户反馈中最常提到的问题：{terms}。',
    'is.ipa': '满意度-重要性分析显示，{items}重要性高而满意度低，应优先改进。', 'is.noIpa': '期间没有满意度调研数据。',
    'is.churnReasons': '已记录的流失原因中，{top}最多（{share}）。',
    'is.atRisk': '流失预警：{high} 个客户处于高风险及以上；主要信号为{signals}。',
    'is.bottleneck': '销售漏斗的瓶颈在“{from} → {to}”，转化率仅 {conversion}，平均停留 {dwell} 天；在此阶段丢单的主要原因是{reasons}。',
    'is.noBottleneck': '期间没有足够的商机数据分析漏斗。',
    'is.complaintsCaption': '投诉类别', 'is.textCaption': '客户反馈高频问题（含原话示例）', 'is.reasonsCaption': '流失原因', 'is.atRiskCaption': '高风险客户及预警信号',
    'col.category': '类别', 'col.complaints': '投诉数', 'col.share': '占比', 'col.unresolved': '未解决', 'col.term': '问题', 'col.texts': '提及次数', 'col.example': '原话示例',
    'col.reason': '原因', 'col.riskScore': '风险分', 'col.signals': '预警信号',
    'st.intro': '结合客户分层与流失预警，各层客户的维护策略如下（可在策略手册中调整）。', 'st.caption': '表4：客户维护策略建议表',
    'col.group': '客户分层', 'col.traits': '核心特征', 'col.direction': '策略方向', 'col.actions': '具体行动建议', 'col.owner': '责任人', 'col.deadline': '完成时间',
    'nx.intro': '下一步行动计划：', 'nx.caption': '行动计划', 'col.action': '行动', 'col.effect': '预期效果',
    'nx.callAtRisk': '逐一回访风险最高的 {n} 个客户（{names} 等），了解原因并提供挽留方案', 'nx.callEffect': '挽回一半以上，避免约 {revenue} 的年销售额流失',
    'nx.bottleneck': '复盘停留在“{from}”阶段的 {n} 个在途商机，针对价格与竞争对手准备应对方案', 'nx.bottleneckEffect': '“{from} → {to}”转化率提升 5 个百分点',
    'nx.improve': '针对{items}制定改进措施并跟踪满意度', 'nx.improveEffect': '下季度该项满意度提升 0.3 分',
    'nx.repOwner': '各负责销售', 'nx.salesManager': '销售经理', 'nx.serviceManager': '客服经理',
    'ap1.intro': '价值最高的客户的基础信息（联系方式已脱敏）。', 'ap1.caption': '表1：客户基础信息表',
    'col.industry': '所属行业', 'col.size': '企业规模', 'col.contact': '联系人', 'col.phone': '联系方式（脱敏）', 'col.months': '合作时长（月）', 'col.level': '客户等级',
    'ap3.intro': '价值最高的客户的采购行为与需求。', 'ap3.caption': '表3：客户行为与需求分析表',
    'col.mainProducts': '主要采购产品', 'col.cycleMonths': '平均采购周期（月）', 'col.complexity': '决策流程复杂度', 'col.feedback': '高频反馈问题', 'col.need': '潜在需求（推荐产品）',
    monthly: '每月', withinDays: '{days} 日内（{date}前）', 'group.churn_risk': '流失风险客户',
    'complexity.simple': '简单', 'complexity.normal': '一般', 'complexity.complex': '复杂', unknown: '未知',
  },
  en: {
    title: 'Customer analysis report',
    subtitle: 'Period {from} – {to} (as of {asOf})',
    's.background': '1. Background and goals', 's.overview': '2. Customer overview', 's.tiers': '3. Tiering results', 's.issues': '4. Key issues and needs',
    's.strategy': '5. Strategy per tier', 's.next': '6. Next steps', 's.appendix1': 'Appendix, table 1: customer basic information', 's.appendix3': 'Appendix, table 3: behaviour and needs',
    'bg.goal': 'Goal: {goal}.', 'bg.defaultGoal': 'review the customer base, value each customer, find who is drifting away and set the next period\'s sales strategy',
    'bg.scope': 'Scope: {scope}.', 'bg.scopeAll': 'all customers', 'bg.period': 'Data period: {from} to {to}, as of {asOf}.',
    'bg.sources': 'Sources: {files} files with {rows} rows were imported, including {lines} order lines and {customers} customers.',
    'bg.quality': 'Data quality: {quarantined} rows ({share} of those imported) were quarantined for data problems and left out; they can be exported, fixed and imported again.',
    'col.file': 'File', 'col.entity': 'Data', 'col.rows': 'Rows', 'col.inserted': 'Inserted', 'col.updated': 'Updated', 'col.quarantined': 'Quarantined',
    'ov.customers': '{total} customers in all; {active} bought in the period ({activeShare}), {newCustomers} of them new.',
    'ov.revenue': 'Revenue in the period {revenue}, year on year {yoy}; {orders} orders, average order {aov}.',
    'ov.industry': 'Most customers are in {top}: together {share} of them.',
    'ov.size': 'By company size, {top} companies are the largest group ({share}).',
    'ov.forecast': 'The {model} model forecasts about {total} of revenue in the next 6 months (monthly 95% intervals in the chart).',
    'ov.noForecast': 'Too little history for a revenue forecast.',
    'chart.industry': 'Customers by industry', 'chart.size': 'Customers by company size', 'chart.region': 'Revenue by region (10k yuan)', 'chart.trend': 'Monthly revenue and forecast (10k yuan)',
    'chart.actual': 'Actual', 'chart.forecast': 'Forecast', 'chart.band': '95% interval', 'chart.tiers': 'Customers and revenue share by tier', 'chart.customers': 'Customers',
    'chart.revenueShare': 'Revenue share', 'chart.ipa': 'Importance-performance (IPA)', 'chart.score': 'Satisfaction', 'chart.importance': 'Importance',
    'ti.tier': '{tier}: {customers} customers ({share} of all), {revenue} of revenue and {profit} of profit.',
    'ti.pareto': 'The top 20% of customers ({top}) bring {revenue} of revenue and {profit} of profit (Gini {gini}).',
    'ti.migration': 'Since the previous snapshot {up} customers moved up a tier and {down} moved down.', 'ti.noMigration': 'This is the first tiering: no migration yet.',
    'ti.traitsCaption': 'Tier traits', 'ti.table2Caption': 'Table 2: customer value (RFM), the most valuable customers',
    'col.tier': 'Tier', 'col.customers': 'Customers', 'col.customerShare': 'Share of customers', 'col.revenueShare': 'Share of revenue', 'col.profitShare': 'Share of profit',
    'col.avgRecency': 'Mean days since last order', 'col.avgFrequency': 'Mean orders', 'col.avgMonetary': 'Mean revenue (yuan)', 'col.mainIndustries': 'Main industries',
    'col.customerId': 'Customer', 'col.customerName': 'Name', 'col.recencyDays': 'Last order (days ago)', 'col.frequencyYear': 'Orders per year',
    'col.amountYear': 'Revenue per year (10k yuan)', 'col.rfmScore': 'RFM score',
    'is.complaints': '{total} complaints in the period, most about {top} ({share}); {unresolved} are still open.', 'is.noComplaints': 'No complaints were recorded in the period.',
    'is.text': 'What customers raise most in their own words: {terms}.',
    'is.ipa': 'Importance-performance analysis puts {items} in the "concentrate here" quadrant: important to customers, rated low.', 'is.noIpa': 'No satisfaction survey in the period.',
    'is.churnReasons': 'Among recorded churn reasons, {top} leads ({share}).',
    'is.atRisk': 'Churn warning: {high} customers are at high or critical risk; the main signals are {signals}.',
    'is.bottleneck': 'The funnel\'s bottleneck is {from} → {to}: only {conversion} convert, after {dwell} days on average; deals lost there mostly cite {reasons}.',
    'is.noBottleneck': 'Too few opportunities in the period to analyse the funnel.',
    'is.complaintsCaption': 'Complaint categories', 'is.textCaption': 'Top issues in customers\' words (with examples)', 'is.reasonsCaption': 'Churn reasons', 'is.atRiskCaption': 'Customers at risk and their signals',
    'col.category': 'Category', 'col.complaints': 'Complaints', 'col.share': 'Share', 'col.unresolved': 'Open', 'col.term': 'Issue', 'col.texts': 'Mentions', 'col.example': 'Example',
    'col.reason': 'Reason', 'col.riskScore': 'Risk score', 'col.signals': 'Signals',
    'st.intro': 'From the tiers and the churn warning, the strategy for each group (editable in the playbook):', 'st.caption': 'Table 4: strategy per tier',
    'col.group': 'Group', 'col.traits': 'Core traits', 'col.direction': 'Direction', 'col.actions': 'Actions', 'col.owner': 'Owner', 'col.deadline': 'Deadline',
    'nx.intro': 'Next steps:', 'nx.caption': 'Action plan', 'col.action': 'Action', 'col.effect': 'Expected effect',
    'nx.callAtRisk': 'Call the {n} highest-risk customers ({names} …) to learn why and offer a win-back plan', 'nx.callEffect': 'Win back at least half, keeping about {revenue} of yearly revenue',
    'nx.bottleneck': 'Review the {n} open deals sitting at {from} and prepare answers on price and competitors', 'nx.bottleneckEffect': 'Lift {from} → {to} conversion by 5 points',
    'nx.improve': 'Set improvement measures for {items} and track satisfaction', 'nx.improveEffect': 'Satisfaction on those items up 0.3 next quarter',
    'nx.repOwner': 'Account reps', 'nx.salesManager': 'Sales manager', 'nx.serviceManager': 'Service manager',
    'ap1.intro': 'Basic information of the most valuable customers (contact details masked).', 'ap1.caption': 'Table 1: customer basic information',
    'col.industry': 'Industry', 'col.size': 'Size', 'col.contact': 'Contact', 'col.phone': 'Phone (masked)', 'col.months': 'Months as customer', 'col.level': 'Level',
    'ap3.intro': 'Buying behaviour and needs of the most valuable customers.', 'ap3.caption': 'Table 3: behaviour and needs',
    'col.mainProducts': 'Main products', 'col.cycleMonths': 'Purchase cycle (months)', 'col.complexity': 'Decision complexity', 'col.feedback': 'Frequent feedback', 'col.need': 'Potential need (recommended)',
    monthly: 'Monthly', withinDays: 'Within {days} days (by {date})', 'group.churn_risk': 'Churn risk',
    'complexity.simple': 'simple', 'complexity.normal': 'normal', 'complexity.complex': 'complex', unknown: 'unknown',
  },
};
