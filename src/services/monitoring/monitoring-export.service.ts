import type { ColumnDef } from '../../domain/import/cells';
import { watchActionLabels, watchRuleLabels } from '../../domain/monitoring/watch-labels';
import type { WatchListQuery } from '../../domain/monitoring/watch-list.schema';
import type { ServiceDeps } from '../deps';
import { guideText, sheetExport, type ExportFile } from '../import/export-file';
import { listWatchEntries } from './watch-list.service';

/**
 * The watch list as XLSX or CSV, through the registry lists' export (export-file.ts). The obstacles list is
 * exported with its import's columns (import/obstacle-import.service.ts), so that it imports back.
 */

const text = (field: string, vi: string, en: string, meaning: string, width = 24): ColumnDef => ({
  field,
  vi,
  en,
  column: { type: 'text' },
  help: { meaning },
  width,
});
const day = (field: string, vi: string, en: string, meaning: string): ColumnDef => ({
  field,
  vi,
  en,
  column: { type: 'date' },
  help: { meaning },
  width: 14,
});

const watchColumns: ColumnDef[] = [
  text('zoneCode', 'Mã khu/cụm', 'Zone code', 'Khu, cụm công nghiệp', 18),
  text('subject', 'Đối tượng', 'Subject', 'Khu/cụm hoặc dự án được theo dõi', 36),
  text('rule', 'Tiêu chí', 'Rule', 'Tiêu chí đưa vào danh sách theo dõi', 22),
  text('reason', 'Lý do', 'Reason', 'Lý do, kèm số liệu', 60),
  day('since', 'Từ ngày', 'Since', 'Ngày tiêu chí bắt đầu đúng'),
  text('agency', 'Cơ quan chịu trách nhiệm', 'Responsible agency', 'Cơ quan, đơn vị phải xử lý', 32),
  text('action', 'Đề xuất', 'Proposed action', 'Biện pháp đề xuất', 18),
];

export async function exportWatchList(
  deps: ServiceDeps,
  query: Partial<WatchListQuery>,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const list = await listWatchEntries(deps, query);
  return sheetExport({
    format,
    fileName: `danh-sach-theo-doi-${list.asOf}.${format}`,
    sheetName: 'Danh sách theo dõi',
    columns: watchColumns,
    records: list.items.map((e) => ({
      zoneCode: e.zoneCode,
      subject: `${e.subject.name} (${e.subject.code})`,
      rule: watchRuleLabels[e.rule].vi,
      reason: e.reason.vi,
      since: e.since,
      agency: e.agency ?? '',
      action: watchActionLabels[e.proposedAction].vi,
    })),
    guide: guideText('Danh sách theo dõi', ['Danh sách được tính từ dữ liệu tại ngày xuất; không nhập lại.']),
    now: deps.clock.now(),
  });
}
