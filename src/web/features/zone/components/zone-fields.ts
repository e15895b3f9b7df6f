import type { Formatters } from '../../../lib/format';
import type { Locale, MessageKey, Translate } from '../../../lib/i18n';
import {
  FIRE_SAFETY_STATUSES,
  WWTP_STATUSES,
  ZONE_KINDS,
  type FireSafetyStatus,
  type LifecycleState,
  type WwtpStatus,
  type ZoneKind,
} from '../api/zone-api';
import { lifecycleStates } from '../../../../domain/zone/lifecycle';
import {
  FIRE_SAFETY_LABELS,
  KIND_LABELS,
  lifecycleLabel,
  WWTP_LABELS,
} from '../../../components/zone/zone-labels';
import { formatMegabytes } from '../../../../domain/document/document-file';
import { PLAN_CHANGE_LABELS, PRICE_KIND_LABELS, PRICE_UNIT_LABELS } from './zone-plan-price-labels';

/**
 * Vietnamese names of a zone's fields, for the history, the conflict notice and the edit form. Audit
 * snapshots may name a field by its database column or by its relation; every spelling we know maps here.
 */
export const FIELD_LABELS: Record<string, MessageKey> = {
  code: 'zone.field.code',
  name: 'zone.field.name',
  kind: 'zone.field.kind',
  family: 'zone.field.family',
  ccnTypeCode: 'zone.field.ccnTypeCode',
  ccnTypeName: 'zone.field.ccnTypeCode',
  phaseOfCode: 'zone.field.phaseOfCode',
  phaseOfId: 'zone.field.phaseOfCode',
  phaseNo: 'zone.field.phaseNo',
  communeCode: 'zone.field.communeCode',
  communeId: 'zone.field.communeCode',
  communeName: 'zone.field.communeCode',
  formerDistrictCode: 'zone.field.formerDistrictCode',
  formerDistrictId: 'zone.field.formerDistrictCode',
  formerDistrictName: 'zone.field.formerDistrictCode',
  formerCommuneCode: 'zone.field.formerCommuneCode',
  formerCommuneId: 'zone.field.formerCommuneCode',
  formerCommuneName: 'zone.field.formerCommuneCode',
  declaredAreaHa: 'zone.field.declaredAreaHa',
  industrialLandHa: 'zone.field.industrialLandHa',
  infrastructureCompleteHa: 'zone.field.infrastructureCompleteHa',
  leasedHa: 'zone.field.leasedHa',
  approvedHa: 'zone.field.approvedHa',
  priorityReservedHa: 'zone.field.priorityReservedHa',
  boundaryAreaHa: 'zone.field.boundaryAreaHa',
  boundary: 'zone.field.boundary',
  hasBoundary: 'zone.field.boundary',
  geometry: 'zone.field.boundary',
  location: 'zone.field.location',
  developerCode: 'zone.field.developerCode',
  developerId: 'zone.field.developerCode',
  developerName: 'zone.field.developerCode',
  managingAuthority: 'zone.field.managingAuthority',
  infraInvestmentApprovedVnd: 'zone.field.infraInvestmentApprovedVnd',
  infraInvestmentPaidVnd: 'zone.field.infraInvestmentPaidVnd',
  wwtpStatus: 'zone.field.wwtpStatus',
  wwtpCapacityM3Day: 'zone.field.wwtpCapacityM3Day',
  fireSafetyStatus: 'zone.field.fireSafetyStatus',
  lat: 'zone.field.lat',
  lon: 'zone.field.lon',
  sourceStatusText: 'zone.field.sourceStatusText',
  notes: 'zone.field.notes',
  sources: 'zone.field.sources',
  isSynthetic: 'zone.field.isSynthetic',
  occupancy: 'zone.field.occupancy',
  lifecycleState: 'zone.field.lifecycleState',
  state: 'zone.lifecycle.state',
  eventDate: 'zone.lifecycle.eventDate',
  progressPct: 'zone.lifecycle.progressPct',
  decisionNo: 'zone.lifecycle.decisionNo',
  decisionDate: 'zone.lifecycle.decisionDate',
  issuedBy: 'zone.lifecycle.issuedBy',
  note: 'zone.lifecycle.note',
  // Documents, prices and master-plan entries, as their audit rows name them.
  title: 'zone.field.title',
  docNo: 'zone.field.docNo',
  docDate: 'zone.field.docDate',
  fileName: 'zone.field.fileName',
  sizeBytes: 'zone.field.sizeBytes',
  attachedTo: 'zone.field.attachedTo',
  withdrawnAt: 'zone.field.withdrawnAt',
  withdrawalReason: 'zone.field.withdrawalReason',
  priceKind: 'zone.field.priceKind',
  amount: 'zone.field.amount',
  currency: 'zone.field.currency',
  priceUnit: 'zone.field.priceUnit',
  validFrom: 'zone.field.validFrom',
  validTo: 'zone.field.validTo',
  planCode: 'zone.field.planCode',
  planChange: 'zone.field.planChange',
  areaHa: 'zone.field.plannedAreaHa',
  effectiveDate: 'zone.field.effectiveDate',
  amendmentDecisionNo: 'zone.field.amendmentDecisionNo',
};

