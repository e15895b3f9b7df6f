import { describe, expect, it } from 'vitest';
import { roleDefinition, type Actor, type RoleCode, type ScopeKind } from '../../domain/identity/roles';
import type { ObstacleStatus } from '../../domain/monitoring/obstacle';
import {
  canAnswerObstacle,
  canCloseObstacle,
  canRaiseObstacle,
  canTakeObstacleAction,
  obstacleActionsFor,
  type ObstacleFacts,
  type RaiserParty,
} from './obstacle.policy';

const actor = (role: RoleCode, scopeKind: ScopeKind, scopeRef: string | null): Actor => ({
  userId: `${role}-${scopeRef}`,
  username: role,
  assignments: [{ role, scopeKind, scopeRef }],
  permissions: new Set(roleDefinition(role).permissions),
});

const zone = { code: 'CCN-A', family: 'CCN' as const, communeCode: '00454', developerCode: 'DEV-1' };
const commune = actor('commune_officer', 'commune', '00454');
const otherCommune = actor('commune_officer', 'commune', '09955');
const department = actor('department_officer', 'family', 'CCN');
const parksBoard = actor('department_officer', 'family', 'KCN');
const developer = actor('developer', 'organisation', 'DEV-1');
const otherDeveloper = actor('developer', 'organisation', 'DEV-2');
const leader = actor('leader', 'all', null);

const party = (a: Actor): RaiserParty => a.assignments[0]!;
const obstacle = (raiser: Actor, over: Partial<ObstacleFacts> = {}): ObstacleFacts => ({
  zone,
  status: 'open' as ObstacleStatus,
  raiser: party(raiser),
  raiserAgreed: false,
  ...over,
});

describe('who raises and answers obstacles', () => {
  it('lets the commune, the department and the developer of the zone raise one, and nobody else', () => {
    expect(canRaiseObstacle(commune, zone)).toBe(true);
    expect(canRaiseObstacle(department, zone)).toBe(true);
    expect(canRaiseObstacle(developer, zone)).toBe(true);
    expect(canRaiseObstacle(otherCommune, zone)).toBe(false);
    expect(canRaiseObstacle(parksBoard, zone)).toBe(false);
    expect(canRaiseObstacle(otherDeveloper, zone)).toBe(false);
    expect(canRaiseObstacle(leader, zone)).toBe(false);
  });

  it('lets the developer answer an obstacle the commune raised', () => {
    expect(canAnswerObstacle(developer, obstacle(commune))).toBe(true);
    expect(canTakeObstacleAction(developer, obstacle(commune), 'comment')).toBe(true);
  });
});

describe('only an agency closes one it did not raise after the raiser agrees, or a department decides', () => {
  it('lets the raiser close its own obstacle', () => {
    expect(canCloseObstacle(commune, obstacle(commune))).toBe(true);
    expect(canCloseObstacle(developer, obstacle(developer))).toBe(true);
  });

  it('never lets a developer close an obstacle an agency raised, even after the raiser agreed', () => {
    expect(canCloseObstacle(developer, obstacle(commune))).toBe(false);
    expect(canCloseObstacle(developer, obstacle(commune, { raiserAgreed: true }))).toBe(false);
    expect(obstacleActionsFor(developer, obstacle(commune))).toEqual(['start', 'comment']);
  });

  it('lets a department of the family decide on any obstacle of its zones', () => {
    expect(canCloseObstacle(department, obstacle(commune))).toBe(true);
    expect(canCloseObstacle(department, obstacle(developer))).toBe(true);
    expect(canCloseObstacle(parksBoard, obstacle(commune))).toBe(false);
  });

  it('lets a commune close a developer’s obstacle only after the developer agreed', () => {
    expect(canCloseObstacle(commune, obstacle(developer))).toBe(false);
    expect(canCloseObstacle(commune, obstacle(developer, { raiserAgreed: true }))).toBe(true);
  });

  it('lets only the raiser agree, once', () => {
    expect(canTakeObstacleAction(developer, obstacle(developer), 'agree')).toBe(true);
    expect(canTakeObstacleAction(commune, obstacle(developer), 'agree')).toBe(false);
    expect(canTakeObstacleAction(developer, obstacle(developer, { raiserAgreed: true }), 'agree')).toBe(
      false,
    );
  });

  it('follows the state machine: a resolved obstacle is only reopened, by its raiser or the department', () => {
    const resolved = obstacle(commune, { status: 'resolved' });
    expect(obstacleActionsFor(commune, resolved)).toEqual(['reopen', 'comment']);
    expect(obstacleActionsFor(department, resolved)).toEqual(['reopen', 'comment']);
    expect(obstacleActionsFor(developer, resolved)).toEqual(['comment']);
  });

  it('keeps escalation to the city an agency’s act', () => {
    expect(canTakeObstacleAction(commune, obstacle(developer), 'escalate')).toBe(true);
    expect(canTakeObstacleAction(developer, obstacle(developer), 'escalate')).toBe(false);
  });
});
