import type { LocalizedText } from '../shared/errors';

/**
 * The lifecycle of a park or cluster — a dated history of legal steps, never overwritten. The current state
 * is derived from the history (`deriveLifecycle`), never stored.
 */
export const lifecycleStates = [
  'in_plan',
  'dossier_received',
  'appraised',
  'established',
  'detailed_plan_approved',
  'infrastructure_project_approved',
  'land_clearance',
  'construction',
  'infrastructure_complete',
  'operating',
  'operating_without_establishment',
  'expanded',
  'adjusted',
  'suspended',
  'resumed',
  'revoked',
  'removed_from_plan',
] as const;
export type LifecycleState = (typeof lifecycleStates)[number];

/** Steps of the main path, in legal order. */
const mainPath: LifecycleState[] = [
  'in_plan',
  'dossier_received',
  'appraised',
  'established',
  'detailed_plan_approved',
  'infrastructure_project_approved',
  'land_clearance',
  'construction',
  'infrastructure_complete',
  'operating',
];

/** Events recorded in the history that annotate rather than move the zone along its path. */
const annotations: LifecycleState[] = ['expanded', 'adjusted'];

export const lifecycleLabels: Record<LifecycleState, LocalizedText> = {
  in_plan: { vi: 'Trong quy hoạch', en: 'In plan' },
  dossier_received: { vi: 'Đã nhận hồ sơ thành lập', en: 'Dossier received' },
  appraised: { vi: 'Đã thẩm định', en: 'Appraised' },
  established: { vi: 'Đã thành lập', en: 'Established' },
  detailed_plan_approved: { vi: 'Đã duyệt quy hoạch chi tiết 1/500', en: 'Detailed 1/500 plan approved' },
  infrastructure_project_approved: { vi: 'Đã duyệt dự án hạ tầng', en: 'Infrastructure project approved' },
  land_clearance: { vi: 'Đang giải phóng mặt bằng', en: 'Land clearance' },
  construction: { vi: 'Đang xây dựng hạ tầng', en: 'Infrastructure under construction' },
  infrastructure_complete: { vi: 'Hoàn thành hạ tầng dùng chung', en: 'Shared infrastructure complete' },
  operating: { vi: 'Đang hoạt động', en: 'Operating' },
  operating_without_establishment: {
    vi: 'Hoạt động, chưa có quyết định thành lập',
    en: 'Operating without establishment decision',
  },
  expanded: { vi: 'Mở rộng', en: 'Expanded' },
  adjusted: { vi: 'Điều chỉnh', en: 'Adjusted' },
  suspended: { vi: 'Tạm dừng', en: 'Suspended' },
  resumed: { vi: 'Tiếp tục triển khai', en: 'Resumed' },
  revoked: { vi: 'Thu hồi quyết định', en: 'Revoked' },
  removed_from_plan: { vi: 'Đưa ra khỏi quy hoạch', en: 'Removed from plan' },
};

export type LifecycleEvent = {
  state: LifecycleState;
  /** Date of the legal event (YYYY-MM-DD). */
  eventDate: string;
  /** Per cent done, for land clearance and construction. */
  progressPct?: number | null;
  decisionNo?: string | null;
  /** Order of entry, breaking ties between events of the same date. */
  seq: number;
};

export type LifecycleSummary = {
  state: LifecycleState | null;
  since: string | null;
  established: { date: string; decisionNo: string | null } | null;
  landClearancePct: number | null;
  constructionPct: number | null;
  suspended: boolean;
  ended: boolean;
};

function sorted(events: readonly LifecycleEvent[]): LifecycleEvent[] {
  return [...events].sort((a, b) => a.eventDate.localeCompare(b.eventDate) || a.seq - b.seq);
}

/** The current state and key facts, derived from the history. */
export function deriveLifecycle(events: readonly LifecycleEvent[]): LifecycleSummary {
  const summary: LifecycleSummary = {
    state: null,
    since: null,
    established: null,
    landClearancePct: null,
    constructionPct: null,
    suspended: false,
    ended: false,
  };
  // The latest step that moved the zone, other than a suspension: where a resumption returns to (a step
  // recorded during the suspension counts — the zone resumes where its history says it is).
  let lastStep: LifecycleState | null = null;
  for (const e of sorted(events)) {
    if (e.state === 'established')
      summary.established = { date: e.eventDate, decisionNo: e.decisionNo ?? null };
    if (e.state === 'land_clearance' && e.progressPct != null) summary.landClearancePct = e.progressPct;
    if (e.state === 'construction' && e.progressPct != null) summary.constructionPct = e.progressPct;
    if (annotations.includes(e.state)) continue;
    if (e.state === 'suspended') {
      summary.suspended = true;
      summary.state = 'suspended';
      summary.since = e.eventDate;
      continue;
    }
    if (e.state === 'resumed') {
      summary.suspended = false;
      summary.state = lastStep;
      summary.since = e.eventDate;
      continue;
    }
    if (e.state === 'revoked' || e.state === 'removed_from_plan') summary.ended = true;
    if (summary.state === e.state && (e.state === 'land_clearance' || e.state === 'construction')) continue;
    lastStep = e.state;
    summary.state = e.state;
    summary.since = e.eventDate;
  }
  return summary;
}

