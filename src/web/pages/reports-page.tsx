/** Reports: the customer analysis report for a scope and period, in either language, downloaded as HTML, PDF or Excel. */
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Radio, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../i18n/i18n.js';
import { apiUrl, asFailure } from '../app/api-client.js';
import type { Route } from '../app/hash-route.js';
import { useLang, useT } from '../app/i18n.js';
import { downloadFile } from './reports/download-file.js';
import { ScopeFields, scopeText, type Scope } from './reports/scope-fields.js';

type Format = 'html' | 'pdf' | 'xlsx';

const m = {
  'zh-CN': {
    scope: '范围（不选即全部客户）', period: '期间', asOf: '截至日期', range: '分析区间', start: '开始日期', end: '结束日期', periodHint: '不填则取最近一次分析的期间',
    goal: '分析目标', goalHint: '例如：找出华东区流失风险最高的客户并制定挽留方案', language: '报告语言', format: '格式',
    html: '网页 (HTML)', pdf: 'PDF', xlsx: 'Excel（四张表）', generate: '生成并下载', cancel: '取消',
    working: '正在生成 {format} 报告…已用 {s} 秒', slow: 'PDF 需要排版，通常要几秒到半分钟', done: '已下载 {file}',
  },
  en: {
    scope: 'Scope (none: all customers)', period: 'Period', asOf: 'As of', range: 'Analysis period', start: 'Start', end: 'End', periodHint: 'Empty: the period of the latest analysis',
    goal: 'Goal', goalHint: 'e.g. find the East-region customers most at risk and plan how to keep them', language: 'Report language', format: 'Format',
    html: 'Web page (HTML)', pdf: 'PDF', xlsx: 'Excel (the four tables)', generate: 'Generate and download', cancel: 'Cancel',
    working: 'Generating the {format} report… {s} s so far', slow: 'A PDF has to be laid out: a few seconds to half a minute', done: 'Downloaded {file}',
  },
} as const;

interface Request {
  scope: Scope;
  asOf: string | null;
  from: string | null;
  to: string | null;
  goal: string;
  /** null: the language the user reads the app in. */
  lang: Lang | null;
  format: Format;
}

function reportUrl(r: Request, lang: Lang): string {
  return apiUrl('/api/report', { format: r.format, scope: scopeText(r.scope), asOf: r.asOf, from: r.from, to: r.to, goal: r.goal.trim() }, r.lang ?? lang);
}

/** Seconds since a start, ticking while it runs. */
function useElapsed(running: boolean): number {
  const [s, setS] = useState(0);
  useEffect(() => {
    if (!running) return;
    setS(0);
    const started = Date.now();
    const timer = setInterval(() => setS(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [running]);
  return s;
}

export function ReportsPage(_props: { route: Route }) {
  const t = useT(m);
  const { lang } = useLang();
  const [req, setReq] = useState<Request>({ scope: {}, asOf: null, from: null, to: null, goal: '', lang: null, format: 'html' });
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const elapsed = useElapsed(busy);
  const set = (patch: Partial<Request>) => setReq((r) => ({ ...r, ...patch }));
  const generate = async () => {
    abort.current = new AbortController();
    setBusy(true);
    setOutcome(null);
    try {
      const file = await downloadFile(reportUrl(req, lang), `customer-report.${req.format}`, lang, abort.current.signal);
      setOutcome({ ok: true, text: t('done', { file }) });
    } catch (e) {
      if (!abort.current.signal.aborted) setOutcome({ ok: false, text: asFailure(e).message });
    } finally {
      setBusy(false);
    }
  };
  const day = (v: string | null) => (v ? dayjs(v) : null);
  return (
    <div data-testid="reports-page">
      <Card size="small" style={{ maxWidth: 860 }}>
        <Form layout="vertical" disabled={busy}>
          <Form.Item label={t('scope')}>
            <ScopeFields value={req.scope} onChange={(scope) => set({ scope })} />
          </Form.Item>
          <Form.Item label={t('period')} extra={t('periodHint')}>
            <Space wrap>
              <DatePicker placeholder={t('asOf')} value={day(req.asOf)} onChange={(d) => set({ asOf: d ? d.format('YYYY-MM-DD') : null })} data-testid="report-asof" />
              <DatePicker.RangePicker
                placeholder={[t('start'), t('end')]}
                value={req.from && req.to ? [dayjs(req.from), dayjs(req.to)] : null}
                onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD') ?? null, to: v?.[1]?.format('YYYY-MM-DD') ?? null })}
                data-testid="report-range"
              />
            </Space>
          </Form.Item>
          <Form.Item label={t('goal')}>
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('goalHint')} value={req.goal} onChange={(e) => set({ goal: e.target.value })} data-testid="report-goal" />
          </Form.Item>
          <Flex wrap gap={32}>
            <Form.Item label={t('language')}>
              <Radio.Group value={req.lang ?? lang} onChange={(e) => set({ lang: e.target.value as Lang })} options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} data-testid="report-lang" />
            </Form.Item>
            <Form.Item label={t('format')}>
              <Radio.Group value={req.format} onChange={(e) => set({ format: e.target.value as Format })} options={(['html', 'pdf', 'xlsx'] as const).map((f) => ({ value: f, label: t(f) }))} data-testid="report-format" />
            </Form.Item>
          </Flex>
        </Form>
        <Space>
          <Button type="primary" loading={busy} onClick={() => void generate()} data-testid="report-generate">{t('generate')}</Button>
          {busy && <Button onClick={() => abort.current?.abort()}>{t('cancel')}</Button>}
        </Space>
        {busy && (
          <Alert style={{ marginTop: 16 }} type="info" icon={<Spin size="small" />} showIcon title={t('working', { format: t(req.format), s: elapsed })} description={req.format === 'pdf' ? t('slow') : undefined} data-testid="report-progress" />
        )}
        {outcome && <Alert style={{ marginTop: 16 }} showIcon type={outcome.ok ? 'success' : 'error'} title={outcome.text} data-testid="report-outcome" />}
      </Card>
    </div>
  );
}
