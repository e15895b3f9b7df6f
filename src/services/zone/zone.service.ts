import type { AuditEntry } from '../../domain/audit/audit.schema';
import { hasPermission, type Actor } from '../../domain/identity/roles';
import { AppError, validationError, type Locale, type LocalizedText } from '../../domain/shared/errors';
import { foldVietnamese, foldedLikePattern } from '../../domain/shared/text';
import { checkLifecycleEvent, deriveLifecycle, type LifecycleState } from '../../domain/zone/lifecycle';
import { occupancy, occupancyRate } from '../../domain/zone/occupancy';
import { parseBoundingBox, type ZoneMapQuery } from '../../domain/zone/zone-map.schema';
import { zoneRuleProblems } from '../../domain/zone/zone-rules';
import {
  familyOfKind,
  type CreateZoneInput,
  type LifecycleEventInput,
  type UpdateZoneInput,
  type ZoneDetail,
  type ZoneFields,
  type ZoneListQuery,
  type ZoneSummary,
} from '../../domain/zone/zone.schema';
import type { Db } from '../../db/client';
import { findAuditRows } from '../audit/audit.repository';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { canCreateZone, canEditZone, canMoveZone, zoneVisibility } from './zone.policy';
import {
  findCcnTypes,
  findLifecycleEvents,
  findPhases,
  findZoneByCode,
  findUnplacedZones,
  findZoneFeatures,
  findZoneIdByCode,
  findZoneRefs,
  findZones,
  inspectGeometry,
  insertLifecycleEvent,
  insertZone,
  occupancyByGroup,
  pointValue,
  setZoneBoundary,
  updateZone as updateZoneRow,
  type ZoneDetailRow,
  type ZoneSummaryRow,
  type ZoneWrite,
} from './zone.repository';
import { resolveZoneRefs } from './zone-refs.repository';

const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

function toSummary(row: ZoneSummaryRow): ZoneSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as ZoneSummary['kind'],
    family: row.family as ZoneSummary['family'],
    ccnTypeCode: row.ccnTypeCode,
    communeCode: row.communeCode,
    communeName: row.communeName,
    formerDistrictName: row.formerDistrictName,
    developerName: row.developerName,
    declaredAreaHa: num(row.declaredAreaHa),
    industrialLandHa: num(row.industrialLandHa),
    leasedHa: num(row.leasedHa),
    approvedHa: num(row.approvedHa),
    occupancy: occupancy({
      industrialLandHa: num(row.industrialLandHa),
      leasedHa: num(row.leasedHa),
      approvedHa: num(row.approvedHa),
    }),
    lifecycleState: row.lifecycleState as LifecycleState | null,
    wwtpStatus: row.wwtpStatus as ZoneSummary['wwtpStatus'],
    projects: Number(row.projects),
    isSynthetic: row.isSynthetic,
    version: row.version,
  };
}

export async function listZones(deps: ServiceDeps, query: ZoneListQuery) {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  const { rows, total } = await findZones(deps.db, zoneVisibility(actor), {
    ...query,
    ...(query.q ? { searchPattern: foldedLikePattern(query.q) } : {}),
  });
  return { items: rows.map(toSummary), total, asOf: deps.clock.now().toISOString() };
}

async function loadVisible(deps: ServiceDeps, code: string): Promise<ZoneDetailRow> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  const row = await findZoneByCode(deps.db, zoneVisibility(actor), code.toUpperCase());
  if (!row) throw new AppError('not_found');
  return row;
}

function facts(row: ZoneDetailRow) {
  return {
    code: row.code,
    family: row.family as 'KCN' | 'CCN',
    communeCode: row.communeCode,
    developerCode: row.developerCode,
  };
}

