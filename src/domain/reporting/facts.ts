import type { Ownership } from '../organisation/organisation.schema';
import type { ProjectStatus } from '../project/project.schema';
import { occupancy } from '../zone/occupancy';
import { deriveLifecycle, type LifecycleEvent, type LifecycleState } from '../zone/lifecycle';
import type { ZoneKind } from '../zone/zone.schema';
import type { IsoDate } from './calendar';
import { vndToBillions } from './decimal';
import type { ClusterArea, ClusterFilter, ClusterPredicate, RegistryFigure, WwtpStatus } from './form-types';

/**
 * Registry facts the reporting functions read, as plain data (the service loads them; nothing here does
 * I/O), and what they mean at the end of a data window.
 */

export type ZoneFacts = {
  id: string;
  code: string;
  name: string;
  kind: ZoneKind;
  /** `ccn_type` code (configurable list); null for parks and unclassified clusters. */
  ccnType: string | null;
  /** Commune/ward after 1/7/2025, and the former district (for reports before the reorganisation). */
  communeId: string | null;
  formerDistrictId: string | null;
  developerOrgId: string | null;
  developerOwnership: Ownership | null;
  /** Master-plan entries of the zone (added / area_changed / removed), any order; empty if none recorded. */
  planEntries: readonly {
    change: 'added' | 'removed' | 'area_changed';
    areaHa: number | null;
    effectiveDate: IsoDate;
  }[];
  /** Area per the establishment decision (declared area), ha. */
  areaHa: number | null;
  industrialLandHa: number | null;
  leasedHa: number | null;
  approvedHa: number | null;
  /** Integer VND strings, as the registry stores them. */
  infraInvestmentApprovedVnd: string | null;
  infraInvestmentPaidVnd: string | null;
  wwtpStatus: WwtpStatus | null;
  /** The full dated history; only events up to the window's end count. */
  lifecycle: readonly LifecycleEvent[];
};

export type ProjectFacts = {
  id: string;
  code: string;
  zoneId: string;
  investorOrgId: string;
  /** The investor is foreign-invested (organisation.ownership = 'fdi'). */
  investorIsFdi: boolean;
  /** Status at the end of the data window. */
  status: ProjectStatus;
  /** Date of the termination or revocation, if any (parks' report item 8). */
  terminatedOn?: IsoDate | null;
};

/** Legal order of the main path (Decree 32/2024): reaching a later step implies the earlier ones. */
const MAIN_PATH: readonly LifecycleState[] = [
  'in_plan',
  'dossier_received',
  'appraised',
  'established',
  'detailed_plan_approved',
  'infrastructure_project_approved',
  'land_clearance',
  'construction',
  'infrastructure_complete',
  'operating',
];

export type ClusterState = {
  zone: ZoneFacts;
  predicates: ReadonlySet<ClusterPredicate>;
  planAreaHa: number | null;
  establishedOn: IsoDate | null;
};

