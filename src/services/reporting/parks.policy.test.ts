import { describe, expect, it } from 'vitest';
import { roleDefinition, type Actor, type Assignment } from '../../domain/identity/roles';
import { canReadParksReport, canReadTargets, canSetTargets, type ParksScope } from './parks.policy';

const actor = (assignment: Assignment): Actor => ({
  userId: 'u',
  username: 'u',
  assignments: [assignment],
  permissions: new Set(roleDefinition(assignment.role).permissions),
});

const board = actor({ role: 'department_officer', scopeKind: 'family', scopeRef: 'KCN' });
const department = actor({ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' });
const leader = actor({ role: 'leader', scopeKind: 'all', scopeRef: null });
const ccnLeader = actor({ role: 'leader', scopeKind: 'family', scopeRef: 'CCN' });
const devZone = actor({ role: 'developer', scopeKind: 'zone', scopeRef: 'KCN-A' });
const devOrg = actor({ role: 'developer', scopeKind: 'organisation', scopeRef: 'DEV-A' });
const commune = actor({ role: 'commune_officer', scopeKind: 'commune', scopeRef: '00454' });
const tenant = actor({ role: 'enterprise', scopeKind: 'organisation', scopeRef: 'T1' });
const admin = actor({ role: 'system_admin', scopeKind: 'all', scopeRef: null });

const city: ParksScope = { kind: 'city' };
const parkA: ParksScope = { kind: 'zone', code: 'KCN-A', developerCode: 'DEV-A' };
const parkB: ParksScope = { kind: 'zone', code: 'KCN-B', developerCode: 'DEV-B' };

describe('the parks’ report policy', () => {
  it('the Board, the Department, the province’s leaders and administrators read the city', () => {
    expect([board, department, leader, admin].map((a) => canReadParksReport(a, city))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([ccnLeader, devZone, devOrg, commune, tenant].map((a) => canReadParksReport(a, city))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('a park’s developer reads its own park only', () => {
    expect(canReadParksReport(devZone, parkA)).toBe(true);
    expect(canReadParksReport(devOrg, parkA)).toBe(true);
    expect(canReadParksReport(devZone, parkB)).toBe(false);
    expect(canReadParksReport(devOrg, parkB)).toBe(false);
    expect(canReadParksReport(commune, parkA)).toBe(false);
    expect(canReadParksReport(tenant, parkA)).toBe(false);
  });

  it('targets are set by the family’s department officer and administrators only', () => {
    expect(canSetTargets(board, 'KCN')).toBe(true);
    expect(canSetTargets(board, 'CCN')).toBe(false);
    expect(canSetTargets(department, 'CCN')).toBe(true);
    expect(canSetTargets(department, 'KCN')).toBe(false);
    expect(canSetTargets(admin, 'KCN')).toBe(true);
    for (const other of [leader, devZone, devOrg, commune, tenant])
      expect(canSetTargets(other, 'KCN')).toBe(false);
    expect(canReadTargets(devZone, 'KCN', parkA)).toBe(true);
    expect(canReadTargets(devZone, 'KCN', city)).toBe(false);
    expect(canReadTargets(ccnLeader, 'CCN', city)).toBe(true);
    expect(canReadTargets(commune, 'CCN', city)).toBe(false);
  });
});
