import type { LocalizedText } from '../shared/errors';
import type { WatchAction, WatchRuleCode } from './watch-entry';

/** Names of the watch-list rules and proposed actions (zod-free, so the web can import them). */
export const watchRuleLabels: Record<WatchRuleCode, LocalizedText> = {
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

export const watchActionLabels: Record<WatchAction, LocalizedText> = {
  remind: { vi: 'Nhắc nhở', en: 'Remind' },
  escalate: { vi: 'Báo cáo cấp trên', en: 'Escalate' },
  inspect: { vi: 'Kiểm tra', en: 'Inspect' },
  propose_revocation: { vi: 'Đề xuất thu hồi', en: 'Propose revocation' },
};