/** What a zone's history says at the end of the window `[start, end]`. */
export function clusterStateAt(
  zone: ZoneFacts,
  window: { start: IsoDate; end: IsoDate },
  enterpriseOwnerships: readonly Ownership[],
): ClusterState {
  const events = zone.lifecycle.filter((e) => e.eventDate <= window.end);
  const has = (state: LifecycleState) => events.some((e) => e.state === state);
  const reached = (state: LifecycleState) => {
    const rank = MAIN_PATH.indexOf(state);
    return events.some((e) => MAIN_PATH.indexOf(e.state) >= rank);
  };
  const summary = deriveLifecycle(events);
  const revoked = has('revoked');
  const removed = has('removed_from_plan');
  const established = has('established') && !revoked;
  const legacy = has('operating_without_establishment') && !established && !revoked && !removed;
  const active = !summary.suspended && !revoked && !removed;

  const entries = zone.planEntries
    .filter((e) => e.effectiveDate <= window.end)
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const lastEntry = entries[entries.length - 1];
  // Without master-plan entries, a zone is in the plan from its first lifecycle event until removed.
  const inPlan = lastEntry ? lastEntry.change !== 'removed' : events.length > 0 && !removed;
  const planAreaHa = inPlan ? (entries.findLast((e) => e.areaHa !== null)?.areaHa ?? zone.areaHa) : null;

  const establishedOn = established
    ? (events.find((e) => e.state === 'established')?.eventDate ?? null)
    : null;
  const predicates = new Set<ClusterPredicate>();
  const add = (p: ClusterPredicate, when: boolean) => when && predicates.add(p);
  add('in_plan', inPlan);
  add('established', established);
  add(
    'established_in_window',
    establishedOn !== null && establishedOn >= window.start && establishedOn <= window.end,
  );
  add('operating_without_establishment', legacy && active);
  add(
    'operating_established',
    established && active && (has('operating') || has('operating_without_establishment')),
  );
  add(
    'operating',
    predicates.has('operating_established') || predicates.has('operating_without_establishment'),
  );
  add('detailed_plan', !revoked && reached('detailed_plan_approved'));
  add('infra_project', !revoked && reached('infrastructure_project_approved'));
  add(
    'enterprise_developer',
    zone.developerOwnership !== null && enterpriseOwnerships.includes(zone.developerOwnership),
  );
  add('on_record', inPlan || established || legacy);
  return { zone, predicates, planAreaHa, establishedOn };
}

export function matches(state: ClusterState, filter: ClusterFilter): boolean {
  if (filter.all && !filter.all.every((p) => state.predicates.has(p))) return false;
  if (filter.any && !filter.any.some((p) => state.predicates.has(p))) return false;
  if (filter.ccnTypes && !(state.zone.ccnType !== null && filter.ccnTypes.includes(state.zone.ccnType)))
    return false;
  return true;
}

export function areaOf(state: ClusterState, which: ClusterArea): number | null {
  if (which === 'plan_area') return state.planAreaHa;
  if (which === 'industrial_land') return state.zone.industrialLandHa;
  return state.zone.areaHa;
}

/** Registry field behind each fallback figure, for the drill-down. */
export const registryField: Record<RegistryFigure, string> = {
  infra_investment_approved: 'infraInvestmentApprovedVnd',
  infra_investment_paid: 'infraInvestmentPaidVnd',
  land_leased: 'leasedHa',
  occupancy: 'leasedHa+approvedHa/industrialLandHa',
  projects: 'projects',
  projects_fdi: 'projects',
  projects_operating: 'projects',
  wwtp_built: 'wwtpStatus',
  wwtp_compliant: 'wwtpStatus',
};

const BUILT: readonly WwtpStatus[] = ['building', 'operating', 'compliant'];

/**
 * A cluster's figure from the registry, in the unit of the matching Biểu 02 item (bn VND, ha, %, count,
 * 0/1); null when the registry does not know it. Tenant counts: a project "has leased land" until it is
 * terminated.
 */
export function registryFigure(
  zone: ZoneFacts,
  figure: RegistryFigure,
  projects: readonly ProjectFacts[],
): number | null {
  const live = projects.filter((p) => p.status !== 'terminated');
  switch (figure) {
    case 'infra_investment_approved':
      return zone.infraInvestmentApprovedVnd === null ? null : vndToBillions(zone.infraInvestmentApprovedVnd);
    case 'infra_investment_paid':
      return zone.infraInvestmentPaidVnd === null ? null : vndToBillions(zone.infraInvestmentPaidVnd);
    case 'land_leased':
      return zone.leasedHa;
    case 'occupancy': {
      const rate = occupancy(zone);
      return rate === null ? null : rate * 100;
    }
    case 'projects':
      return live.length;
    case 'projects_fdi':
      return live.filter((p) => p.investorIsFdi).length;
    case 'projects_operating':
      return live.filter((p) => p.status === 'operating').length;
    case 'wwtp_built':
      return zone.wwtpStatus === null ? null : BUILT.includes(zone.wwtpStatus) ? 1 : 0;
    case 'wwtp_compliant':
      return zone.wwtpStatus === null ? null : zone.wwtpStatus === 'compliant' ? 1 : 0;
  }
}
