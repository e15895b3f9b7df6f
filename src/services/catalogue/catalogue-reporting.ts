import { systemActor } from '../../domain/identity/roles';
import { formTerms } from '../../domain/reporting/catalogue';
import { daysBetween } from '../../domain/reporting/calendar';
import type { FormCode } from '../../domain/reporting/form-types';
import { periodsOfYear, periodTypes } from '../../domain/reporting/periods';
import type { ReportingCounts } from '../../domain/catalogue/scorecard';
import type { ServiceDeps } from '../deps';
import { completenessReport } from '../reporting/completeness.service';
import { silentLogger } from '../system/logger';

/** The statutory reports a zone's discipline is judged on (those reminders are sent for). */
const FORMS: readonly FormCode[] = ['B01', 'B02', 'KCN_TENANT'];
/** The look-back: periods whose due day fell in the last year. */
const LOOKBACK_DAYS = 365;

/** The periods of the forms whose due day is over, within the look-back. */
function duePeriods(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const found = new Set<string>();
  for (const formCode of FORMS) {
    for (const y of [year - 1, year]) {
      for (const type of periodTypes) {
        for (const p of periodsOfYear(type, y)) {
          const terms = formTerms(formCode, p);
          if (!terms) continue;
          const since = daysBetween(terms.terms.dueDate, today);
          if (since > 0 && since <= LOOKBACK_DAYS) found.add(terms.terms.period);
        }
      }
    }
  }
  return [...found].sort();
}

/**
 * Reporting discipline per zone code: the reporting module's own completeness table (who owed what, and when
 * each filing was first submitted), asked as a system reader for every period due in the last year and summed
 * per zone. No rule of the reporting module is repeated here.
 */
export async function reportingCountsByZone(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  today: string,
): Promise<Map<string, ReportingCounts>> {
  const reader: ServiceDeps = {
    db: deps.db,
    actor: systemActor('public-catalogue'),
    clock: deps.clock,
    log: silentLogger,
    requestId: null,
  };
  const byZone = new Map<string, ReportingCounts>();
  for (const period of duePeriods(today)) {
    const report = await completenessReport(reader, { period, groupBy: 'zone' });
    for (const row of report.rows) {
      const code = row.group.code;
      if (!code) continue;
      const counts = byZone.get(code) ?? { due: 0, onTime: 0, late: 0, overdue: 0, periods: [] };
      counts.onTime += row.onTime;
      counts.late += row.late;
      counts.overdue += row.overdue;
      counts.due += row.onTime + row.late + row.overdue;
      if (row.onTime + row.late + row.overdue > 0 && !counts.periods.includes(period)) {
        counts.periods.push(period);
      }
      byZone.set(code, counts);
    }
  }
  return byZone;
}
