import type { LocalizedText } from '../shared/errors';
import { daysBetween } from '../reporting/calendar';

/**
 * An obstacle — vướng mắc: what blocks a zone or a tenant project (land clearance, procedures, capital…), the
 * agency that must act and by when. Its status moves only along `obstacleTransitions`; closing it (resolved or
 * dropped) and escalating it to the city need a reason. The history of every change is kept.
 */
export const obstacleStatuses = ['open', 'in_progress', 'escalated', 'resolved', 'dropped'] as const;
export type ObstacleStatus = (typeof obstacleStatuses)[number];

/** What a reader may do to an obstacle; `comment` and `agree` leave the status as it is. */
export const obstacleActions = [
  'start',
  'escalate',
  'resolve',
  'drop',
  'reopen',
  'comment',
  'agree',
] as const;
export type ObstacleAction = (typeof obstacleActions)[number];

/** Actions that close an obstacle (the close policy applies). */
export const closingActions: readonly ObstacleAction[] = ['resolve', 'drop'];
/** Actions whose reason (text) is required. */
export const reasonRequired: readonly ObstacleAction[] = ['escalate', 'resolve', 'drop', 'reopen', 'comment'];

/** The state machine: from a status, which action leads where. Closed obstacles may only be reopened. */
export const obstacleTransitions: Record<ObstacleStatus, Partial<Record<ObstacleAction, ObstacleStatus>>> = {
  open: { start: 'in_progress', escalate: 'escalated', resolve: 'resolved', drop: 'dropped' },
  in_progress: { escalate: 'escalated', resolve: 'resolved', drop: 'dropped' },
  escalated: { start: 'in_progress', resolve: 'resolved', drop: 'dropped' },
  resolved: { reopen: 'open' },
  dropped: { reopen: 'open' },
};

export const openStatuses: readonly ObstacleStatus[] = ['open', 'in_progress', 'escalated'];

export function isClosed(status: ObstacleStatus): boolean {
  return status === 'resolved' || status === 'dropped';
}

/**
 * The status after an action, or null when the action is not allowed from this status. `comment` is allowed
 * on every obstacle; `agree` (the raiser agrees that another agency closes it) only while it is open.
 */
export function nextObstacleStatus(status: ObstacleStatus, action: ObstacleAction): ObstacleStatus | null {
  if (action === 'comment') return status;
  if (action === 'agree') return isClosed(status) ? null : status;
  return obstacleTransitions[status][action] ?? null;
}

/** The actions the state machine allows from a status (before any policy). */
export function allowedObstacleActions(status: ObstacleStatus): ObstacleAction[] {
  return obstacleActions.filter((a) => nextObstacleStatus(status, a) !== null);
}

/**
 * Overdue: past its deadline (plus the configured grace days) and neither resolved nor dropped. The deadline
 * day itself is still on time. Returns the days late, or null when not overdue.
 */
export function obstacleDaysOverdue(
  obstacle: { status: ObstacleStatus; deadline: string | null },
  today: string,
  graceDays = 0,
): number | null {
  if (!obstacle.deadline || isClosed(obstacle.status)) return null;
  const late = daysBetween(obstacle.deadline, today);
  return late > graceDays ? late : null;
}

export const obstacleStatusLabels: Record<ObstacleStatus, LocalizedText> = {
  open: { vi: 'Mới phát sinh', en: 'Open' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  escalated: { vi: 'Đã báo cáo Thành phố', en: 'Escalated to the city' },
  resolved: { vi: 'Đã giải quyết', en: 'Resolved' },
  dropped: { vi: 'Không xử lý tiếp', en: 'Dropped' },
};

/** The categories seeded into `obstacle_category` (configurable: more may be added there). */
export const defaultObstacleCategories: readonly { code: string; name: LocalizedText }[] = [
  { code: 'land_clearance', name: { vi: 'Giải phóng mặt bằng', en: 'Land clearance' } },
  { code: 'procedures', name: { vi: 'Thủ tục', en: 'Procedures' } },
  { code: 'planning', name: { vi: 'Quy hoạch', en: 'Planning' } },
  { code: 'capital', name: { vi: 'Vốn', en: 'Capital' } },
  {
    code: 'outside_infrastructure',
    name: { vi: 'Hạ tầng ngoài hàng rào', en: 'Outside-fence infrastructure' },
  },
  { code: 'environment', name: { vi: 'Môi trường', en: 'Environment' } },
  { code: 'other', name: { vi: 'Khác', en: 'Other' } },
];

/** Days before the deadline at which the agencies are reminded; a notice follows the day after it passes. */
export const OBSTACLE_REMINDER_DAYS: readonly number[] = [7, 1];
/** Obstacles that passed their deadline longer ago than this get no "passed" notice any more. */
export const OBSTACLE_NOTICE_LOOKBACK_DAYS = 30;

/**
 * The reminder stage of an open obstacle today: `due-7`/`due-1` once that few days are left, `overdue` once
 * the deadline has passed (within the look-back), else null. Each stage is sent once (its dedupe key).
 */
export function obstacleReminderStage(
  obstacle: { status: ObstacleStatus; deadline: string | null },
  today: string,
): string | null {
  if (!obstacle.deadline || isClosed(obstacle.status)) return null;
  const left = daysBetween(today, obstacle.deadline);
  if (left < 0) return -left <= OBSTACLE_NOTICE_LOOKBACK_DAYS ? 'overdue' : null;
  const stage = [...OBSTACLE_REMINDER_DAYS].sort((a, b) => a - b).find((d) => left <= d);
  return stage === undefined ? null : `due-${stage}`;
}

/**
 * The rules an obstacle is recorded under, one statement each: the API (`raiseObstacle`, `changeObstacle`) and
 * the spreadsheet import both check them here. Each returns the problem, or null.
 */

/** The category must exist and be in use. */
export function obstacleCategoryProblem(
  code: string,
  category: { active: boolean } | undefined,
): LocalizedText | null {
  if (category && category.active) return null;
  return { vi: `Không có nhóm vướng mắc mã "${code}".`, en: `No obstacle category has code "${code}".` };
}

/** A deadline is never before the day the obstacle was raised. */
export function obstacleDeadlineProblem(
  raisedOn: string,
  deadline: string | null | undefined,
): LocalizedText | null {
  if (!deadline || deadline >= raisedOn) return null;
  return {
    vi: 'Hạn xử lý không được trước ngày phát sinh.',
    en: 'The deadline cannot be before the day it was raised.',
  };
}

/** An obstacle cannot be raised on a day still to come. */
export function obstacleRaisedOnProblem(raisedOn: string, today: string): LocalizedText | null {
  if (raisedOn <= today) return null;
  return { vi: 'Ngày phát sinh không được sau hôm nay.', en: 'The day raised cannot be in the future.' };
}

/** An obstacle on a tenant project stays in its zone: the problem when the zone has no such project. */
export function obstacleProjectMissing(zoneCode: string, projectCode: string): LocalizedText {
  return {
    vi: `Khu/cụm ${zoneCode} không có dự án mã ${projectCode}.`,
    en: `Zone ${zoneCode} has no project with code ${projectCode}.`,
  };
}
