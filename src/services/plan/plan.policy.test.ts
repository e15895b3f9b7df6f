import { describe, expect, it } from 'vitest';
import { roleDefinition, type Actor, type Assignment } from '../../domain/identity/roles';
import { canReadPlans, canSetPlans } from './plan.policy';

const actor = (assignment: Assignment): Actor => ({
  userId: 'u',
  username: 'u',
  assignments: [assignment],
  permissions: new Set(roleDefinition(assignment.role).permissions),
});

const board = actor({ role: 'department_officer', scopeKind: 'family', scopeRef: 'KCN' });
const department = actor({ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' });
const leader = actor({ role: 'leader', scopeKind: 'all', scopeRef: null });
const commune = actor({ role: 'commune_officer', scopeKind: 'commune', scopeRef: '00454' });
const developer = actor({ role: 'developer', scopeKind: 'organisation', scopeRef: 'DEV-A' });
const admin = actor({ role: 'system_admin', scopeKind: 'all', scopeRef: null });

describe('the plans policy', () => {
  it('the family’s department and administrators set plans; nobody else', () => {
    expect(canSetPlans(department, 'CCN')).toBe(true);
    expect(canSetPlans(board, 'KCN')).toBe(true);
    expect(canSetPlans(admin, 'CCN')).toBe(true);
    expect(canSetPlans(department, 'KCN')).toBe(false);
    expect(canSetPlans(board, 'CCN')).toBe(false);
    for (const other of [leader, commune, developer]) expect(canSetPlans(other, 'CCN')).toBe(false);
  });

  it('everyone with reporting or zone read reads them (the drill-down is limited by scope)', () => {
    for (const reader of [board, department, leader, commune, developer, admin]) {
      expect(canReadPlans(reader)).toBe(true);
    }
    expect(canReadPlans({ ...admin, permissions: new Set() })).toBe(false);
  });
});
