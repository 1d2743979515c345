/**
 * Who is signed in. The app asks the server once at start (GET /api/session);
 * without a session it shows the sign-in form, with a one-time password the
 * form to choose one's own. The CSRF token the server gives is kept here for
 * every change the app sends.
 */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { failureOf, apiUrl, reach, setCsrfToken, type ApiFailure } from './api-client.js';
import { useLang, useT } from './i18n.js';

export interface SessionInfo {
  readonly username: string;
  readonly role: string;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
}

const SessionContext = createContext<{ session: SessionInfo | null; signOut: () => void }>({ session: null, signOut: () => undefined });

export function useSession() {
  return useContext(SessionContext);
}

const m = {
  'zh-CN': {
    title: '登录 salescope', username: '用户名', password: '密码', signIn: '登录', change: '设置新密码', changeHint: '这是一次性密码，请先设置您自己的密码（至少 10 个字符，包含两类字符）。',
    current: '当前密码', next: '新密码', save: '保存并进入',
  },
  en: {
    title: 'Sign in to salescope', username: 'User name', password: 'Password', signIn: 'Sign in', change: 'Choose your password', changeHint: 'You signed in with a one-time password: choose your own first (at least 10 characters, two kinds).',
    current: 'Current password', next: 'New password', save: 'Save and continue',
  },
} as const;

async function send(method: string, path: string, body: unknown, lang: 'zh-CN' | 'en', csrf?: string): Promise<SessionInfo> {
  const res = await reach(apiUrl(path, {}, lang), lang, { method, headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) }, body: JSON.stringify(body) });
  if (!res.ok) throw await failureOf(res);
  return (await res.json()) as SessionInfo;
}

export function SessionGate({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const accept = useCallback((s: SessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
  }, []);
  useEffect(() => {
    fetch(apiUrl('/api/session', {}, lang))
      .then(async (r) => accept(r.ok ? ((await r.json()) as SessionInfo) : null))
      .catch(() => accept(null));
    // Only at start: later changes of language need no new session.
  }, []);
  const signOut = useCallback(() => {
    void fetch(apiUrl('/api/session', {}, lang), { method: 'DELETE' }).finally(() => accept(null));
  }, [lang, accept]);
  if (session === undefined) return null;
  if (session === null) return <SignIn onDone={accept} />;
  if (session.mustChangePassword) return <ChangePassword session={session} onDone={accept} />;
  return <SessionContext.Provider value={{ session, signOut }}>{children}</SessionContext.Provider>;
}

function SignIn({ onDone }: { onDone: (s: SessionInfo) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const [error, setError] = useState<string | null>(null);
  return (
    <Card style={{ maxWidth: 380, margin: '12vh auto' }} data-testid="sign-in">
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
      <Form layout="vertical" onFinish={(v: { username: string; password: string }) => send('POST', '/api/session', v, lang).then(onDone, (e: ApiFailure) => setError(e.message))}>
        <Form.Item name="username" label={t('username')} rules={[{ required: true }]}><Input autoComplete="username" data-testid="sign-in-username" /></Form.Item>
        <Form.Item name="password" label={t('password')} rules={[{ required: true }]}><Input.Password autoComplete="current-password" data-testid="sign-in-password" /></Form.Item>
        <Button type="primary" htmlType="submit" block data-testid="sign-in-submit">{t('signIn')}</Button>
      </Form>
    </Card>
  );
}

function ChangePassword({ session, onDone }: { session: SessionInfo; onDone: (s: SessionInfo) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const [error, setError] = useState<string | null>(null);
  return (
    <Card style={{ maxWidth: 420, margin: '12vh auto' }} data-testid="change-password">
      <Typography.Title level={3}>{t('change')}</Typography.Title>
      <Typography.Paragraph>{t('changeHint')}</Typography.Paragraph>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={(v: { current: string; next: string }) => send('PUT', '/api/session/password', v, lang, session.csrfToken).then(onDone, (e: ApiFailure) => setError(e.message))}>
        <Form.Item name="current" label={t('current')} rules={[{ required: true }]}><Input.Password autoComplete="current-password" /></Form.Item>
        <Form.Item name="next" label={t('next')} rules={[{ required: true }]}><Input.Password autoComplete="new-password" /></Form.Item>
        <Button type="primary" htmlType="submit" block>{t('save')}</Button>
      </Form>
    </Card>
  );
}
