import { sql } from 'drizzle-orm';
import { systemActor } from '../../domain/identity/roles';
import type { WatchEntry } from '../../domain/monitoring/watch-entry';
import { formTerms } from '../../domain/reporting/catalogue';
import { addDays, daysBetween, startOfLocalDay } from '../../domain/reporting/calendar';
import type { FormCode } from '../../domain/reporting/form-types';
import { formatPeriod, periodsOfYear, periodTypes } from '../../domain/reporting/periods';
import { completenessReport, type OutstandingObligation } from '../reporting/completeness.service';
import { silentLogger } from '../system/logger';
import { zoneVisibilityFilter } from '../zone/zone.repository';
import { zone } from '../../db/schema/zone';
import { loadTolerances } from './tolerance.repository';
import type { WatchSource } from './watch-source';

/** The filed reports whose lateness puts a zone on the watch list (the ones reminders are sent for). */
const FORMS: readonly FormCode[] = ['B01', 'B02', 'KCN_TENANT'];
/** Periods whose due day ended longer ago than this no longer count (as the reminders' look-back). */
const LOOKBACK_DAYS = 90;

/** The periods of the forms whose due day is over (by more than the grace days) within the look-back. */
function duePeriods(today: string, grace: number): string[] {
  const year = Number(today.slice(0, 4));
  const found = new Set<string>();
  for (const formCode of FORMS) {
    for (const y of [year - 1, year]) {
      for (const type of periodTypes) {
        for (const p of periodsOfYear(type, y)) {
          const terms = formTerms(formCode, p);
          if (!terms) continue;
          const late = daysBetween(terms.terms.dueDate, today);
          if (late > grace && late <= LOOKBACK_DAYS) found.add(terms.terms.period);
        }
      }
    }
  }
  return [...found].sort();
}

/**
 * `reports_overdue`: a zone whose own or its tenants' reports are overdue. Who owes what is the reporting
 * module's answer (completenessReport over owedReports), asked as of noon `today`; this rule only groups the
 * overdue ones by zone.
 */
export const reportsOverdueSource: WatchSource = async (db, visibility, today) => {
  const grace = (await loadTolerances(db))['reports_overdue.grace_days'];
  const periods = duePeriods(today, grace);
  if (!periods.length) return [];
  const noon = new Date(startOfLocalDay(today).getTime() + 12 * 3_600_000);
  const deps = {
    db,
    actor: systemActor('watch-list'),
    clock: { now: () => noon },
    log: silentLogger,
    requestId: null,
  };
  const visible = new Set(
    (
      await db
        .select({ code: zone.code })
        .from(zone)
        .where(zoneVisibilityFilter(visibility) ?? sql`true`)
    ).map((z) => z.code),
  );
  const byZone = new Map<string, OutstandingObligation[]>();
  for (const period of periods) {
    const report = await completenessReport(deps, { period, groupBy: 'zone' });
    for (const o of report.outstanding) {
      if (o.status !== 'overdue' || !o.zoneCode || !visible.has(o.zoneCode)) continue;
      if (!FORMS.includes(o.formCode) || daysBetween(o.dueDate, today) <= grace) continue;
      byZone.set(o.zoneCode, [...(byZone.get(o.zoneCode) ?? []), o]);
    }
  }
  return [...byZone.entries()].map(([zoneCode, owed]): WatchEntry => {
    const earliest = owed.reduce((a, b) => (a.dueDate <= b.dueDate ? a : b));
    const periodsVi = [...new Set(owed.map((o) => formatPeriod(o.period, 'vi')))].join(', ');
    const periodsEn = [...new Set(owed.map((o) => formatPeriod(o.period, 'en')))].join(', ');
    const reporters = [...new Set(owed.map((o) => o.reporter.name ?? o.reporter.code ?? ''))];
    return {
      subject: { kind: 'zone', code: zoneCode },
      zoneCode,
      rule: 'reports_overdue',
      reason: {
        vi: `${owed.length} báo cáo quá hạn chưa nộp (${periodsVi})`,
        en: `${owed.length} reports overdue, not submitted (${periodsEn})`,
      },
      since: addDays(earliest.dueDate, grace + 1),
      agency: reporters.length === 1 ? reporters[0]! : `${reporters.length} đơn vị báo cáo`,
      proposedAction: 'remind',
      source: { kind: 'reports', id: zoneCode },
    };
  });
};
