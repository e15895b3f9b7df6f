import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { zone } from '../../db/schema/zone';
import type { ZoneFamily } from '../../domain/identity/roles';
import type { ZoneFacts, ZoneVisibility } from './zone.policy';
import { zoneFamilySql, zoneVisibilityFilter } from './zone.repository';

/** A zone as the policies of its attachments (documents, prices, plan entries) need it. */
export type ZoneScopeRow = ZoneFacts & { id: string; name: string; family: ZoneFamily };

const columns = {
  id: zone.id,
  code: zone.code,
  name: zone.name,
  family: zoneFamilySql,
  communeCode: sql<string | null>`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
  developerCode: sql<string | null>`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
};

async function one(db: Db, where: SQL, visibility: ZoneVisibility, lock: boolean) {
  const query = db
    .select(columns)
    .from(zone)
    .where(and(where, zoneVisibilityFilter(visibility)))
    .limit(1);
  const rows = lock ? await query.for('update', { of: zone }) : await query;
  const row = rows[0];
  return row ? ({ ...row, family: row.family as ZoneFamily } satisfies ZoneScopeRow) : undefined;
}

/** One zone by code within the visibility (undefined when absent or outside it). */
export function findZoneScopeByCode(db: Db, visibility: ZoneVisibility, code: string) {
  return one(db, eq(zone.code, code), visibility, false);
}

/** One zone by id within the visibility (undefined when absent or outside it). */
export function findZoneScopeById(db: Db, visibility: ZoneVisibility, id: string) {
  return one(db, eq(zone.id, id), visibility, false);
}

/**
 * Locks the zone's row for the rest of the transaction, so that checks over its attachments (overlapping
 * prices, the sequence of plan entries) run one writer at a time.
 */
export async function lockZone(db: Db, id: string): Promise<void> {
  await one(db, eq(zone.id, id), { kind: 'all' }, true);
}