async function toDetail(db: Db, row: ZoneDetailRow, actor: Actor | null = null): Promise<ZoneDetail> {
  // One after the other: inside a transaction the pg driver has a single connection.
  const events = await findLifecycleEvents(db, row.id);
  const phases = await findPhases(db, row.id);
  const phaseOf = row.phaseOfId ? await findZoneRefs(db, [row.phaseOfId]) : [];
  const lifecycle = deriveLifecycle(
    events.map((e) => ({
      state: e.state as LifecycleState,
      eventDate: e.eventDate,
      progressPct: num(e.progressPct),
      decisionNo: e.decisionNo,
      seq: e.seq,
    })),
  );
  const formerCommune = row.formerCommuneId ? await resolveZoneRefs.unitName(db, row.formerCommuneId) : null;
  return {
    ...toSummary(row),
    phaseOf: phaseOf[0] ? { id: phaseOf[0].id, code: phaseOf[0].code, name: phaseOf[0].name } : null,
    phases: phases.map((p) => ({ ...p, phaseNo: p.phaseNo ?? null })),
    formerDistrictCode: row.formerDistrictCode,
    formerCommuneCode: formerCommune?.code ?? null,
    formerCommuneName: formerCommune?.label ?? null,
    developerCode: row.developerCode,
    infrastructureCompleteHa: num(row.infrastructureCompleteHa),
    priorityReservedHa: num(row.priorityReservedHa),
    managingAuthority: row.managingAuthority,
    infraInvestmentApprovedVnd: row.infraInvestmentApprovedVnd,
    infraInvestmentPaidVnd: row.infraInvestmentPaidVnd,
    wwtpCapacityM3Day: num(row.wwtpCapacityM3Day),
    fireSafetyStatus: row.fireSafetyStatus as ZoneDetail['fireSafetyStatus'],
    boundaryAreaHa: num(row.boundaryAreaHa),
    hasBoundary: row.hasBoundary,
    lat: row.lat === null ? null : Number(row.lat),
    lon: row.lon === null ? null : Number(row.lon),
    sourceStatusText: row.sourceStatusText,
    notes: row.notes,
    sources: row.sources ?? [],
    lifecycle: {
      state: lifecycle.state,
      since: lifecycle.since,
      established: lifecycle.established,
      landClearancePct: lifecycle.landClearancePct,
      constructionPct: lifecycle.constructionPct,
    },
    updatedAt: new Date(row.updatedAt).toISOString(),
    canEdit: actor ? canEditZone(actor, facts(row)) : false,
  };
}

export async function getZone(deps: ServiceDeps, code: string): Promise<ZoneDetail> {
  return toDetail(deps.db, await loadVisible(deps, code), deps.actor);
}

/** The writable facts as recorded in the audit trail: the same names and units as the API. */
function auditView(d: ZoneDetail) {
  return {
    code: d.code,
    name: d.name,
    kind: d.kind,
    ccnTypeCode: d.ccnTypeCode,
    phaseOfCode: d.phaseOf?.code ?? null,
    communeCode: d.communeCode,
    formerDistrictCode: d.formerDistrictCode,
    formerCommuneCode: d.formerCommuneCode,
    declaredAreaHa: d.declaredAreaHa,
    industrialLandHa: d.industrialLandHa,
    infrastructureCompleteHa: d.infrastructureCompleteHa,
    leasedHa: d.leasedHa,
    approvedHa: d.approvedHa,
    priorityReservedHa: d.priorityReservedHa,
    developerCode: d.developerCode,
    managingAuthority: d.managingAuthority,
    infraInvestmentApprovedVnd: d.infraInvestmentApprovedVnd,
    infraInvestmentPaidVnd: d.infraInvestmentPaidVnd,
    wwtpStatus: d.wwtpStatus,
    wwtpCapacityM3Day: d.wwtpCapacityM3Day,
    fireSafetyStatus: d.fireSafetyStatus,
    lat: d.lat,
    lon: d.lon,
    hasBoundary: d.hasBoundary,
    sourceStatusText: d.sourceStatusText,
    notes: d.notes,
    sources: d.sources,
    version: d.version,
  };
}

