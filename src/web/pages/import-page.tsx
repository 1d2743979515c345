/**
 * Import: a wizard (upload → preview and fix the mapping → import) over the
 * same intake as `salescope import`, then the past runs and the rows each run
 * quarantined, with the file to fix them in.
 */
import { Alert, Card, Flex, Spin, Steps } from 'antd';
import { useState } from 'react';
import type { Lang } from '../../i18n/i18n.js';
import { apiSend, asFailure, csrfHeaders } from '../app/api-client.js';
import type { Route } from '../app/hash-route.js';
import { useLang, useT } from '../app/i18n.js';
import { ImportResultView, type ImportResult } from './import/import-result-view.js';
import { ImportRuns } from './import/import-runs.js';
import { ImportProgress } from './import/import-progress.js';
import { PreviewStep, type FilePreview } from './import/preview-step.js';
import { QuarantineReview } from './import/quarantine-review.js';
import { UploadStep } from './import/upload-step.js';

type Wizard = { step: 'upload' } | { step: 'preview'; preview: FilePreview } | { step: 'done'; result: ImportResult };

const m = {
  'zh-CN': {
    wizard: '导入数据', upload: '上传文件', preview: '预览与映射', import: '导入结果', runs: '导入记录', quarantine: '隔离区（被拒绝的行）',
    checking: '正在按新的映射重新预览…',
  },
  en: {
    wizard: 'Import data', upload: 'Upload', preview: 'Preview and mapping', import: 'Result', runs: 'Past imports', quarantine: 'Quarantine (rejected rows)',
    checking: 'Previewing again with the new mapping…',
  },
} as const;

/** The wizard's body: the data type and each mapped column, named by header unless the header is ambiguous. */
function mappingBody(p: FilePreview, entity: string, mapping: readonly { index: number; field: string }[]) {
  const ref = (index: number) => {
    const header = p.headers[index] ?? '';
    return header.trim() !== '' && p.headers.filter((h) => h.trim() === header.trim()).length === 1 ? header : index + 1;
  };
  return { entity, columns: Object.fromEntries(mapping.map((c) => [c.field, ref(c.index)])) };
}

/** Discarding sends no ?lang: the route takes no query at all. */
async function discard(uploadId: string, lang: Lang): Promise<void> {
  await fetch(`/api/uploads/${uploadId}`, { method: 'DELETE', headers: { 'accept-language': lang, ...csrfHeaders() } });
}

export function ImportPage(_props: { route: Route }) {
  const t = useT(m);
  const { lang } = useLang();
  const [wizard, setWizard] = useState<Wizard>({ step: 'upload' });
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reviewRun, setReviewRun] = useState<number | null>(null);
  const [finished, setFinished] = useState(0);
  const preview = wizard.step === 'preview' ? wizard.preview : null;
  const call = async <T,>(kind: 'preview' | 'import', path: string, body: unknown, then: (r: T) => void) => {
    setBusy(kind);
    setError(null);
    try {
      then(await apiSend<T>('POST', path, body, lang));
    } catch (e) {
      setError(asFailure(e).message);
    } finally {
      setBusy(null);
    }
  };
  const repreview = (body: unknown) => preview && void call<FilePreview>('preview', `/api/uploads/${preview.uploadId}/preview`, body, (p) => setWizard({ step: 'preview', preview: p }));
  const onMapping = (index: number, field: string | null) => {
    if (!preview) return;
    const kept = preview.mapping.filter((c) => c.index !== index && c.field !== field);
    repreview(mappingBody(preview, preview.entity, field === null ? kept : [...kept, { index, field }]));
  };
  const onImport = () => {
    if (!preview) return;
    void call<ImportResult>('import', `/api/uploads/${preview.uploadId}/import`, mappingBody(preview, preview.entity, preview.mapping), (result) => {
      setWizard({ step: 'done', result });
      setReviewRun(result.quarantined > 0 ? result.runId : null);
      setFinished((n) => n + 1);
    });
  };
  const onDiscard = () => {
    if (preview) void discard(preview.uploadId, lang);
    setError(null);
    setWizard({ step: 'upload' });
  };
  const current = { upload: 0, preview: 1, done: 2 }[wizard.step];
  return (
    <Flex vertical gap={16} data-testid="import-page">
      <Card title={t('wizard')} size="small">
        <Steps size="small" current={current} items={[{ title: t('upload') }, { title: t('preview') }, { title: t('import') }]} style={{ marginBottom: 16 }} />
        {error !== null && <Alert type="error" showIcon closable={{ onClose: () => setError(null) }} title={error} style={{ marginBottom: 16 }} data-testid="import-error" />}
        {busy === 'import' && preview && (
          <ImportProgress uploadId={preview.uploadId} rows={preview.rows} />
        )}
        {busy === 'preview' && <Alert type="info" showIcon icon={<Spin size="small" />} title={t('checking')} style={{ marginBottom: 16 }} />}
        {wizard.step === 'upload' && <UploadStep onUploaded={(p) => (setError(null), setWizard({ step: 'preview', preview: p }))} />}
        {preview && <PreviewStep preview={preview} busy={busy !== null} onEntity={(entity) => repreview({ entity })} onMapping={onMapping} onImport={onImport} onDiscard={onDiscard} />}
        {wizard.step === 'done' && <ImportResultView result={wizard.result} onAgain={() => setWizard({ step: 'upload' })} onReview={() => document.getElementById('quarantine')?.scrollIntoView({ behavior: 'smooth' })} />}
      </Card>
      <Card title={t('runs')} size="small">
        <ImportRuns key={finished} selected={reviewRun} onSelect={setReviewRun} />
      </Card>
      <Card title={t('quarantine')} size="small" id="quarantine">
        <QuarantineReview key={`${finished}-${reviewRun ?? 'latest'}`} runId={reviewRun} />
      </Card>
    </Flex>
  );
}
