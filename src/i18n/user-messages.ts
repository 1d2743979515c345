import { translator, type Catalogue, type Lang } from './i18n.js';
import type { NewUserProblem } from '../access/user-admin.js';

export type UserKey = 'added' | 'otp' | 'otpNote' | 'passwd' | 'disabled' | 'enabled' | 'none' | 'row' | 'unknownUser' | 'exists' | 'repNeeded' | 'teamNeeded' | 'badName' | 'unknownRep' | 'unknownTeam' | 'noReps' | 'state.active' | 'state.disabled' | 'firstAdmin' | 'erased' | 'eraseConfirm' | 'unknownCustomer';

export const userMessages: Catalogue<UserKey> = {
  en: {
    added: 'user {username} added as {role}',
    erased: 'personal data of customer {id} erased ({fields}); {rows} rejected import rows naming them removed; logged',
    eraseConfirm: 'erasing cannot be undone: run it again with --yes to erase the personal data of customer {id}',
    unknownCustomer: 'no customer "{id}" in {db}',
    otp: 'one-time password: {password}',
    otpNote: 'it is shown only now; it must be changed at the first sign-in',
    passwd: 'new one-time password for {username}',
    disabled: 'user {username} disabled; their sessions have ended',
    enabled: 'user {username} may sign in again, with the password they had',
    none: 'no users yet: salescope user add NAME --role admin',
    row: '{username}\t{role}\t{scope}\t{state}',
    unknownUser: 'no user "{username}"; salescope user list shows who there is',
    exists: 'a user "{username}" already exists',
    repNeeded: 'a rep sees the customers of one rep id: give it with --rep ID',
    badName: 'a user name is 1 to 100 letters (Chinese characters too), digits, dots, dashes, underscores or @, without spaces: "{username}" is not',
    teamNeeded: 'a manager sees one team\'s customers: give it with --team NAME',
    unknownRep: 'no rep "{value}" in the data ({total} known, e.g. {examples}); a user scoped to it would see no customers: check the id',
    unknownTeam: 'no team "{value}" among the reps ({total} known, e.g. {examples}); a user scoped to it would see no customers: check the name',
    noReps: 'the data has no reps yet, so "{value}" cannot be checked and the user would see no customers: import the reps (or customers with their 负责人/owner) first',
    'state.active': 'active',
    'state.disabled': 'disabled',
    firstAdmin: 'first administrator created: user admin',
  },
  'zh-CN': {
    erased: '已删除客户 {id} 的个人信息（{fields}），并移除 {rows} 条含该客户的被拒导入行；已记录日志',
    eraseConfirm: '删除后无法恢复：如确认删除客户 {id} 的个人信息，请加 --yes 再运行一次',
    unknownCustomer: '{db} 中没有客户“{id}”',
    added: '已添加用户 {username}，角色 {role}',
    otp: '一次性密码：{password}',
    otpNote: '密码只显示这一次，首次登录时必须修改',
    passwd: '已为 {username} 生成新的一次性密码',
    disabled: '已停用用户 {username}，其会话已全部结束',
    enabled: '已重新启用用户 {username}，可用原密码登录',
    none: '还没有用户：salescope user add 用户名 --role admin',
    row: '{username}\t{role}\t{scope}\t{state}',
    unknownUser: '没有用户“{username}”；用 salescope user list 查看现有用户',
    exists: '用户“{username}”已存在',
    repNeeded: '销售角色只能看到一个销售代表的客户：请用 --rep 指定其编号',
    badName: '用户名须为 1 到 100 个字母（可用汉字）、数字、点、连字符、下划线或 @，不含空格：“{username}”不符合',
    teamNeeded: '经理角色只能看到一个团队的客户：请用 --team 指定团队',
    unknownRep: '数据中没有销售代表“{value}”（已有 {total} 个，例如 {examples}）；按它限定的用户将看不到任何客户：请检查编号',
    unknownTeam: '销售代表中没有团队“{value}”（已有 {total} 个，例如 {examples}）；按它限定的用户将看不到任何客户：请检查团队名称',
    noReps: '数据中还没有销售代表，无法核对“{value}”，该用户将看不到任何客户：请先导入销售代表（或带负责人的客户）',
    'state.active': '启用',
    'state.disabled': '已停用',
    firstAdmin: '已创建首个管理员：用户 admin',
  },
};

/** Why a user cannot be added, in `lang` (the command line's words; the app's messages take the same texts). */
export function newUserProblemText(problem: NewUserProblem, username: string, lang: Lang): string {
  const t = translator(userMessages, lang);
  switch (problem.code) {
    case 'exists':
      return t('exists', { username });
    case 'no_reps':
      return t('noReps', { value: problem.value });
    case 'unknown_rep':
    case 'unknown_team':
      return t(problem.code === 'unknown_rep' ? 'unknownRep' : 'unknownTeam', { value: problem.value, total: problem.total, examples: problem.examples.join(', ') });
    default:
      return problem satisfies never;
  }
}
