/**
 * The weight profile and tier threshold editor. Settings are versioned: the
 * version in force is shown, a change is previewed against the latest
 * analysis (how many customers would change tier) before it can be saved,
 * and saving makes a new version that the next analysis uses.
 */
import { SettingsHistory } from './settings-history.js';
import { Alert, Button, Col, Flex, Input, InputNumber, Radio, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { apiSend, asFailure } from '../../app/api-client.js';
import { useLang, useT, useTierLabel } from '../../app/i18n.js';
import { formatNumber } from '../../app/money.js';
import { Loading } from '../../app/page-state.js';
import { useSession } from '../../app/session.js';
import { useApi } from '../../app/use-api.js';
import {
  draftOf, draftProblems, measures, patchOf, weightProfiles,
  type DraftProblem, type Measure, type RfmMethod, type SettingsDraft, type SettingsVersion, type WeightProfile,
} from './settings-draft.js';
import type { RfmSection } from './segments-data.js';

const m = {
  'zh-CN': {
    version: '当前生效：第 {v} 版', weights: 'RFM 权重方案', scoring: 'RFM 评分', tiers: '价值分层阈值',
    balanced: '均衡', balancedHint: 'R、F、M 同等重要', fmcg: '快消品', fmcgHint: '购买频次最重要', industrial: '工业品', industrialHint: '采购金额最重要', custom: '自定义', customHint: '自己设定 R、F、M 的权重',
    r: 'R 最近购买', f: 'F 频次', m: 'M 金额', quintile: '按五分位（客户自身分布）', fixed: '固定阈值',
    cutsR: 'R：距上次购买天数的 4 个分界点', cutsF: 'F：订单数的 4 个分界点', cutsM: 'M：销售额（元）的 4 个分界点',
    highScore: 'RFM 分层：得分达到此值算“高”', strategic: '战略客户：价值分至少', highValue: '高价值客户：价值分至少', potentialMin: '潜力客户：潜力分至少（0–1）',
    tierWeights: '价值分的构成权重', wRfm: 'RFM', wProfit: '利润贡献', wPotential: '潜力',
    preview: '预览影响', save: '保存为新版本', reset: '放弃修改', note: '修改说明（如：2026 年一季度复盘）',
    movedValue: '价值分层会变化的客户', movedRfm: 'RFM 分层会变化的客户', previewOf: '与最新分析（快照 #{id}）相比；尚未保存任何内容。', stale: '修改后请重新预览，再保存。',
    scheme: '方案', fromTier: '原分层', toTier: '新分层', customers: '客户数', schemeValue: '价值分层', schemeRfm: 'RFM 分层',
    saved: '已保存为第 {v} 版（第 {from} 版 → 第 {v} 版）。下一次分析会使用新设置，本页数字在分析运行后更新。', unchanged: '与第 {v} 版相同，没有保存新版本。',
    cutsNotAscending: '{measure} 的分界点必须从小到大递增', rfmWeightsZero: '自定义权重不能全为 0', tierWeightsZero: '价值分的构成权重不能全为 0', highValueAboveStrategic: '高价值客户的门槛高于战略客户的门槛',
    readOnly: '只有管理员和分析师可以修改设置；经理可以预览影响。', nothingChanged: '尚未修改任何设置',
  },
  en: {
    version: 'In force: version {v}', weights: 'RFM weight profile', scoring: 'RFM scoring', tiers: 'Value tier thresholds',
    balanced: 'Balanced', balancedHint: 'R, F and M weigh the same', fmcg: 'FMCG', fmcgHint: 'how often customers buy weighs most', industrial: 'Industrial goods', industrialHint: 'how much customers buy weighs most', custom: 'Custom', customHint: 'set the weights of R, F and M yourself',
    r: 'R recency', f: 'F frequency', m: 'M monetary', quintile: 'Quintiles (of the customers themselves)', fixed: 'Fixed thresholds',
    cutsR: 'R: four cut points in days since the last order', cutsF: 'F: four cut points in orders', cutsM: 'M: four cut points in revenue (¥)',
    highScore: 'RFM tiers: a score at least this is "high"', strategic: 'Strategic: value score at least', highValue: 'High value: value score at least', potentialMin: 'Potential: potential score at least (0–1)',
    tierWeights: 'What the value score is made of', wRfm: 'RFM', wProfit: 'Profit contribution', wPotential: 'Potential',
    preview: 'Preview the effect', save: 'Save as a new version', reset: 'Discard changes', note: 'Why (e.g. Q1 2026 review)',
    movedValue: 'Customers changing value tier', movedRfm: 'Customers changing RFM tier', previewOf: 'Against the latest analysis (snapshot #{id}); nothing is saved yet.', stale: 'Preview again after a change, then save.',
    scheme: 'Scheme', fromTier: 'From', toTier: 'To', customers: 'Customers', schemeValue: 'Value tiers', schemeRfm: 'RFM tiers',
    saved: 'Saved as version {v} (version {from} → {v}). The next analysis uses it; the figures on this page change once it has run.', unchanged: 'Same as version {v}: no new version saved.',
    cutsNotAscending: 'The cut points of {measure} must go up from left to right', rfmWeightsZero: 'Custom weights cannot all be 0', tierWeightsZero: 'The value score weights cannot all be 0', highValueAboveStrategic: 'The high-value bar is above the strategic bar',
    readOnly: 'Only admins and analysts can change settings; managers can preview the effect.', nothingChanged: 'Nothing changed yet',
  },
} as const;

type Key = keyof (typeof m)['en'];

interface Preview {
  snapshotId: number;
  movedValueTier: number;
  movedRfmTier: number;
  moves: { scheme: 'value' | 'rfm'; from: string; to: string; customers: number }[];
}

export interface SavedVersion {
  readonly from: number;
  readonly to: number;
}

const previewers = ['admin', 'manager', 'analyst'];
const savers = ['admin', 'analyst'];

export function SettingsEditor({ breaks }: { breaks: RfmSection['breaks'] }) {
  const settings = useApi<SettingsVersion>('/api/settings');
  const [saved, setSaved] = useState<SavedVersion | null>(null);
  const t = useT(m);
  return (
    <div data-testid="settings-editor">
      {saved && (
        <Alert
          style={{ marginBottom: 12 }}
          type={saved.to > saved.from ? 'success' : 'info'}
          showIcon
          closable
          onClose={() => setSaved(null)}
          title={saved.to > saved.from ? t('saved', { v: saved.to, from: saved.from }) : t('unchanged', { v: saved.to })}
          data-testid="settings-saved"
        />
      )}
      <Loading state={settings}>
        {(s) => (
          <>
            <Editor key={s.version} settings={s} breaks={breaks} onSaved={(v) => (setSaved(v), settings.reload())} />
            <SettingsHistory history={s.history ?? []} current={s.version} />
          </>
        )}
      </Loading>
    </div>
  );
}

function Editor({ settings, breaks, onSaved }: { settings: SettingsVersion; breaks: RfmSection['breaks']; onSaved: (v: SavedVersion) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const role = useSession().session?.role ?? '';
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings.config, breaks));
  const [preview, setPreview] = useState<{ key: string; result: Preview } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const patch = patchOf(settings.config, draft);
  const key = JSON.stringify(patch);
  const problems = draftProblems(draft);
  const changed = key !== '{}';
  const fresh = preview?.key === key;
  const set = (d: Partial<SettingsDraft>) => setDraft((old) => ({ ...old, ...d }));
  const call = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(asFailure(e).message);
    } finally {
      setBusy(false);
    }
  };
  const runPreview = () => call(async () => setPreview({ key, result: await apiSend<Preview>('POST', '/api/settings/preview', { patch }, lang) }));
  const save = () =>
    call(async () => {
      const r = await apiSend<SettingsVersion>('PUT', '/api/settings', { patch, baseVersion: settings.version, ...(note.trim() ? { note: note.trim() } : {}) }, lang);
      onSaved({ from: settings.version, to: r.version });
    });
  const problemText = (p: DraftProblem) => (p.code === 'cutsNotAscending' ? t(p.code, { measure: t(p.measure) }) : t(p.code));
  return (
    <>
      <Typography.Text strong data-testid="settings-version">{t('version', { v: settings.version })}</Typography.Text>
      <Row gutter={[24, 16]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={8}>
          <Typography.Title level={5}>{t('weights')}</Typography.Title>
          <Radio.Group value={draft.profile} onChange={(e) => set({ profile: e.target.value as WeightProfile })} data-testid="settings-profile">
            <Flex vertical gap={6}>
              {weightProfiles.map((p) => (
                <Radio key={p} value={p}>{t(p)} <Typography.Text type="secondary">— {t(`${p}Hint` as Key)}</Typography.Text></Radio>
              ))}
            </Flex>
          </Radio.Group>
          {draft.profile === 'custom' && (
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              {measures.map((k) => (
                <NumberField key={k} label={t(k)} value={draft.customWeights[k]} min={0} step={0.1} onChange={(v) => set({ customWeights: { ...draft.customWeights, [k]: v } })} />
              ))}
            </Flex>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Typography.Title level={5}>{t('scoring')}</Typography.Title>
          <Radio.Group value={draft.method} onChange={(e) => set({ method: e.target.value as RfmMethod })} data-testid="settings-method">
            <Flex vertical gap={6}>
              {(['quintile', 'fixed'] as const).map((v) => <Radio key={v} value={v}>{t(v)}</Radio>)}
            </Flex>
          </Radio.Group>
          {draft.method === 'fixed' && measures.map((k) => <Cuts key={k} measure={k} label={t(cutsLabel[k])} draft={draft} onChange={set} />)}
          <div style={{ marginTop: 12 }}>
            <NumberField label={t('highScore')} value={draft.highScore} min={1} max={5} step={1} onChange={(v) => set({ highScore: v })} />
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <Typography.Title level={5}>{t('tiers')}</Typography.Title>
          <Flex vertical gap={8}>
            <NumberField testId="settings-strategic" label={t('strategic')} value={draft.strategic} min={0} max={100} step={1} onChange={(v) => set({ strategic: v })} />
            <NumberField testId="settings-high-value" label={t('highValue')} value={draft.highValue} min={0} max={100} step={1} onChange={(v) => set({ highValue: v })} />
            <NumberField label={t('potentialMin')} value={draft.potentialMin} min={0} max={1} step={0.05} onChange={(v) => set({ potentialMin: v })} />
            <Typography.Text type="secondary">{t('tierWeights')}</Typography.Text>
            <Flex gap={8} wrap>
              {(['rfm', 'profit', 'potential'] as const).map((k) => (
                <NumberField key={k} label={t(tierWeightLabel[k])} value={draft.tierWeights[k]} min={0} step={0.05} onChange={(v) => set({ tierWeights: { ...draft.tierWeights, [k]: v } })} />
              ))}
            </Flex>
          </Flex>
        </Col>
      </Row>
      {problems.map((p) => <Alert key={JSON.stringify(p)} style={{ marginTop: 12 }} type="warning" showIcon title={problemText(p)} />)}
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} data-testid="settings-error" />}
      <Flex gap={8} wrap align="center" style={{ marginTop: 16 }}>
        <Button onClick={runPreview} loading={busy} disabled={!previewers.includes(role) || problems.length > 0} data-testid="settings-preview">{t('preview')}</Button>
        <Input style={{ width: 300 }} placeholder={t('note')} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} disabled={!savers.includes(role)} data-testid="settings-note" />
        <Button type="primary" onClick={save} loading={busy} disabled={!savers.includes(role) || !changed || !fresh || problems.length > 0} data-testid="settings-save">{t('save')}</Button>
        <Button onClick={() => (setDraft(draftOf(settings.config, breaks)), setPreview(null))} disabled={!changed}>{t('reset')}</Button>
        <Typography.Text type="secondary">{!savers.includes(role) ? t('readOnly') : !changed ? t('nothingChanged') : !fresh ? t('stale') : ''}</Typography.Text>
      </Flex>
      {preview && <PreviewResult preview={preview.result} stale={!fresh} />}
    </>
  );
}

