import { hasPermission, type Actor, type ZoneFamily } from '../../domain/identity/roles';

/** Where a filing sits in the registry: what decides who files it and who reviews it. */
export type FilingFacts = {
  family: ZoneFamily;
  zoneCode: string | null;
  communeCode: string | null;
  /** The reporting organisation: the tenant's investor (Biểu 01) or the cluster's developer (Biểu 02). */
  reporterOrgCode: string | null;
  /** The developer of the zone, who may file for its tenants in bulk. */
  developerOrgCode: string | null;
};

/**
 * Filing (drafting, submitting, correcting): the reporter itself — the enterprise for its projects, the
 * developer for its zones and, on their behalf, their tenants — or a system administrator. Circular 14 makes
 * the tenant the reporter of Biểu 01; a developer may file it for a tenant only when the tenant's project is in
 * one of the developer's own clusters (the zone's recorded developer is the developer's organisation, or the
 * developer's scope is that zone) — never for tenants of other developers' clusters. Who actually filed is
 * kept on the revision (created/submitted by) and in the audit trail.
 */
export function canFile(actor: Actor, filing: FilingFacts): boolean {
  if (!hasPermission(actor, 'report.file')) return false;
  return actor.assignments.some((a) => {
    if (a.role === 'system_admin') return true;
    if (a.role === 'enterprise')
      return a.scopeKind === 'organisation' && a.scopeRef !== null && a.scopeRef === filing.reporterOrgCode;
    if (a.role === 'developer') {
      if (a.scopeKind === 'organisation')
        return a.scopeRef !== null && a.scopeRef === filing.developerOrgCode;
      if (a.scopeKind === 'zone') return a.scopeRef !== null && a.scopeRef === filing.zoneCode;
    }
    return false;
  });
}

/**
 * Whether the actor files as the zone's developer on the reporter's behalf (a tenant's Biểu 01 filed by the
 * cluster's developer) rather than as the reporter itself or as an administrator.
 */
export function filesOnBehalf(actor: Actor, filing: FilingFacts): boolean {
  if (!canFile(actor, filing)) return false;
  return !actor.assignments.some(
    (a) =>
      a.role === 'system_admin' ||
      ((a.role === 'enterprise' || a.role === 'developer') &&
        a.scopeKind === 'organisation' &&
        a.scopeRef !== null &&
        a.scopeRef === filing.reporterOrgCode),
  );
}

/**
 * Reviewing (returning, accepting): the officer whose scope covers the filing — the commune for its clusters'
 * filings (Circular 14: Biểu 01/02 go to the commune People's Committee), the department of the family — or a
 * system administrator.
 */
export function canReview(actor: Actor, filing: FilingFacts): boolean {
  if (!hasPermission(actor, 'report.review')) return false;
  return actor.assignments.some((a) => {
    if (a.role === 'system_admin') return true;
    if (a.role === 'department_officer') return a.scopeKind === 'family' && a.scopeRef === filing.family;
    if (a.role === 'commune_officer') {
      return a.scopeKind === 'commune' && a.scopeRef !== null && a.scopeRef === filing.communeCode;
    }
    return false;
  });
}

/** Reading: whoever may file or review it, and leaders of its family or of the province. */
export function canReadFiling(actor: Actor, filing: FilingFacts): boolean {
  if (!hasPermission(actor, 'report.read')) return false;
  if (canFile(actor, filing) || canReview(actor, filing)) return true;
  return actor.assignments.some(
    (a) =>
      a.role === 'leader' &&
      (a.scopeKind === 'all' || (a.scopeKind === 'family' && a.scopeRef === filing.family)),
  );
}

/**
 * Who is told about a report as its reporter (its deadlines, a return, an acceptance): the enterprise for its
 * projects, the developer (its organisation, or a user scoped to the zone) for its zone's own report. Not a
 * developer who may file a tenant's report on its behalf, not an administrator.
 */
export function isReporter(actor: Actor, filing: FilingFacts, reporterKind: string): boolean {
  if (!hasPermission(actor, 'report.file')) return false;
  return actor.assignments.some((a) => {
    if (a.role === 'enterprise')
      return (
        reporterKind === 'project' &&
        a.scopeKind === 'organisation' &&
        a.scopeRef !== null &&
        a.scopeRef === filing.reporterOrgCode
      );
    if (a.role === 'developer' && reporterKind === 'zone')
      return (
        (a.scopeKind === 'organisation' && a.scopeRef !== null && a.scopeRef === filing.reporterOrgCode) ||
        (a.scopeKind === 'zone' && a.scopeRef !== null && a.scopeRef === filing.zoneCode)
      );
    return false;
  });
}

/**
 * Who is told about a report as its reviewer (a submission, what is overdue in their scope): the officers
 * `canReview` names — the commune for its clusters' reports, the department of the family — not the
 * administrators, who may review anything but are nobody's in-tray.
 */
export function isReviewingOfficer(actor: Actor, filing: FilingFacts): boolean {
  return canReview(
    { ...actor, assignments: actor.assignments.filter((a) => a.role !== 'system_admin') },
    filing,
  );
}
