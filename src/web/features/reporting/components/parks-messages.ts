import { useLocale, type Locale } from '../../../lib/i18n';

/**
 * The words of the parks' report page, in Vietnamese and English. Kept beside the page (not in lib/messages)
 * so the feature is one folder; the shared report words (units, downloads) come from lib/messages.
 */
const vi = {
  title: 'Báo cáo định kỳ khu công nghiệp',
  homeLink: 'Báo cáo định kỳ KCN',
  period: 'Kỳ báo cáo',
  scope: 'Phạm vi',
  city: 'Toàn thành phố',
  window: 'Số liệu trong kỳ',
  ytd: 'Lũy kế từ',
  computedAt: 'Tính lúc',
  basis: 'Căn cứ',
  live: 'Số liệu tính trực tiếp từ sổ vốn đầu tư và báo cáo đã được chấp nhận của doanh nghiệp.',
  items: 'Các chỉ tiêu',
  colPeriodQuarter: 'Trong quý',
  colPeriodYear: 'Trong năm',
  colYtd: 'Lũy kế năm',
  colTarget: 'Kế hoạch năm',
  colPct: '% đạt',
  sources: 'Nguồn số liệu ({count})',
  moreSources: 'và {count} nguồn khác (xem trong tệp Excel hoặc qua API).',
  gaps: 'Thiếu {count}',
  gapFiling: 'Chưa có báo cáo được chấp nhận của dự án {id}',
  gapRate: 'Thiếu tỷ giá cho {events} giao dịch ({range})',
  gapRangePeriod: 'trong kỳ',
  gapRangeYtd: 'lũy kế năm',
  gapRegistry: 'Chưa ghi {field} của khu {zone}',
  fieldWwtp: 'tình trạng nhà máy xử lý nước thải',
  moreGaps: 'và {count} dự án khác chưa có báo cáo được chấp nhận.',
  srcFiling: 'Báo cáo của doanh nghiệp, lần {revision}',
  srcCapital: 'Sổ vốn đầu tư từ {from} đến {to}',
  srcZone: 'Khu',
  srcProject: 'Dự án',
  targetsTitle: 'Chỉ tiêu kế hoạch năm {year}',
  targetsHint:
    'Kế hoạch năm được so với số lũy kế để tính % đạt. Chỉ tiêu không xoá được; mỗi lần sửa được ghi vào nhật ký.',
  targetsReadOnly: 'Bạn chỉ được xem chỉ tiêu kế hoạch.',
  colIndicator: 'Chỉ tiêu',
  colUnit: 'Đơn vị tính',
  colValue: 'Kế hoạch',
  colNote: 'Ghi chú',
  colUpdated: 'Cập nhật',
  notSet: 'Chưa đặt',
  edit: 'Sửa',
  set: 'Đặt',
  save: 'Lưu',
  cancel: 'Huỷ',
  saved: 'Đã lưu chỉ tiêu kế hoạch.',
  valueRequired: 'Nhập kế hoạch (số không âm).',
  conflict:
    'Chỉ tiêu này vừa được người khác sửa: kế hoạch hiện là {value}. Hãy xem lại rồi sửa tiếp nếu cần.',
  reload: 'Tải lại',
  pdf: 'Tải PDF',
  back: 'Về danh sách báo cáo',
};

type Key = keyof typeof vi;

const en: Record<Key, string> = {
  title: 'Industrial parks’ periodic report',
  homeLink: 'Parks’ periodic report',
  period: 'Period',
  scope: 'Scope',
  city: 'Whole city',
  window: 'Figures of the period',
  ytd: 'Year to date from',
  computedAt: 'Computed at',
  basis: 'Legal basis',
  live: 'Figures computed live from the investment ledger and the accepted tenant reports.',
  items: 'Items',
  colPeriodQuarter: 'In the quarter',
  colPeriodYear: 'In the year',
  colYtd: 'Year to date',
  colTarget: 'Year’s target',
  colPct: '% achieved',
  sources: 'Sources ({count})',
  moreSources: 'and {count} more (in the Excel file or through the API).',
  gaps: '{count} missing',
  gapFiling: 'No accepted report of project {id}',
  gapRate: 'No exchange rate for {events} ledger events ({range})',
  gapRangePeriod: 'in the period',
  gapRangeYtd: 'year to date',
  gapRegistry: '{field} of park {zone} not recorded',
  fieldWwtp: 'Wastewater plant status',
  moreGaps: 'and {count} more projects without an accepted report.',
  srcFiling: 'Tenant report, revision {revision}',
  srcCapital: 'Investment ledger from {from} to {to}',
  srcZone: 'Park',
  srcProject: 'Project',
  targetsTitle: 'Targets for {year}',
  targetsHint:
    'The year-to-date figures are measured against these targets. A target cannot be deleted; every change is in the audit trail.',
  targetsReadOnly: 'You may only view the targets.',
  colIndicator: 'Item',
  colUnit: 'Unit',
  colValue: 'Target',
  colNote: 'Note',
  colUpdated: 'Updated',
  notSet: 'Not set',
  edit: 'Edit',
  set: 'Set',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Target saved.',
  valueRequired: 'Enter the target (a number, not negative).',
  conflict: 'Someone else just changed this target: it is now {value}. Check it, then edit again if needed.',
  reload: 'Reload',
  pdf: 'Download PDF',
  back: 'Back to reports',
};

const dictionaries: Record<Locale, Record<Key, string>> = { vi, en };

export type ParksT = (key: Key, params?: Record<string, string | number>) => string;

export function parksT(locale: Locale): ParksT {
  return (key, params) =>
    dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params?.[name] === undefined ? whole : String(params[name]),
    );
}

export function useParksT(): ParksT {
  return parksT(useLocale());
}
