import { hasPermission, type Actor, type ZoneFamily } from '../../domain/identity/roles';
import { canSetTargets } from '../reporting/parks.policy';

/**
 * Who reads and who sets the year's plans.
 * - Setting a plan or a target (create, edit, withdraw): the family's department officer (the Board for KCN, the
 *   Department of Industry and Trade for CCN) and administrators — the same rule as the year's figure targets
 *   (`canSetTargets`), since they are one concept.
 * - Reading: everyone with reporting or zone read; the plan's figures are city-wide, the drill-down lists only
 *   the zones of the reader's scope (the repository's SQL filter).
 */
export function canSetPlans(actor: Actor, family: ZoneFamily): boolean {
  return canSetTargets(actor, family);
}

export function canReadPlans(actor: Actor): boolean {
  return hasPermission(actor, 'report.read') || hasPermission(actor, 'zone.read');
}
