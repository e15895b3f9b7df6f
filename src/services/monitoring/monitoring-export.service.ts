import type { ColumnDef } from '../../domain/import/cells';
import { obstacleStatusLabels } from '../../domain/monitoring/obstacle';
import type { ObstacleListQuery } from '../../domain/monitoring/obstacle.schema';
import { watchActionLabels, watchRuleLabels } from '../../domain/monitoring/watch-labels';
import type { WatchListQuery } from '../../domain/monitoring/watch-list.schema';
import type { ServiceDeps } from '../deps';
import { guideText, sheetExport, type ExportFile } from '../import/export-file';
import { listObstacles, today } from './obstacle.service';
import { listWatchEntries } from './watch-list.service';

/** The watch list and the obstacles list as XLSX or CSV, through the registry lists' export (export-file.ts). */

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

const obstacleColumns: ColumnDef[] = [
  text('zoneCode', 'Mã khu/cụm', 'Zone code', 'Khu, cụm công nghiệp', 18),
  text('projectCode', 'Mã dự án', 'Project code', 'Dự án thứ cấp (nếu có)', 16),
  text('category', 'Nhóm vướng mắc', 'Category', 'Nhóm vướng mắc', 22),
  text('title', 'Nội dung vướng mắc', 'What blocks', 'Nội dung vướng mắc', 50),
  text('agency', 'Cơ quan chịu trách nhiệm', 'Responsible agency', 'Cơ quan phải xử lý', 32),
  day('raisedOn', 'Ngày phát sinh', 'Raised on', 'Ngày ghi nhận'),
  day('deadline', 'Hạn xử lý', 'Deadline', 'Hạn xử lý'),
  text('status', 'Trạng thái', 'Status', 'Trạng thái xử lý', 20),
  text('daysOverdue', 'Số ngày quá hạn', 'Days overdue', 'Số ngày quá hạn', 12),
  text('resolution', 'Kết quả xử lý', 'Resolution', 'Kết quả hoặc lý do dừng xử lý', 40),
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

export async function exportObstacles(
  deps: ServiceDeps,
  query: Partial<ObstacleListQuery>,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const list = await listObstacles(deps, query, { all: true });
  return sheetExport({
    format,
    fileName: `vuong-mac-${today(deps)}.${format}`,
    sheetName: 'Vướng mắc',
    columns: obstacleColumns,
    records: list.items.map((o) => ({
      zoneCode: o.zone.code,
      projectCode: o.project?.code ?? '',
      category: o.categoryName.vi,
      title: o.title,
      agency: o.agency,
      raisedOn: o.raisedOn,
      deadline: o.deadline,
      status: obstacleStatusLabels[o.status].vi,
      daysOverdue: o.daysOverdue === null ? '' : String(o.daysOverdue),
      resolution: o.resolution ?? '',
    })),
    guide: guideText('Vướng mắc', ['Danh sách vướng mắc theo bộ lọc tại ngày xuất.']),
    now: deps.clock.now(),
  });
}
