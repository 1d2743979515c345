/**
 * What the intake knows how to read: every entity a file can hold, its
 * fields, their types, and the Chinese and English headers that name them.
 * Synonyms are tried in order, so a field prefers its earlier names (Region
 * over Country) when a file has both.
 */
import type { FieldType } from './field-type.js';

export type EntityName =
  | 'customers'
  | 'products'
  | 'order_lines'
  | 'opportunities'
  | 'stage_history'
  | 'interactions'
  | 'surveys'
  | 'nps'
  | 'complaints'
  | 'tickets'
  | 'campaigns'
  | 'reps'
  | 'targets'
  | 'wallet'
  | 'churn';

export type EnumName = 'interaction_type' | 'gender' | 'opportunity_status' | 'order_status' | 'decision_complexity' | 'demand_type';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly synonyms: readonly string[];
  /** Names the entity strongly: weighs more when recognising a file. */
  readonly signature?: boolean;
  readonly enumName?: EnumName;
  /** Lower and upper bound a valid value lies in (inclusive). */
  readonly range?: readonly [number, number];
}

export interface EntitySpec {
  readonly name: EntityName;
  readonly table: string;
  readonly label: { readonly en: string; readonly 'zh-CN': string };
  /** Words in a file name that hint at this entity. */
  readonly fileHints: readonly string[];
  readonly fields: readonly FieldSpec[];
  /** Each entry must be present; an array means "at least one of these". */
  readonly required: readonly (string | readonly string[])[];
}

const f = (name: string, type: FieldType, synonyms: readonly string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type,
  synonyms,
  ...extra,
});

// Fields several entities share, named once.
const customerId = f('customer_id', 'id', [
  '客户编号', '客户ID', '客户代码', '客户号', '客户编码', '会员编号', '会员号', '会员ID', '社保卡号', '卡号',
  'customer id', 'customerid', 'customer no', 'customer number', 'customer code', 'client id', 'account id', 'cust id', 'member id',
]);
const customerName = f('customer_name', 'text', [
  '客户名称', '公司名称', '客户', '企业名称', '单位名称', '客户全称', '购买方', '购货单位',
  'customer name', 'customer', 'company', 'company name', 'client', 'client name', 'account', 'account name',
]);
const repId = f('rep_id', 'id', [
  '负责人', '销售员', '业务员', '销售代表', '客户经理', '跟进人', '销售人员', '销售', '归属销售', '所属销售',
  'sales rep', 'rep', 'salesperson', 'sales person', 'sales agent', 'agent', 'account manager', 'owner', 'rep id', 'sales rep id',
]);
const province = f('province', 'text', ['省份', '省', '所在省份', '所在省', '收货省份', '收货地址', 'province', 'state', 'state/province']);
const city = f('city', 'text', ['城市', '市', '所在城市', '收货城市', 'city']);
const region = f('region', 'text', ['区域', '大区', '销售区域', '地区', '所属区域', 'region', 'sales region', 'area', 'territory', 'regional office', 'country', 'country/region', '国家']);
const industry = f('industry', 'text', ['所属行业', '行业', '行业类别', '行业分类', 'industry', 'sector', 'vertical']);
const productName = f('product_name', 'text', ['产品名称', '商品名称', '品名', '物料名称', '产品', '商品', 'product name', 'product', 'description', 'item', 'item name']);
const category = f('category', 'text', ['产品类别', '产品分类', '商品类别', '商品分类', '品类', '类别', '类目', 'category', 'product category']);
const subcategory = f('subcategory', 'text', ['子类别', '二级类别', '二级类目', '子分类', '小类', 'sub-category', 'subcategory', 'sub category']);

