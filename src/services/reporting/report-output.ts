import ExcelJS from 'exceljs';
import {
  formatAdministrativeDateLine,
  formatDate,
  formatNumber,
  toIsoDate,
} from '../../domain/format/format';
import type { CompiledItem, CompiledReport } from '../../domain/reporting/aggregate';
import { formVersion } from '../../domain/reporting/catalogue';
import type { FormCode, FormItem, FormVersion } from '../../domain/reporting/form-types';
import { indicatorOf, units } from '../../domain/reporting/indicators';
import { formatPeriod } from '../../domain/reporting/periods';
import { renderAdminDocument, type AdminDocumentSpec, type AdminTableRow } from '../output/admin-document';
import type { FilingDetail } from './filing.service';

/**
 * Statutory forms as documents: Word in the Decree 30/2020 layout (services/output/admin-document.ts) and
 * Excel in the form's table layout. Every figure comes from the compiled report or the filing passed in —
 * nothing is typed here. An unsigned report is marked "DỰ THẢO" and carries no number.
 */

export type CompiledDocumentInput = {
  /** The figures only: a document shows no sources. */
  report: Omit<CompiledReport, 'items'> & { items: readonly Pick<CompiledItem, 'no' | 'value'>[] };
  scope: { kind: 'commune' | 'city'; code: string; name: string };
  computedAt: string;
  annotations: Record<string, string>;
  signed: {
    versionNo: number;
    docNo: string | null;
    signerName: string | null;
    signerTitle: string | null;
    signedAt: string;
  } | null;
};

function definition(code: string, version: string): FormVersion {
  const form = formVersion(code as FormCode, version);
  if (!form) throw new Error(`No form ${code} version ${version}`);
  return form;
}

const itemLabel = (item: FormItem) => item.label?.vi ?? indicatorOf(item.indicator).name.vi;
const unitLabel = (item: FormItem) => units[indicatorOf(item.indicator).unit].vi;

function formatValue(item: FormItem, value: number | null): string {
  if (value === null) return '—';
  const indicator = indicatorOf(item.indicator);
  return formatNumber(value, {
    maxFractionDigits: Math.max(indicator.decimals, indicator.unit === 'percent' ? 1 : 0),
  });
}

/** Agency, symbol, place and signer of a compiled report (commune People's Committee, or the Department). */
function issuer(input: CompiledDocumentInput) {
  if (input.scope.kind === 'commune') {
    const place = input.scope.name.replace(/^(Xã|Phường|Thị trấn)\s+/u, '');
    return {
      agency: {
        parent: null,
        name: `Ủy ban nhân dân ${input.scope.name.replace(/^(Xã|Phường|Thị trấn)/u, (k) => k.toLocaleLowerCase('vi'))}`,
      },
      symbol: 'BC-UBND',
      place,
      authority: 'TM. Ủy ban nhân dân',
      defaultTitle: 'Chủ tịch',
    };
  }
  return {
    agency: { parent: 'Ủy ban nhân dân thành phố Hà Nội', name: 'Sở Công Thương' },
    symbol: 'BC-SCT',
    place: 'Hà Nội',
    authority: null,
    defaultTitle: 'Giám đốc',
  };
}

/** "Tình hình … trên địa bàn" + "xã đông anh" → the title naming the territory once. */
function onTerritory(title: string, territory: string): string {
  const named = territory
    .replace(/(^|\s)(\p{Ll})/gu, (m) => m.toLocaleUpperCase('vi'))
    .replace(/^(Xã|Phường|Thị Trấn|Thành Phố)/u, (k) => k.toLocaleLowerCase('vi'));
  // The form's generic territory ("trên địa bàn tỉnh", "trên địa bàn") gives way to the real one.
  const generic = /\s*trên địa bàn(\s+(tỉnh|huyện|xã))?\s*$/u;
  return `${title.replace(generic, '')} trên địa bàn ${named}`;
}

type Line = { item: FormItem; value: number | null; note: string };

function lines(input: CompiledDocumentInput, form: FormVersion): { section: string | null; rows: Line[] }[] {
  const values = new Map(input.report.items.map((i) => [i.no, i.value]));
  const groups: { section: string | null; rows: Line[] }[] = [];
  for (const item of form.items) {
    const section = item.section ?? null;
    let group = groups[groups.length - 1];
    if (!group || group.section !== section) {
      group = { section, rows: [] };
      groups.push(group);
    }
    group.rows.push({ item, value: values.get(item.no) ?? null, note: input.annotations[item.no] ?? '' });
  }
  return groups;
}

function sectionTitle(form: FormVersion, code: string | null): string {
  return form.sections.find((s) => s.code === code)?.title.vi ?? '';
}

function periodLine(report: Pick<CompiledReport, 'period' | 'window'>): string {
  return `Kỳ báo cáo: ${formatPeriod(report.period, 'vi')} (số liệu từ ngày ${formatDate(report.window.start)} đến ngày ${formatDate(report.window.end)}).`;
}

