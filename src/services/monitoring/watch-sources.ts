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
 * schedule steps, commitments… live in `services/<noun>/<noun>.watch.ts`).
 */
export const watchSources: readonly WatchSource[] = [
  obstacleOverdueSource,
  reportsOverdueSource,
  occupancyLowSource,
  wwtpMissingSource,
  scheduleStepLate,
  commitmentMissed,
  progressStale,
  inspectionUnremedied,
  manualSource,
];
