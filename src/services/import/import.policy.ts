import { hasPermission, type Actor } from '../../domain/identity/roles';

/**
 * Who may use the spreadsheet import and export at all. Each imported row is then checked against the
 * zone policy (`canCreateZone` / `canEditZone`), and exports go through the zone visibility filter.
 */
export function canImportZones(actor: Actor): boolean {
  return hasPermission(actor, 'zone.manage') || hasPermission(actor, 'zone.create');
}

export function canExportZones(actor: Actor): boolean {
  return hasPermission(actor, 'zone.read');
}