/** Biểu 03/04 as a Word document in the administrative layout. */
export async function compiledReportDocx(input: CompiledDocumentInput): Promise<Buffer> {
  const form = definition(input.report.formCode, input.report.formVersion);
  const who = issuer(input);
  const rows: AdminTableRow[] = [];
  for (const group of lines(input, form)) {
    if (group.section)
      rows.push({ cells: [group.section, sectionTitle(form, group.section), '', '', ''], bold: true });
    for (const line of group.rows) {
      rows.push({
        cells: [
          line.item.no,
          itemLabel(line.item),
          unitLabel(line.item),
          formatValue(line.item, line.value),
          line.note,
        ],
        italic: line.item.level === 1,
      });
    }
  }
  const date = input.signed
    ? toIsoDate(new Date(input.signed.signedAt))
    : toIsoDate(new Date(input.computedAt));
  const spec: AdminDocumentSpec = {
    agency: who.agency,
    number: input.signed?.docNo?.split('/')[0] ?? null,
    symbol: input.signed?.docNo?.split('/').slice(1).join('/') || who.symbol,
    place: who.place,
    date,
    docType: 'Báo cáo',
    summary: `${onTerritory(form.title.vi, input.scope.kind === 'commune' ? input.scope.name.toLocaleLowerCase('vi') : 'thành phố Hà Nội')} — ${formatPeriod(input.report.period, 'vi')}`,
    form: {
      code: `${form.shortTitle.vi.replace('Biểu', 'Biểu số')}`,
      basis: `Ban hành kèm theo ${form.legalBasis.split(',')[0]}`,
    },
    blocks: [
      { kind: 'paragraph', text: periodLine(input.report) },
      {
        kind: 'table',
        columns: [
          { header: 'STT', width: 8, align: 'center' },
          { header: 'Chỉ tiêu', width: 52 },
          { header: 'Đơn vị tính', width: 12, align: 'center' },
          { header: 'Số lượng', width: 14, align: 'right' },
          { header: 'Ghi chú', width: 14 },
        ],
        rows,
        note: `Số liệu do hệ thống IZIS tính từ hồ sơ cụm công nghiệp và các Biểu 01, 02 đã được chấp nhận, lúc ${formatDate(input.computedAt)}.`,
      },
    ],
    signer: {
      authority: who.authority,
      title: input.signed?.signerTitle ?? who.defaultTitle,
      name: input.signed?.signerName ?? null,
    },
    recipients: [...form.recipients.map((r) => r.vi), 'Lưu: VT'],
    draft: !input.signed,
    title: `${form.shortTitle.vi} ${formatPeriod(input.report.period, 'vi')}`,
  };
  return renderAdminDocument(spec);
}

const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const };