const areaFields = [
  'declaredAreaHa',
  'industrialLandHa',
  'infrastructureCompleteHa',
  'leasedHa',
  'approvedHa',
  'priorityReservedHa',
] as const;

/** Turns API fields into column values, resolving codes to ids; collects every problem by field. */
async function toColumns(
  db: Db,
  fields: Partial<ZoneFields>,
  current: Partial<ZoneFields> & { code?: string },
): Promise<ZoneWrite> {
  const problems: Record<string, LocalizedText> = {};
  const values: ZoneWrite = {};
  const merged = { ...current, ...fields };
  if (fields.name !== undefined) values.name = fields.name;
  if (fields.kind !== undefined) values.kind = fields.kind;
  const rules = zoneRuleProblems({
    code: merged.code,
    kind: merged.kind,
    ccnTypeCode: merged.ccnTypeCode,
    phaseOfCode: merged.phaseOfCode,
    declaredAreaHa: merged.declaredAreaHa,
    industrialLandHa: merged.industrialLandHa,
    leasedHa: merged.leasedHa,
    approvedHa: merged.approvedHa,
  });
  Object.assign(problems, rules);
  if (fields.ccnTypeCode !== undefined && !rules.ccnTypeCode) {
    if (fields.ccnTypeCode && !(await findCcnTypes(db)).some((t) => t.code === fields.ccnTypeCode)) {
      problems.ccnTypeCode = {
        vi: `Không có loại CCN "${fields.ccnTypeCode}".`,
        en: `Unknown cluster type "${fields.ccnTypeCode}".`,
      };
    }
    values.ccnTypeCode = fields.ccnTypeCode ?? null;
  }
  for (const field of areaFields) {
    if (fields[field] !== undefined) values[field] = fields[field] === null ? null : String(fields[field]);
  }
  const refs = await resolveZoneRefs.codes(db, fields);
  Object.assign(problems, refs.problems);
  Object.assign(values, refs.values);
  if (fields.lat !== undefined || fields.lon !== undefined)
    values.location = pointValue(refs.location ?? null);
  for (const key of [
    'managingAuthority',
    'infraInvestmentApprovedVnd',
    'infraInvestmentPaidVnd',
    'wwtpStatus',
    'fireSafetyStatus',
    'sourceStatusText',
    'notes',
  ] as const) {
    if (fields[key] !== undefined) (values as Record<string, unknown>)[key] = fields[key] ?? null;
  }
  if (fields.wwtpCapacityM3Day !== undefined)
    values.wwtpCapacityM3Day = fields.wwtpCapacityM3Day === null ? null : String(fields.wwtpCapacityM3Day);
  if (fields.sources !== undefined) values.sources = fields.sources;
  if (fields.phaseNo !== undefined) values.phaseNo = fields.phaseNo ?? null;
  if (Object.keys(problems).length) throw validationError(problems);
  return values;
}

export async function createZone(
  deps: ServiceDeps,
  input: CreateZoneInput,
  options: { synthetic?: boolean } = {},
): Promise<ZoneDetail> {
  const actor = requireActor(deps);
  if (!canCreateZone(actor, familyOfKind(input.kind))) throw new AppError('forbidden');
  if (await findZoneIdByCode(deps.db, input.code)) {
    throw validationError({
      code: { vi: `Mã khu/cụm "${input.code}" đã tồn tại.`, en: `Zone code "${input.code}" already exists.` },
    });
  }
  const { code, ...fields } = input;
  const values = await toColumns(deps.db, fields, { code });
  return deps.db.transaction(async (tx) => {
    await insertZone(tx, {
      ...values,
      code,
      name: input.name,
      kind: input.kind,
      searchText: foldVietnamese(`${code} ${input.name}`),
      // Demo data only: a made-up zone, shown as such.
      ...(options.synthetic ? { isSynthetic: true } : {}),
    });
    const created = await toDetail(tx, (await findZoneByCode(tx, { kind: 'all' }, code))!, deps.actor);
    await recordAudit(tx, deps, {
      action: 'zone.create',
      entityType: 'zone',
      entityId: created.id,
      after: auditView(created),
    });
    return created;
  });
}

