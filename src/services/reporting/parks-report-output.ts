import ExcelJS from 'exceljs';
import {
  formatAdministrativeDateLine,
  formatDate,
  formatNumber,
  toIsoDate,
} from '../../domain/format/format';
import { formVersion } from '../../domain/reporting/catalogue';
import type { FormItem, FormVersion } from '../../domain/reporting/form-types';
import { indicatorOf, units } from '../../domain/reporting/indicators';
import type { ParksReportView } from '../../domain/reporting/parks-report.schema';
import { formatPeriod } from '../../domain/reporting/periods';
import { renderAdminDocument, type AdminTableRow } from '../output/admin-document';

/**
 * The parks' periodic report (KCN_BOARD) as documents: Word in the Decree 30/2020 layout and Excel in the
 * report's table layout — item, the period's value, the year to date, the year's target and the per cent
 * achieved. Every figure comes from the computed report passed in; the live report is marked a draft.
 */

const AGENCY = {
  parent: 'Ủy ban nhân dân thành phố Hà Nội',
  name: 'Ban Quản lý các khu công nghiệp và chế xuất Hà Nội',
};
const SYMBOL = 'BC-BQL';
const PLACE = 'Hà Nội';

type Line = {
  item: FormItem;
  value: number | null;
  yearToDate: number | null;
  target: number | null;
  achievedPct: number | null;
};

function definition(view: ParksReportView): FormVersion {
  const form = formVersion('KCN_BOARD', view.report.formVersion);
  if (!form) throw new Error(`No form KCN_BOARD version ${view.report.formVersion}`);
  return form;
}

const itemLabel = (item: FormItem) => item.label?.vi ?? indicatorOf(item.indicator).name.vi;
const unitLabel = (item: FormItem) => units[indicatorOf(item.indicator).unit].vi;
const decimalsOf = (item: FormItem) => indicatorOf(item.indicator).decimals;
const text = (item: FormItem, value: number | null) =>
  value === null ? '—' : formatNumber(value, { maxFractionDigits: decimalsOf(item) });
const pct = (value: number | null) =>
  value === null ? '—' : `${formatNumber(value, { maxFractionDigits: 1 })} %`;

function groups(view: ParksReportView, form: FormVersion): { section: string | null; rows: Line[] }[] {
  const byNo = new Map(view.report.items.map((i) => [i.no, i]));
  const out: { section: string | null; rows: Line[] }[] = [];
  for (const item of form.items) {
    const section = item.section ?? null;
    let group = out[out.length - 1];
    if (!group || group.section !== section) {
      group = { section, rows: [] };
      out.push(group);
    }
    const figures = byNo.get(item.no);
    group.rows.push({
      item,
      value: figures?.value ?? null,
      yearToDate: figures?.yearToDate ?? null,
      target: figures?.target ?? null,
      achievedPct: figures?.achievedPct ?? null,
    });
  }
  return out;
}

const sectionTitle = (form: FormVersion, code: string | null) =>
  form.sections.find((s) => s.code === code)?.title.vi ?? '';

function territory(view: ParksReportView): string {
  return view.scope.kind === 'zone' ? view.scope.name : 'các khu công nghiệp, khu chế xuất thành phố Hà Nội';
}

function periodLine(view: ParksReportView): string {
  const { report } = view;
  return `Kỳ báo cáo: ${formatPeriod(report.period, 'vi')} (từ ngày ${formatDate(report.window.start)} đến ngày ${formatDate(report.window.end)}); lũy kế từ ngày ${formatDate(report.yearToDate.start)}.`;
}

/** "Báo cáo tình hình …" under the heading "BÁO CÁO" reads "Tình hình …". */
function subject(form: FormVersion): string {
  const rest = form.title.vi.replace(/^Báo cáo\s+/u, '');
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

const isQuarter = (view: ParksReportView) => view.report.period.includes('-Q');

/** The report as a Word document in the administrative layout (landscape: seven columns). */
export async function parksReportDocx(view: ParksReportView): Promise<Buffer> {
  const form = definition(view);
  const rows: AdminTableRow[] = [];
  for (const group of groups(view, form)) {
    if (group.section)
      rows.push({
        cells: [group.section, sectionTitle(form, group.section), '', '', '', '', ''],
        bold: true,
      });
    for (const line of group.rows) {
      rows.push({
        cells: [
          line.item.no,
          itemLabel(line.item),
          unitLabel(line.item),
          text(line.item, line.value),
          text(line.item, line.yearToDate),
          text(line.item, line.target),
          pct(line.achievedPct),
        ],
      });
    }
  }
  return renderAdminDocument({
    agency: AGENCY,
    number: null,
    symbol: SYMBOL,
    place: PLACE,
    date: toIsoDate(new Date(view.computedAt)),
    docType: 'Báo cáo',
    summary: `${subject(form)} — ${territory(view)} — ${formatPeriod(view.report.period, 'vi')}`,
    form: { code: form.shortTitle.vi, basis: `Theo ${form.legalBasis}` },
    orientation: 'landscape',
    blocks: [
      { kind: 'paragraph', text: periodLine(view) },
      {
        kind: 'table',
        columns: [
          { header: 'STT', width: 5, align: 'center' },
          { header: 'Chỉ tiêu', width: 38 },
          { header: 'Đơn vị tính', width: 12, align: 'center' },
          { header: isQuarter(view) ? 'Trong quý' : 'Trong năm', width: 11, align: 'right' },
          { header: 'Lũy kế từ đầu năm', width: 11, align: 'right' },
          { header: 'Kế hoạch năm', width: 11, align: 'right' },
          { header: '% kế hoạch năm', width: 10, align: 'right' },
        ],
        rows,
        note: `Số liệu do hệ thống IZIS tính từ sổ vốn đầu tư và các báo cáo của doanh nghiệp đã được chấp nhận, ngày ${formatDate(view.computedAt)}. Vốn quy đổi theo tỷ giá cấu hình tại ngày của từng giao dịch.`,
      },
    ],
    signer: { authority: null, title: 'Trưởng ban', name: null },
    recipients: [...form.recipients.map((r) => r.vi), 'Lưu: VT'],
    draft: true,
    title: `${form.shortTitle.vi} ${formatPeriod(view.report.period, 'vi')}`,
  });
}

const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const };

