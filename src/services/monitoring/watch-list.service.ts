import type { Db } from '../../db/client';
import { fingerprintOf, loadVersions } from '../../db/data-version';
import type { ZoneFamily } from '../../domain/identity/roles';
import type { ObstacleCounts } from '../../domain/monitoring/obstacle.schema';
import type { WatchEntry } from '../../domain/monitoring/watch-entry';
import type {
  ManualWatchInput,
  ManualWatchRemove,
  ManualWatchView,
  WatchEntryView,
  WatchList,
  WatchListQuery,
} from '../../domain/monitoring/watch-list.schema';
import { AppError, validationError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { memo } from '../system/memo';
import { zoneVisibility, type ZoneVisibility } from '../zone/zone.policy';
import { findZoneScopeByCode } from '../zone/zone-facts.repository';
import { canManageManualWatch, canReadMonitoring, isAgency } from './obstacle.policy';
import { countObstacles, findProjectInZone } from './obstacle.repository';
import { today } from './obstacle.service';
import { loadTolerances } from './tolerance.repository';
import {
  findManualEntries,
  findProjectNames,
  findWatchZones,
  insertManualEntry,
  removeManualEntry,
  type ManualEntryRow,
} from './watch.repository';
import { filedSources, recordSources, watchSources } from './watch-sources';
import type { WatchSource } from './watch-source';

/**
 * The watch list (danh sách theo dõi): computed on every request from the rules in `watch-sources.ts`, over
 * the zones the reader may see — never curated by a click. A zone or project leaves it as soon as its rule no
 * longer holds. Manual entries are the one exception: added and removed with a reason, their rows kept.
 */

function reader(deps: ServiceDeps) {
  const actor = requireActor(deps);
  if (!canReadMonitoring(actor)) throw new AppError('forbidden');
  return { actor, visibility: zoneVisibility(actor) };
}

/** Runs the sources (one after the other: one connection may be a transaction) and concatenates them. */
export async function computeWatchEntries(
  db: Db,
  visibility: ZoneVisibility,
  asOf: string,
  sources: readonly WatchSource[] = watchSources,
): Promise<WatchEntry[]> {
  const entries: WatchEntry[] = [];
  for (const source of sources) entries.push(...(await source(db, visibility, asOf)));
  return entries;
}

/**
 * Every rule's entries over a scope on a day, with the zones and project names they show, kept per family of
 * what they read (services/system/memo.ts, docs/decisions/0029): the rules over the records while the records'
 * version holds, the reports-overdue rule while the filed version holds too. A change to any input, through any
 * process, computes the rules that read it afresh on the next request; a draft saved computes none.
 */
async function watchBase(db: Db, visibility: ZoneVisibility, asOf: string) {
  const versions = await loadVersions(db);
  const scope = `${asOf}|${JSON.stringify(visibility)}`;
  const base = await memo(db, `watch|${scope}`, fingerprintOf(versions, ['records']), async () => {
    const zones = new Map((await findWatchZones(db, visibility)).map((z) => [z.code, z]));
    const entries = await computeWatchEntries(db, visibility, asOf, recordSources);
    const projectNames = await findProjectNames(
      db,
      entries.filter((e) => e.subject.kind === 'project').map((e) => e.subject.code),
    );
    return { zones, entries, projectNames };
  });
  const filed = await memo(db, `watch-filed|${scope}`, fingerprintOf(versions, ['records', 'filed']), () =>
    computeWatchEntries(db, visibility, asOf, filedSources),
  );
  return { ...base, entries: [...base.entries, ...filed] };
}

export async function listWatchEntries(
  deps: ServiceDeps,
  query: Partial<WatchListQuery> = {},
): Promise<WatchList> {
  const { actor, visibility } = reader(deps);
  const asOf = today(deps);
  const { zones, entries, projectNames } = await watchBase(deps.db, visibility, asOf);
  const zoneFilter = query.zone?.toUpperCase();
  const items = entries
    .filter(
      (e) =>
        zones.has(e.zoneCode) &&
        (!query.rule || e.rule === query.rule) &&
        (!zoneFilter || e.zoneCode === zoneFilter) &&
        (!query.action || e.proposedAction === query.action) &&
        (!query.family || zones.get(e.zoneCode)!.family === query.family),
    )
    .map((e): WatchEntryView => {
      const z = zones.get(e.zoneCode)!;
      return {
        ...e,
        subject: {
          ...e.subject,
          name: e.subject.kind === 'zone' ? z.name : (projectNames.get(e.subject.code) ?? e.subject.code),
        },
        zoneName: z.name,
        family: z.family as ZoneFamily,
      };
    })
    .sort(
      (a, b) =>
        a.since.localeCompare(b.since) ||
        a.zoneCode.localeCompare(b.zoneCode) ||
        a.rule.localeCompare(b.rule),
    );
  return { asOf, items, canAddManual: isAgency(actor) };
}

/** The dashboard's figures: obstacles not closed, overdue ones, and the size of the watch list. */
export async function monitoringCounts(deps: ServiceDeps): Promise<ObstacleCounts> {
  const { visibility } = reader(deps);
  const asOf = today(deps);
  const grace = (await loadTolerances(deps.db))['obstacle_overdue.grace_days'];
  const counts = await countObstacles(deps.db, visibility, asOf, grace);
  const watch = await listWatchEntries(deps);
  return { asOf, open: counts.open, overdue: counts.overdue, watchList: watch.items.length };
}

function toManual(m: ManualEntryRow): ManualWatchView {
  return {
    id: m.id,
    zoneCode: m.zoneCode,
    projectCode: m.projectCode,
    reason: m.reason,
    agency: m.agency,
    proposedAction: m.proposedAction as ManualWatchView['proposedAction'],
    since: m.since,
    addedBy: m.addedByName,
    removedOn: m.removedOn,
    removedBy: m.removedByName,
    removalReason: m.removalReason,
  };
}

/** Every manual entry of a zone, current and removed (their history). */
export async function manualWatchHistory(
  deps: ServiceDeps,
  zoneCode: string,
): Promise<{ items: ManualWatchView[] }> {
  const { visibility } = reader(deps);
  const zone = await findZoneScopeByCode(deps.db, visibility, zoneCode.toUpperCase());
  if (!zone) throw new AppError('not_found');
  return {
    items: (await findManualEntries(deps.db, visibility, { all: true, zoneCode: zone.code })).map(toManual),
  };
}

/** An officer puts a zone or project on the watch list with a reason (an agency that keeps the zone). */
export async function addManualWatch(deps: ServiceDeps, input: ManualWatchInput): Promise<ManualWatchView> {
  const { actor, visibility } = reader(deps);
  const zone = await findZoneScopeByCode(deps.db, visibility, input.zoneCode.toUpperCase());
  if (!zone) throw new AppError('not_found');
  if (!canManageManualWatch(actor, zone)) throw new AppError('forbidden');
  let projectId: string | null = null;
  if (input.projectCode) {
    const p = await findProjectInZone(deps.db, zone.id, input.projectCode.toUpperCase());
    if (!p) {
      throw validationError({
        projectCode: {
          vi: `Khu/cụm ${zone.code} không có dự án mã ${input.projectCode}.`,
          en: `Zone ${zone.code} has no project with code ${input.projectCode}.`,
        },
      });
    }
    projectId = p.id;
  }
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertManualEntry(tx, {
      zoneId: zone.id,
      projectId,
      reason: input.reason,
      agency: input.agency ?? null,
      proposedAction: input.proposedAction,
      since: today(deps),
      addedBy: actor.userId || null,
      addedByName: actor.username,
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, deps, {
      action: 'watch.manual_add',
      entityType: 'zone',
      entityId: zone.id,
      after: {
        watchEntryId: id,
        project: input.projectCode ?? null,
        reason: input.reason,
        agency: input.agency ?? null,
        proposedAction: input.proposedAction,
      },
    });
    return id;
  });
  const [row] = await findManualEntries(deps.db, visibility, { all: true, id });
  return toManual(row!);
}

/** Takes a manual entry off the watch list; the reason is required and the entry's row stays. */
export async function removeManualWatch(
  deps: ServiceDeps,
  id: string,
  input: ManualWatchRemove,
): Promise<ManualWatchView> {
  const { actor, visibility } = reader(deps);
  const [row] = await findManualEntries(deps.db, visibility, { all: true, id });
  if (!row) throw new AppError('not_found');
  const zone = await findZoneScopeByCode(deps.db, visibility, row.zoneCode);
  if (!zone || !canManageManualWatch(actor, zone)) throw new AppError('forbidden');
  await deps.db.transaction(async (tx) => {
    const removed = await removeManualEntry(tx, id, {
      removedOn: today(deps),
      removedBy: actor.userId || null,
      removedByName: actor.username,
      removalReason: input.reason,
    });
    if (!removed) throw new AppError('conflict', { current: toManual(row) });
    await recordAudit(tx, deps, {
      action: 'watch.manual_remove',
      entityType: 'zone',
      entityId: zone.id,
      before: { watchEntryId: id, reason: row.reason },
      after: { watchEntryId: id, removalReason: input.reason },
    });
  });
  const [after] = await findManualEntries(deps.db, visibility, { all: true, id });
  return toManual(after!);
}