/** Audit entries of a zone made since `version` (what a stale editor missed). */
async function changesSince(db: Db, zoneId: string, version: number): Promise<AuditEntry[]> {
  const { rows } = await findAuditRows(db, { entityType: 'zone', entityId: zoneId, page: 1, pageSize: 100 });
  return rows
    .filter((r) => Number((r.before as { version?: number } | null)?.version ?? 0) >= version)
    .map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
    }));
}

async function conflict(db: Db, row: ZoneDetailRow, version: number, actor: Actor | null): Promise<never> {
  const current = await toDetail(db, row, actor);
  throw new AppError('conflict', { current, changes: await changesSince(db, row.id, version) });
}

/** 403 naming the field that would take the zone out of the actor's scope. */
function movedOutOfScope(fields: Partial<ZoneFields>): AppError {
  const message = {
    vi: 'Bạn không có quyền đối với khu/cụm sau khi thay đổi này: không thể chuyển ra ngoài phạm vi của mình.',
    en: 'You would have no right over the zone after this change: it cannot leave your scope.',
  };
  const named = (['communeCode', 'developerCode'] as const).filter((key) => fields[key] !== undefined);
  return new AppError('forbidden', { fields: Object.fromEntries(named.map((key) => [key, message])) });
}

/**
 * Edits a zone. The caller names the version it read; if the zone changed since, nothing is written and
 * the 409 carries the current record and the changes the caller missed — never a silent overwrite.
 */
