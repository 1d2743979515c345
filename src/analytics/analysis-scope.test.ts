import { describe, expect, it } from 'vitest';
import { parseScope, scopeKey, scopeSql } from './analysis-scope.js';

describe('analysis scope', () => {
  it('parses keys in English or Chinese, with full-width separators', () => {
    expect(parseScope('region=华东,industry=制造业')).toEqual({ ok: true, scope: { region: '华东', industry: '制造业' } });
    expect(parseScope('区域＝华东，行业：机械制造')).toEqual({ ok: true, scope: { region: '华东', industry: '机械制造' } });
    expect(parseScope('rep=E1017')).toEqual({ ok: true, scope: { rep: 'E1017' } });
  });

  it('names the part it cannot read', () => {
    expect(parseScope('region=华东,colour=red')).toEqual({ ok: false, part: 'colour=red' });
    expect(parseScope('region=')).toEqual({ ok: false, part: 'region=' });
    expect(parseScope('  ')).toEqual({ ok: false, part: '  ' });
  });

  it('builds one canonical key and quoted SQL', () => {
    expect(scopeKey({ industry: '制造业', region: '华东' })).toBe('region=华东,industry=制造业');
    expect(scopeKey(undefined)).toBeNull();
    expect(scopeSql({ region: "华东'; DROP TABLE customers; --" })).toContain(`c.region = '华东''; DROP TABLE customers; --'`);
  });
});
