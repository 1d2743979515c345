/**
 * Users (administrators only): who may sign in, with which role and which
 * customers they see; add someone, give a new one-time password, disable.
 * A one-time password is answered once by the server, so it is shown once.
 */
import { Card, Flex } from 'antd';
import { useCallback, useState } from 'react';
import type { Route } from '../app/hash-route.js';
import { useT } from '../app/i18n.js';
import { Loading } from '../app/page-state.js';
import { useApi } from '../app/use-api.js';
import { NewUserForm } from './users/new-user-form.js';
import { OneTimePassword } from './users/one-time-password.js';
import { UserTable } from './users/user-table.js';
import type { IssuedPassword, UserRow } from './users/user-types.js';

const m = {
  'zh-CN': { add: '添加用户', list: '用户' },
  en: { add: 'Add a user', list: 'Users' },
} as const;

export function UsersPage(_props: { route: Route }) {
  const t = useT(m);
  const users = useApi<{ users: UserRow[] }>('/api/users');
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const { reload } = users;
  const onIssued = useCallback((p: IssuedPassword) => {
    setIssued(p);
    reload();
  }, [reload]);
  return (
    <Flex vertical gap={16} data-testid="users-page">
      <Card title={t('add')} size="small">
        <NewUserForm onAdded={onIssued} />
      </Card>
      <Card title={t('list')} size="small">
        <Loading state={users}>{(d) => <UserTable users={d.users} onIssued={onIssued} onChanged={reload} />}</Loading>
      </Card>
      <OneTimePassword issued={issued} onClose={() => setIssued(null)} />
    </Flex>
  );
}
