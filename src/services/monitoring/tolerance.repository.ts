import type { Db } from '../../db/client';
import { monitoringTolerance } from '../../db/schema/monitoring';
import { tolerancesFrom, type Tolerances } from '../../domain/monitoring/tolerance';

/** The watch-list tolerances as configured in `monitoring_tolerance`, over the defaults. */
export async function loadTolerances(db: Db): Promise<Tolerances> {
  const rows = await db
    .select({ key: monitoringTolerance.key, value: monitoringTolerance.value })
    .from(monitoringTolerance);
  return tolerancesFrom(rows);
}