const cutsLabel = { r: 'cutsR', f: 'cutsF', m: 'cutsM' } as const;
const tierWeightLabel = { rfm: 'wRfm', profit: 'wProfit', potential: 'wPotential' } as const;

function NumberField({ label, value, min, max, step, onChange, testId }: { label: string; value: number; min: number; max?: number; step: number; onChange: (v: number) => void; testId?: string }) {
  return (
    <label style={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label}</Typography.Text>
      <InputNumber value={value} min={min} {...(max !== undefined ? { max } : {})} step={step} style={{ width: 140 }} onChange={(v) => v !== null && onChange(v)} />
    </label>
  );
}

function Cuts({ measure, label, draft, onChange }: { measure: Measure; label: string; draft: SettingsDraft; onChange: (d: Partial<SettingsDraft>) => void }) {
  const cuts = draft.thresholds[measure];
  return (
    <div style={{ marginTop: 8 }} data-testid={`settings-cuts-${measure}`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label}</Typography.Text>
      <Flex gap={4}>
        {[0, 1, 2, 3].map((i) => (
          <InputNumber
            key={i}
            size="small"
            style={{ width: '25%' }}
            value={cuts[i] ?? 0}
            onChange={(v) => v !== null && onChange({ thresholds: { ...draft.thresholds, [measure]: cuts.map((x, j) => (j === i ? v : x)) } })}
          />
        ))}
      </Flex>
    </div>
  );
}

