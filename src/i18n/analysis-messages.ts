import type { Catalogue } from './i18n.js';

export type AnalysisKey =
  | 'summary.title'
  | 'summary.revenue'
  | 'summary.customers'
  | 'summary.rates'
  | 'summary.tiersHeader'
  | 'summary.tier'
  | 'summary.pareto'
  | 'summary.clusters'
  | 'summary.behaviour'
  | 'summary.funnel'
  | 'summary.team'
  | 'summary.satisfaction'
  | 'summary.churn'
  | 'summary.recommend'
  | 'summary.next'
  | 'customers.header'
  | 'customers.row'
  | 'customers.none'
  | 'customers.total'
  | 'error.unknownTier'
  | 'error.badNumber'
  | 'error.badMemory'
  | 'error.badChoice'
  | 'error.outIsFolder'
  | 'error.portRange'
  | 'error.unknownSnapshot'
  | 'error.portInUse'
  | 'error.portDenied'
  | 'error.hostUnknown'
  | 'error.outNoFolder'
  | 'error.badRange'
  | 'error.tooLittleHistory'
  | 'clv.title'
  | 'clv.bgnbd'
  | 'clv.paretoNbd'
  | 'clv.gammaGamma'
  | 'clv.holdout'
  | 'clv.totals'
  | 'clv.next'
  | 'clv.boundary'
  | 'report.written'
  | 'serve.listening'
  | 'error.badScope'
  | 'error.emptyScope'
  | 'error.noChromium'
  | 'forecast.title'
  | 'forecast.series'
  | 'forecast.short'
  | 'forecast.pipeline'
  | 'forecast.clv'
  | 'forecast.noClv'
  | 'error.badDate'
  | 'error.periodOrder'
  | 'error.beforeData'
  | 'error.calibrationAfterData'
  | 'error.noData'
  | 'error.noSnapshot'
  | 'error.config';

