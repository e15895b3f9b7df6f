import type { ColumnDef } from '../../domain/import/cells';
import type { InspectionListQuery } from '../../domain/inspection/inspection.schema';
import { toIsoDate } from '../../domain/format/format';
import type { ServiceDeps } from '../deps';
import { guideText, sheetExport, type ExportFile } from '../import/export-file';
import { findKinds } from './inspection.repository';
import { listInspections } from './inspection.service';

/** The inspection list as XLSX or CSV: one row per inspection, with its failed items, findings and penalties. */

const text = (field: string, vi: string, en: string, meaning: string, width = 20): ColumnDef => ({
  field,
  vi,
  en,
  column: { type: 'text' },
  help: { meaning },
  width,
});

const columns: ColumnDef[] = [
  text('zoneCode', 'Mã khu/cụm', 'zoneCode', 'Mã khu, cụm công nghiệp.'),
  text('zoneName', 'Tên khu/cụm', 'zoneName', 'Tên khu, cụm công nghiệp.', 40),
  text('projectCode', 'Mã dự án', 'projectCode', 'Dự án thứ cấp được kiểm tra (nếu có).'),
  text('kind', 'Loại kiểm tra', 'kind', 'Loại kiểm tra theo danh mục.', 30),
  {
    field: 'inspectedOn',
    vi: 'Ngày kiểm tra',
    en: 'inspectedOn',
    column: { type: 'date' },
    help: { meaning: 'Ngày kiểm tra.' },
    width: 14,
  },
  text('agency', 'Cơ quan kiểm tra', 'agency', 'Cơ quan chủ trì kiểm tra.', 30),
  text('decisionNo', 'Số quyết định kiểm tra', 'decisionNo', 'Quyết định, kế hoạch kiểm tra.'),
  text(
    'failedItems',
    'Hạng mục không đạt',
    'failedItems',
    'Các hạng mục không đạt, mỗi hạng mục một dòng.',
    40,
  ),
  {
    field: 'findings',
    vi: 'Số kiến nghị',
    en: 'findings',
    column: { type: 'number', integer: true },
    help: { meaning: 'Số kiến nghị khắc phục.' },
    width: 12,
  },
  {
    field: 'overdue',
    vi: 'Quá hạn chưa khắc phục',
    en: 'overdue',
    column: { type: 'number', integer: true },
    help: { meaning: 'Số kiến nghị quá hạn, chưa khắc phục.' },
    width: 14,
  },
  {
    field: 'penaltiesVnd',
    vi: 'Tiền phạt (đồng)',
    en: 'penaltiesVnd',
    column: { type: 'integerText' },
    help: { meaning: 'Tổng tiền phạt theo các quyết định xử phạt.' },
    width: 18,
  },
  text('conclusion', 'Kết luận', 'conclusion', 'Kết luận kiểm tra.', 50),
];

export async function exportInspections(
  deps: ServiceDeps,
  query: InspectionListQuery,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const now = deps.clock.now();
  const [rows, kinds] = await Promise.all([listInspections(deps, query, 100_000), findKinds(deps.db)]);
  const records = rows.map((r) => {
    const kind = kinds.find((k) => k.code === r.kindCode);
    const label = (code: string) => kind?.items.find((i) => i.code === code)?.labelVi ?? code;
    return {
      zoneCode: r.zoneCode,
      zoneName: r.zoneName,
      projectCode: r.projectCode,
      kind: kind?.nameVi ?? r.kindCode,
      inspectedOn: r.inspectedOn,
      agency: r.agency,
      decisionNo: r.decisionNo,
      failedItems: r.results
        .filter((x) => !x.passed)
        .map((x) => label(x.itemCode))
        .join('\n'),
      findings: r.findings.length,
      overdue: r.findings.filter((f) => f.overdue).length,
      penaltiesVnd: r.penalties.reduce((sum, p) => sum + BigInt(p.amountVnd), 0n).toString(),
      conclusion: r.conclusion,
    };
  });
  return sheetExport({
    format,
    fileName: `kiem-tra-${toIsoDate(now)}.${format}`,
    sheetName: 'Kiểm tra',
    columns,
    records,
    guide: guideText('Danh sách kiểm tra, thanh tra', [
      'Dữ liệu xuất từ IZIS; tệp này không dùng để nhập lại.',
    ]),
    now,
  });
}
