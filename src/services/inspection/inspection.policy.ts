import type { Actor } from '../../domain/identity/roles';
import { asAgency } from '../schedule/schedule.policy';
import { canEditZone, canSeeZone, type ZoneFacts } from '../zone/zone.policy';

/**
 * Inspections are recorded, planned and followed up by the agencies keeping the zone (departments their
 * family, communes the clusters on their territory). The zone's developer and its tenants see them; they
 * never record one.
 */
export function canSeeInspections(actor: Actor, zone: ZoneFacts): boolean {
  return canSeeZone(actor, zone);
}

export function canRecordInspection(actor: Actor, zone: ZoneFacts): boolean {
  return canEditZone(asAgency(actor), zone);
}
