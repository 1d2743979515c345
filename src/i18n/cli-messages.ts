import type { Catalogue } from './i18n.js';

export type CliKey =
  | 'import.file'
  | 'import.counts'
  | 'import.issues'
  | 'import.issuesMore'
  | 'import.unmapped'
  | 'import.nearDuplicate'
  | 'import.mapping'
  | 'import.failed'
  | 'import.rowIssue'
  | 'import.fileIssue'
  | 'import.fileWarning'
  | 'import.phase.reading'
  | 'import.phase.validating'
  | 'import.phase.writing'
  | 'import.noFiles'
  | 'mapping.problem'
  | 'quarantine.none'
  | 'quarantine.header'
  | 'quarantine.row'
  | 'quarantine.exported'
  | 'demo.generating'
  | 'demo.written'
  | 'demo.importing'
  | 'demo.summary'
  | 'demo.next'
  | 'error.internal'
  | 'error.dbLocked'
  | 'error.not_a_folder'
  | 'error.cannot_create'
  | 'error.key_missing'
  | 'error.key_unnamed'
  | 'error.key_mismatch'
  | 'error.key_invalid'
  | 'error.schemaTooNew'
  | 'error.bad_url'
  | 'warn.memoryLimitIgnored'
  | 'error.unreachable'
  | 'error.auth_failed'
  | 'error.no_database'
  | 'error.usage'
  | 'entity.unknown';

