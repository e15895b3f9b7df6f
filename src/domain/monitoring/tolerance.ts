/**
 * Tolerances of the watch-list rules. They are configuration kept as data in `monitoring_tolerance`
 * (`<rule>.<setting>` → value; seeded by migration 0011, changed there by an administrator); these defaults
 * apply to a key the table does not hold.
 */
export const defaultTolerances = {
  /** Days after an obstacle's deadline before it is on the watch list. */
  'obstacle_overdue.grace_days': 0,
  /** Days after a report's due date before its zone is on the watch list. */
  'reports_overdue.grace_days': 0,
  /** Decree 32/2024 occupancy gate: a zone below it (after `operating_years`) is on the watch list. */
  'occupancy_low.gate': 0.5,
  /** Years a zone has been operating before low occupancy counts (it is still filling up before that). */
  'occupancy_low.operating_years': 3,
  /** Days after a cluster starts operating without a QCVN-compliant wastewater plant. */
  'wwtp_missing.grace_days': 0,
  /** Days a planned step of a zone's schedule may run late before the zone is on the watch list. */
  'schedule_step_late.tolerance_days': 30,
} as const;

export type ToleranceKey = keyof typeof defaultTolerances;
export type Tolerances = Record<ToleranceKey, number>;

/** The stored values over the defaults; unknown keys are ignored. */
export function tolerancesFrom(rows: readonly { key: string; value: string | number }[]): Tolerances {
  const result: Tolerances = { ...defaultTolerances };
  for (const r of rows) {
    if (r.key in result && Number.isFinite(Number(r.value))) result[r.key as ToleranceKey] = Number(r.value);
  }
  return result;
}
