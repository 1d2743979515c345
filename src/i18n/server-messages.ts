import type { Catalogue } from './i18n.js';

export type ServerKey = 'bad_request' | 'not_found' | 'no_snapshot' | 'unknown_customer' | 'internal' | 'unknown_tier';

export const serverMessages: Catalogue<ServerKey> = {
  en: {
    bad_request: '{field}: {problem}',
    not_found: 'no such address: {path}',
    no_snapshot: 'no analysis yet: import data (or load the demo) and run an analysis',
    unknown_customer: 'no customer {id}',
    internal: 'something went wrong on the server; the error was logged',
    unknown_tier: '"{value}" is not a tier or segment; use one of: {accepted}',
  },
  'zh-CN': {
    bad_request: '{field}：{problem}',
    not_found: '没有这个地址：{path}',
    no_snapshot: '还没有分析结果：请先导入数据（或加载演示数据）并运行分析',
    unknown_customer: '没有客户 {id}',
    internal: '服务器出错了，错误已记录',
    unknown_tier: '“{value}”不是分层或细分名称；可用：{accepted}',
  },
};
