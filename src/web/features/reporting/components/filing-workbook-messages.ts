import { useLocale, type Locale } from '../../../lib/i18n';

/**
 * The words of filing by Excel (the reporter's workbook on the filing page, the developer's bulk page), in
 * Vietnamese and English. Kept beside the feature like parks-messages.ts.
 */
const vi = {
  cardTitle: 'Nộp bằng tệp Excel',
  cardHint:
    'Tải mẫu Excel của báo cáo này (có số liệu kỳ so sánh và bản nháp hiện tại), nhập số liệu vào các ô màu vàng, lưu tệp rồi tải lên. Số liệu được kiểm tra theo đúng các quy tắc của biểu mẫu trên trang này.',
  download: 'Tải mẫu Excel',
  upload: 'Nộp bằng tệp Excel',
  chooseFile: 'Chọn tệp .xlsx',
  alsoSubmit: 'Nộp luôn cho cơ quan tiếp nhận sau khi lưu',
  uploading: 'Đang đọc tệp…',
  savedDraft: 'Đã lưu bản nháp từ tệp Excel (bản số {revision}).',
  savedSubmitted: 'Đã lưu và nộp báo cáo từ tệp Excel (bản số {revision}).',
  unchanged: 'Số liệu trong tệp giống bản đã lưu: không có gì thay đổi.',
  problemsTitle: 'Tệp có {count} lỗi, chưa lưu gì. Sửa trong Excel rồi tải lên lại:',
  warningsTitle: 'Lưu ý (không chặn việc lưu):',
  onlyXlsx: 'Chỉ nhận tệp .xlsx tải từ hệ thống.',
  colRow: 'Dòng',
  colItem: 'Mục',
  colProblem: 'Nội dung',
  // Bulk page
  bulkTitle: 'Nộp hộ doanh nghiệp',
  bulkLink: 'Nộp hộ doanh nghiệp (Excel)',
  bulkSubtitle:
    'Chủ đầu tư hạ tầng lập Biểu 01 cho các dự án trong cụm công nghiệp của mình: tải một tệp Excel có mỗi dự án một dòng, nhập số liệu, tải lên để kiểm tra, rồi ghi tất cả một lần.',
  bulkStep1: '1. Chọn kỳ và cụm công nghiệp, tải tệp mẫu',
  bulkStep2: '2. Tải tệp đã điền lên để kiểm tra',
  bulkStep3: '3. Kết quả kiểm tra',
  bulkDone: '3. Đã ghi',
  period: 'Kỳ báo cáo',
  cluster: 'Cụm công nghiệp',
  allClusters: 'Tất cả cụm công nghiệp của tôi',
  downloadBulk: 'Tải tệp mẫu (mỗi dự án một dòng)',
  check: 'Kiểm tra tệp',
  commitAll: 'Ghi tất cả',
  commitAllSubmit: 'Ghi và nộp tất cả',
  commitConfirm: 'Ghi {count} báo cáo trong một lần? Nếu có bất kỳ dòng nào lỗi thì không ghi dòng nào.',
  committed: 'Đã ghi {save} báo cáo ({submit} đã nộp); {unchanged} không đổi, {skipped} bỏ qua.',
  nothingToWrite: 'Không có dòng nào cần ghi.',
  fixFirst: 'Còn {count} dòng lỗi: sửa trong Excel rồi kiểm tra lại. Chưa ghi gì.',
  summary:
    '{rows} dòng: {save} sẽ ghi, {submit} sẽ nộp, {unchanged} không đổi, {skipped} bỏ qua, {empty} để trống, {error} lỗi.',
  summaryDone:
    '{rows} dòng: {save} đã ghi, {submit} đã nộp, {unchanged} không đổi, {skipped} bỏ qua, {empty} để trống.',
  colProject: 'Dự án',
  colResult: 'Kết quả',
  colDetail: 'Chi tiết',
  'action.save': 'Ghi bản nháp',
  'action.save_submit': 'Ghi và nộp',
  'action.submit': 'Nộp',
  'action.unchanged': 'Không đổi',
  'action.skipped': 'Bỏ qua',
  'action.empty': 'Để trống',
  'action.error': 'Lỗi',
  noClusters: 'Không có cụm công nghiệp nào có dự án phải nộp Biểu 01 trong kỳ này.',
  notAllowed: 'Trang này dành cho chủ đầu tư hạ tầng cụm công nghiệp.',
  openReport: 'Mở báo cáo',
};

