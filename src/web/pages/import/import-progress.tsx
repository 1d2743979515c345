/** While an upload is imported: which phase it is in and how far, asked of the server twice a second. */
import { Alert, Progress, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { apiGet } from '../../app/api-client.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber } from '../../app/money.js';
import { importPercent, type ImportProgressState } from './import-percent.js';

const m = {
  'zh-CN': {
    title: '正在导入 {n} 行…大文件可能需要一两分钟，请勿关闭页面',
    idle: '准备中', reading: '读取文件', validating: '检查每一行', writing: '写入数据库',
  },
  en: {
    title: 'Importing {n} rows… a large file can take a minute or two; keep this page open',
    idle: 'Getting ready', reading: 'Reading the file', validating: 'Checking every row', writing: 'Writing to the store',
  },
} as const;

export function ImportProgress({ uploadId, rows }: { uploadId: string; rows: number }) {
  const t = useT(m);
  const { lang } = useLang();
  const [state, setState] = useState<ImportProgressState>({ phase: 'idle', done: 0, total: 0 });
  useEffect(() => {
    let live = true;
    const tick = () =>
      apiGet<ImportProgressState>(`/api/uploads/${uploadId}/progress`, {}, lang)
        .then((s) => live && setState(s))
        .catch(() => undefined);
    void tick();
    const timer = setInterval(tick, 500);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [uploadId, lang]);
  return (
    <Alert
      type="info"
      showIcon
      icon={<Spin size="small" />}
      style={{ marginBottom: 16 }}
      data-testid="import-progress"
      title={t('title', { n: formatNumber(rows, lang) })}
      description={
        <div>
          <span data-testid="import-phase">{t(state.phase)}</span>
          <Progress percent={importPercent(state)} size="small" status="active" />
        </div>
      }
    />
  );
}
