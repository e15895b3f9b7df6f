import { describe, expect, it } from 'vitest';
import { roleDefinition, type Actor, type Assignment } from '../../domain/identity/roles';
import { canManageUser, canReadUser, userVisibility, type UserTarget } from './user.policy';

function actor(id: string, ...assignments: Assignment[]): Actor {
  const permissions = new Set(assignments.flatMap((a) => roleDefinition(a.role).permissions));
  return { userId: id, username: id, assignments, permissions };
}

const admin = actor('admin', { role: 'system_admin', scopeKind: 'all', scopeRef: null });
const sct = actor('sct', { role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' });
const bql = actor('bql', { role: 'department_officer', scopeKind: 'family', scopeRef: 'KCN' });
const dongAnh = actor('da', { role: 'commune_officer', scopeKind: 'commune', scopeRef: '00454' });
const tenant = actor('dn', { role: 'enterprise', scopeKind: 'organisation', scopeRef: 'ORG-1' });

const communeOfficerThachThat: UserTarget = {
  id: 'tt',
  family: 'CCN',
  assignments: [{ role: 'commune_officer', scopeKind: 'commune', scopeRef: '09955' }],
};
const kcnEnterprise: UserTarget = {
  id: 'e1',
  family: 'KCN',
  assignments: [{ role: 'enterprise', scopeKind: 'organisation', scopeRef: 'ORG-9' }],
};

describe('who may see a user account', () => {
  it('a system administrator sees everyone', () => {
    expect(canReadUser(admin, kcnEnterprise)).toBe(true);
    expect(userVisibility(admin)).toEqual({ kind: 'all' });
  });

  it('a department officer sees the accounts of its own family only', () => {
    expect(canReadUser(sct, communeOfficerThachThat)).toBe(true);
    expect(canReadUser(sct, kcnEnterprise)).toBe(false);
    expect(canReadUser(bql, kcnEnterprise)).toBe(true);
  });

  it('a commune officer sees accounts scoped to its commune, not to another commune', () => {
    expect(canReadUser(dongAnh, communeOfficerThachThat)).toBe(false);
    expect(
      canReadUser(dongAnh, {
        ...communeOfficerThachThat,
        assignments: [{ role: 'commune_officer', scopeKind: 'commune', scopeRef: '00454' }],
      }),
    ).toBe(true);
  });

  it('an enterprise sees only itself', () => {
    expect(canReadUser(tenant, kcnEnterprise)).toBe(false);
    expect(canReadUser(tenant, { ...kcnEnterprise, id: 'dn' })).toBe(true);
  });
});

describe('who may administer a user account', () => {
  it('a department officer may create commune officers, developers and enterprises of its family', () => {
    expect(canManageUser(sct, communeOfficerThachThat)).toBe(true);
    expect(canManageUser(bql, kcnEnterprise)).toBe(true);
  });

  it('a department officer may not touch another family, nor grant department or admin roles', () => {
    expect(canManageUser(sct, kcnEnterprise)).toBe(false);
    expect(
      canManageUser(sct, {
        family: 'CCN',
        assignments: [{ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' }],
      }),
    ).toBe(false);
    expect(
      canManageUser(sct, {
        family: null,
        assignments: [{ role: 'system_admin', scopeKind: 'all', scopeRef: null }],
      }),
    ).toBe(false);
  });

  it('commune officers, leaders and enterprises administer nobody', () => {
    const leader = actor('ld', { role: 'leader', scopeKind: 'all', scopeRef: null });
    for (const a of [dongAnh, leader, tenant]) expect(canManageUser(a, communeOfficerThachThat)).toBe(false);
  });
});
