/** The frame around every page: menu, language switch and amount unit, both remembered in the browser. */
import { Button, ConfigProvider, Layout, Menu, Segmented, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, useState } from 'react';
import type { Lang } from '../../i18n/i18n.js';
import { initialLang, LangContext, useLang } from './i18n.js';
import { MoneyContext, moneyUnits, unitLabel, type MoneyUnit } from './money.js';
import { navigate, useRoute, type Route } from './hash-route.js';
import { NotForRole } from './page-state.js';
import { mayOpen, pageFor, pages, type PageSpec } from './pages.js';
import { useReducedMotion } from './reduced-motion.js';
import { useRoleName } from './role-names.js';
import { SessionGate, useSession } from './session.js';

function SignedInAs() {
  const { session, signOut } = useSession();
  const { lang } = useLang();
  const roleName = useRoleName();
  if (!session) return null;
  return (
    <Space data-testid="signed-in-as">
      <Typography.Text>{session.username} · {roleName(session.role)}</Typography.Text>
      <Button size="small" onClick={signOut} data-testid="sign-out">{lang === 'zh-CN' ? '退出' : 'Sign out'}</Button>
    </Space>
  );
}

function PageMenu({ current }: { current: PageSpec }) {
  const { lang } = useLang();
  const role = useSession().session?.role ?? '';
  return (
    <Menu
      mode="inline"
      selectedKeys={[current.path === '/customer' ? '/customers' : current.path]}
      items={pages.filter((p) => !p.hidden && mayOpen(p, role)).map((p) => ({ key: p.path, label: p.label[lang], 'data-testid': `nav-${p.path.slice(1) || 'overview'}` }))}
      onClick={(e) => navigate(e.key)}
    />
  );
}

/** The page, or why not to a role it is not for: someone may follow a link or type the address. */
function RoutedPage({ page, route }: { page: PageSpec; route: Route }) {
  const role = useSession().session?.role ?? '';
  const Page = page.component;
  return mayOpen(page, role) ? <Page route={route} /> : <NotForRole roles={page.roles ?? []} />;
}

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function AppShell() {
  const [lang, setLangState] = useState<Lang>(() => initialLang(stored('salescope.lang'), navigator.languages));
  const [unit, setUnitState] = useState<MoneyUnit>(() => (moneyUnits as readonly string[]).includes(stored('salescope.unit') ?? '') ? (stored('salescope.unit') as MoneyUnit) : 'wan');
  const reducedMotion = useReducedMotion();
  const route = useRoute();
  const page = pageFor(route.path);
  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  }, [lang]);
  const langValue = useMemo(() => ({ lang, setLang: (l: Lang) => (window.localStorage.setItem('salescope.lang', l), setLangState(l)) }), [lang]);
  const moneyValue = useMemo(() => ({ unit, setUnit: (u: MoneyUnit) => (window.localStorage.setItem('salescope.unit', u), setUnitState(u)) }), [unit]);
  return (
    // antd spaces out a button's two Chinese characters ("停 用"): labels are shown as written.
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1f6feb', motion: !reducedMotion } }} button={{ autoInsertSpace: false }}>
      <LangContext.Provider value={langValue}>
        <MoneyContext.Provider value={moneyValue}>
          <SessionGate>
          <Layout style={{ minHeight: '100vh' }}>
            <Layout.Sider theme="light" width={180} breakpoint="lg" collapsedWidth={0}>
              <Typography.Title level={4} style={{ padding: '16px 20px', margin: 0 }}>salescope</Typography.Title>
              <PageMenu current={page} />
            </Layout.Sider>
            <Layout>
              <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '0 24px' }}>
                <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">{page.label[lang]}</Typography.Title>
                <Space>
                  <Segmented
                    data-testid="unit-switch"
                    value={unit}
                    options={moneyUnits.map((u) => ({ value: u, label: unitLabel(u, lang) }))}
                    onChange={(v) => moneyValue.setUnit(v as MoneyUnit)}
                  />
                  <Segmented
                    data-testid="lang-switch"
                    value={lang}
                    options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]}
                    onChange={(v) => langValue.setLang(v as Lang)}
                  />
                  <SignedInAs />
                </Space>
              </Layout.Header>
              <Layout.Content style={{ padding: 24 }}>
                <RoutedPage page={page} route={route} />
              </Layout.Content>
            </Layout>
          </Layout>
          </SessionGate>
        </MoneyContext.Provider>
      </LangContext.Provider>
    </ConfigProvider>
  );
}
