import { lifecycleLabels } from '../../../domain/zone/lifecycle';
import type { Formatters } from '../../lib/format';
import type { Locale, MessageKey, Translate } from '../../lib/i18n';
import type { LifecycleState } from '../../../domain/zone/lifecycle';
import type {
  fireSafetyStatuses,
  wwtpStatuses,
  ZoneKind,
  ZoneSummary,
} from '../../../domain/zone/zone.schema';

// How a zone is named and coloured wherever it appears (the register, the map, projects, organisations):
// shared by those features, so it lives in components/zone rather than in one of them.
type ZoneFamily = ZoneSummary['family'];
type WwtpStatus = (typeof wwtpStatuses)[number];
type FireSafetyStatus = (typeof fireSafetyStatuses)[number];

export const KIND_LABELS: Record<ZoneKind, MessageKey> = {
  KCN: 'zone.kind.KCN',
  KCX: 'zone.kind.KCX',
  KCNC: 'zone.kind.KCNC',
  CCN: 'zone.kind.CCN',
};

export const FAMILY_LABELS: Record<ZoneFamily, MessageKey> = {
  KCN: 'zone.family.KCN',
  CCN: 'zone.family.CCN',
};

export const WWTP_LABELS: Record<WwtpStatus, MessageKey> = {
  none: 'zone.wwtp.none',
  building: 'zone.wwtp.building',
  operating: 'zone.wwtp.operating',
  compliant: 'zone.wwtp.compliant',
};

export const WWTP_COLORS: Record<WwtpStatus, string> = {
  none: 'red',
  building: 'orange',
  operating: 'blue',
  compliant: 'green',
};

export const FIRE_SAFETY_LABELS: Record<FireSafetyStatus, MessageKey> = {
  none: 'zone.fire.none',
  partial: 'zone.fire.partial',
  accepted: 'zone.fire.accepted',
};

export const FIRE_SAFETY_COLORS: Record<FireSafetyStatus, string> = {
  none: 'red',
  partial: 'orange',
  accepted: 'green',
};

const PROJECT_STATUS_LABELS: Record<string, MessageKey> = {
  licensed: 'project.status.licensed',
  building: 'project.status.building',
  operating: 'project.status.operating',
  stopped: 'project.status.stopped',
  proposed_revocation: 'project.status.proposed_revocation',
  terminated: 'project.status.terminated',
};

export const PROJECT_STATUS_COLORS: Record<string, string> = {
  licensed: 'blue',
  building: 'orange',
  operating: 'green',
  stopped: 'default',
  proposed_revocation: 'red',
  terminated: 'default',
};

const OWNERSHIP_LABELS: Record<string, MessageKey> = {
  fdi: 'ownership.fdi',
  domestic_state: 'ownership.domestic_state',
  domestic_private: 'ownership.domestic_private',
  household: 'ownership.household',
  agency: 'ownership.agency',
};

/** A code the server may extend before this list does is shown as it is, not hidden. */
export function projectStatusLabel(status: string, t: Translate): string {
  const key = PROJECT_STATUS_LABELS[status];
  return key ? t(key) : status;
}

export function ownershipLabel(ownership: string | null, t: Translate): string {
  if (!ownership) return '—';
  const key = OWNERSHIP_LABELS[ownership];
  return key ? t(key) : ownership;
}

export function lifecycleLabel(state: LifecycleState, locale: Locale): string {
  return lifecycleLabels[state]?.[locale] ?? state;
}

/** Groups of lifecycle states that share a colour on the map, in the tags and in the legend. */
export type LifecycleGroup =
  'planning' | 'established' | 'building' | 'complete' | 'operating' | 'suspended' | 'ended' | 'unknown';

export const LIFECYCLE_GROUPS: readonly LifecycleGroup[] = [
  'planning',
  'established',
  'building',
  'complete',
  'operating',
  'suspended',
  'ended',
  'unknown',
];

