import { hasPermission, type Actor } from '../../domain/identity/roles';

/**
 * Who sees the leaders' dashboard and the analysis: anyone who reads zones and reports — each over their own
 * scope (the repositories filter by the actor's zone and project visibility): leaders and administrators the
 * city, department officers their family, commune officers their commune, developers their zones.
 */
export function canReadLeadersView(actor: Actor): boolean {
  return hasPermission(actor, 'zone.read') && hasPermission(actor, 'report.read');
}