const rank = (state: LifecycleState | null) => (state ? mainPath.indexOf(state) : -1);

/**
 * Whether `next` may be added to the history. Returns a message naming the problem, or null. The new event
 * is checked against the history up to its own date, and the history after it must stay valid.
 */
export function checkLifecycleEvent(
  history: readonly LifecycleEvent[],
  next: LifecycleEvent,
): LocalizedText | null {
  const all = sorted([...history, next]);
  let state: LifecycleState | null = null;
  let established = false;
  let suspended = false;
  let ended = false;
  let legacy = false;
  let progress: Partial<Record<LifecycleState, number>> = {};
  for (const e of all) {
    const label = lifecycleLabels[e.state].vi;
    const labelEn = lifecycleLabels[e.state].en;
    if (ended) {
      return {
        vi: `Không thể ghi "${label}" sau khi đã thu hồi hoặc đưa ra khỏi quy hoạch.`,
        en: `Cannot record "${labelEn}" after revocation or removal from the plan.`,
      };
    }
    if (e.progressPct != null && (e.progressPct < 0 || e.progressPct > 100)) {
      return { vi: 'Tỷ lệ hoàn thành phải từ 0 đến 100 %.', en: 'Progress must be between 0 and 100 %.' };
    }
    switch (e.state) {
      case 'operating':
        if (!established) {
          return {
            vi: 'Không thể ghi "Đang hoạt động" khi chưa có quyết định thành lập (dùng "Hoạt động, chưa có quyết định thành lập" cho cụm hình thành trước đây).',
            en: 'Cannot record "Operating" before establishment (use "Operating without establishment decision" for legacy clusters).',
          };
        }
        break;
      case 'detailed_plan_approved':
      case 'infrastructure_project_approved':
      case 'land_clearance':
      case 'construction':
      case 'infrastructure_complete':
      case 'expanded':
      case 'adjusted':
      case 'revoked':
        if (!established && !legacy) {
          return {
            vi: `Không thể ghi "${label}" khi chưa có quyết định thành lập.`,
            en: `Cannot record "${labelEn}" before the establishment decision.`,
          };
        }
        break;
      case 'established':
        if (established)
          return { vi: 'Khu/cụm đã được thành lập trước đó.', en: 'The zone was already established.' };
        break;
      case 'resumed':
        if (!suspended)
          return { vi: 'Chỉ tiếp tục được sau khi tạm dừng.', en: 'Only a suspended zone can resume.' };
        break;
      case 'suspended':
        if (suspended) return { vi: 'Khu/cụm đang tạm dừng.', en: 'The zone is already suspended.' };
        break;
      default:
        break;
    }
    if (rank(e.state) >= 0 && rank(e.state) < rank(state) && !(e.state === state)) {
      return {
        vi: `Không thể lùi từ "${lifecycleLabels[state!].vi}" về "${label}"; hãy ghi sự kiện "Điều chỉnh" kèm văn bản.`,
        en: `Cannot go back from "${lifecycleLabels[state!].en}" to "${labelEn}"; record an "Adjusted" event with its document.`,
      };
    }
    if ((e.state === 'land_clearance' || e.state === 'construction') && e.progressPct != null) {
      const before = progress[e.state];
      if (before != null && e.progressPct < before) {
        return {
          vi: `Tỷ lệ "${label}" không thể giảm (${before} % → ${e.progressPct} %).`,
          en: `"${labelEn}" progress cannot decrease (${before} % → ${e.progressPct} %).`,
        };
      }
      progress = { ...progress, [e.state]: e.progressPct };
    }
    if (e.state === 'established') established = true;
    if (e.state === 'operating_without_establishment') legacy = true;
    if (e.state === 'suspended') suspended = true;
    if (e.state === 'resumed') suspended = false;
    if (e.state === 'revoked' || e.state === 'removed_from_plan') ended = true;
    if (rank(e.state) >= 0) state = e.state;
  }
  return null;
}

/**
 * A state's place on the main path (in plan … operating), or -1 for states off it. A zone "has reached" a step
 * when an event at or beyond that place is recorded; operating without an establishment decision counts as
 * operating.
 */
export function mainPathRank(state: LifecycleState): number {
  return state === 'operating_without_establishment'
    ? mainPath.indexOf('operating')
    : mainPath.indexOf(state);
}