function PreviewResult({ preview, stale }: { preview: Preview; stale: boolean }) {
  const t = useT(m);
  const { lang } = useLang();
  const tierLabel = useTierLabel();
  const moved = preview.moves.filter((x) => x.from !== x.to).sort((a, b) => b.customers - a.customers);
  return (
    <div style={{ marginTop: 16, opacity: stale ? 0.5 : 1 }} data-testid="settings-preview-result">
      <Row gutter={16}>
        <Col span={8}><Statistic title={t('movedValue')} value={formatNumber(preview.movedValueTier, lang)} data-testid="preview-moved-value" /></Col>
        <Col span={8}><Statistic title={t('movedRfm')} value={formatNumber(preview.movedRfmTier, lang)} data-testid="preview-moved-rfm" /></Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('previewOf', { id: preview.snapshotId })}</Typography.Paragraph>
      {moved.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => `${r.scheme}:${r.from}:${r.to}`}
          dataSource={moved}
          data-testid="preview-moves"
          columns={[
            { title: t('scheme'), key: 'scheme', render: (_, r) => t(r.scheme === 'value' ? 'schemeValue' : 'schemeRfm') },
            { title: t('fromTier'), key: 'from', render: (_, r) => tierLabel(r.from) },
            { title: t('toTier'), key: 'to', render: (_, r) => tierLabel(r.to) },
            { title: t('customers'), key: 'customers', align: 'right', render: (_, r) => formatNumber(r.customers, lang) },
          ]}
        />
      )}
    </div>
  );
}
