import type { InspectionKind } from '../inspection/inspection.schema';
import type { LocalizedText } from '../shared/errors';
import { foldLabel, type ColumnDef, type EnumOption } from './cells';

/**
 * The inspection sheet: one inspection per row — the zone (and, if it was of one, a tenant project), the kind,
 * the date, the inspecting agency, the checklist items that FAILED (every other item of the kind passed), one
 * remediation deadline for the findings of those items, and at most one penalty. An inspection has no code: a
 * row is identified by zone, kind and date counted by occurrence (the n-th identical row of a file is the n-th
 * inspection of that zone, kind and date in recording order), so re-importing a file finds every inspection it
 * created and writes nothing. An import only creates inspections; it never changes a recorded one.
 */

export type InspectionImportRecord = {
  zoneCode: string;
  kindCode: string;
  inspectedOn: string;
};

/** The fields of the natural key. */
export const inspectionKeyFields = ['zoneCode', 'kind', 'inspectedOn'] as const;

/** The natural key of an inspection (without the occurrence number). */
export function inspectionKey(e: InspectionImportRecord): string {
  return [e.zoneCode, e.kindCode, e.inspectedOn].join('|');
}

/** The kinds of the catalogue as enumeration options: code, Vietnamese or English name. */
export function inspectionKindOptions(kinds: readonly InspectionKind[]): EnumOption[] {
  return kinds.map((k) => ({ value: k.code, vi: k.nameVi, en: k.nameEn }));
}

