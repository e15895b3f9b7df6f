import { hasPermission, zoneFamilies, type Actor } from '../../domain/identity/roles';
import { importEntities, type ImportEntity } from '../../domain/import/import.schema';
import { canManageOrganisations, canReadOrganisations } from '../organisation/organisation.policy';
import { canReadPlans, canSetPlans } from '../plan/plan.policy';
import { canManageProjects, canReadProjects } from '../project/project.policy';
import { canRaiseObstacles, canReadMonitoring } from '../monitoring/obstacle.policy';
import { asAgency, canPlanSchedules } from '../schedule/schedule.policy';

/**
 * Who may use the spreadsheet import and export of each registry list at all. Each imported row is then
 * checked against the entity's own policy (zones: `canCreateZone` / `canEditZone`; projects and their
 * capital ledger: `canEditProject` on the project's zone), and exports go through the list's visibility
 * filter.
 */
export function canImportZones(actor: Actor): boolean {
  return hasPermission(actor, 'zone.manage') || hasPermission(actor, 'zone.create');
}

export function canExportZones(actor: Actor): boolean {
  return hasPermission(actor, 'zone.read');
}

/** Organisations are public registry facts kept by the registry officers (organisation.policy.ts). */
export function canImportOrganisations(actor: Actor): boolean {
  return canManageOrganisations(actor);
}

export function canExportOrganisations(actor: Actor): boolean {
  return canReadOrganisations(actor);
}

/** Projects: project.manage; each row then needs its zone to be the actor's to edit. */
export function canImportProjects(actor: Actor): boolean {
  return canManageProjects(actor);
}

export function canExportProjects(actor: Actor): boolean {
  return canReadProjects(actor);
}

/** The capital ledger is part of a project: the same rights as editing the project. */
export function canImportInvestmentEvents(actor: Actor): boolean {
  return canManageProjects(actor);
}

export function canExportInvestmentEvents(actor: Actor): boolean {
  return canReadProjects(actor);
}

/** Obstacles: whoever raises them somewhere; each row then needs `raisingParty` on its zone. */
export function canImportObstacles(actor: Actor): boolean {
  return canRaiseObstacles(actor);
}

export function canExportObstacles(actor: Actor): boolean {
  return canReadMonitoring(actor);
}

/** A zone's planned schedule: the agencies that plan; each row then needs `canPlanSchedule` on its zone. */
export function canImportScheduleSteps(actor: Actor): boolean {
  return canPlanSchedules(actor);
}

export function canExportScheduleSteps(actor: Actor): boolean {
  return hasPermission(actor, 'zone.read');
}

/**
 * Inspections are recorded by the agencies keeping zones (inspection.policy.ts): an agency role with
 * zone.manage; each row then needs its zone to be one the actor may record inspections of.
 */
export function canImportInspections(actor: Actor): boolean {
  return hasPermission(actor, 'zone.manage') && asAgency(actor).assignments.length > 0;
}

export function canExportInspections(actor: Actor): boolean {
  return hasPermission(actor, 'zone.read');
}

/** Plan targets: whoever may set the plans of a family (plan.policy.ts); each row is checked on its plan's. */
export function canImportPlanTargets(actor: Actor): boolean {
  return zoneFamilies.some((family) => canSetPlans(actor, family));
}

export function canExportPlanTargets(actor: Actor): boolean {
  return canReadPlans(actor);
}

const importRights: Record<ImportEntity, (actor: Actor) => boolean> = {
  zones: canImportZones,
  organisations: canImportOrganisations,
  projects: canImportProjects,
  'investment-events': canImportInvestmentEvents,
  obstacles: canImportObstacles,
  'schedule-steps': canImportScheduleSteps,
  inspections: canImportInspections,
  'plan-targets': canImportPlanTargets,
};

/** The lists the actor may import, by the same rules the import routes apply (the import page offers these). */
export function importableEntities(actor: Actor): ImportEntity[] {
  return importEntities.filter((entity) => importRights[entity](actor));
}
