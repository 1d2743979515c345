/** What a page shows while its data loads, when it fails, when there is no data yet (with what to do), and to a role it is not for. */
import { Alert, Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../../access/roles.js';
import type { Loaded } from './use-api.js';
import { useLang, useT } from './i18n.js';
import { href } from './hash-route.js';
import { useRoleName } from './role-names.js';
import { joinList } from '../../i18n/i18n.js';

const m = {
  'zh-CN': {
    empty: '还没有数据', emptyHint: '请先导入数据或加载演示数据（npm start 会生成演示公司），然后运行分析。', toImport: '去导入', retry: '重试',
    notForRole: '您的角色不能使用此页面', notForRoleHint: '此页面仅限{roles}使用；如有需要，请联系管理员。',
  },
  en: {
    empty: 'No data yet', emptyHint: 'Import your data or load the demo company (npm start generates it), then run an analysis.', toImport: 'Go to import', retry: 'Retry',
    notForRole: 'Your role cannot use this page', notForRoleHint: 'This page is for {roles} only; ask an administrator if you need it.',
  },
} as const;

export function Loading<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  const t = useT(m);
  if (state.loading && state.data === null) {
    return (
      <div style={{ textAlign: 'center', padding: '64px 0' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (state.error?.code === 'no_snapshot' || state.error?.code === 'unknown_customer') {
    return (
      <Result
        status="info"
        title={state.error.code === 'no_snapshot' ? t('empty') : state.error.message}
        subTitle={state.error.code === 'no_snapshot' ? t('emptyHint') : undefined}
        extra={<Button type="primary" href={href('/import')}>{t('toImport')}</Button>}
        data-testid="empty-state"
      />
    );
  }
  if (state.error) return <Alert type="error" showIcon message={state.error.message} action={<Button onClick={state.reload}>{t('retry')}</Button>} data-testid="page-error" />;
  if (state.data === null) return <Empty />;
  return <>{children(state.data)}</>;
}

export function NotForRole({ roles }: { roles: readonly Role[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const roleName = useRoleName();
  const names = joinList(roles.map(roleName), lang);
  return <Result status="403" title={t('notForRole')} subTitle={t('notForRoleHint', { roles: names })} data-testid="not-for-role" />;
}
