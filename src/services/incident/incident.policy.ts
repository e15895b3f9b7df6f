import type { Actor } from '../../domain/identity/roles';
import { canEditZone, canSeeZone, type ZoneFacts } from '../zone/zone.policy';

/**
 * Incidents are seen by everyone who sees the zone; they are recorded and followed up by the agencies keeping
 * it and by its developer (often the first to know of a fire or a stoppage).
 */
export function canSeeIncidents(actor: Actor, zone: ZoneFacts): boolean {
  return canSeeZone(actor, zone);
}

export function canRecordIncident(actor: Actor, zone: ZoneFacts): boolean {
  return canEditZone(actor, zone);
}
