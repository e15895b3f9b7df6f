import type { Db } from '../../db/client';
import type { WatchEntry } from '../../domain/monitoring/watch-entry';
import type { ZoneVisibility } from '../zone/zone.policy';

/**
 * A rule of the watch list as its own noun states it (obstacles, inspections, schedule, reporting…): the
 * entries that hold on `today` (ISO date, Vietnam time) among the zones the reader may see. The scope is applied
 * in the source's SQL, so a forgotten check returns nothing. The watch list service composes the sources.
 */
export type WatchSource = (db: Db, visibility: ZoneVisibility, today: string) => Promise<WatchEntry[]>;
