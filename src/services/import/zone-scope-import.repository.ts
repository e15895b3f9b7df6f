import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { zone } from '../../db/schema/zone';
import type { ZoneFamily } from '../../domain/identity/roles';
import type { ZoneScopeRow } from '../zone/zone-facts.repository';
import { zoneFamilySql } from '../zone/zone.repository';
import { chunked } from './zone-import.repository';

/**
 * The zones a file names, with the facts their policies need (family, commune, developer), by code. `lock`
 * takes the zone rows FOR UPDATE, so that what is read of their attachments (planned steps, obstacles, inspections) stays
 * as read until the import's transaction ends — as the single-record writes lock their zone. Used by the
 * obstacle, schedule-step and inspection imports.
 */
export async function findZoneScopesByCode(
  db: Db,
  codes: readonly string[],
  options: { lock: boolean },
): Promise<ZoneScopeRow[]> {
  const rows = await chunked(codes, async (chunk) => {
    const query = db
      .select({
        id: zone.id,
        code: zone.code,
        name: zone.name,
        family: zoneFamilySql,
        communeCode: sql<string | null>`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
        developerCode: sql<
          string | null
        >`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
      })
      .from(zone)
      .where(inArray(zone.code, chunk))
      .orderBy(zone.code);
    return options.lock ? query.for('update', { of: zone }) : query;
  });
  return rows.map((r) => ({ ...r, family: r.family as ZoneFamily }));
}
