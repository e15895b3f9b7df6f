import ExcelJS from 'exceljs';
import { indicatorByCode, type IndicatorUnit } from '../../domain/analysis/indicators';
import { formatDateRange } from '../../domain/analysis/period-range';
import type { BriefingView } from '../../domain/briefing/briefing.schema';
import { TASKS_HEADING } from '../../domain/briefing/sections';
import { formatDateTime, toIsoDate } from '../../domain/format/format';
import { renderAdminDocument, type AdminBlock } from '../output/admin-document';
import type { ZoneAnnexRow } from './briefing-figures';

/**
 * The briefing as documents: Word in the Decree 30/2020 layout (the sentences, then the tasks), and the Excel
 * annexes (Phụ lục 1: every figure with last year, the ratio, the year to date, the plan and % of plan;
 * Phụ lục 2: the zones at the period's end). Every number comes from the view passed in.
 */

const PARENT = 'Ủy ban nhân dân thành phố Hà Nội';
const AGENCY: Record<BriefingView['scope'], { name: string; symbol: string; signer: string }> = {
  KCN: { name: 'Ban Quản lý các khu công nghiệp và chế xuất Hà Nội', symbol: 'BC-BQL', signer: 'Trưởng ban' },
  CCN: { name: 'Sở Công Thương Hà Nội', symbol: 'BC-SCT', signer: 'Giám đốc' },
  city: { name: 'Sở Công Thương Hà Nội', symbol: 'BC-SCT', signer: 'Giám đốc' },
};

const UNIT_LABEL: Record<IndicatorUnit, string> = {
  count: 'số lượng',
  usd_m: 'triệu USD',
  bn_vnd: 'tỷ đồng',
  ha: 'ha',
  pct: '%',
  person: 'người',
};

export async function briefingDocx(view: BriefingView): Promise<Buffer> {
  const agency = AGENCY[view.scope];
  const blocks: AdminBlock[] = [];
  let part = '';
  for (const s of view.sections) {
    if (s.part !== part) {
      blocks.push({ kind: 'heading', text: s.part });
      part = s.part;
    }
    blocks.push({ kind: 'heading', text: s.heading });
    blocks.push({ kind: 'paragraph', text: s.text });
  }
  blocks.push({ kind: 'heading', text: TASKS_HEADING.vi });
  for (const line of view.tasks
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    blocks.push({ kind: 'paragraph', text: line });
  }
  blocks.push({
    kind: 'paragraph',
    italic: true,
    text: `Số liệu tính đến ${formatDateTime(view.asOf)} từ sổ đăng ký, sổ vốn đầu tư và các báo cáo đã được chấp nhận (chi tiết tại phụ lục kèm theo).`,
  });
  return renderAdminDocument({
    agency: { parent: PARENT, name: agency.name },
    number: view.number,
    symbol: agency.symbol,
    place: 'Hà Nội',
    date: toIsoDate(new Date(view.issuedAt ?? view.asOf)),
    docType: 'BÁO CÁO',
    summary: view.title,
    blocks,
    signer: { title: agency.signer, name: view.signerName },
    recipients: ['Thường trực Thành ủy;', 'UBND Thành phố;', 'Lưu: VT.'],
    draft: view.state !== 'issued',
    title: view.title,
  });
}

const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function table(
  sheet: ExcelJS.Worksheet,
  title: string,
  subtitle: string,
  headers: readonly string[],
  widths: readonly number[],
  rows: readonly (string | number | null)[][],
): void {
  sheet.columns = widths.map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, headers.length);
  Object.assign(sheet.getCell(1, 1), { value: title });
  sheet.getCell(1, 1).font = { ...FONT, bold: true, size: 13 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center', wrapText: true };
  sheet.mergeCells(2, 1, 2, headers.length);
  sheet.getCell(2, 1).value = subtitle;
  sheet.getCell(2, 1).font = { ...FONT, italic: true };
  sheet.getCell(2, 1).alignment = { horizontal: 'center', wrapText: true };
  headers.forEach((h, i) => {
    const cell = sheet.getCell(4, i + 1);
    cell.value = h;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      const cell = sheet.getCell(5 + r, c + 1);
      cell.value = v ?? '';
      cell.font = FONT;
      cell.border = BORDER;
      if (typeof v === 'number') cell.numFmt = Number.isInteger(v) ? '#,##0' : '#,##0.0';
    });
  });
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export async function briefingXlsx(view: BriefingView, zones: readonly ZoneAnnexRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IZIS';
  const subtitle = `${view.title} — số liệu tính đến ${formatDateTime(view.asOf)}`;
  const figures: (string | number | null)[][] = [];
  let no = 0;
  for (const [family, byCode] of Object.entries(view.figures)) {
    figures.push([
      family === 'KCN' ? 'I' : 'II',
      family === 'KCN' ? 'Các khu công nghiệp, khu chế xuất' : 'Các cụm công nghiệp',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    for (const [code, f] of Object.entries(byCode)) {
      const def = indicatorByCode(code);
      if (!def) continue;
      no += 1;
      figures.push([
        no,
        def.name.vi,
        UNIT_LABEL[def.unit],
        round1(f.value),
        round1(f.previous),
        f.ratio === null ? null : Math.round(f.ratio * 100) / 100,
        round1(f.ytd),
        round1(f.target),
        round1(f.planPct),
        code,
      ]);
    }
  }
  table(
    workbook.addWorksheet('Phụ lục 1 - Chỉ tiêu'),
    `PHỤ LỤC 1. CÁC CHỈ TIÊU ${formatDateRange({ from: view.from, to: view.to }).toLocaleUpperCase('vi')}`,
    subtitle,
    [
      'STT',
      'Chỉ tiêu',
      'Đơn vị',
      'Kỳ báo cáo',
      'Cùng kỳ năm trước',
      'So với cùng kỳ (lần)',
      'Lũy kế năm',
      'Kế hoạch năm',
      '% kế hoạch',
      'Mã',
    ],
    [6, 44, 12, 14, 14, 12, 14, 14, 10, 26],
    figures,
  );
  table(
    workbook.addWorksheet('Phụ lục 2 - Khu, cụm'),
    'PHỤ LỤC 2. CÁC KHU, CỤM CÔNG NGHIỆP ĐẾN CUỐI KỲ',
    subtitle,
    ['STT', 'Mã', 'Tên', 'Loại', 'Diện tích (ha)', 'Đất công nghiệp (ha)', 'Tỷ lệ lấp đầy (%)', 'Số dự án'],
    [6, 16, 44, 8, 14, 14, 14, 10],
    zones.map((z, i) => [
      i + 1,
      z.code,
      z.name,
      z.family,
      round1(z.areaHa),
      round1(z.industrialHa),
      round1(z.occupancyPct),
      z.projects,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