export async function updateZone(
  deps: ServiceDeps,
  code: string,
  input: UpdateZoneInput,
): Promise<ZoneDetail> {
  const actor = requireActor(deps);
  const row = await loadVisible(deps, code);
  if (!canEditZone(actor, facts(row))) throw new AppError('forbidden');
  const { version, ...fields } = input;
  if (fields.kind && familyOfKind(fields.kind) !== row.family) {
    throw validationError({
      kind: {
        vi: 'Không thể chuyển khu/cụm sang họ khác (KCN ↔ CCN).',
        en: 'A zone cannot change family (KCN ↔ CCN).',
      },
    });
  }
  const destination = {
    ...facts(row),
    communeCode: fields.communeCode !== undefined ? fields.communeCode : row.communeCode,
    developerCode: fields.developerCode !== undefined ? fields.developerCode : row.developerCode,
  };
  if (!canMoveZone(actor, facts(row), destination)) throw movedOutOfScope(fields);
  const before = await toDetail(deps.db, row, deps.actor);
  if (version !== row.version) await conflict(deps.db, row, version, deps.actor);
  const values = await toColumns(deps.db, fields, before);
  if (fields.name !== undefined) values.searchText = foldVietnamese(`${row.code} ${fields.name}`);
  // Nothing actually changes: no new version, no audit entry.
  const unchanged = (Object.keys(fields) as (keyof typeof fields)[]).every(
    (key) =>
      JSON.stringify((before as Record<string, unknown>)[key] ?? null) ===
      JSON.stringify(fields[key] ?? null),
  );
  if (unchanged) return before;
  return deps.db.transaction(async (tx) => {
    if (!(await updateZoneRow(tx, row.id, version, values))) await conflict(tx, row, version, deps.actor);
    const after = await toDetail(tx, (await findZoneByCode(tx, { kind: 'all' }, row.code))!, deps.actor);
    await recordAudit(tx, deps, {
      action: 'zone.update',
      entityType: 'zone',
      entityId: row.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function listLifecycle(deps: ServiceDeps, code: string) {
  const row = await loadVisible(deps, code);
  const events = await findLifecycleEvents(deps.db, row.id);
  return {
    items: events.map((e) => ({
      id: e.id,
      state: e.state as LifecycleState,
      eventDate: e.eventDate,
      progressPct: num(e.progressPct),
      decisionNo: e.decisionNo,
      decisionDate: e.decisionDate,
      issuedBy: e.issuedBy,
      note: e.note,
      seq: e.seq,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

/** Adds a legal step to the zone's history after checking it against the whole sequence. */
export async function addLifecycleEvent(deps: ServiceDeps, code: string, input: LifecycleEventInput) {
  const actor = requireActor(deps);
  const row = await loadVisible(deps, code);
  if (!canEditZone(actor, facts(row))) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const history = await findLifecycleEvents(tx, row.id);
    const problem = checkLifecycleEvent(
      history.map((e) => ({
        state: e.state as LifecycleState,
        eventDate: e.eventDate,
        progressPct: num(e.progressPct),
        seq: e.seq,
      })),
      {
        state: input.state,
        eventDate: input.eventDate,
        progressPct: input.progressPct ?? null,
        seq: Number.MAX_SAFE_INTEGER,
      },
    );
    if (problem) throw validationError({ state: problem });
    const event = await insertLifecycleEvent(tx, {
      zoneId: row.id,
      state: input.state,
      eventDate: input.eventDate,
      progressPct: input.progressPct == null ? null : String(input.progressPct),
      decisionNo: input.decisionNo ?? null,
      decisionDate: input.decisionDate ?? null,
      issuedBy: input.issuedBy ?? null,
      note: input.note ?? null,
      createdBy: actor.userId || null,
    });
    await recordAudit(tx, deps, {
      action: 'zone.lifecycle_event',
      entityType: 'zone',
      entityId: row.id,
      after: { ...input, eventId: event.id },
    });
    return {
      id: event.id,
      state: event.state as LifecycleState,
      eventDate: event.eventDate,
      progressPct: num(event.progressPct),
      decisionNo: event.decisionNo,
      decisionDate: event.decisionDate,
      issuedBy: event.issuedBy,
      note: event.note,
      seq: event.seq,
      createdAt: event.createdAt.toISOString(),
    };
  });
}

/** Who changed what and when, for one zone the actor may see. */
export async function zoneHistory(deps: ServiceDeps, code: string): Promise<{ items: AuditEntry[] }> {
  const row = await loadVisible(deps, code);
  return { items: await changesSince(deps.db, row.id, 0).then((all) => all) };
}

export async function setBoundary(
  deps: ServiceDeps,
  code: string,
  geometry: unknown,
  version: number,
): Promise<ZoneDetail> {
  const actor = requireActor(deps);
  const row = await loadVisible(deps, code);
  if (!canEditZone(actor, facts(row))) throw new AppError('forbidden');
  const geojson = geometry === null ? null : JSON.stringify(geometry);
  if (geojson) {
    const type = (geometry as { type?: string })?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw validationError({
        geometry: {
          vi: 'Ranh giới phải là Polygon hoặc MultiPolygon (GeoJSON).',
          en: 'The boundary must be a GeoJSON Polygon or MultiPolygon.',
        },
      });
    }
    let info;
    try {
      info = await inspectGeometry(deps.db, geojson);
    } catch {
      throw validationError({
        geometry: { vi: 'Không đọc được hình học GeoJSON.', en: 'The GeoJSON geometry cannot be read.' },
      });
    }
    if (!info.valid) {
      throw validationError({
        geometry: { vi: `Ranh giới không hợp lệ: ${info.reason}.`, en: `Invalid boundary: ${info.reason}.` },
      });
    }
    // Vietnam lies within about 102–110° E, 8–24° N: anything else is a swapped or projected coordinate.
    if (info.xmin < 102 || info.xmax > 110 || info.ymin < 8 || info.ymax > 24) {
      throw validationError({
        geometry: {
          vi: 'Toạ độ nằm ngoài Việt Nam — cần kinh độ/vĩ độ WGS 84 (EPSG:4326), thứ tự [kinh độ, vĩ độ].',
          en: 'Coordinates fall outside Vietnam — use WGS 84 longitude/latitude (EPSG:4326), [lon, lat] order.',
        },
      });
    }
  }
  const before = await toDetail(deps.db, row, deps.actor);
  if (version !== row.version) await conflict(deps.db, row, version, deps.actor);
  return deps.db.transaction(async (tx) => {
    if (!(await setZoneBoundary(tx, row.id, version, geojson))) await conflict(tx, row, version, deps.actor);
    const after = await toDetail(tx, (await findZoneByCode(tx, { kind: 'all' }, row.code))!, deps.actor);
    await recordAudit(tx, deps, {
      action: geojson ? 'zone.boundary_set' : 'zone.boundary_cleared',
      entityType: 'zone',
      entityId: row.id,
      before: { ...auditView(before), boundaryAreaHa: before.boundaryAreaHa },
      after: { ...auditView(after), boundaryAreaHa: after.boundaryAreaHa },
    });
    return after;
  });
}

export async function zoneOccupancy(
  deps: ServiceDeps,
  groupBy: 'commune' | 'formerDistrict' | 'family' | 'city',
  family: 'KCN' | 'CCN' | undefined,
  locale: Locale,
) {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  const rows = await occupancyByGroup(deps.db, zoneVisibility(actor), groupBy, family);
  const familyLabel = {
    KCN: { vi: 'Khu công nghiệp', en: 'Industrial parks' },
    CCN: { vi: 'Cụm công nghiệp', en: 'Industrial clusters' },
  };
  return {
    asOf: deps.clock.now().toISOString(),
    items: rows.map((r) => {
      const land = Number(r.industrialLandHa);
      const occupied = Number(r.occupiedHa);
      const label =
        r.label ??
        (groupBy === 'family'
          ? familyLabel[r.key as 'KCN' | 'CCN'][locale]
          : groupBy === 'city'
            ? locale === 'vi'
              ? 'Toàn thành phố'
              : 'Whole city'
            : locale === 'vi'
              ? '(chưa xác định)'
              : '(unknown)');
      return {
        key: r.key,
        label,
        zones: r.zones,
        allZones: r.allZones,
        industrialLandHa: land,
        occupiedHa: occupied,
        rate: occupancyRate(occupied, land),
      };
    }),
  };
}

/**
 * The visible zones as a GeoJSON FeatureCollection, as JSON text ready to send (built in SQL): properties
 * code, name, kind, family, lifecycleState, occupancy, declaredAreaHa, geometry (boundary | point) and
 * placement (exact | commune | former_district); `unplaced` lists the zones with no location at all.
 */
export async function zoneMap(deps: ServiceDeps, query: ZoneMapQuery): Promise<string> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  const bbox = query.bbox ? parseBoundingBox(query.bbox) : undefined;
  if (bbox && !Array.isArray(bbox)) throw validationError({ bbox });
  const filters = { ...query, ...(query.q ? { searchPattern: foldedLikePattern(query.q) } : {}) };
  const collection = await findZoneFeatures(deps.db, zoneVisibility(actor), {
    ...filters,
    bbox,
    ...(query.tolerance ? { tolerance: query.tolerance } : {}),
  });
  // A foreign member of the FeatureCollection (RFC 7946 §6.1): the zones the map cannot place at all, so
  // the page can name them instead of leaving them silently missing.
  const unplaced = await findUnplacedZones(deps.db, zoneVisibility(actor), filters);
  return `${collection.slice(0, -1)},"unplaced":${JSON.stringify(unplaced)}}`;
}

export async function listCcnTypes(deps: ServiceDeps, locale: Locale) {
  requireActor(deps);
  const rows = await findCcnTypes(deps.db);
  return { items: rows.map((r) => ({ code: r.code, name: locale === 'vi' ? r.nameVi : r.nameEn })) };
}
