import { hasPermission, type Actor } from '../../domain/identity/roles';
import type { BriefingScope } from '../../domain/briefing/briefing.schema';

/**
 * Who reads and who writes the quarterly briefing.
 * - Read: leaders (of the city, or of the briefing's family), department officers, administrators.
 * - Write (create, edit the wording and tasks, issue) and edit the stored sentence templates: the department
 *   officer of the family (the Board for parks, the Department for clusters; either for the city's briefing)
 *   and administrators. Never a developer, an enterprise or a commune.
 */
export function canReadBriefing(actor: Actor, scope: BriefingScope): boolean {
  if (!hasPermission(actor, 'report.read')) return false;
  return actor.assignments.some((a) => {
    if (a.role === 'system_admin' || a.role === 'department_officer') return true;
    if (a.role === 'leader')
      return a.scopeKind === 'all' || (a.scopeKind === 'family' && a.scopeRef === scope);
    return false;
  });
}

export function canWriteBriefing(actor: Actor, scope: BriefingScope): boolean {
  if (!hasPermission(actor, 'report.sign')) return false;
  return actor.assignments.some(
    (a) =>
      a.role === 'system_admin' ||
      (a.role === 'department_officer' &&
        a.scopeKind === 'family' &&
        (scope === 'city' || a.scopeRef === scope)),
  );
}

/** Whether the actor may list briefings at all (some scope readable). */
export function canListBriefings(actor: Actor): boolean {
  return canReadBriefing(actor, 'city') || canReadBriefing(actor, 'KCN') || canReadBriefing(actor, 'CCN');
}

export function canEditTemplates(actor: Actor): boolean {
  return canWriteBriefing(actor, 'KCN') || canWriteBriefing(actor, 'CCN');
}