export const cliMessages: Catalogue<CliKey> = {
  en: {
    'import.file': '{file} → {entity} ({format}{encoding}): {rows} rows',
    'import.counts': '  inserted {inserted} · updated {updated} · unchanged {unchanged} · duplicates {duplicates} · quarantined {quarantined} · with warnings {warnings}',
    'import.issues': '  problems ({shown} of {total}):',
    'import.issuesMore': '  … {more} more: salescope quarantine list --run {run}',
    'import.unmapped': '  columns kept as extra data (no matching field): {columns}',
    'import.mapping': '  columns: {columns}',
    'import.nearDuplicate': '  possibly the same customer: {customers}',
    'import.failed': '{file}: {message}',
    'import.rowIssue': '    row {row}, {column}: {message}',
    'import.fileIssue': '  note: {message}',
    'import.fileWarning': '  warning: {message}',
    'import.phase.reading': 'reading',
    'import.phase.validating': 'checking',
    'import.phase.writing': 'writing',
    'import.noFiles': 'name at least one file to import',
    'mapping.problem': '{file}: {path}: {message}',
    'quarantine.none': 'the quarantine is empty',
    'quarantine.header': 'run {run} · {file} · row {row}',
    'quarantine.row': '  {reasons}',
    'quarantine.exported': 'wrote {rows} quarantined rows to {file}; fix them there and import that file again',
    'demo.generating': 'generating the demo company (seed {seed}, {customers} customers) …',
    'demo.written': 'wrote {files} files to {dir}',
    'demo.importing': 'importing them into {db} …',
    'demo.summary': 'demo company ready: {customers} customers, {orders} orders, {lines} order lines, revenue {revenue} ({from} – {to})',
    'demo.next': 'next: salescope analyze --db {db}',
    'error.internal': 'internal error: {message} (run with SALESCOPE_DEBUG=1 for details and report it)',
    'error.dbLocked': 'the database {db} is in use by another salescope process; stop it or use another --db',
    'error.not_a_folder': '{dir} is a file, or a file is on its path: give a folder',
    'error.cannot_create': 'the folder {dir} cannot be made ({reason}): give a folder on a disk you may write to',
    'error.key_missing': 'the key that seals the personal data of {db} is missing ({where}): put the key file back (from where you keep it safe, not from the backup) or set SALESCOPE_KEY',
    'error.key_mismatch': 'the key at {where} is not the one that sealed {db}: use the key file made with this store (or SALESCOPE_KEY_FILE to point at it)',
    'error.key_invalid': 'the key at {where} is not a salescope key (32 bytes, base64): restore the original key file',
    'error.schemaTooNew': 'the database {db} was written by a newer salescope (schema {found} > {known}); upgrade salescope',
    'error.key_unnamed': 'a team store seals personal data with one key that every app process shares, and none is named for {db}: set SALESCOPE_KEY (base64 of 32 random bytes, e.g. from `openssl rand -base64 32`) or SALESCOPE_KEY_FILE (a file made on first use), the same in every process',
    'warn.memoryLimitIgnored': 'note: --memory-limit {limit} is for a DuckDB file; a team store\'s memory is set on its PostgreSQL server, so the limit is not used',
    'error.bad_url': '--db {where} is not a PostgreSQL URL: write it as postgres://user:password@host:5432/database?schema=name',
    'error.unreachable': 'cannot reach the PostgreSQL server of {where} ({detail}): start the server, or correct the host and port in --db',
    'error.auth_failed': 'the PostgreSQL server refused the login for {where} ({detail}): correct the user and password in --db (or set PGPASSWORD)',
    'error.no_database': 'the database of {where} does not exist on the PostgreSQL server: create it (createdb NAME) or correct its name in --db',
    'error.usage': '{message}',
    'entity.unknown': 'unknown entity "{entity}"; one of: {entities}',
  },
  'zh-CN': {
    'import.file': '{file} → {entity}（{format}{encoding}）：{rows} 行',
    'import.counts': '  新增 {inserted} · 更新 {updated} · 未变 {unchanged} · 重复 {duplicates} · 隔离 {quarantined} · 有警告 {warnings}',
    'import.issues': '  问题（显示 {shown} / 共 {total}）：',
    'import.issuesMore': '  … 另有 {more} 条：salescope quarantine list --run {run}',
    'import.unmapped': '  未匹配字段、作为附加数据保存的列：{columns}',
    'import.mapping': '  列映射：{columns}',
    'import.nearDuplicate': '  疑似同一客户：{customers}',
    'import.failed': '{file}：{message}',
    'import.rowIssue': '    第 {row} 行，{column}：{message}',
    'import.fileIssue': '  提示：{message}',
    'import.fileWarning': '  警告：{message}',
    'import.phase.reading': '读取',
    'import.phase.validating': '校验',
    'import.phase.writing': '写入',
    'import.noFiles': '请至少指定一个要导入的文件',
    'mapping.problem': '{file}：{path}：{message}',
    'quarantine.none': '隔离区为空',
    'quarantine.header': '导入批次 {run} · {file} · 第 {row} 行',
    'quarantine.row': '  {reasons}',
    'quarantine.exported': '已将 {rows} 行隔离数据写入 {file}；请在其中修正后重新导入该文件',
    'demo.generating': '正在生成演示公司数据（种子 {seed}，{customers} 个客户）…',
    'demo.written': '已将 {files} 个文件写入 {dir}',
    'demo.importing': '正在导入到 {db} …',
    'demo.summary': '演示公司已就绪：{customers} 个客户，{orders} 个订单，{lines} 行订单明细，销售额 {revenue}（{from} – {to}）',
    'demo.next': '下一步：salescope analyze --db {db}',
    'error.internal': '内部错误：{message}（设置 SALESCOPE_DEBUG=1 查看详情并报告此问题）',
    'error.dbLocked': '数据库 {db} 正被另一个 salescope 进程使用；请先停止它，或使用其他 --db',
    'error.not_a_folder': '{dir} 是一个文件（或其路径上有文件）：请指定一个文件夹',
    'error.cannot_create': '无法创建文件夹 {dir}（{reason}）：请指定一个有写入权限的磁盘上的文件夹',
    'error.key_missing': '缺少加密 {db} 个人信息的密钥（{where}）：请放回密钥文件（从您妥善保管处取回，备份中不含密钥），或设置 SALESCOPE_KEY',
    'error.key_mismatch': '{where} 处的密钥不是加密 {db} 时使用的密钥：请使用随该数据库生成的密钥文件（或用 SALESCOPE_KEY_FILE 指向它）',
    'error.key_invalid': '{where} 处的内容不是 salescope 密钥（32 字节，base64）：请恢复原密钥文件',
    'error.schemaTooNew': '数据库 {db} 由更新版本的 salescope 写入（结构版本 {found} > {known}），请升级 salescope',
    'error.key_unnamed': '团队库用同一把密钥加密个人信息，所有应用进程必须共用，但 {db} 没有指定密钥：请设置 SALESCOPE_KEY（32 个随机字节的 base64，例如 `openssl rand -base64 32` 的输出）或 SALESCOPE_KEY_FILE（首次使用时自动生成的文件），各进程保持一致',
    'warn.memoryLimitIgnored': '提示：--memory-limit {limit} 仅用于 DuckDB 文件；团队库的内存由其 PostgreSQL 服务器设置，此限制不会生效',
    'error.bad_url': '--db {where} 不是 PostgreSQL 连接地址：请写成 postgres://用户:密码@主机:5432/数据库?schema=名称',
    'error.unreachable': '无法连接 {where} 的 PostgreSQL 服务器（{detail}）：请启动服务器，或更正 --db 中的主机和端口',
    'error.auth_failed': 'PostgreSQL 服务器拒绝了 {where} 的登录（{detail}）：请更正 --db 中的用户名和密码（或设置 PGPASSWORD）',
    'error.no_database': 'PostgreSQL 服务器上不存在 {where} 的数据库：请先创建（createdb 名称），或更正 --db 中的数据库名',
    'error.usage': '{message}',
    'entity.unknown': '未知的数据类型“{entity}”，可选：{entities}',
  },
};