/** Biểu 03/04 as an Excel sheet in the form's table layout (numbers stay numbers). */
export async function compiledReportXlsx(input: CompiledDocumentInput): Promise<Buffer> {
  const form = definition(input.report.formCode, input.report.formVersion);
  const who = issuer(input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IZIS';
  const sheet = workbook.addWorksheet(form.shortTitle.vi, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 7 }, { width: 58 }, { width: 16 }, { width: 16 }, { width: 30 }];
  const put = (row: number, col: number, value: string | number, style: Partial<ExcelJS.Style> = {}) => {
    const cell = sheet.getCell(row, col);
    cell.value = value;
    cell.font = { ...FONT, ...(style.font ?? {}) };
    cell.alignment = { vertical: 'middle', wrapText: true, ...(style.alignment ?? {}) };
    if (style.border) cell.border = style.border;
    if (style.numFmt) cell.numFmt = style.numFmt;
  };
  const merge = (row: number, from: number, to: number) => sheet.mergeCells(row, from, row, to);
  merge(1, 1, 2);
  put(1, 1, who.agency.name.toLocaleUpperCase('vi'), {
    font: { ...FONT, bold: true },
    alignment: { horizontal: 'center' },
  });
  merge(1, 3, 5);
  put(1, 3, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
    font: { ...FONT, bold: true },
    alignment: { horizontal: 'center' },
  });
  merge(2, 3, 5);
  put(2, 3, 'Độc lập - Tự do - Hạnh phúc', {
    font: { ...FONT, bold: true, underline: true },
    alignment: { horizontal: 'center' },
  });
  merge(2, 1, 2);
  put(2, 1, input.signed?.docNo ? `Số: ${input.signed.docNo}` : `Số:      /${who.symbol}`, {
    alignment: { horizontal: 'center' },
  });
  const date = input.signed
    ? toIsoDate(new Date(input.signed.signedAt))
    : toIsoDate(new Date(input.computedAt));
  merge(3, 3, 5);
  put(3, 3, formatAdministrativeDateLine(who.place, date), {
    font: { ...FONT, italic: true },
    alignment: { horizontal: 'center' },
  });
  // The annex header of the statutory form, as in the Circular's appendix and the Word version.
  merge(4, 1, 5);
  put(
    4,
    1,
    `${form.shortTitle.vi.replace('Biểu', 'Biểu số')} — Ban hành kèm theo ${form.legalBasis.split(',')[0]}`,
    {
      font: { ...FONT, italic: true, size: 11 },
      alignment: { horizontal: 'right' },
    },
  );
  merge(5, 1, 5);
  put(5, 1, `${form.shortTitle.vi.toLocaleUpperCase('vi')} — ${form.title.vi.toLocaleUpperCase('vi')}`, {
    font: { ...FONT, bold: true, size: 13 },
    alignment: { horizontal: 'center' },
  });
  sheet.getRow(5).height = 36;
  merge(6, 1, 5);
  put(6, 1, periodLine(input.report), {
    font: { ...FONT, italic: true },
    alignment: { horizontal: 'center' },
  });
  if (!input.signed) {
    merge(7, 1, 5);
    put(7, 1, 'DỰ THẢO — chưa ký', {
      font: { ...FONT, bold: true, color: { argb: 'FFC00000' } },
      alignment: { horizontal: 'center' },
    });
  }
  const header = 8;
  const border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số lượng', 'Ghi chú'].forEach((text, i) =>
    put(header, i + 1, text, { font: { ...FONT, bold: true }, alignment: { horizontal: 'center' }, border }),
  );
  let row = header + 1;
  for (const group of lines(input, form)) {
    if (group.section) {
      put(row, 1, group.section, {
        font: { ...FONT, bold: true },
        alignment: { horizontal: 'center' },
        border,
      });
      put(row, 2, sectionTitle(form, group.section), { font: { ...FONT, bold: true }, border });
      for (const col of [3, 4, 5]) put(row, col, '', { border });
      row += 1;
    }
    for (const line of group.rows) {
      const decimals = indicatorOf(line.item.indicator).decimals;
      put(row, 1, line.item.no, { alignment: { horizontal: 'center' }, border });
      put(row, 2, itemLabel(line.item), { font: { ...FONT, italic: line.item.level === 1 }, border });
      put(row, 3, unitLabel(line.item), { alignment: { horizontal: 'center' }, border });
      put(row, 4, line.value ?? '', {
        alignment: { horizontal: 'right' },
        border,
        numFmt: decimals > 0 ? `#,##0.${'#'.repeat(decimals)}` : '#,##0',
      });
      put(row, 5, line.note, { border });
      row += 1;
    }
  }
  row += 1;
  merge(row, 4, 5);
  put(row, 4, (who.authority ?? '').toLocaleUpperCase('vi'), {
    font: { ...FONT, bold: true },
    alignment: { horizontal: 'center' },
  });
  merge(row + 1, 4, 5);
  put(row + 1, 4, (input.signed?.signerTitle ?? who.defaultTitle).toLocaleUpperCase('vi'), {
    font: { ...FONT, bold: true },
    alignment: { horizontal: 'center' },
  });
  merge(row + 5, 4, 5);
  put(row + 5, 4, input.signed?.signerName ?? '', {
    font: { ...FONT, bold: true },
    alignment: { horizontal: 'center' },
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A reporter's filing (Biểu 01/02) as a Word document: the revision shown is the accepted one, else the latest. */
export async function filingDocx(
  filing: FilingDetail,
  organisation: { name: string } | null,
): Promise<Buffer> {
  const revision =
    filing.revisions.find((r) => r.revisionNo === filing.acceptedRevision) ??
    filing.revisions[filing.revisions.length - 1]!;
  const form = definition(filing.formCode, revision.formVersion);
  const rows: AdminTableRow[] = form.items.map((item) => ({
    cells: [
      item.no,
      itemLabel(item),
      unitLabel(item),
      formatValue(item, revision.values[item.indicator] ?? null),
    ],
  }));
  const date = toIsoDate(new Date(revision.submittedAt ?? revision.updatedAt));
  return renderAdminDocument({
    agency: { parent: null, name: organisation?.name ?? filing.reporter.name },
    number: null,
    symbol: 'BC',
    place: 'Hà Nội',
    date,
    docType: 'Báo cáo',
    summary: `${form.title.vi} — ${formatPeriod(filing.period, 'vi')}`,
    form: {
      code: form.shortTitle.vi.replace('Biểu', 'Biểu số'),
      basis: `Ban hành kèm theo ${form.legalBasis.split(',')[0]}`,
    },
    blocks: [
      {
        kind: 'paragraph',
        text: `Tên ${filing.reporter.kind === 'project' ? 'dự án' : 'cụm công nghiệp'}: ${filing.reporter.name} (${filing.reporter.code}).`,
      },
      {
        kind: 'table',
        columns: [
          { header: 'STT', width: 6, align: 'center' },
          { header: 'Chỉ tiêu', width: 56 },
          { header: 'Đơn vị tính', width: 18, align: 'center' },
          { header: 'Số lượng', width: 16, align: 'right' },
        ],
        rows,
        note: `Bản số ${revision.revisionNo}${revision.state === 'accepted' ? ', đã được chấp nhận' : ''}.`,
      },
    ],
    signer: { authority: null, title: 'Người đại diện theo pháp luật', name: null },
    recipients: [...form.recipients.map((r) => r.vi), 'Lưu: VT'],
    draft: revision.state !== 'accepted',
    title: `${form.shortTitle.vi} ${formatPeriod(filing.period, 'vi')} — ${filing.reporter.code}`,
  });
}
