import type { LocalizedText } from '../shared/errors';
import type { DashboardFigure } from './dashboard.schema';

/**
 * The dashboard's monitoring figures — what the quarterly meetings ask beside the registry and the reports: the
 * watch list, obstacles open and overdue, the year's inspections against their plan, fire-safety compliance and
 * the year's plan targets achieved. Each is computed by its own module's service (monitoring, inspection,
 * plan); this is where their names, units, drill-downs and ratios are stated, once.
 */
export type MonitoringFigureCode =
  | 'watch_list_size'
  | 'obstacles_open'
  | 'obstacles_overdue'
  | 'inspections_done'
  | 'fire_safety_pct'
  | 'plan_targets_achieved';

export const monitoringFigures: Record<
  MonitoringFigureCode,
  { name: LocalizedText; unit: DashboardFigure['unit']; drill: string }
> = {
  watch_list_size: {
    name: { vi: 'Mục trong danh sách theo dõi', en: 'Watch list entries' },
    unit: 'count',
    drill: '/monitoring',
  },
  obstacles_open: {
    name: { vi: 'Vướng mắc chưa giải quyết', en: 'Open obstacles' },
    unit: 'count',
    drill: '/monitoring?tab=obstacles&status=active',
  },
  obstacles_overdue: {
    name: { vi: 'Vướng mắc quá hạn xử lý', en: 'Overdue obstacles' },
    unit: 'count',
    drill: '/monitoring?tab=obstacles&overdue=true',
  },
  inspections_done: {
    name: { vi: 'Cuộc kiểm tra đã thực hiện trong năm', en: 'Inspections done this year' },
    unit: 'count',
    drill: '/monitoring',
  },
  fire_safety_pct: {
    name: {
      vi: 'Tỷ lệ khu, cụm đạt PCCC "4 tại chỗ" (trong số đã kiểm tra)',
      en: 'Fire-safety compliance ("4 on site"), of the zones inspected',
    },
    unit: 'pct',
    drill: '/monitoring',
  },
  plan_targets_achieved: {
    name: { vi: 'Chỉ tiêu kế hoạch năm đã đạt', en: 'Year plan targets achieved' },
    unit: 'count',
    drill: '/targets',
  },
};

/** The inspection kind whose latest inspection of a zone decides its fire-safety compliance. */
export const FIRE_SAFETY_KIND = 'fire_safety';

/** Per cent, or null when there is nothing to divide by. */
export function sharePct(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

/** A target is achieved when its computed actual reaches the planned value (its pct ≥ 100). */
export function targetAchieved(pct: number | null): boolean {
  return pct !== null && pct >= 100;
}
