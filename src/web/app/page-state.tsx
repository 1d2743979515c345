/** What a page shows while its data loads, when it fails, and when there is no data yet (with what to do). */
import { Alert, Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Loaded } from './use-api.js';
import { useT } from './i18n.js';
import { href } from './hash-route.js';

const m = {
  'zh-CN': { empty: '还没有数据', emptyHint: '请先导入数据或加载演示数据（npm start 会生成演示公司），然后运行分析。', toImport: '去导入', retry: '重试' },
  en: { empty: 'No data yet', emptyHint: 'Import your data or load the demo company (npm start generates it), then run an analysis.', toImport: 'Go to import', retry: 'Retry' },
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
  if (state.error) return <Alert type="error" showIcon message={state.error.message} action={<Button onClick={state.reload}>{t('retry')}</Button>} />;
  if (state.data === null) return <Empty />;
  return <>{children(state.data)}</>;
}