type Key = keyof typeof vi;

const en: Record<Key, string> = {
  cardTitle: 'File with an Excel workbook',
  cardHint:
    'Download this report as an Excel workbook (with the comparison period and the current draft), fill in the yellow cells, save it and upload it. The figures are checked with the same rules as the form on this page.',
  download: 'Download Excel template',
  upload: 'Upload Excel file',
  chooseFile: 'Choose an .xlsx file',
  alsoSubmit: 'Also submit it to the reviewing office after saving',
  uploading: 'Reading the file…',
  savedDraft: 'Draft saved from the Excel file (revision {revision}).',
  savedSubmitted: 'Saved and submitted from the Excel file (revision {revision}).',
  unchanged: 'The file holds the figures already saved: nothing changed.',
  problemsTitle: 'The file has {count} problems; nothing was saved. Fix them in Excel and upload again:',
  warningsTitle: 'Remarks (saving is not blocked):',
  onlyXlsx: 'Only the .xlsx template from the system is accepted.',
  colRow: 'Row',
  colItem: 'Item',
  colProblem: 'Problem',
  bulkTitle: 'File for tenants',
  bulkLink: 'File for tenants (Excel)',
  bulkSubtitle:
    'The infrastructure developer files Form 01 for the projects in its clusters: download one Excel file with a row per project, fill it in, upload it for a check, then write everything at once.',
  bulkStep1: '1. Choose the period and cluster, download the template',
  bulkStep2: '2. Upload the filled file for a check',
  bulkStep3: '3. Check result',
  bulkDone: '3. Written',
  period: 'Reporting period',
  cluster: 'Industrial cluster',
  allClusters: 'All my clusters',
  downloadBulk: 'Download template (a row per project)',
  check: 'Check file',
  commitAll: 'Write all',
  commitAllSubmit: 'Write and submit all',
  commitConfirm: 'Write {count} reports at once? If any row is bad, nothing is written.',
  committed: '{save} reports written ({submit} submitted); {unchanged} unchanged, {skipped} skipped.',
  nothingToWrite: 'No row needs writing.',
  fixFirst: '{count} rows have problems: fix them in Excel and check again. Nothing was written.',
  summary:
    '{rows} rows: {save} to write, {submit} to submit, {unchanged} unchanged, {skipped} skipped, {empty} empty, {error} bad.',
  summaryDone:
    '{rows} rows: {save} written, {submit} submitted, {unchanged} unchanged, {skipped} skipped, {empty} empty.',
  colProject: 'Project',
  colResult: 'Result',
  colDetail: 'Details',
  'action.save': 'Save draft',
  'action.save_submit': 'Save and submit',
  'action.submit': 'Submit',
  'action.unchanged': 'Unchanged',
  'action.skipped': 'Skipped',
  'action.empty': 'Empty',
  'action.error': 'Bad',
  noClusters: 'No cluster has projects owing Form 01 in this period.',
  notAllowed: 'This page is for cluster infrastructure developers.',
  openReport: 'Open report',
};

const dictionaries: Record<Locale, Record<Key, string>> = { vi, en };

export type WorkbookT = (key: Key, params?: Record<string, string | number>) => string;

export function workbookT(locale: Locale): WorkbookT {
  return (key, params) =>
    dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params?.[name] === undefined ? whole : String(params[name]),
    );
}

export function useWorkbookT(): WorkbookT {
  return workbookT(useLocale());
}
