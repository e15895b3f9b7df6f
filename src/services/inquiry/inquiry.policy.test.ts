import { describe, expect, it } from 'vitest';
import { roleDefinition, type Actor, type Assignment, type Permission } from '../../domain/identity/roles';
import type { ZoneFacts } from '../zone/zone.policy';
import { canReadInquiry, inquiryActionsFor, receivesInquiry } from './inquiry.policy';

const actor = (...assignments: Assignment[]): Actor => ({
  userId: 'u',
  username: 'u',
  assignments,
  permissions: new Set<Permission>(assignments.flatMap((a) => roleDefinition(a.role).permissions)),
});
const zone: ZoneFacts = { code: 'CCN-A', family: 'CCN', communeCode: '00454', developerCode: 'DEV-A' };

const communeA = actor({ role: 'commune_officer', scopeKind: 'commune', scopeRef: '00454' });
const communeB = actor({ role: 'commune_officer', scopeKind: 'commune', scopeRef: '09955' });
const deptCCN = actor({ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' });
const deptKCN = actor({ role: 'department_officer', scopeKind: 'family', scopeRef: 'KCN' });
const devA = actor({ role: 'developer', scopeKind: 'organisation', scopeRef: 'DEV-A' });
const devZone = actor({ role: 'developer', scopeKind: 'zone', scopeRef: 'CCN-A' });
const leader = actor({ role: 'leader', scopeKind: 'all', scopeRef: null });
const admin = actor({ role: 'system_admin', scopeKind: 'all', scopeRef: null });
const tenant = actor({ role: 'enterprise', scopeKind: 'organisation', scopeRef: 'DEV-A' });

describe('who handles an investor inquiry', () => {
  it('tells the commune of the zone, the department of its family and its developer, and nobody else', () => {
    expect([communeA, deptCCN, devA, devZone].every((a) => receivesInquiry(a, zone))).toBe(true);
    expect([communeB, deptKCN, leader, admin, tenant].some((a) => receivesInquiry(a, zone))).toBe(false);
  });

  it('lets officers and the developer answer and close, leaders only read, tenants not even that', () => {
    expect(inquiryActionsFor(devA, zone, 'new')).toEqual(['reply', 'close']);
    expect(inquiryActionsFor(communeA, zone, 'answered')).toEqual(['reply', 'close']);
    expect(inquiryActionsFor(leader, zone, 'new')).toEqual([]);
    expect(canReadInquiry(leader, zone)).toBe(true);
    expect(canReadInquiry(tenant, zone)).toBe(false);
    expect(canReadInquiry(communeB, zone)).toBe(false);
  });

  it('leaves a held inquiry to the officers: the developer may neither release nor close it', () => {
    expect(inquiryActionsFor(devA, zone, 'held')).toEqual([]);
    expect(inquiryActionsFor(deptCCN, zone, 'held')).toEqual(['release', 'close']);
    expect(inquiryActionsFor(admin, zone, 'closed')).toEqual([]);
  });
});