export const LIFECYCLE_GROUP_OF: Record<LifecycleState, LifecycleGroup> = {
  in_plan: 'planning',
  dossier_received: 'planning',
  appraised: 'planning',
  established: 'established',
  detailed_plan_approved: 'established',
  infrastructure_project_approved: 'established',
  land_clearance: 'building',
  construction: 'building',
  infrastructure_complete: 'complete',
  operating: 'operating',
  operating_without_establishment: 'operating',
  expanded: 'operating',
  adjusted: 'operating',
  resumed: 'operating',
  suspended: 'suspended',
  revoked: 'ended',
  removed_from_plan: 'ended',
};

export const LIFECYCLE_GROUP_LABELS: Record<LifecycleGroup, MessageKey> = {
  planning: 'zone.group.planning',
  established: 'zone.group.established',
  building: 'zone.group.building',
  complete: 'zone.group.complete',
  operating: 'zone.group.operating',
  suspended: 'zone.group.suspended',
  ended: 'zone.group.ended',
  unknown: 'zone.group.unknown',
};

/** Map colours (hex, for MapLibre) and the matching tag colours. */
export const LIFECYCLE_GROUP_COLORS: Record<LifecycleGroup, string> = {
  planning: '#8c8c8c',
  established: '#2f54eb',
  building: '#fa8c16',
  complete: '#13c2c2',
  operating: '#389e0d',
  suspended: '#d4380d',
  ended: '#434343',
  unknown: '#d9d9d9',
};

export const LIFECYCLE_TAG_COLORS: Record<LifecycleGroup, string> = {
  planning: 'default',
  established: 'geekblue',
  building: 'orange',
  complete: 'cyan',
  operating: 'green',
  suspended: 'volcano',
  ended: 'default',
  unknown: 'default',
};

export function lifecycleGroup(state: LifecycleState | null | undefined): LifecycleGroup {
  return state ? (LIFECYCLE_GROUP_OF[state] ?? 'unknown') : 'unknown';
}

/** Occupancy bands of the map: 50 % is the Decree 32 threshold for a new cluster in the area. */
export type OccupancyBand = 'low' | 'mid' | 'high' | 'unknown';
export const OCCUPANCY_BANDS: readonly OccupancyBand[] = ['low', 'mid', 'high', 'unknown'];
export const OCCUPANCY_BAND_LIMITS = { mid: 0.5, high: 0.8 } as const;
export const OCCUPANCY_BAND_COLORS: Record<OccupancyBand, string> = {
  low: '#cf1322',
  mid: '#faad14',
  high: '#389e0d',
  unknown: '#bfbfbf',
};
export const OCCUPANCY_BAND_LABELS: Record<OccupancyBand, MessageKey> = {
  low: 'zone.occupancyBand.low',
  mid: 'zone.occupancyBand.mid',
  high: 'zone.occupancyBand.high',
  unknown: 'zone.occupancyBand.unknown',
};

export function occupancyBand(rate: number | null | undefined): OccupancyBand {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return 'unknown';
  if (rate >= OCCUPANCY_BAND_LIMITS.high) return 'high';
  if (rate >= OCCUPANCY_BAND_LIMITS.mid) return 'mid';
  return 'low';
}

/** "Cụm công nghiệp · Làng nghề" — the kind, with the cluster type when there is one. */
export function kindText(
  zone: Pick<ZoneSummary, 'kind' | 'ccnTypeCode'>,
  t: Translate,
  ccnTypeNames: ReadonlyMap<string, string>,
): string {
  const kind = t(KIND_LABELS[zone.kind]);
  if (!zone.ccnTypeCode) return kind;
  return `${kind} · ${ccnTypeNames.get(zone.ccnTypeCode) ?? zone.ccnTypeCode}`;
}

/**
 * Registered capital per currency as the ledger sums it ("250.000.000 USD", "19.000.000.000 ₫"); amounts
 * are decimal strings in major units, formatted without going through floats.
 */
export function capitalText(amount: string, currency: string, format: Formatters): string {
  const code = currency.toUpperCase();
  const number = format.number(amount, { maxFractionDigits: 2 });
  return code === 'VND' ? `${number} ₫` : `${number} ${code}`;
}
