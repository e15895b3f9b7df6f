import type { WatchAction, WatchEntry } from '../../domain/monitoring/watch-entry';
import { findManualEntries } from './watch.repository';
import type { WatchSource } from './watch-source';

/** `manual`: the entries officers added with a reason and have not removed (with a reason). */
export const manualSource: WatchSource = async (db, visibility) =>
  (await findManualEntries(db, visibility)).map((m): WatchEntry => ({
    subject: m.projectCode ? { kind: 'project', code: m.projectCode } : { kind: 'zone', code: m.zoneCode },
    zoneCode: m.zoneCode,
    rule: 'manual',
    reason: { vi: m.reason, en: m.reason },
    since: m.since,
    agency: m.agency,
    proposedAction: m.proposedAction as WatchAction,
    source: { kind: 'manual', id: m.id },
  }));
