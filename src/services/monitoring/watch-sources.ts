import { inspectionUnremedied } from '../inspection/inspection.watch';
import { commitmentMissed, progressStale, scheduleStepLateSource } from '../schedule/schedule.watch';
import { manualSource } from './manual.watch';
import { obstacleOverdueSource } from './obstacle.watch';
import { reportsOverdueSource } from './reports.watch';
import type { WatchSource } from './watch-source';
import { loadTolerances } from './tolerance.repository';
import { occupancyLowSource, wwtpMissingSource } from './zone.watch';

/** A schedule step is late beyond the tolerance configured in `monitoring_tolerance`. */
const scheduleStepLate: WatchSource = async (db, visibility, today) => {
  const tolerance = (await loadTolerances(db))['schedule_step_late.tolerance_days'];
  return scheduleStepLateSource(tolerance)(db, visibility, today);
};

/**
 * Every rule of the watch list, as its own noun states it. Adding a rule is one line here (inspections,
 * schedule steps, commitments… live in `services/<noun>/<noun>.watch.ts`), in the list of the families it reads
 * (src/db/data-version.ts): the rules that read the records only, and those that read the filings too.
 */
export const recordSources: readonly WatchSource[] = [
  obstacleOverdueSource,
  occupancyLowSource,
  wwtpMissingSource,
  scheduleStepLate,
  commitmentMissed,
  progressStale,
  inspectionUnremedied,
  manualSource,
];

/** Rules that read what was filed (submissions): kept under the filed version as well. */
export const filedSources: readonly WatchSource[] = [reportsOverdueSource];

export const watchSources: readonly WatchSource[] = [...recordSources, ...filedSources];
