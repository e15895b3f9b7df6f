import { and, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisation } from '../../db/schema/organisation';
import { commitment, commitmentTarget, progressReading, scheduleStep } from '../../db/schema/schedule';
import { zone, zoneLifecycleEvent } from '../../db/schema/zone';
import { formatDate } from '../../domain/format/format';
import type { WatchEntry } from '../../domain/monitoring/watch-entry';
import {
  addDays,
  DEFAULT_STEP_TOLERANCE_DAYS,
  progressStaleSince,
  progressStates,
  scheduleStepLabels,
  scheduleSteps,
  statesReaching,
  stepProgress,
  targetOutcome,
  type ScheduleStep,
} from '../../domain/schedule/schedule';
import { deriveLifecycle } from '../../domain/zone/lifecycle';
import type { WatchSource } from '../monitoring/watch-source';
import type { ZoneVisibility } from '../zone/zone.policy';
import { lifecycleStateSql, zoneVisibilityFilter } from '../zone/zone.repository';
import { findLifecycles } from './schedule.repository';

/**
 * The schedule's rules of the watch list. SQL only narrows the candidates (steps and targets past their date,
 * zones clearing or building, within the reader's scope); whether the rule holds is decided by the domain
 * functions over the lifecycle history, so there is one statement of each rule.
 */

/**
 * Prefilter: the step of `stepColumn` has no lifecycle event at or past it for the zone (the states come from
 * the domain's `statesReaching`). A row this drops is one `stepReachedOn` would find reached, so it only saves
 * work; the rule itself is still decided below by the domain.
 */
function notReached(stepColumn: SQL, zoneIdColumn: SQL) {
  const cases = scheduleSteps.map(
    (step) =>
      sql`when ${step} then e.state in (${sql.join(
        statesReaching(step).map((s) => sql`${s}`),
        sql`, `,
      )})`,
  );
  return sql`not exists (select 1 from ${zoneLifecycleEvent} e where e.zone_id = ${zoneIdColumn}
    and case ${stepColumn} ${sql.join(cases, sql` `)} else false end)`;
}

const vi = (iso: string) => formatDate(iso);
const en = (iso: string) => formatDate(iso, { locale: 'en' });

/** `schedule_step_late`: a planned step not reached more than `toleranceDays` after its date. */
export function scheduleStepLateSource(toleranceDays = DEFAULT_STEP_TOLERANCE_DAYS): WatchSource {
  return async (db: Db, visibility: ZoneVisibility, today: string): Promise<WatchEntry[]> => {
    const rows = await db
      .select({
        id: scheduleStep.id,
        zoneId: zone.id,
        zoneCode: zone.code,
        step: scheduleStep.step,
        plannedDate: scheduleStep.plannedDate,
        agency: scheduleStep.agency,
      })
      .from(scheduleStep)
      .innerJoin(zone, eq(zone.id, scheduleStep.zoneId))
      .where(
        and(
          lt(scheduleStep.plannedDate, addDays(today, -toleranceDays)),
          notReached(sql`${scheduleStep.step}`, sql`${scheduleStep.zoneId}`),
          zoneVisibilityFilter(visibility),
        ),
      );
    const lifecycles = await findLifecycles(
      db,
      rows.map((r) => r.zoneId),
    );
    const entries: WatchEntry[] = [];
    for (const r of rows) {
      const events = lifecycles.get(r.zoneId) ?? [];
      if (deriveLifecycle(events).ended) continue;
      const step = r.step as ScheduleStep;
      const p = stepProgress({ step, plannedDate: r.plannedDate }, events, today, toleranceDays);
      if (p.status !== 'late' || !p.lateSince) continue;
      const label = scheduleStepLabels[step];
      entries.push({
        subject: { kind: 'zone', code: r.zoneCode },
        zoneCode: r.zoneCode,
        rule: 'schedule_step_late',
        reason: {
          vi: `${label.vi}: chậm ${p.slippageDays} ngày so với kế hoạch (hạn ${vi(r.plannedDate)})`,
          en: `${label.en}: ${p.slippageDays} days behind plan (due ${en(r.plannedDate)})`,
        },
        since: p.lateSince,
        agency: r.agency,
        proposedAction: (p.slippageDays ?? 0) > 180 ? 'escalate' : 'remind',
        source: { kind: 'schedule_step', id: r.id },
      });
    }
    return entries;
  };
}

