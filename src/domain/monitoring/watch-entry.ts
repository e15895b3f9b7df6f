import type { LocalizedText } from '../shared/errors';

/**
 * One entry of the watch list (danh sách theo dõi): a zone or tenant project is on it while a rule holds.
 * Entries are computed from records on every request — never curated by a click — except manual entries an
 * officer adds with a reason. Each rule lives with its own noun (obstacles, inspections, schedule, reporting…)
 * and returns entries of this one shape; the watch list only composes them.
 */
export const watchRuleCodes = [
  /** A planned step of the zone's schedule is late beyond the configured tolerance. */
  'schedule_step_late',
  /** An obstacle is past its deadline and not resolved or dropped. */
  'obstacle_overdue',
  /** A dated target of a developer's signed commitment was missed. */
  'commitment_missed',
  /** An operating cluster has no wastewater plant meeting QCVN. */
  'wwtp_missing',
  /** A failed inspection finding was not remedied by its deadline. */
  'inspection_unremedied',
  /** Statutory reports of the zone or project are overdue. */
  'reports_overdue',
  /** Occupancy under the Decree 32 gate. */
  'occupancy_low',
  /** No land-clearance or construction progress reading for six months. */
  'progress_stale',
  /** Added by an officer, with a reason. */
  'manual',
] as const;
export type WatchRuleCode = (typeof watchRuleCodes)[number];

export const watchActions = ['remind', 'escalate', 'inspect', 'propose_revocation'] as const;
export type WatchAction = (typeof watchActions)[number];

export type WatchSubject = { kind: 'zone'; code: string } | { kind: 'project'; code: string };

export type WatchEntry = {
  subject: WatchSubject;
  /** The zone the subject lies in (the project's zone, or the zone itself): scope and grouping. */
  zoneCode: string;
  rule: WatchRuleCode;
  /** Why, in both languages, with the figures behind it (e.g. "Vướng mắc GPMB quá hạn 12 ngày"). */
  reason: LocalizedText;
  /** Since when the rule holds (ISO date, Vietnam time). */
  since: string;
  /** The agency that must act (free text or an organisation code), when known. */
  agency: string | null;
  proposedAction: WatchAction;
  /** The record behind the entry, so the list can link to it (e.g. `{ kind: 'obstacle', id }`). */
  source: { kind: string; id: string } | null;
};
