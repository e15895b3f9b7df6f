import type { Actor, ZoneFamily } from '../../domain/identity/roles';
import { canCreateZone } from './zone.policy';

/**
 * Who keeps the master plans of a family (new versions, their decisions and validity): those who may register
 * its zones — system administrators and the family's department. Entries for one zone follow the zone's own
 * edit scope (`canEditZone`), like every other fact of the zone.
 */
export function canManageMasterPlans(actor: Actor, family: ZoneFamily): boolean {
  return canCreateZone(actor, family);
}
