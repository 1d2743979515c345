import { describe, expect, it } from 'vitest';
import { customerScope, roles, scopeNeeded, type Principal } from './roles.js';

describe('scopeNeeded', () => {
  it('asks a rep for their rep id and a manager for a team, and nobody else for either', () => {
    expect(scopeNeeded('rep', {})).toBe('repId');
    expect(scopeNeeded('rep', { repId: '' })).toBe('repId');
    expect(scopeNeeded('rep', { team: '华东一组' })).toBe('repId');
    expect(scopeNeeded('rep', { repId: 'R001' })).toBeNull();
    expect(scopeNeeded('manager', { repId: 'R001' })).toBe('team');
    expect(scopeNeeded('manager', { team: '华东一组' })).toBeNull();
    for (const role of ['admin', 'analyst', 'auditor'] as const) expect(scopeNeeded(role, {})).toBeNull();
  });

  it('agrees with what the role then sees: a user given what is needed never sees nobody', () => {
    for (const role of roles) {
      const given = { repId: 'R001', team: '华东一组' };
      const p: Principal = { userId: 1, username: 'u', role, repId: scopeNeeded(role, {}) === 'repId' ? given.repId : null, team: scopeNeeded(role, {}) === 'team' ? given.team : null };
      expect(customerScope(p).kind).not.toBe('none');
    }
  });
});
