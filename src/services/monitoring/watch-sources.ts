import { manualSource } from './manual.watch';
import { obstacleOverdueSource } from './obstacle.watch';
import { reportsOverdueSource } from './reports.watch';
import type { WatchSource } from './watch-source';
import { occupancyLowSource, wwtpMissingSource } from './zone.watch';

/**
 * Every rule of the watch list, as its own noun states it. Adding a rule is one line here (inspections,
 * schedule steps, commitments… live in `services/<noun>/<noun>.watch.ts`).
 */
export const watchSources: readonly WatchSource[] = [
  obstacleOverdueSource,
  reportsOverdueSource,
  occupancyLowSource,
  wwtpMissingSource,
  manualSource,
];
