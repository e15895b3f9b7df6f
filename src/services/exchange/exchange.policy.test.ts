import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { canReceiveExchange } from './exchange.policy';

const actor = (role: string, scopeKind = 'all'): Actor => ({
  userId: 'u',
  username: role,
  assignments: [{ role, scopeKind, scopeRef: null }] as Actor['assignments'],
  permissions: new Set(),
});

describe('who receives exchange packages', () => {
  it('lets department officers and the system administrator import and read them', () => {
    expect(canReceiveExchange(actor('department_officer', 'family'))).toBe(true);
    expect(canReceiveExchange(systemActor('cli'))).toBe(true);
  });

  it('keeps commune officers, leaders, developers and enterprises out', () => {
    for (const role of ['commune_officer', 'leader', 'developer', 'enterprise']) {
      expect(canReceiveExchange(actor(role))).toBe(false);
    }
  });
});