export const scheduleStepLate: WatchSource = scheduleStepLateSource();

/** `commitment_missed`: a dated target of a signed commitment passed without its step being reached. */
export const commitmentMissed: WatchSource = async (db, visibility, today) => {
  const rows = await db
    .select({
      id: commitmentTarget.id,
      zoneId: zone.id,
      zoneCode: zone.code,
      step: commitmentTarget.step,
      targetDate: commitmentTarget.targetDate,
      documentRef: commitment.documentRef,
      signedBy: commitment.signedBy,
    })
    .from(commitmentTarget)
    .innerJoin(commitment, eq(commitment.id, commitmentTarget.commitmentId))
    .innerJoin(zone, eq(zone.id, commitment.zoneId))
    .where(
      and(
        lt(commitmentTarget.targetDate, today),
        notReached(sql`${commitmentTarget.step}`, sql`${commitment.zoneId}`),
        zoneVisibilityFilter(visibility),
      ),
    );
  const lifecycles = await findLifecycles(
    db,
    rows.map((r) => r.zoneId),
  );
  const entries: WatchEntry[] = [];
  for (const r of rows) {
    const events = lifecycles.get(r.zoneId) ?? [];
    if (deriveLifecycle(events).ended) continue;
    const step = r.step as ScheduleStep;
    const o = targetOutcome({ step, targetDate: r.targetDate }, events, today);
    if (o.status !== 'missed_open' || !o.missedSince) continue;
    const label = scheduleStepLabels[step];
    entries.push({
      subject: { kind: 'zone', code: r.zoneCode },
      zoneCode: r.zoneCode,
      rule: 'commitment_missed',
      reason: {
        vi: `Không đạt cam kết ${r.documentRef}: "${label.vi}" trước ${vi(r.targetDate)} (quá ${o.daysLate} ngày)`,
        en: `Commitment ${r.documentRef} missed: "${label.en}" by ${en(r.targetDate)} (${o.daysLate} days over)`,
      },
      since: o.missedSince,
      agency: r.signedBy,
      proposedAction: (o.daysLate ?? 0) > 365 ? 'propose_revocation' : 'escalate',
      source: { kind: 'commitment_target', id: r.id },
    });
  }
  return entries;
};

// Inside a one-table select Drizzle writes columns unqualified; the subquery must name the outer zone's id.
const zoneIdQualified = sql.raw('"zone"."id"');

/** `progress_stale`: a zone clearing land or building without a progress reading for six months. */
export const progressStale: WatchSource = async (db, visibility, today) => {
  const rows = await db
    .select({
      zoneId: zone.id,
      zoneCode: zone.code,
      developer: sql<string | null>`(select d.name from ${organisation} d where d.id = ${zone.developerId})`,
      lastReading: sql<
        string | null
      >`(select max(r.reading_date)::text from ${progressReading} r where r.zone_id = ${zoneIdQualified})`,
    })
    .from(zone)
    .where(and(inArray(lifecycleStateSql, progressStates as string[]), zoneVisibilityFilter(visibility)));
  const lifecycles = await findLifecycles(
    db,
    rows.map((r) => r.zoneId),
  );
  const entries: WatchEntry[] = [];
  for (const r of rows) {
    const summary = deriveLifecycle(lifecycles.get(r.zoneId) ?? []);
    const since = progressStaleSince(summary.state, summary.since, r.lastReading, today);
    if (!since) continue;
    const last = r.lastReading;
    entries.push({
      subject: { kind: 'zone', code: r.zoneCode },
      zoneCode: r.zoneCode,
      rule: 'progress_stale',
      reason: last
        ? {
            vi: `Không có số liệu tiến độ từ ${vi(last)} (quá 6 tháng)`,
            en: `No progress reading since ${en(last)} (over 6 months)`,
          }
        : {
            vi: `Chưa có số liệu tiến độ từ khi ${summary.state === 'construction' ? 'khởi công' : 'bắt đầu GPMB'} (${vi(summary.since!)})`,
            en: `No progress reading since ${summary.state === 'construction' ? 'construction' : 'clearance'} began (${en(summary.since!)})`,
          },
      since,
      agency: r.developer,
      proposedAction: 'remind',
      source: null,
    });
  }
  return entries;
};
