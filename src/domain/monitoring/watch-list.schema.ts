import { z } from 'zod';
import { watchActions, watchRuleCodes } from './watch-entry';

/** Contracts of the watch list API (danh sách theo dõi) and its manual entries. */

const isoDate = z.iso.date();
const localized = z.object({ vi: z.string(), en: z.string() });

export const watchEntrySchema = z.object({
  subject: z.object({ kind: z.enum(['zone', 'project']), code: z.string(), name: z.string() }),
  zoneCode: z.string(),
  zoneName: z.string(),
  family: z.enum(['KCN', 'CCN']),
  rule: z.enum(watchRuleCodes),
  reason: localized,
  since: isoDate,
  agency: z.string().nullable(),
  proposedAction: z.enum(watchActions),
  source: z.object({ kind: z.string(), id: z.string() }).nullable(),
});
export type WatchEntryView = z.infer<typeof watchEntrySchema>;

export const watchListQuerySchema = z.object({
  rule: z.enum(watchRuleCodes).optional(),
  zone: z.string().trim().max(64).optional(),
  family: z.enum(['KCN', 'CCN']).optional(),
  action: z.enum(watchActions).optional(),
});
export type WatchListQuery = z.infer<typeof watchListQuerySchema>;

export const watchListSchema = z.object({
  asOf: isoDate,
  items: z.array(watchEntrySchema),
  /** Whether the reader may add a manual entry somewhere. */
  canAddManual: z.boolean(),
});
export type WatchList = z.infer<typeof watchListSchema>;

export const manualWatchInputSchema = z.object({
  zoneCode: z.string().trim().min(1).max(64),
  projectCode: z.string().trim().max(64).nullish(),
  reason: z.string().trim().min(1).max(2000),
  agency: z.string().trim().max(300).nullish(),
  proposedAction: z.enum(watchActions),
});
export type ManualWatchInput = z.infer<typeof manualWatchInputSchema>;

export const manualWatchRemoveSchema = z.object({
  reason: z.string().trim().min(1).max(2000),
});
export type ManualWatchRemove = z.infer<typeof manualWatchRemoveSchema>;

export const manualWatchSchema = z.object({
  id: z.uuid(),
  zoneCode: z.string(),
  projectCode: z.string().nullable(),
  reason: z.string(),
  agency: z.string().nullable(),
  proposedAction: z.enum(watchActions),
  since: isoDate,
  addedBy: z.string(),
  removedOn: isoDate.nullable(),
  removedBy: z.string().nullable(),
  removalReason: z.string().nullable(),
});
export type ManualWatchView = z.infer<typeof manualWatchSchema>;

export const manualWatchHistorySchema = z.object({ items: z.array(manualWatchSchema) });

export const watchRuleLabels: Record<(typeof watchRuleCodes)[number], { vi: string; en: string }> = {
  schedule_step_late: { vi: 'Chậm tiến độ', en: 'Schedule step late' },
  obstacle_overdue: { vi: 'Vướng mắc quá hạn', en: 'Obstacle overdue' },
  commitment_missed: { vi: 'Không đạt cam kết', en: 'Commitment missed' },
  wwtp_missing: { vi: 'Chưa có XLNT đạt QCVN', en: 'No compliant WWTP' },
  inspection_unremedied: { vi: 'Chưa khắc phục sau kiểm tra', en: 'Inspection not remedied' },
  reports_overdue: { vi: 'Chậm báo cáo', en: 'Reports overdue' },
  occupancy_low: { vi: 'Lấp đầy thấp', en: 'Low occupancy' },
  progress_stale: { vi: 'Không cập nhật tiến độ', en: 'No progress reading' },
  manual: { vi: 'Cán bộ bổ sung', en: 'Added by an officer' },
};

export const watchActionLabels: Record<(typeof watchActions)[number], { vi: string; en: string }> = {
  remind: { vi: 'Nhắc nhở', en: 'Remind' },
  escalate: { vi: 'Báo cáo cấp trên', en: 'Escalate' },
  inspect: { vi: 'Kiểm tra', en: 'Inspect' },
  propose_revocation: { vi: 'Đề xuất thu hồi', en: 'Propose revocation' },
};
