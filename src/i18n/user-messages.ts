import type { Catalogue } from './i18n.js';

export type UserKey = 'added' | 'otp' | 'otpNote' | 'passwd' | 'disabled' | 'none' | 'row' | 'unknownUser' | 'exists' | 'repNeeded' | 'teamNeeded' | 'badName' | 'firstAdmin' | 'erased' | 'eraseConfirm' | 'unknownCustomer';

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
    none: 'no users yet: salescope user add NAME --role admin',
    row: '{username}\t{role}\t{scope}\t{state}',
    unknownUser: 'no user "{username}"; salescope user list shows who there is',
    exists: 'a user "{username}" already exists',
    repNeeded: 'a rep sees the customers of one rep id: give it with --rep ID',
    badName: 'a user name is 1 to 100 letters (Chinese characters too), digits, dots, dashes, underscores or @, without spaces: "{username}" is not',
    teamNeeded: 'a manager sees one team\'s customers: give it with --team NAME',
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
    none: '还没有用户：salescope user add 用户名 --role admin',
    row: '{username}\t{role}\t{scope}\t{state}',
    unknownUser: '没有用户“{username}”；用 salescope user list 查看现有用户',
    exists: '用户“{username}”已存在',
    repNeeded: '销售角色只能看到一个销售代表的客户：请用 --rep 指定其编号',
    badName: '用户名须为 1 到 100 个字母（可用汉字）、数字、点、连字符、下划线或 @，不含空格：“{username}”不符合',
    teamNeeded: '经理角色只能看到一个团队的客户：请用 --team 指定团队',
    firstAdmin: '已创建首个管理员：用户 admin',
  },
};