export const entities: readonly EntitySpec[] = [
  {
    name: 'order_lines',
    table: 'order_lines',
    label: { en: 'order lines', 'zh-CN': '订单明细' },
    fileHints: ['order', 'sales', 'invoice', 'transaction', 'retail', '订单', '销售', '交易', '明细', '流水'],
    required: ['order_date', ['amount', 'unit_price', 'quantity']],
    fields: [
      f('order_id', 'id', ['订单编号', '订单号', '订单ID', '单号', '销售单号', '订单编码', '单据编号', '发票号', 'order id', 'order no', 'order number', 'invoice', 'invoiceno', 'invoice no', 'invoice number', 'transaction id'], { signature: true }),
      f('line_no', 'integer', ['行号', '明细行号', '订单行号', 'line', 'line no', 'line number', 'item no']),
      f('order_date', 'datetime', ['下单日期', '订单日期', '成交日期', '销售日期', '交易日期', '下单时间', '订单创建时间', '交易时间', '购买日期', '购药时间', '日期', 'order date', 'invoice date', 'invoicedate', 'purchase date', 'transaction date', 'sale date', 'date'], { signature: true }),
      customerId,
      customerName,
      industry,
      f('product_id', 'id', ['产品编号', '产品编码', '产品代码', '商品编码', '商品编号', '物料编码', '货号', 'sku', 'product id', 'product code', 'stockcode', 'stock code', 'item code']),
      productName,
      category,
      subcategory,
      f('quantity', 'number', ['数量', '销售数量', '购买数量', '件数', '订购数量', 'qty', 'quantity', 'units']),
      f('unit_price', 'amount', ['单价', '销售单价', '成交单价', '价格', 'unit price', 'unitprice', 'price']),
      f('amount', 'amount', ['金额', '销售额', '成交金额', '销售金额', '订单金额', '应收金额', '总金额', '合计金额', '价税合计', '含税金额', 'amount', 'sales', 'sales amount', 'revenue', 'total', 'line total', 'value'], { signature: true }),
      f('paid_amount', 'amount', ['实收金额', '实付金额', '买家实际支付金额', '付款金额', '支付金额', 'paid amount', 'amount paid', 'paid']),
      f('refund_amount', 'amount', ['退款金额', '退货金额', 'refund', 'refund amount']),
      f('discount', 'rate', ['折扣', '折扣率', '优惠折扣', 'discount', 'discount rate']),
      f('cost', 'amount', ['成本', '成本金额', '销售成本', 'cost', 'cost amount']),
      f('profit', 'amount', ['利润', '毛利', '毛利润', '毛利额', 'profit', 'gross profit']),
      f('status', 'text', ['订单状态', '状态', 'status', 'order status'], { enumName: 'order_status' }),
      f('is_return', 'boolean', ['是否退货', '退货', 'is return', 'returned', 'return']),
      f('channel', 'text', ['销售渠道', '渠道', '来源', 'channel', 'sales channel', 'source']),
      repId,
      province,
      city,
      region,
      f('ship_date', 'date', ['发货日期', '发货时间', '出库日期', 'ship date', 'shipped date', 'shipping date']),
      f('paid_date', 'datetime', ['付款日期', '付款时间', '订单付款时间', '支付时间', '支付日期', 'payment date', 'paid date', 'paid at']),
      f('promotion', 'text', ['促销活动', '促销', '活动', '优惠券', 'promotion', 'promo', 'promo code', 'campaign']),
      f('demand_type', 'text', ['需求类型', '采购类型', '采购需求', 'demand type', 'purchase type'], { enumName: 'demand_type' }),
    ],
  },
  {
    name: 'customers',
    table: 'customers',
    label: { en: 'customers', 'zh-CN': '客户' },
    fileHints: ['customer', 'client', 'account', 'member', '客户', '会员', '档案'],
    required: [['customer_id', 'name']],
    fields: [
      { ...customerId, signature: true },
      f('name', 'text', customerName.synonyms.concat(['名称', 'name']), { signature: true }),
      { ...industry, signature: true },
      f('size', 'text', ['企业规模', '规模', '公司规模', '客户规模', 'company size', 'size']),
      f('employees', 'integer', ['员工人数', '员工数', '人数', '职工人数', 'employees', 'employee count', 'headcount']),
      f('annual_revenue', 'amount', ['年营业额', '营业收入', '年收入', '年营收', '营业额', 'annual revenue', 'revenue']),
      province,
      city,
      region,
      f('address', 'text', ['地址', '详细地址', '公司地址', '联系地址', 'address']),
      f('contact_name', 'text', ['联系人', '联系人姓名', '姓名', 'contact', 'contact name', 'contact person'], { signature: true }),
      f('contact_phone', 'text', ['联系电话', '手机', '手机号', '手机号码', '电话', '联系方式', 'phone', 'mobile', 'tel', 'telephone', 'contact phone']),
      f('contact_email', 'text', ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail', 'contact email']),
      f('contact_title', 'text', ['职务', '职位', '联系人职务', 'title', 'job title']),
      f('gender', 'text', ['性别', 'gender', 'sex'], { enumName: 'gender' }),
      f('birth_date', 'date', ['出生日期', '生日', 'birth date', 'birthday', 'date of birth', 'dob']),
      repId,
      f('level', 'text', ['客户等级', '等级', '级别', '客户级别', 'level', 'grade', 'customer level']),
      f('decision_complexity', 'text', ['决策流程复杂度', '决策复杂度', '决策流程', '审批层级', 'decision complexity'], { enumName: 'decision_complexity' }),
      f('acquisition_channel', 'text', ['获客渠道', '客户来源', '来源渠道', '渠道', '来源', 'acquisition channel', 'channel', 'source', 'lead source']),
      f('acquisition_campaign_id', 'id', ['获客活动', '活动编号', '来源活动', 'campaign', 'campaign id']),
      f('first_contact_date', 'date', ['建档日期', '注册日期', '首次接触日期', '创建日期', '开户日期', '签约日期', 'first contact date', 'created', 'created date', 'signup date', 'registration date', 'customer since']),
      f('status', 'text', ['客户状态', '状态', 'status']),
    ],
  },
  {
    name: 'products',
    table: 'products',
    label: { en: 'products', 'zh-CN': '产品' },
    fileHints: ['product', 'item', 'sku', 'catalog', '产品', '商品', '物料'],
    required: [['product_id', 'name']],
    fields: [
      f('product_id', 'id', ['产品编号', '产品编码', '产品代码', '商品编码', '商品编号', '物料编码', '货号', 'sku', 'product id', 'product code', 'item code'], { signature: true }),
      f('name', 'text', productName.synonyms.concat(['名称', 'name']), { signature: true }),
      { ...category, signature: true },
      subcategory,
      f('series', 'text', ['产品系列', '系列', '产品线', 'series', 'product line']),
      f('unit', 'text', ['单位', '计量单位', 'unit', 'uom']),
      f('list_price', 'amount', ['标准价', '标准单价', '售价', '单价', '价格', '零售价', 'list price', 'sales price', 'price', 'unit price'], { signature: true }),
      f('unit_cost', 'amount', ['成本价', '单位成本', '成本', 'unit cost', 'cost']),
      f('margin_rate', 'rate', ['毛利率', '利润率', 'margin rate', 'margin', 'gross margin']),
    ],
  },
  {
    name: 'opportunities',
    table: 'opportunities',
    label: { en: 'opportunities', 'zh-CN': '商机' },
    fileHints: ['opportunit', 'pipeline', 'deal', 'lead', 'funnel', 'mql', '商机', '线索', '漏斗', '机会'],
    required: [['opportunity_id', 'name']],
    fields: [
      f('opportunity_id', 'id', ['商机编号', '商机ID', '机会编号', '线索编号', '项目编号', 'opportunity id', 'opportunity_id', 'deal id', 'lead id', 'mql id', 'mql_id'], { signature: true }),
      customerId,
      customerName,
      f('name', 'text', ['商机名称', '项目名称', '机会名称', 'opportunity name', 'deal name', 'opportunity']),
      repId,
      f('product', 'text', ['产品', '意向产品', '产品名称', 'product']),
      f('lead_source', 'text', ['线索来源', '商机来源', '来源', '渠道', 'lead source', 'source', 'origin', 'channel']),
      region,
      f('stage', 'text', ['商机阶段', '销售阶段', '当前阶段', '阶段', 'stage', 'deal stage', 'sales stage'], { signature: true }),
      f('status', 'text', ['商机状态', '赢单状态', '状态', 'status', 'outcome'], { enumName: 'opportunity_status' }),
      f('expected_amount', 'amount', ['预计金额', '商机金额', '预计成交金额', '预算', 'expected amount', 'deal value', 'amount', 'expected revenue']),
      f('won_amount', 'amount', ['赢单金额', '签约金额', '合同金额', 'close value', 'won amount', 'contract value']),
      f('created_date', 'date', ['创建日期', '线索日期', '创建时间', '首次接触日期', '立项日期', 'created date', 'create date', 'first contact date', 'engage date', 'created']),
      f('stage_date', 'date', ['阶段日期', '阶段变更日期', '进入阶段日期', '最近推进日期', 'stage date', 'stage changed', 'last stage change']),
      f('expected_close_date', 'date', ['预计成交日期', '预计签约日期', 'expected close date', 'expected close']),
      f('close_date', 'date', ['关闭日期', '结束日期', '成交日期', '赢单日期', '输单日期', 'close date', 'closed date', 'won date']),
      f('lost_reason', 'text', ['输单原因', '丢单原因', '失败原因', '流失原因', 'lost reason', 'loss reason', 'reason lost']),
      f('competitor', 'text', ['竞争对手', '竞品', 'competitor']),
    ],
  },
  {
    name: 'stage_history',
    table: 'opportunity_stage_history',
    label: { en: 'opportunity stage history', 'zh-CN': '商机阶段记录' },
    fileHints: ['stage', 'history', '阶段', '变更'],
    required: ['opportunity_id', 'stage', 'entered_date'],
    fields: [
      f('opportunity_id', 'id', ['商机编号', '商机ID', '机会编号', '线索编号', 'opportunity id', 'deal id', 'lead id'], { signature: true }),
      f('stage', 'text', ['阶段', '商机阶段', '销售阶段', '进入阶段', 'stage'], { signature: true }),
      f('entered_date', 'date', ['进入日期', '变更日期', '阶段日期', '日期', 'entered date', 'entered', 'changed at', 'date'], { signature: true }),
    ],
  },
  {
    name: 'interactions',
    table: 'interactions',
    label: { en: 'interactions', 'zh-CN': '跟进记录' },
    fileHints: ['interaction', 'activit', 'visit', 'call', 'follow', '跟进', '拜访', '沟通', '报价'],
    required: [['customer_id', 'customer_name'], 'interaction_date'],
    fields: [
      f('interaction_id', 'id', ['记录编号', '跟进编号', '跟进记录编号', '活动编号', 'interaction id', 'activity id']),
      customerId,
      customerName,
      repId,
      f('type', 'text', ['跟进方式', '跟进类型', '活动类型', '沟通方式', '类型', 'type', 'activity type', 'interaction type'], { signature: true, enumName: 'interaction_type' }),
      f('interaction_date', 'date', ['跟进日期', '拜访日期', '联系日期', '沟通日期', '日期', 'activity date', 'interaction date', 'date'], { signature: true }),
      f('response_hours', 'number', ['报价响应时间(小时)', '报价响应时长', '响应时长', '响应时间', 'response hours', 'response time', 'quote response hours'], { range: [0, 100_000] }),
      f('competitor', 'text', ['提及竞品', '竞争对手', '竞品', 'competitor', 'competitor mentioned']),
      f('project', 'text', ['项目', '项目名称', 'project']),
      f('project_status', 'text', ['项目状态', '项目进展', 'project status']),
      f('notes', 'text', ['跟进内容', '沟通内容', '沟通记录', '备注', '内容', 'notes', 'note', 'summary']),
    ],
  },
  {
    name: 'surveys',
    table: 'survey_responses',
    label: { en: 'satisfaction surveys', 'zh-CN': '满意度调查' },
    fileHints: ['survey', 'satisfaction', 'csat', '满意度', '调查', '问卷'],
    required: [['customer_id', 'customer_name'], 'item', 'score'],
    fields: [
      f('response_id', 'id', ['答卷编号', '问卷编号', 'response id']),
      customerId,
      customerName,
      f('survey_date', 'date', ['调查日期', '日期', 'survey date', 'date']),
      f('item', 'text', ['调查项目', '评价项目', '评价维度', '指标', '项目', 'item', 'question', 'aspect'], { signature: true }),
      f('score', 'number', ['满意度评分', '满意度', '评分', '得分', 'score', 'satisfaction'], { signature: true, range: [0, 10] }),
      f('importance', 'number', ['重要性评分', '重要性', '重要度', 'importance'], { signature: true, range: [0, 10] }),
    ],
  },
  {
    name: 'nps',
    table: 'nps_responses',
    label: { en: 'NPS answers', 'zh-CN': 'NPS 调查' },
    fileHints: ['nps', 'recommend', '推荐'],
    required: [['customer_id', 'customer_name'], 'score'],
    fields: [
      f('response_id', 'id', ['答卷编号', '问卷编号', 'response id']),
      customerId,
      customerName,
      f('response_date', 'date', ['调查日期', '日期', 'response date', 'date']),
      f('score', 'integer', ['推荐意愿', '推荐得分', '推荐评分', 'NPS评分', 'NPS', 'nps score', 'likelihood to recommend', 'recommend score'], { signature: true, range: [0, 10] }),
      f('comment', 'text', ['评论', '意见', '建议', '原因', 'comment', 'feedback', 'reason']),
    ],
  },
  {
    name: 'complaints',
    table: 'complaints',
    label: { en: 'complaints', 'zh-CN': '投诉' },
    fileHints: ['complaint', '投诉'],
    required: [['customer_id', 'customer_name'], ['category', 'text']],
    fields: [
      f('complaint_id', 'id', ['投诉编号', '投诉单号', 'complaint id'], { signature: true }),
      customerId,
      customerName,
      f('complaint_date', 'date', ['投诉日期', '投诉时间', '日期', 'complaint date', 'date'], { signature: true }),
      f('category', 'text', ['投诉类别', '投诉类型', '问题类别', '类别', 'category', 'complaint category', 'type'], { signature: true }),
      f('text', 'text', ['投诉内容', '问题描述', '内容', '描述', 'text', 'description', 'content', 'complaint'], { signature: true }),
      f('severity', 'text', ['严重程度', '紧急程度', 'severity']),
      f('status', 'text', ['处理状态', '状态', 'status']),
      f('resolved_date', 'date', ['解决日期', '处理完成日期', '结案日期', 'resolved date', 'resolved']),
    ],
  },
  {
    name: 'tickets',
    table: 'service_tickets',
    label: { en: 'service tickets', 'zh-CN': '服务工单' },
    fileHints: ['ticket', 'service', 'case', '工单', '服务', '售后'],
    required: [['ticket_id'], ['customer_id', 'customer_name']],
    fields: [
      f('ticket_id', 'id', ['工单编号', '工单号', '服务单号', 'ticket id', 'case id', 'ticket'], { signature: true }),
      customerId,
      customerName,
      f('opened_date', 'date', ['创建日期', '报修日期', '开单日期', '受理日期', 'opened date', 'opened', 'created'], { signature: true }),
      f('closed_date', 'date', ['关闭日期', '完成日期', '结单日期', 'closed date', 'closed']),
      f('category', 'text', ['服务类型', '工单类型', '类别', 'category', 'type']),
      f('priority', 'text', ['优先级', 'priority']),
      f('status', 'text', ['工单状态', '状态', 'status']),
      f('satisfaction', 'number', ['服务评分', '满意度', 'satisfaction', 'rating'], { range: [0, 10] }),
    ],
  },
  {
    name: 'campaigns',
    table: 'campaigns',
    label: { en: 'campaigns', 'zh-CN': '营销活动' },
    fileHints: ['campaign', 'marketing', '活动', '营销', '推广'],
    required: [['campaign_id', 'name']],
    fields: [
      f('campaign_id', 'id', ['活动编号', '活动ID', '营销活动编号', 'campaign id'], { signature: true }),
      f('name', 'text', ['活动名称', '营销活动', 'campaign name', 'campaign', 'name'], { signature: true }),
      f('channel', 'text', ['投放渠道', '渠道', '活动渠道', 'channel'], { signature: true }),
      f('start_date', 'date', ['开始日期', '开始时间', 'start date', 'start']),
      f('end_date', 'date', ['结束日期', '结束时间', 'end date', 'end']),
      f('cost', 'amount', ['活动费用', '费用', '投入', '花费', '成本', 'cost', 'spend', 'budget'], { signature: true }),
      f('leads', 'integer', ['线索数', '获得线索', 'leads']),
    ],
  },
  {
    name: 'reps',
    table: 'reps',
    label: { en: 'sales reps', 'zh-CN': '销售人员' },
    fileHints: ['rep', 'team', 'staff', 'agent', 'employee', '销售人员', '团队', '员工', '人员'],
    required: [['rep_id', 'name']],
    fields: [
      f('rep_id', 'id', ['员工编号', '工号', '销售员编号', 'rep id', 'employee id', 'agent id'], { signature: true }),
      f('name', 'text', ['姓名', '销售员', '销售代表', '业务员', '员工姓名', 'name', 'sales agent', 'sales rep', 'salesperson', 'rep'], { signature: true }),
      f('team', 'text', ['团队', '所属团队', '小组', '部门', 'team', 'department'], { signature: true }),
      region,
      f('manager', 'text', ['主管', '经理', '直属上级', '上级', 'manager', 'supervisor'], { signature: true }),
      f('hire_date', 'date', ['入职日期', 'hire date', 'start date']),
      f('email', 'text', ['邮箱', 'email', 'e-mail']),
      f('phone', 'text', ['电话', '手机', 'phone', 'mobile']),
      f('status', 'text', ['状态', '在职状态', 'status']),
    ],
  },
  {
    name: 'targets',
    table: 'targets',
    label: { en: 'sales targets', 'zh-CN': '销售目标' },
    fileHints: ['target', 'quota', '目标', '指标', '任务'],
    required: ['target_amount', ['period', 'period_start']],
    fields: [
      f('rep_id', 'id', ['销售员', '业务员', '负责人', '员工编号', 'rep', 'rep id', 'sales rep', 'sales agent']),
      f('team', 'text', ['团队', '所属团队', 'team']),
      f('region', 'text', ['区域', '大区', 'region']),
      f('period', 'period', ['期间', '月份', '年月', '季度', '年度', '考核期', 'period', 'month', 'quarter', 'year'], { signature: true }),
      f('period_start', 'date', ['开始日期', 'period start', 'start date']),
      f('period_end', 'date', ['结束日期', 'period end', 'end date']),
      f('target_amount', 'amount', ['目标金额', '销售目标', '业绩目标', '目标', '任务额', 'target', 'target amount', 'quota'], { signature: true }),
    ],
  },
  {
    name: 'wallet',
    table: 'wallet_estimates',
    label: { en: 'share of wallet', 'zh-CN': '竞争份额' },
    fileHints: ['wallet', 'competitor', 'share', '份额', '竞争', '竞品'],
    required: [['customer_id', 'customer_name'], 'year', 'competitor'],
    fields: [
      customerId,
      customerName,
      f('year', 'integer', ['年份', '年度', 'year'], { range: [1900, 2200] }),
      f('competitor', 'text', ['竞争对手', '竞品', '竞品厂商', 'competitor'], { signature: true }),
      f('total_wallet', 'amount', ['年采购总额', '采购总额', '钱包总额', '品类采购总额', 'total wallet', 'wallet', 'total spend'], { signature: true }),
      f('competitor_amount', 'amount', ['竞品采购额', '竞争对手采购额', '竞品金额', 'competitor amount', 'competitor spend'], { signature: true }),
      f('competitor_share', 'rate', ['竞品份额', '竞争对手份额', '竞争对手占比', '竞品占比', 'competitor share'], { signature: true }),
    ],
  },
  {
    name: 'churn',
    table: 'churn_records',
    label: { en: 'churn records', 'zh-CN': '流失记录' },
    fileHints: ['churn', 'lost', '流失'],
    required: [['customer_id', 'customer_name'], 'churn_date'],
    fields: [
      customerId,
      customerName,
      f('churn_date', 'date', ['流失日期', '流失时间', '日期', 'churn date', 'lost date', 'date'], { signature: true }),
      f('reason_category', 'text', ['流失原因', '流失原因类别', '原因类别', '原因', 'churn reason', 'reason category', 'reason'], { signature: true }),
      f('reason_text', 'text', ['原因说明', '详细原因', '备注', 'reason detail', 'notes', 'comment']),
      f('win_back_status', 'text', ['挽回状态', '挽回结果', 'win-back status', 'win back status']),
    ],
  },
];

export function entitySpec(name: EntityName): EntitySpec {
  const spec = entities.find((e) => e.name === name);
  if (!spec) throw new Error(`unknown entity ${name}`);
  return spec;
}

export function isEntityName(value: string): value is EntityName {
  return entities.some((e) => e.name === value);
}
