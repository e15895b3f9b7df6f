import { describe, expect, it } from 'vitest';
import { roleDefinition, type Actor, type Assignment } from '../../domain/identity/roles';
import { canChangeProjectInvestor } from '../project/project.policy';
import { canMoveZone, type ZoneFacts } from './zone.policy';

const actor = (assignment: Assignment): Actor => ({
  userId: 'u',
  username: 'u',
  assignments: [assignment],
  permissions: new Set(roleDefinition(assignment.role).permissions),
});

const department = actor({ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' });
const commune = actor({ role: 'commune_officer', scopeKind: 'commune', scopeRef: '00454' });
const devOrg = actor({ role: 'developer', scopeKind: 'organisation', scopeRef: 'DEV-A' });
const devZone = actor({ role: 'developer', scopeKind: 'zone', scopeRef: 'CCN-A' });
const leader = actor({ role: 'leader', scopeKind: 'all', scopeRef: null });

const cluster: ZoneFacts = { code: 'CCN-A', family: 'CCN', communeCode: '00454', developerCode: 'DEV-A' };
const elsewhere: ZoneFacts = { ...cluster, communeCode: '09955' };
const otherDeveloper: ZoneFacts = { ...cluster, developerCode: 'DEV-B' };

describe('moving a zone needs the right over the destination as well as the source', () => {
  it('a commune officer keeps its cluster on its territory; the department may move it', () => {
    expect(canMoveZone(commune, cluster, elsewhere)).toBe(false);
    expect(canMoveZone(department, cluster, elsewhere)).toBe(true);
  });

  it('no developer changes who develops a zone, whatever its scope; registry officers do', () => {
    expect(canMoveZone(devOrg, cluster, otherDeveloper)).toBe(false);
    expect(canMoveZone(devZone, cluster, otherDeveloper)).toBe(false);
    expect(canMoveZone(commune, cluster, otherDeveloper)).toBe(true);
    expect(canMoveZone(department, cluster, otherDeveloper)).toBe(true);
  });

  it('an edit that moves nothing needs only the right to edit', () => {
    expect(canMoveZone(devOrg, cluster, cluster)).toBe(true);
    expect(canMoveZone(leader, cluster, cluster)).toBe(false);
  });
});

describe('handing a project to another investor', () => {
  it('is for registry officers whose scope covers the zone, never for its developer', () => {
    expect(canChangeProjectInvestor(department, cluster)).toBe(true);
    expect(canChangeProjectInvestor(commune, cluster)).toBe(true);
    expect(canChangeProjectInvestor(commune, elsewhere)).toBe(false);
    expect(canChangeProjectInvestor(devOrg, cluster)).toBe(false);
    expect(canChangeProjectInvestor(devZone, cluster)).toBe(false);
  });
});