export const analysisMessages: Catalogue<AnalysisKey> = {
  en: {
    'summary.title': 'Snapshot {id}: {from} – {to} (as of {asOf}, settings v{version})',
    'summary.revenue': '  revenue {revenue} (year on year {yoy}, period on period {pop})',
    'summary.customers': '  {customers} buying customers ({newCustomers} new), {orders} orders, average order {aov}',
    'summary.rates': '  repeat purchase {repeat} · retention {retention} · churn {churn} · refunds {refund} · NPS {nps} · CSAT {csat}',
    'summary.tiersHeader': '  tiers: customers (share) · share of revenue · share of profit',
    'summary.tier': '    {tier}: {customers} ({share}) · {revenue} · {profit}',
    'summary.pareto': '  top 20% of customers bring {top} of revenue and {profit} of profit (Gini {gini})',
    'summary.clusters': '  {k} customer clusters (silhouette {silhouette})',
    'summary.behaviour': '  bought together: {pair} (confidence {confidence}, lift {lift}) · {promo} of orders on promotion · share of wallet {wallet}',
    'summary.funnel': '  funnel: {opportunities} opportunities, win rate {winRate}, bottleneck {bottleneck} · {stalled} stalled deals',
    'summary.team': '  team: first {best} ({bestAttainment} of target), last {worst} ({worstAttainment})',
    'summary.churn': '  churn warning: {high} customers at high or critical risk; model AUC {modelAuc} (risk score {scoreAuc}, P(alive) {aliveAuc}) on {testDate}',
    'summary.recommend': '  recommendations: {k} per customer; on the holdout after {cutoff} {hit} of customers bought one of theirs (most popular products: {popular})',
    'summary.satisfaction': '  improve first: {improve} · most complaints: {complaint} · most raised: {issue}',
    'summary.next': 'customers by tier: salescope customers --db {db}',
    'customers.header': 'customer · name · value tier · RFM tier · segment · RFM · revenue · days since last order · health · churn risk (signals)',
    'customers.row': '{id} · {name} · {valueTier} · {rfmTier} · {segment} · {rfm} · {revenue} · {recency} · {health} · {risk}',
    'customers.none': 'no customers match',
    'customers.total': '{shown} of {total} customers (snapshot {id}, as of {asOf})',
    'error.unknownTier': '{flag}: "{value}" is not a tier or segment; use one of: {accepted}',
    'error.badNumber': '{flag}: "{value}" is not a whole number of at least {min}',
    'error.badMemory': '{flag}: "{value}" is not an amount of memory; write a number and a unit, e.g. 512MB or 4GB',
    'error.badChoice': '{flag}: "{value}" is not one of: {accepted}',
    'error.outIsFolder': '{flag}: "{value}" is a folder; give a file name in it (for example {example})',
    'error.unknownSnapshot': '--snapshot: there is no analysis {id}; run salescope customers without --snapshot for the latest, or salescope analyze',
    'error.portRange': '--port: "{value}" is not a port; give a number from 0 to 65535 (0: any free one)',
    'error.portInUse': 'port {port} on {host} is in use by another program; stop it or choose another --port',
    'error.portDenied': 'port {port} needs administrator rights; choose a --port above 1023',
    'error.hostUnknown': '--host: this machine has no address "{host}"; use 127.0.0.1 (this machine only) or 0.0.0.0 (every network)',
    'error.outNoFolder': '{flag}: the folder {folder} does not exist; create it first or write the file elsewhere',
    'error.badDate': '{flag}: "{value}" is not a date; write it as YYYY-MM-DD, e.g. 2024-03-05',
    'error.badRange': '{flag}: "{value}" is not a number from {min} to {max}',
    'error.tooLittleHistory': 'only {repeat} customers bought more than once up to {date}; the CLV models need at least {needed}: choose a later --calibration-end or import more history',
    'clv.title': 'CLV run {id}: fitted on purchases up to {calibrationEnd} ({customers} customers, {repeat} repeat buyers), in {unit}s',
    'clv.bgnbd': '  BG/NBD      r {r} · α {alpha} · a {a} · b {b} · log-likelihood {ll}',
    'clv.paretoNbd': '  Pareto/NBD  r {r} · α {alpha} · s {s} · β {beta} · log-likelihood {ll}',
    'clv.gammaGamma': '  Gamma-Gamma p {p} · q {q} · γ {v} (on {customers} repeat buyers)',
    'clv.holdout': '  holdout to {end} ({length} {unit}s): {actual} repeat purchases, BG/NBD expected {bgnbd}, Pareto/NBD {paretoNbd}',
    'clv.totals': '  next {horizon} {unit}s: {transactions} expected purchases, customer lifetime value {clv} (discounted at {rate} a year)',
    'clv.boundary': '  note: in {models} a parameter ran to the edge of its range: the data cannot pin it down (usually: hardly any customer seems to drop out), so read P(alive) from it with care',
    'forecast.title': 'Revenue forecast: {horizon} months after {lastMonth} (the last complete month)',
    'forecast.series': '  {group}: {model} · next month {next} (80% {lo80} – {hi80}, 95% {lo95} – {hi95}) · {horizon} months {total} · backtest MAPE {mape} against seasonal naive {naive}',
    'forecast.short': '  {group}: only {months} months of history; a forecast needs at least {needed}',
    'forecast.pipeline': '  pipeline: {open} open deals worth {amount}; weighted by the win rate of their stage: {weighted}',
    'forecast.clv': '  bottom-up from customer lifetime value (run {id}, after {calibrationEnd}): {total} in {horizon} months',
    'forecast.noClv': '  bottom-up forecast: run salescope clv first',
    'error.badScope': '--scope: cannot read "{part}"; {how}',
    'error.emptyScope': '--scope {scope}: no customer matches; check the spelling against salescope customers',
    'serve.listening': 'salescope is serving {db} at {url} (API documentation: {url}/api/docs); Ctrl-C stops it',
    'report.written': 'report written: {path} ({format}, {lang}, as of {asOf})',
    'error.noChromium': 'a PDF needs Chromium and CJK fonts, and none was found ({tried}); install them (Debian/Ubuntu: apt-get install chromium fonts-noto-cjk) or set SALESCOPE_CHROMIUM to the browser, or choose --format html',
    'clv.next': 'per customer: P(alive), expected purchases, spend and CLV are in customer_clv (run {id})',
    'error.periodOrder': 'the period starts ({from}) after it ends ({to})',
    'error.beforeData': '{date} is before the first order ({first}): there is nothing to analyse yet; choose a date on or after {first}',
    'error.calibrationAfterData': 'the calibration end {date} is after the last purchase ({last}): the models would take the days after it for days without purchases; choose a date on or before {last}, or leave it out',
    'error.noData': 'there are no orders in {db} yet; import files (salescope import …) or load the demo (salescope demo)',
    'error.noSnapshot': 'no analysis yet; run salescope analyze first',
    'error.config': '{file}: {message}',
  },
  'zh-CN': {
    'summary.title': '分析快照 {id}：{from} – {to}（截至 {asOf}，设置版本 v{version}）',
    'summary.revenue': '  销售额 {revenue}（同比 {yoy}，环比 {pop}）',
    'summary.customers': '  购买客户 {customers} 个（新客户 {newCustomers} 个），订单 {orders} 个，客单价 {aov}',
    'summary.rates': '  复购率 {repeat} · 留存率 {retention} · 流失率 {churn} · 退单率 {refund} · NPS {nps} · 满意度 {csat}',
    'summary.tiersHeader': '  客户分层：客户数（占比）· 销售额占比 · 利润占比',
    'summary.tier': '    {tier}：{customers}（{share}）· {revenue} · {profit}',
    'summary.pareto': '  前 20% 的客户贡献了 {top} 的销售额和 {profit} 的利润（基尼系数 {gini}）',
    'summary.clusters': '  客户聚类 {k} 类（轮廓系数 {silhouette}）',
    'summary.behaviour': '  关联购买：{pair}（置信度 {confidence}，提升度 {lift}）· 促销订单占比 {promo} · 钱包份额 {wallet}',
    'summary.funnel': '  销售漏斗：商机 {opportunities} 个，赢单率 {winRate}，瓶颈 {bottleneck} · 停滞商机 {stalled} 个',
    'summary.team': '  团队：第一名 {best}（目标达成 {bestAttainment}），末位 {worst}（{worstAttainment}）',
    'summary.churn': '  流失预警：高风险及以上客户 {high} 个；模型 AUC {modelAuc}（风险分 {scoreAuc}，存活概率 {aliveAuc}），验证日 {testDate}',
    'summary.recommend': '  产品推荐：每个客户 {k} 个；{cutoff} 之后的验证期内 {hit} 的客户买了推荐中的产品（热门产品基准：{popular}）',
    'summary.satisfaction': '  优先改进：{improve} · 投诉最多：{complaint} · 客户最常提到：{issue}',
    'summary.next': '按分层查看客户：salescope customers --db {db}',
    'customers.header': '客户编号 · 客户名称 · 价值分层 · RFM 分层 · 细分 · RFM · 销售额 · 距上次购买天数 · 健康度 · 流失风险（信号）',
    'customers.row': '{id} · {name} · {valueTier} · {rfmTier} · {segment} · {rfm} · {revenue} · {recency} · {health} · {risk}',
    'customers.none': '没有符合条件的客户',
    'customers.total': '显示 {shown} 个，共 {total} 个客户（分析快照 {id}，截至 {asOf}）',
    'error.unknownTier': '{flag}：“{value}”不是分层或细分名称；可用：{accepted}',
    'error.badNumber': '{flag}：“{value}”不是不小于 {min} 的整数',
    'error.badMemory': '{flag}：“{value}”不是内存大小；请写数字加单位，例如 512MB 或 4GB',
    'error.badChoice': '{flag}：“{value}”不在可选值中：{accepted}',
    'error.outIsFolder': '{flag}：“{value}”是一个文件夹；请给出其中的文件名（例如 {example}）',
    'error.unknownSnapshot': '--snapshot：没有编号为 {id} 的分析；去掉 --snapshot 查看最新一次，或先运行 salescope analyze',
    'error.portRange': '--port：“{value}”不是端口号；请填写 0 到 65535 之间的数（0 表示任选一个空闲端口）',
    'error.portInUse': '{host} 上的端口 {port} 已被其他程序占用；请停止该程序或换一个 --port',
    'error.portDenied': '端口 {port} 需要管理员权限；请选择大于 1023 的 --port',
    'error.hostUnknown': '--host：本机没有地址“{host}”；请用 127.0.0.1（仅本机）或 0.0.0.0（所有网络）',
    'error.outNoFolder': '{flag}：文件夹 {folder} 不存在；请先创建，或把文件写到别处',
    'error.badDate': '{flag}：“{value}”不是日期，请写成 YYYY-MM-DD，例如 2024-03-05',
    'error.badRange': '{flag}：“{value}”不是 {min} 到 {max} 之间的数字',
    'error.tooLittleHistory': '截至 {date} 只有 {repeat} 个客户有过复购，CLV 模型至少需要 {needed} 个：请选择更晚的 --calibration-end 或导入更多历史数据',
    'clv.title': 'CLV 计算 {id}：基于 {calibrationEnd} 及之前的购买拟合（客户 {customers} 个，复购客户 {repeat} 个），时间单位：{unit}',
    'clv.bgnbd': '  BG/NBD      r {r} · α {alpha} · a {a} · b {b} · 对数似然 {ll}',
    'clv.paretoNbd': '  Pareto/NBD  r {r} · α {alpha} · s {s} · β {beta} · 对数似然 {ll}',
    'clv.gammaGamma': '  Gamma-Gamma p {p} · q {q} · γ {v}（基于 {customers} 个复购客户）',
    'clv.holdout': '  验证期至 {end}（{length} 个{unit}）：实际复购 {actual} 次，BG/NBD 预测 {bgnbd}，Pareto/NBD 预测 {paretoNbd}',
    'clv.totals': '  未来 {horizon} 个{unit}：预计购买 {transactions} 次，客户终身价值 {clv}（年折现率 {rate}）',
    'clv.boundary': '  注意：{models} 的某个参数到达了取值范围的边界，数据不足以确定它（通常是几乎没有客户流失的迹象），其存活概率请谨慎解读',
    'forecast.title': '销售额预测：{lastMonth}（最后一个完整月份）之后 {horizon} 个月',
    'forecast.series': '  {group}：{model} · 下月 {next}（80% 区间 {lo80} – {hi80}，95% 区间 {lo95} – {hi95}）· {horizon} 个月合计 {total} · 回测 MAPE {mape}，季节性朴素法 {naive}',
    'forecast.short': '  {group}：只有 {months} 个月的历史数据，预测至少需要 {needed} 个月',
    'forecast.pipeline': '  商机管道：在途商机 {open} 个，金额 {amount}；按所处阶段赢单率加权：{weighted}',
    'forecast.clv': '  基于客户终身价值自下而上（CLV 计算 {id}，{calibrationEnd} 之后）：{horizon} 个月 {total}',
    'forecast.noClv': '  自下而上预测：请先运行 salescope clv',
    'error.badScope': '--scope：无法识别“{part}”；{how}',
    'error.emptyScope': '--scope {scope}：没有符合条件的客户，请核对名称',
    'serve.listening': 'salescope 正在 {url} 提供 {db} 的服务（接口文档：{url}/api/docs）；按 Ctrl-C 停止',
    'report.written': '报告已生成：{path}（{format}，{lang}，截至 {asOf}）',
    'error.noChromium': '生成 PDF 需要 Chromium 浏览器和中文字体，但未找到（{tried}）；请安装（Debian/Ubuntu：apt-get install chromium fonts-noto-cjk）或用 SALESCOPE_CHROMIUM 指定浏览器路径，也可改用 --format html',
    'clv.next': '每个客户的存活概率、预计购买次数、客单价和 CLV 保存在 customer_clv（计算 {id}）',
    'error.periodOrder': '期间的开始日期（{from}）晚于结束日期（{to}）',
    'error.beforeData': '{date} 早于第一笔订单（{first}），还没有可分析的数据；请选择 {first} 或之后的日期',
    'error.calibrationAfterData': '校准截止日 {date} 晚于最后一次购买（{last}）：模型会把其后的日子当作没有购买的日子；请选择 {last} 或更早的日期，或不指定',
    'error.noData': '{db} 中还没有订单；请先导入文件（salescope import …）或加载演示数据（salescope demo）',
    'error.noSnapshot': '还没有分析结果，请先运行 salescope analyze',
    'error.config': '{file}：{message}',
  },
};
