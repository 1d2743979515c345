import { describe, expect, it } from 'vitest';
import { signalEvidence, signalName } from './signal-evidence.js';

describe('signal evidence in words', () => {
  it('writes each signal\'s evidence as a sentence in both languages', () => {
    const recency = { code: 'recency', level: 'alert' as const, evidence: { daysSince: 69, cycleDays: 27.5, ratio: 2.51 } };
    expect(signalEvidence(recency, 'en')).toBe('no order for 69 days; usually one every 27.5 days (2.5× the cycle)');
    expect(signalEvidence(recency, 'zh-CN')).toBe('已 69 天未下单，平常约每 27.5 天一单（周期的 2.5 倍）');
    const value = { code: 'value', level: 'warn' as const, evidence: { recent: 120_000, before: 300_000, change: -0.6 } };
    expect(signalEvidence(value, 'zh-CN')).toBe('近两个季度采购 12 万元，之前两个季度 30 万元（-60%）');
    expect(signalEvidence(value, 'en')).toBe('bought ¥120,000 in the last two quarters against ¥300,000 in the two before (-60%)');
    expect(signalEvidence({ code: 'competitor', level: 'alert', evidence: { contacts: 2, competitors: ['发那科', '西门子'] } }, 'zh-CN')).toBe('接触竞品 2 次：发那科、西门子');
    expect(signalName('nps', 'zh-CN')).toBe('贬损者');
    expect(signalName('unknown', 'en')).toBe('unknown');
  });
});