/** The report as an Excel sheet (numbers stay numbers). */
export async function parksReportXlsx(view: ParksReportView): Promise<Buffer> {
  const form = definition(view);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IZIS';
  const sheet = workbook.addWorksheet(form.shortTitle.vi.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [
    { width: 7 },
    { width: 52 },
    { width: 16 },
    { width: 15 },
    { width: 15 },
    { width: 15 },
    { width: 12 },
  ];
  const put = (row: number, col: number, value: string | number, style: Partial<ExcelJS.Style> = {}) => {
    const cell = sheet.getCell(row, col);
    cell.value = value;
    cell.font = { ...FONT, ...(style.font ?? {}) };
    cell.alignment = { vertical: 'middle', wrapText: true, ...(style.alignment ?? {}) };
    if (style.border) cell.border = style.border;
    if (style.numFmt) cell.numFmt = style.numFmt;
  };
  const merge = (row: number, from: number, to: number) => sheet.mergeCells(row, from, row, to);
  const centre = { horizontal: 'center' as const };
  merge(1, 1, 3);
  put(1, 1, AGENCY.name.toLocaleUpperCase('vi'), { font: { ...FONT, bold: true }, alignment: centre });
  merge(1, 4, 7);
  put(1, 4, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { font: { ...FONT, bold: true }, alignment: centre });
  merge(2, 1, 3);
  put(2, 1, `Số:      /${SYMBOL}`, { alignment: centre });
  merge(2, 4, 7);
  put(2, 4, 'Độc lập - Tự do - Hạnh phúc', {
    font: { ...FONT, bold: true, underline: true },
    alignment: centre,
  });
  merge(3, 4, 7);
  put(3, 4, formatAdministrativeDateLine(PLACE, toIsoDate(new Date(view.computedAt))), {
    font: { ...FONT, italic: true },
    alignment: centre,
  });
  merge(5, 1, 7);
  put(
    5,
    1,
    `${form.title.vi.toLocaleUpperCase('vi')} — ${formatPeriod(view.report.period, 'vi').toLocaleUpperCase('vi')}`,
    {
      font: { ...FONT, bold: true, size: 13 },
      alignment: centre,
    },
  );
  sheet.getRow(5).height = 36;
  merge(6, 1, 7);
  put(6, 1, `${territory(view)}. ${periodLine(view)}`, {
    font: { ...FONT, italic: true },
    alignment: centre,
  });
  sheet.getRow(6).height = 32;
  merge(7, 1, 7);
  put(7, 1, 'DỰ THẢO — số liệu tính tại thời điểm tải về', {
    font: { ...FONT, bold: true, color: { argb: 'FFC00000' } },
    alignment: centre,
  });
  const header = 8;
  const border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  [
    'STT',
    'Chỉ tiêu',
    'Đơn vị tính',
    isQuarter(view) ? 'Trong quý' : 'Trong năm',
    'Lũy kế từ đầu năm',
    'Kế hoạch năm',
    '% kế hoạch năm',
  ].forEach((title, i) =>
    put(header, i + 1, title, { font: { ...FONT, bold: true }, alignment: centre, border }),
  );
  let row = header + 1;
  for (const group of groups(view, form)) {
    if (group.section) {
      put(row, 1, group.section, { font: { ...FONT, bold: true }, alignment: centre, border });
      put(row, 2, sectionTitle(form, group.section), { font: { ...FONT, bold: true }, border });
      for (const col of [3, 4, 5, 6, 7]) put(row, col, '', { border });
      row += 1;
    }
    for (const line of group.rows) {
      const decimals = decimalsOf(line.item);
      const numFmt = decimals > 0 ? `#,##0.${'#'.repeat(decimals)}` : '#,##0';
      const right = { horizontal: 'right' as const };
      put(row, 1, line.item.no, { alignment: centre, border });
      put(row, 2, itemLabel(line.item), { border });
      put(row, 3, unitLabel(line.item), { alignment: centre, border });
      put(row, 4, line.value ?? '', { alignment: right, border, numFmt });
      put(row, 5, line.yearToDate ?? '', { alignment: right, border, numFmt });
      put(row, 6, line.target ?? '', { alignment: right, border, numFmt });
      put(row, 7, line.achievedPct ?? '', { alignment: right, border, numFmt: '0.0' });
      row += 1;
    }
  }
  row += 1;
  merge(row, 5, 7);
  put(row, 5, 'TRƯỞNG BAN', { font: { ...FONT, bold: true }, alignment: centre });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