/** Bookkeeping fields that change with every write and say nothing to the reader. */
export const HIDDEN_FIELDS = new Set([
  'version',
  'updatedAt',
  'createdAt',
  'searchText',
  'search_text',
  'id',
  'zoneId',
  'eventId',
  'seq',
  'documentId',
  'attachedType',
  'attachedId',
  'mimeType',
  'sha256',
  'priceId',
  'entryId',
]);

export function fieldLabel(field: string, t: Translate): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export type FieldTextContext = {
  t: Translate;
  format: Formatters;
  locale: Locale;
  /** The name behind a code (a commune, a cluster type…), when it is known. */
  nameOf?: (field: string, code: string) => string | undefined;
};

/** Fields holding the code of something with a name. */
export const CODE_FIELDS = ['communeCode', 'formerDistrictCode', 'formerCommuneCode', 'ccnTypeCode'] as const;

/** A field's value in words: areas in ha, money in ₫, statuses by name, geometry summarised. */
export function fieldValueText(field: string, value: unknown, ctx: FieldTextContext): string {
  const { t, format, locale } = ctx;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    const name = ctx.nameOf?.(field, value);
    if (name) return `${name} (${value})`;
  }
  if (isRecord(value) && typeof value['type'] === 'string' && 'coordinates' in value) {
    return value['type'] === 'Point' ? t('zone.history.point') : t('zone.history.geometry');
  }
  if (field.endsWith('Ha') && (typeof value === 'number' || typeof value === 'string'))
    return format.area(value);
  if (field.endsWith('Vnd') && (typeof value === 'number' || typeof value === 'string')) {
    return format.money(typeof value === 'number' ? Math.round(value) : value, 'VND');
  }
  if (field === 'occupancy' && typeof value === 'number') return format.percent(value);
  if (field === 'sizeBytes' && typeof value === 'number') return formatMegabytes(value, locale);
  if (field === 'amount' && (typeof value === 'number' || typeof value === 'string')) {
    return format.number(value, { maxFractionDigits: 4 });
  }
  if (typeof value === 'string' && field === 'priceKind' && value in PRICE_KIND_LABELS)
    return t(PRICE_KIND_LABELS[value as keyof typeof PRICE_KIND_LABELS]);
  if (typeof value === 'string' && field === 'priceUnit' && value in PRICE_UNIT_LABELS)
    return t(PRICE_UNIT_LABELS[value as keyof typeof PRICE_UNIT_LABELS]);
  if (typeof value === 'string' && field === 'planChange' && value in PLAN_CHANGE_LABELS)
    return t(PLAN_CHANGE_LABELS[value as keyof typeof PLAN_CHANGE_LABELS]);
  if (field === 'progressPct' && (typeof value === 'number' || typeof value === 'string')) {
    return `${format.number(value)} %`;
  }
  if (field === 'wwtpCapacityM3Day' && (typeof value === 'number' || typeof value === 'string')) {
    return t('zone.wwtpCapacity', { value: format.number(value) });
  }
  if (typeof value === 'string') {
    if (field === 'kind' && (ZONE_KINDS as readonly string[]).includes(value))
      return t(KIND_LABELS[value as ZoneKind]);
    if (field === 'wwtpStatus' && (WWTP_STATUSES as readonly string[]).includes(value)) {
      return t(WWTP_LABELS[value as WwtpStatus]);
    }
    if (field === 'fireSafetyStatus' && (FIRE_SAFETY_STATUSES as readonly string[]).includes(value)) {
      return t(FIRE_SAFETY_LABELS[value as FireSafetyStatus]);
    }
    if (
      (field === 'state' || field === 'lifecycleState') &&
      (lifecycleStates as readonly string[]).includes(value)
    ) {
      return lifecycleLabel(value as LifecycleState, locale);
    }
    if (ISO_DATE.test(value)) return format.date(value);
    if (ISO_INSTANT.test(value)) return format.dateTime(value);
    return value;
  }
  if (typeof value === 'number') return format.number(value, { maxFractionDigits: 6 });
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) {
    return value.length === 0 ? '—' : value.map((item) => fieldValueText(field, item, ctx)).join('; ');
  }
  return JSON.stringify(value);
}

/** The fields that differ between two audit snapshots, bookkeeping left out, in a stable order. */
export function changedZoneFields(before: unknown, after: unknown): string[] {
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  const order = Object.keys(FIELD_LABELS);
  return [...keys]
    .filter((key) => !HIDDEN_FIELDS.has(key) && JSON.stringify(left[key]) !== JSON.stringify(right[key]))
    .sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
    });
}

export function snapshotValue(snapshot: unknown, field: string): unknown {
  return isRecord(snapshot) ? snapshot[field] : undefined;
}
