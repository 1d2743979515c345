/**
 * Adding a user. A rep sees one rep id's customers and a manager one team's,
 * so those roles need one, picked from those the server would accept. The
 * data may change before the form is sent, so the server still checks, and
 * its refusal (in the user's words) is shown on the fields it is about or
 * beside the form.
 */
import { Alert, Button, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { roles, type Role } from '../../../access/roles.js';
import { apiSend, asFailure, type ApiFailure } from '../../app/api-client.js';
import { useLang, useT } from '../../app/i18n.js';
import { useRoleName } from '../../app/role-names.js';
import { useApi, type Loaded } from '../../app/use-api.js';
import type { IssuedPassword, ScopeOptions, UserRow } from './user-types.js';

const fields = ['username', 'displayName', 'role', 'repId', 'team'] as const;
type Field = (typeof fields)[number];
interface Values { username: string; displayName?: string; role: Role; repId?: string; team?: string }
/** Per field, the server's problem with it, or null when it is only marked and the message beside the form says why. */
type Problems = Partial<Record<Field, string | null>>;

/** The field that limits a role to some customers: a rep's rep id, a manager's team. */
type ScopeField = 'repId' | 'team';
const scopeField: Partial<Record<Role, ScopeField>> = { rep: 'repId', manager: 'team' };

/** Refusals that mean the list of rep ids and teams the form offers is out of date. */
const staleScope: readonly string[] = ['unknown_rep', 'unknown_team', 'no_reps'];

const itemStyle = { width: 220, marginBottom: 12 };

const m = {
  'zh-CN': {
    username: '用户名', usernameExample: '如 wang.wei', displayName: '显示名称（可选）', role: '角色', repId: '销售代表编号', team: '团队', searchOrPick: '搜索或选择',
    seesAll: '可以看到全部客户', add: '添加用户', needUsername: '请填写用户名', needRole: '请选择角色',
    needRep: '销售只能看到一个销售代表的客户：请选择其编号', needTeam: '经理只能看到一个团队的客户：请选择团队',
    noRepIds: '数据中还没有销售代表编号：请先导入销售代表或客户', noTeams: '数据中还没有团队：请先导入带团队的销售代表',
  },
  en: {
    username: 'User name', usernameExample: 'e.g. wang.wei', displayName: 'Display name (optional)', role: 'Role', repId: 'Rep id', team: 'Team', searchOrPick: 'Search or pick',
    seesAll: 'Sees all customers', add: 'Add user', needUsername: 'Give a user name', needRole: 'Choose a role',
    needRep: 'A rep sees the customers of one rep id: pick it', needTeam: 'A manager sees one team\'s customers: pick the team',
    noRepIds: 'No rep ids in the data yet: import reps or customers first', noTeams: 'No teams in the data yet: import reps with their teams first',
  },
} as const;

/** Only what the role uses: a rep id typed before switching to analyst is not sent. */
function bodyOf(v: Values) {
  const scope = scopeField[v.role];
  const text = (key: Field, value: string | undefined) => (value?.trim() ? { [key]: value.trim() } : {});
  return { username: v.username.trim(), role: v.role, ...text('displayName', v.displayName), ...(scope ? text(scope, v[scope]) : {}) };
}

/** The field a refusal without details is about. */
function fieldOfCode(code: string, role: Role | undefined): Field | undefined {
  if (code === 'user_exists') return 'username';
  if (code === 'unknown_rep') return 'repId';
  if (code === 'unknown_team') return 'team';
  return code === 'no_reps' && role ? scopeField[role] : undefined;
}

/**
 * Where a refusal shows: problems `details` names under their fields; any
 * other refusal as the server's message above the button, with the field it
 * is about marked.
 */
function shownAt(failure: ApiFailure | null, role: Role | undefined): { problems: Problems; message: string | null } {
  if (failure === null) return { problems: {}, message: null };
  const onFields = failure.details.flatMap((d) => fields.filter((f) => f === d.field).map((field) => ({ field, problem: d.problem })));
  const problems: Problems = {};
  for (const { field, problem } of onFields) problems[field] = problems[field] ? `${problems[field]}; ${problem}` : problem;
  if (onFields.length > 0 && onFields.length === failure.details.length) return { problems, message: null };
  const marked = fieldOfCode(failure.code, role);
  return { problems: marked ? { [marked]: null, ...problems } : problems, message: failure.message };
}

export function NewUserForm({ onAdded }: { onAdded: (p: IssuedPassword) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const roleName = useRoleName();
  const [form] = Form.useForm<Values>();
  const scopes = useApi<ScopeOptions>('/api/users/scopes');
  const { reload: reloadScopes } = scopes;
  const role = Form.useWatch('role', form);
  const scope = role && scopeField[role];
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const { problems, message } = shownAt(failure, role);
  const marked = (f: Field) => (problems[f] === undefined ? {} : { validateStatus: 'error' as const, help: problems[f] });
  const submit = async (v: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await apiSend<{ user: UserRow; oneTimePassword: string }>('POST', '/api/users', bodyOf(v), lang);
      form.resetFields();
      onAdded({ username: r.user.username, oneTimePassword: r.oneTimePassword, reason: 'added' });
    } catch (e) {
      const f = asFailure(e);
      setFailure(f);
      if (staleScope.includes(f.code)) reloadScopes();
    } finally {
      setBusy(false);
    }
  };
  // Any edit makes a new attempt: the last refusal was about other input.
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={() => setFailure(null)} data-testid="new-user-form">
      <Flex wrap gap={16}>
        <Form.Item name="username" label={t('username')} rules={[{ required: true, whitespace: true, message: t('needUsername') }]} style={itemStyle} {...marked('username')}>
          <Input autoComplete="off" maxLength={100} placeholder={t('usernameExample')} data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('displayName')} style={itemStyle} {...marked('displayName')}>
          <Input maxLength={100} data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('role')} rules={[{ required: true, message: t('needRole') }]} extra={role && !scope ? t('seesAll') : undefined} style={itemStyle} {...marked('role')}>
          <Select options={roles.map((r) => ({ value: r, label: roleName(r) }))} data-testid="user-role" />
        </Form.Item>
        {scope === 'repId' && (
          <Form.Item name="repId" label={t('repId')} rules={[{ required: true, whitespace: true, message: t('needRep') }]} style={itemStyle} {...marked('repId')}>
            <ScopeSelect field="repId" scopes={scopes} />
          </Form.Item>
        )}
        {scope === 'team' && (
          <Form.Item name="team" label={t('team')} rules={[{ required: true, whitespace: true, message: t('needTeam') }]} style={itemStyle} {...marked('team')}>
            <ScopeSelect field="team" scopes={scopes} />
          </Form.Item>
        )}
      </Flex>
      {message !== null && <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} data-testid="new-user-error" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="user-add">{t('add')}</Button>
    </Form>
  );
}

function optionsOf(field: ScopeField, scopes: ScopeOptions | null): { value: string; label: string }[] {
  switch (field) {
    case 'repId':
      return (scopes?.reps ?? []).map((r) => ({ value: r.id, label: r.name ? `${r.id} · ${r.name}` : r.id }));
    case 'team':
      return (scopes?.teams ?? []).map((team) => ({ value: team, label: team }));
    default:
      return field satisfies never;
  }
}

/** A rep id or team picked from those the server accepts, searched by id or name (Form.Item gives value and onChange). */
function ScopeSelect({ field, scopes, ...props }: { field: ScopeField; scopes: Loaded<ScopeOptions>; value?: string; onChange?: (value: string) => void }) {
  const t = useT(m);
  const options = optionsOf(field, scopes.data);
  // Why the list is empty; a search that matches nothing gets antd's own words.
  const empty = scopes.error?.message ?? (scopes.loading || options.length > 0 ? undefined : t(field === 'repId' ? 'noRepIds' : 'noTeams'));
  return (
    <Select
      {...props}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      loading={scopes.loading}
      notFoundContent={empty}
      placeholder={t('searchOrPick')}
      data-testid={field === 'repId' ? 'user-rep' : 'user-team'}
    />
  );
}