/** "a; b\nc" → ["a", "b", "c"]: the failed items of a cell, by ";" or one per line. */
export function splitItems(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[;\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The failed items of a cell resolved on the kind's checklist (by code, Vietnamese or English label, ignoring
 * case and diacritics): their codes, or the problem naming every item that is not on it or repeated.
 */
export function resolveFailedItems(
  kind: InspectionKind,
  text: string | null | undefined,
): { codes: string[] } | { problem: LocalizedText } {
  const codes: string[] = [];
  const unknown: string[] = [];
  const twice: string[] = [];
  for (const item of splitItems(text)) {
    const folded = foldLabel(item);
    const found = kind.items.find((i) => [i.code, i.labelVi, i.labelEn].some((l) => foldLabel(l) === folded));
    if (!found) unknown.push(item);
    else if (codes.includes(found.code)) twice.push(item);
    else codes.push(found.code);
  }
  if (unknown.length) {
    const list = kind.items.map((i) => `${i.labelVi} (${i.code})`).join('; ');
    const listEn = kind.items.map((i) => `${i.labelEn} (${i.code})`).join('; ');
    return {
      problem: {
        vi: `Hạng mục ${unknown.map((u) => `"${u}"`).join(', ')} không thuộc danh mục kiểm tra "${kind.nameVi}"; chọn trong: ${list}.`,
        en: `Item ${unknown.map((u) => `"${u}"`).join(', ')} is not on the "${kind.nameEn}" checklist; choose from: ${listEn}.`,
      },
    };
  }
  if (twice.length) {
    return {
      problem: {
        vi: `Hạng mục ${twice.map((u) => `"${u}"`).join(', ')} được ghi hai lần.`,
        en: `Item ${twice.map((u) => `"${u}"`).join(', ')} is written twice.`,
      },
    };
  }
  return { codes };
}

/** The columns of the inspection sheet, in template order; the kinds are the catalogue's. */
export function inspectionColumns(kinds: readonly InspectionKind[]): ColumnDef[] {
  return [
    {
      field: 'zoneCode',
      vi: 'Mã khu/cụm',
      en: 'zoneCode',
      column: { type: 'text', upperCase: true },
      required: 'always',
      help: {
        meaning: 'Mã khu, cụm công nghiệp được kiểm tra (phải thuộc phạm vi bạn được giao).',
        example: 'CCN-PX',
      },
      width: 18,
    },
    {
      field: 'projectCode',
      vi: 'Mã dự án',
      en: 'projectCode',
      column: { type: 'text', upperCase: true },
      help: {
        meaning: 'Dự án thứ cấp trong khu/cụm được kiểm tra, nếu cuộc kiểm tra là của một dự án.',
        example: 'DA-PX-0001',
      },
      width: 18,
    },
    {
      field: 'kind',
      vi: 'Loại kiểm tra',
      en: 'kind',
      column: { type: 'enum', options: inspectionKindOptions(kinds) },
      required: 'always',
      help: {
        meaning: 'Loại kiểm tra theo danh mục (tên hoặc mã).',
        example: kinds[0]?.nameVi ?? 'PCCC',
      },
      width: 28,
    },
    {
      field: 'inspectedOn',
      vi: 'Ngày kiểm tra',
      en: 'inspectedOn',
      column: { type: 'date' },
      required: 'always',
      help: { meaning: 'Ngày kiểm tra (không sau hôm nay; nhận cả các năm trước).', example: '14/03/2018' },
      width: 14,
    },
    {
      field: 'agency',
      vi: 'Cơ quan kiểm tra',
      en: 'agency',
      column: { type: 'text' },
      required: 'always',
      help: { meaning: 'Cơ quan chủ trì kiểm tra.', example: 'Công an thành phố Hà Nội (PC07)' },
      width: 30,
    },
    {
      field: 'decisionNo',
      vi: 'Số quyết định kiểm tra',
      en: 'decisionNo',
      column: { type: 'text' },
      help: { meaning: 'Số quyết định hoặc kế hoạch kiểm tra (nếu có).', example: '125/QĐ-PC07' },
      width: 20,
    },
    {
      field: 'failedItems',
      vi: 'Hạng mục không đạt',
      en: 'failedItems',
      column: { type: 'text' },
      help: {
        meaning:
          'Các hạng mục của danh mục kiểm tra KHÔNG đạt (mã hoặc tên), cách nhau bởi dấu ";". Mọi hạng mục khác của loại kiểm tra được ghi là đạt. Để trống nếu tất cả đạt.',
        example: 'Phương tiện tại chỗ; Hậu cần tại chỗ',
      },
      width: 40,
    },
    {
      field: 'deadline',
      vi: 'Thời hạn khắc phục',
      en: 'remediationDeadline',
      column: { type: 'date' },
      help: {
        meaning:
          'Thời hạn khắc phục các hạng mục không đạt (bắt buộc khi có hạng mục không đạt; không trước ngày kiểm tra).',
        example: '30/06/2018',
      },
      width: 14,
    },
    {
      field: 'penaltyDecisionNo',
      vi: 'Số quyết định xử phạt',
      en: 'penaltyDecisionNo',
      column: { type: 'text' },
      help: { meaning: 'Quyết định xử phạt (nếu có): ghi đủ số, ngày và số tiền.', example: '45/QĐ-XPHC' },
      width: 20,
    },
    {
      field: 'penaltyDecidedOn',
      vi: 'Ngày quyết định xử phạt',
      en: 'penaltyDecidedOn',
      column: { type: 'date' },
      help: { meaning: 'Ngày của quyết định xử phạt (không trước ngày kiểm tra).', example: '20/03/2018' },
      width: 14,
    },
    {
      field: 'penaltyAmountVnd',
      vi: 'Số tiền phạt (đồng)',
      en: 'penaltyAmountVnd',
      column: { type: 'integerText' },
      help: { meaning: 'Số tiền phạt theo quyết định.', unit: 'đồng', example: '15.000.000' },
      width: 18,
    },
    {
      field: 'conclusion',
      vi: 'Kết luận, ghi chú',
      en: 'conclusion',
      column: { type: 'text' },
      help: { meaning: 'Kết luận kiểm tra, ghi chú.', example: 'Yêu cầu bổ sung phương tiện chữa cháy.' },
      width: 50,
    },
  ];
}

/** The sheet's column a problem of the recorded inspection's fields belongs to. */
export function inspectionColumnOf(field: string): string {
  const [head, , leaf] = field.split('.');
  switch (head) {
    case 'kindCode':
      return 'kind';
    case 'results':
      // A failed item without a finding: what is missing is the deadline.
      return leaf === 'passed' ? 'deadline' : 'failedItems';
    case 'findings':
      return leaf === 'deadline' ? 'deadline' : 'failedItems';
    case 'penalties':
      return leaf === 'decidedOn'
        ? 'penaltyDecidedOn'
        : leaf === 'amountVnd'
          ? 'penaltyAmountVnd'
          : 'penaltyDecisionNo';
    default:
      return head ?? field;
  }
}

export const inspectionTemplateFileName = 'mau-nhap-kiem-tra.xlsx';
export const inspectionSheetName = 'Kiểm tra';

/** "kiem-tra-2026-11-21.xlsx" */
export function inspectionExportFileName(isoDate: string, extension: 'xlsx' | 'csv'): string {
  return `kiem-tra-${isoDate}.${extension}`;
}

/** The import sheet's row of a recorded inspection (what an export writes). */
export type InspectionExportRow = {
  zoneCode: string;
  projectCode: string | null;
  kind: string;
  inspectedOn: string;
  agency: string;
  decisionNo: string | null;
  failedItems: string | null;
  deadline: string | null;
  penaltyDecisionNo: string | null;
  penaltyDecidedOn: string | null;
  penaltyAmountVnd: string | null;
  conclusion: string | null;
};
