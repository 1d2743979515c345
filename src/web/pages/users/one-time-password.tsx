/**
 * A one-time password just given. The server keeps only its hash, so this is
 * the one chance to pass it on: the dialog closes only by saying so, and
 * leaves nothing of the password behind in the page.
 */
import { Alert, Button, Modal, Typography } from 'antd';
import { useT } from '../../app/i18n.js';
import type { IssuedPassword } from './user-types.js';

const m = {
  'zh-CN': {
    added: '用户已添加', reset: '已生成新的一次性密码', passwordOf: '{username} 的一次性密码：',
    onlyNow: '此密码只显示这一次，关闭后无法再查看，请通过安全的渠道交给对方。对方首次登录时必须修改密码。',
    resetNote: '原密码已失效，其登录会话已结束。', copy: '复制密码', copied: '已复制', done: '我已记下',
  },
  en: {
    added: 'User added', reset: 'New one-time password', passwordOf: 'One-time password of {username}:',
    onlyNow: 'This password is shown only now: once this is closed it cannot be shown again, so hand it over safely. It must be changed at the first sign-in.',
    resetNote: 'Their old password no longer works and their sessions have ended.', copy: 'Copy password', copied: 'Copied', done: 'I have noted it',
  },
} as const;

export function OneTimePassword({ issued, onClose }: { issued: IssuedPassword | null; onClose: () => void }) {
  const t = useT(m);
  return (
    <Modal
      open={issued !== null}
      title={issued && t(issued.reason)}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={<Button type="primary" onClick={onClose} data-testid="otp-done">{t('done')}</Button>}
    >
      {issued && (
        <div data-testid="otp">
          <Typography.Paragraph>{t('passwordOf', { username: issued.username })}</Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: issued.oneTimePassword, tooltips: [t('copy'), t('copied')] }} style={{ fontSize: 20 }}>
            <code data-testid="otp-value">{issued.oneTimePassword}</code>
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t('onlyNow')} description={issued.reason === 'reset' ? t('resetNote') : undefined} data-testid="otp-note" />
        </div>
      )}
    </Modal>
  );
}
