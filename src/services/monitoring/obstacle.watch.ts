import { formatDate } from '../../domain/format/format';
import { obstacleDaysOverdue, type ObstacleStatus } from '../../domain/monitoring/obstacle';
import type { WatchEntry } from '../../domain/monitoring/watch-entry';
import { addDays } from '../../domain/reporting/calendar';
import { findOverdueObstacles } from './obstacle.repository';
import { loadTolerances } from './tolerance.repository';
import type { WatchSource } from './watch-source';

/**
 * `obstacle_overdue`: an obstacle past its deadline (plus the configured grace days) and neither resolved nor
 * dropped puts its zone or project on the watch list, from the day after the grace ends until it is closed.
 * An escalated one is already with the city: its proposed action is to remind; the others, to escalate.
 */
export const obstacleOverdueSource: WatchSource = async (db, visibility, today) => {
  const grace = (await loadTolerances(db))['obstacle_overdue.grace_days'];
  const rows = await findOverdueObstacles(db, visibility, today, grace);
  return rows.map((o): WatchEntry => {
    const days =
      obstacleDaysOverdue({ status: o.status as ObstacleStatus, deadline: o.deadline }, today, grace) ?? 0;
    const deadlineVi = formatDate(o.deadline!, { locale: 'vi' });
    const deadlineEn = formatDate(o.deadline!, { locale: 'en' });
    return {
      subject: o.projectCode ? { kind: 'project', code: o.projectCode } : { kind: 'zone', code: o.zoneCode },
      zoneCode: o.zoneCode,
      rule: 'obstacle_overdue',
      reason: {
        vi: `Vướng mắc ${o.categoryVi.toLowerCase()} quá hạn ${days} ngày (hạn ${deadlineVi}): ${o.title}`,
        en: `${o.categoryEn} obstacle ${days} days overdue (deadline ${deadlineEn}): ${o.title}`,
      },
      since: addDays(o.deadline!, grace + 1),
      agency: o.agency,
      proposedAction: o.status === 'escalated' ? 'remind' : 'escalate',
      source: { kind: 'obstacle', id: o.id },
    };
  });
};
