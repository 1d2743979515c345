/**
 * Everyone who may sign in, with a new one-time password, disabling or
 * enabling again per row; each asks first (the first two end the user's
 * sessions). None is offered for oneself (it would sign the administrator
 * out, or is refused); a disabled user is offered only enabling.
 */
import { Alert, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { roles } from '../../../access/roles.js';
import { apiSend, asFailure } from '../../app/api-client.js';
import { useLang, useT } from '../../app/i18n.js';
import { useRoleName } from '../../app/role-names.js';
import { useSession } from '../../app/session.js';
import type { IssuedPassword, UserRow } from './user-types.js';

type Action = 'password' | 'disable' | 'enable';

const m = {
  'zh-CN': {
    username: '用户名', displayName: '显示名称', role: '角色', scope: '数据范围', state: '状态', actions: '操作',
    all: '全部', active: '启用', disabled: '已停用', mustChange: '待修改密码', you: '我',
    password: '新一次性密码', disable: '停用', enable: '启用', give: '生成', cancel: '取消',
    passwordSure: '为 {username} 生成新的一次性密码？原密码立即失效，其登录会话将结束。',
    disableSure: '停用 {username}？其登录会话立即结束；之后可在此重新启用。',
    enableSure: '重新启用 {username}？其可用原密码登录。',
  },
  en: {
    username: 'User name', displayName: 'Display name', role: 'Role', scope: 'Scope', state: 'State', actions: 'Actions',
    all: 'All', active: 'Active', disabled: 'Disabled', mustChange: 'Must change password', you: 'you',
    password: 'New one-time password', disable: 'Disable', enable: 'Enable', give: 'Give it', cancel: 'Cancel',
    passwordSure: 'Give {username} a new one-time password? Their current password stops working and their sessions end.',
    disableSure: 'Disable {username}? Their sessions end at once; they can be enabled again here.',
    enableSure: 'Enable {username} again? They sign in with the password they had.',
  },
} as const;

export function UserTable({ users, onIssued, onChanged }: { users: readonly UserRow[]; onIssued: (p: IssuedPassword) => void; onChanged: () => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const roleName = useRoleName();
  const me = useSession().session?.username;
  const [error, setError] = useState<string | null>(null);
  // Popconfirm stays open, its button spinning, until the promise settles.
  const act = async (u: UserRow, action: Action) => {
    setError(null);
    try {
      const r = await apiSend<{ oneTimePassword: string } | { disabled: boolean }>('POST', `/api/users/${encodeURIComponent(u.username)}/${action}`, {}, lang);
      if ('oneTimePassword' in r) onIssued({ username: u.username, oneTimePassword: r.oneTimePassword, reason: 'reset' });
      else onChanged();
    } catch (e) {
      setError(asFailure(e).message);
    }
  };
  const button = (u: UserRow, action: Action) => (
    <Popconfirm title={t(`${action}Sure`, { username: u.username })} okText={action === 'password' ? t('give') : t(action)} cancelText={t('cancel')} okButtonProps={{ danger: action === 'disable' }} onConfirm={() => act(u, action)}>
      <Button size="small" danger={action === 'disable'} disabled={(u.disabled && action === 'password') || u.username === me} data-testid={`user-${action}`}>
        {t(action)}
      </Button>
    </Popconfirm>
  );
  return (
    <>
      {error !== null && <Alert type="error" showIcon closable={{ onClose: () => setError(null) }} title={error} style={{ marginBottom: 12 }} data-testid="users-error" />}
      <Table
        size="small"
        rowKey="username"
        dataSource={users}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="users-table"
        columns={[
          { title: t('username'), key: 'username', render: (_, u) => <>{u.username}{u.username === me && <Tag style={{ marginInlineStart: 8 }}>{t('you')}</Tag>}</> },
          { title: t('displayName'), key: 'displayName', render: (_, u) => u.displayName ?? '–' },
          { title: t('role'), key: 'role', filters: roles.map((r) => ({ text: roleName(r), value: r })), onFilter: (v, u) => u.role === v, render: (_, u) => <Tag color={u.role === 'admin' ? 'gold' : 'blue'}>{roleName(u.role)}</Tag> },
          { title: t('scope'), key: 'scope', render: (_, u) => u.repId ?? u.team ?? t('all') },
          {
            title: t('state'), key: 'state',
            filters: [{ text: t('active'), value: false }, { text: t('disabled'), value: true }], onFilter: (v, u) => u.disabled === v,
            render: (_, u) => <UserState user={u} />,
          },
          { title: t('actions'), key: 'actions', render: (_, u) => <Space>{button(u, 'password')}{button(u, u.disabled ? 'enable' : 'disable')}</Space> },
        ]}
      />
    </>
  );
}

function UserState({ user }: { user: UserRow }) {
  const t = useT(m);
  if (user.disabled) return <Tag data-testid="user-state">{t('disabled')}</Tag>;
  return (
    <span data-testid="user-state">
      <Tag color="green">{t('active')}</Tag>
      {user.mustChangePassword && <Tag color="orange">{t('mustChange')}</Tag>}
    </span>
  );
}
