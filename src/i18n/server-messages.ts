import type { Catalogue } from './i18n.js';

export type ServerKey = 'bad_request' | 'not_found' | 'no_snapshot' | 'unknown_customer' | 'internal' | 'unknown_tier' | 'unknown_customers' | 'unknown_task' | 'edit_conflict' | 'no_file' | 'too_large' | 'import_failed' | 'unknown_entity' | 'unknown_upload' | 'bad_mapping';

export const serverMessages: Catalogue<ServerKey> = {
  en: {
    bad_request: '{field}: {problem}',
    not_found: 'no such address: {path}',
    no_snapshot: 'no analysis yet: import data (or load the demo) and run an analysis',
    unknown_customer: 'no customer {id}',
    internal: 'something went wrong on the server; the error was logged',
    unknown_tier: '"{value}" is not a tier or segment; use one of: {accepted}',
    unknown_customers: 'no such customers: {ids}',
    unknown_task: 'no task {id}',
    no_file: 'no file in the upload: send it as the form field "file"',
    too_large: '{file} is larger than the {limit} MB an upload may be; split it or import it with the command line (salescope import)',
    import_failed: '{message}',
    unknown_entity: 'unknown data type "{value}"; one of: {accepted}',
    unknown_upload: 'upload {id} is gone (already imported or discarded); upload the file again',
    bad_mapping: 'column mapping, {path}: {problem}',
    edit_conflict: 'task {id} was changed by someone else since you opened it (now version {version}); reload it and make your change again',
  },
  'zh-CN': {
    bad_request: '{field}：{problem}',
    not_found: '没有这个地址：{path}',
    no_snapshot: '还没有分析结果：请先导入数据（或加载演示数据）并运行分析',
    unknown_customer: '没有客户 {id}',
    internal: '服务器出错了，错误已记录',
    unknown_tier: '“{value}”不是分层或细分名称；可用：{accepted}',
    unknown_customers: '没有这些客户：{ids}',
    unknown_task: '没有任务 {id}',
    no_file: '上传中没有文件：请用表单字段“file”发送',
    too_large: '{file} 超过了上传上限 {limit} MB；请拆分文件或用命令行导入（salescope import）',
    import_failed: '{message}',
    unknown_entity: '未知的数据类型“{value}”，可选：{accepted}',
    unknown_upload: '上传 {id} 已不存在（已导入或已放弃），请重新上传文件',
    bad_mapping: '列映射 {path}：{problem}',
    edit_conflict: '任务 {id} 在您打开后已被他人修改（当前版本 {version}），请刷新后重新修改',
  },
};
