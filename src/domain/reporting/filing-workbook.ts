import { z } from 'zod';
import { parseCell, type CellValue } from '../import/cells';
import type { LocalizedText } from '../shared/errors';
import { filingDetailSchema } from './filing.schema';
import type { FormItem, FormVersion } from './form-types';
import { indicatorOf, units } from './indicators';
import type { FieldError, FilingValues } from './validation';

/**
 * Filing by spreadsheet: the layout of the reporter's workbook (one form, one period, one reporter) and of the
 * developer's bulk workbook (a row per tenant project owing Biểu 01), and the pure reading of their cells.
 * The services build and read the XLSX (exceljs) and hand the cells here as a grid; the figures are then
 * checked with the same `validateFiling` the web form runs, and every problem names its sheet row and item.
 */

/** Written into the hidden key sheet; an upload with another format is not one of our workbooks. */
export const SINGLE_FORMAT = 'izis.filing.v1';
export const BULK_FORMAT = 'izis.filing-bulk.v1';
/** The very hidden sheet that carries the key (form, version, period, reporter or scope). */
export const KEY_SHEET = '_izis';

/** Columns of the reporter's workbook (1-based, as in Excel). */
export const SINGLE_COLUMNS = {
  no: 1,
  label: 2,
  unit: 3,
  previous: 4,
  value: 5,
  explanation: 6,
  /** Hidden: the indicator code of the row, so the upload never depends on the wording. */
  key: 7,
} as const;

export const SINGLE_HEADERS = {
  no: 'STT',
  label: 'Chỉ tiêu',
  unit: 'Đơn vị tính',
  value: 'Số liệu kỳ này',
  explanation: 'Giải trình (khi thay đổi lớn so với kỳ so sánh)',
} as const;

/** Machine keys of the bulk sheet's hidden key row, one per column. */
export const bulkColumnKey = {
  value: (indicator: string) => `v:${indicator}`,
  explanation: (indicator: string) => `e:${indicator}`,
  previous: (indicator: string) => `p:${indicator}`,
};
export const BULK_FIXED_KEYS = ['no', 'project', 'name', 'investor', 'zone', 'status'] as const;
/** Hidden column: the filing's version when the workbook was made (0: no filing yet). */
export const BULK_VERSION_KEY = 'version';

export type GridRow = { row: number; cells: readonly CellValue[] };
/** A sheet's non-empty rows as read from the file; `cells[0]` is column A. */
export type SheetGrid = { name: string; rows: readonly GridRow[] };

export const uploadProblemSchema = z.object({
  sheet: z.string(),
  /** The sheet row (1-based, as Excel numbers it); null for a problem of the whole file. */
  row: z.number().int().nullable(),
  /** The indicator code (or `project`, `file`) the problem belongs to. */
  field: z.string().nullable(),
  /** The item's number on the form ("1", "15.1"), when the problem is an item's. */
  item: z.string().nullable(),
  message: z.object({ vi: z.string(), en: z.string() }),
  severity: z.enum(['error', 'warning']),
});
export type UploadProblem = z.infer<typeof uploadProblemSchema>;

// ---------------------------------------------------------------------------------------------------------
// Labels

export const itemLabel = (item: FormItem): LocalizedText => item.label ?? indicatorOf(item.indicator).name;
export const itemUnit = (item: FormItem): LocalizedText => units[indicatorOf(item.indicator).unit];

function itemRef(item: FormItem): LocalizedText {
  const name = itemLabel(item);
  return { vi: `Mục ${item.no} (${name.vi})`, en: `Item ${item.no} (${name.en})` };
}

const rowText = (row: number | null): LocalizedText =>
  row === null ? { vi: '', en: '' } : { vi: `Dòng ${row}: `, en: `Row ${row}: ` };

function problem(
  sheet: string,
  row: number | null,
  field: string | null,
  item: string | null,
  message: LocalizedText,
  severity: 'error' | 'warning' = 'error',
): UploadProblem {
  const at = rowText(row);
  return {
    sheet,
    row,
    field,
    item,
    message: { vi: `${at.vi}${message.vi}`, en: `${at.en}${message.en}` },
    severity,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cells

const text = (cell: CellValue | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
};

const YES = new Set(['co', 'có', 'x', 'yes']);
const NO = new Set(['khong', 'không', 'no']);

/**
 * A figure from its cell: a number cell as it is (binary noise of a formula snapped to 15 significant digits),
 * text read the Vietnamese way ("1.347,5") or plainly; a flag also as "có"/"không". Whether the number suits
 * the item (integer, decimals, bounds) is left to `validateFiling`, so the messages are the web form's.
 */
export function readFigure(
  item: FormItem,
  raw: CellValue | undefined,
): { ok: true; value: number | null } | { ok: false; message: LocalizedText } {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
    return { ok: true, value: null };
  if (indicatorOf(item.indicator).valueType === 'flag' && typeof raw === 'string') {
    const word = raw.trim().toLocaleLowerCase('vi');
    if (YES.has(word)) return { ok: true, value: 1 };
    if (NO.has(word)) return { ok: true, value: 0 };
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw))
      return { ok: false, message: { vi: 'phải là một số.', en: 'must be a number.' } };
    return { ok: true, value: Number(raw.toPrecision(15)) };
  }
  if (typeof raw === 'boolean') return { ok: true, value: raw ? 1 : 0 };
  const parsed = parseCell({ type: 'number' }, raw);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return { ok: true, value: parsed.value as number };
}

const EXPLANATION_MAX = 2000;

function readExplanation(raw: CellValue | undefined): { ok: true; value: string } | { ok: false } {
  const value = text(raw);
  return value.length > EXPLANATION_MAX ? { ok: false } : { ok: true, value };
}

// ---------------------------------------------------------------------------------------------------------
// The reporter's workbook

export type SingleSheetResult = {
  values: FilingValues;
  explanations: Record<string, string>;
  /** The sheet row of each item, for messages. */
  rowOf: Record<string, number>;
  problems: UploadProblem[];
};

/**
 * Reads the item rows of the reporter's sheet: each row is found by the indicator code in the hidden key
 * column (not by position or wording). A missing row, an item twice, or a cell that is not a number is a
 * problem naming the row and the item.
 */
export function parseSingleSheet(form: FormVersion, grid: SheetGrid): SingleSheetResult {
  const values: FilingValues = {};
  const explanations: Record<string, string> = {};
  const rowOf: Record<string, number> = {};
  const problems: UploadProblem[] = [];
  const items = new Map(form.items.map((i) => [i.indicator, i]));
  for (const { row, cells } of grid.rows) {
    const key = text(cells[SINGLE_COLUMNS.key - 1]);
    if (!key) continue;
    const item = items.get(key);
    if (!item) {
      // A header or a title row carries no key; an unknown key is a row from another form.
      if (key === 'key') continue;
      problems.push(
        problem(grid.name, row, key, null, {
          vi: `chỉ tiêu "${key}" không có trong ${form.shortTitle.vi} (phiên bản ${form.version}).`,
          en: `"${key}" is not an item of ${form.shortTitle.en} (version ${form.version}).`,
        }),
      );
      continue;
    }
    if (rowOf[key] !== undefined) {
      problems.push(
        problem(grid.name, row, key, item.no, {
          vi: `${itemRef(item).vi} xuất hiện hai lần (đã có ở dòng ${rowOf[key]}).`,
          en: `${itemRef(item).en} appears twice (already on row ${rowOf[key]}).`,
        }),
      );
      continue;
    }
    rowOf[key] = row;
    const figure = readFigure(item, cells[SINGLE_COLUMNS.value - 1]);
    if (figure.ok) values[key] = figure.value;
    else {
      problems.push(
        problem(grid.name, row, key, item.no, {
          vi: `${itemRef(item).vi}, cột "${SINGLE_HEADERS.value}": ${figure.message.vi}`,
          en: `${itemRef(item).en}, column "Value": ${figure.message.en}`,
        }),
      );
    }
    const explanation = readExplanation(cells[SINGLE_COLUMNS.explanation - 1]);
    if (!explanation.ok) {
      problems.push(
        problem(grid.name, row, key, item.no, {
          vi: `${itemRef(item).vi}: giải trình dài quá ${EXPLANATION_MAX} ký tự.`,
          en: `${itemRef(item).en}: the explanation is longer than ${EXPLANATION_MAX} characters.`,
        }),
      );
    } else if (explanation.value) explanations[key] = explanation.value;
  }
  for (const item of form.items) {
    if (rowOf[item.indicator] === undefined) {
      problems.push(
        problem(grid.name, null, item.indicator, item.no, {
          vi: `Thiếu dòng của ${itemRef(item).vi}: hãy dùng tệp mẫu tải từ hệ thống, không xoá dòng.`,
          en: `The row of ${itemRef(item).en} is missing: use the template from the system without deleting rows.`,
        }),
      );
    }
  }
  return { values, explanations, rowOf, problems };
}

/**
 * The form's field errors (validateFiling, outliers) on their sheet rows. A rule between items ("there are
 * workers, so their income must be given") is prefixed with the item it is attached to.
 */
export function fieldErrorsOnRows(
  form: FormVersion,
  sheet: string,
  errors: readonly FieldError[],
  rowOf: (indicator: string) => number | null,
): UploadProblem[] {
  return errors.map((e) => {
    const item = form.items.find((i) => i.indicator === e.item);
    const named = /^(Mục|Item) /.test(e.message.vi) || !item;
    const ref = item ? itemRef(item) : null;
    const message =
      named || !ref ? e.message : { vi: `${ref.vi}: ${e.message.vi}`, en: `${ref.en}: ${e.message.en}` };
    return problem(sheet, rowOf(e.item), e.item, e.no, message, e.severity);
  });
}

/** Problems as `details.fields` (one message per field, joined), for the common error shape. */
export function problemFields(
  problems: readonly UploadProblem[],
  fieldOf: (p: UploadProblem) => string = (p) => p.field ?? 'file',
): Record<string, LocalizedText> {
  const fields: Record<string, LocalizedText> = {};
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    const key = fieldOf(p);
    const before = fields[key];
    fields[key] = before
      ? { vi: `${before.vi} ${p.message.vi}`, en: `${before.en} ${p.message.en}` }
      : p.message;
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------------------
// The bulk workbook (a row per tenant project)

export type BulkSheetRow = {
  row: number;
  projectCode: string;
  /** The filing's version when the workbook was made; 0 when it had none, null when the cell is empty. */
  version: number | null;
  values: FilingValues;
  explanations: Record<string, string>;
  /** Nothing entered on the row (no figure, no explanation). */
  blank: boolean;
  problems: UploadProblem[];
};

export const BULK_HEADERS = {
  no: 'STT',
  project: 'Mã dự án',
  name: 'Tên dự án',
  investor: 'Doanh nghiệp (nhà đầu tư)',
  zone: 'Cụm công nghiệp',
  status: 'Tình trạng báo cáo',
} as const;

export const bulkValueHeader = (item: FormItem) => `${item.no}. ${itemLabel(item).vi} (${itemUnit(item).vi})`;
export const bulkExplanationHeader = (item: FormItem) => `Giải trình mục ${item.no}`;
export const bulkPreviousHeader = (item: FormItem, previousLabel: string) =>
  `Mục ${item.no} — ${previousLabel}`;

/**
 * Reads the bulk sheet: the columns are found by the hidden key row (`v:<indicator>`, `e:<indicator>`,
 * `project`, `version`), the data rows are those below it with a project code.
 */
export function parseBulkSheet(
  form: FormVersion,
  grid: SheetGrid,
): { rows: BulkSheetRow[]; problems: UploadProblem[] } {
  const problems: UploadProblem[] = [];
  const keyRowIndex = grid.rows.findIndex((r) => r.cells.some((c) => text(c) === 'project'));
  if (keyRowIndex < 0) {
    problems.push(
      problem(grid.name, null, 'file', null, {
        vi: `Trang "${grid.name}" không có dòng khoá của mẫu (có thể đã bị xoá): hãy tải lại tệp mẫu.`,
        en: `Sheet "${grid.name}" has lost the template's key row: download the template again.`,
      }),
    );
    return { rows: [], problems };
  }
  const keys = grid.rows[keyRowIndex]!.cells.map((c) => text(c));
  const col = (key: string) => keys.indexOf(key);
  const projectCol = col('project');
  const versionCol = col(BULK_VERSION_KEY);
  for (const item of form.items) {
    if (col(bulkColumnKey.value(item.indicator)) < 0) {
      problems.push(
        problem(grid.name, null, item.indicator, item.no, {
          vi: `Thiếu cột của ${itemRef(item).vi}: hãy dùng tệp mẫu tải từ hệ thống, không xoá cột.`,
          en: `The column of ${itemRef(item).en} is missing: use the template without deleting columns.`,
        }),
      );
    }
  }
  if (problems.length) return { rows: [], problems };
  const rows: BulkSheetRow[] = [];
  for (const { row, cells } of grid.rows.slice(keyRowIndex + 1)) {
    const projectCode = text(cells[projectCol]);
    if (!projectCode || projectCode === BULK_HEADERS.project) continue;
    const own: UploadProblem[] = [];
    const values: FilingValues = {};
    const explanations: Record<string, string> = {};
    let blank = true;
    for (const item of form.items) {
      const raw = cells[col(bulkColumnKey.value(item.indicator))];
      const figure = readFigure(item, raw);
      if (figure.ok) {
        values[item.indicator] = figure.value;
        if (figure.value !== null) blank = false;
      } else {
        blank = false;
        own.push(
          problem(grid.name, row, item.indicator, item.no, {
            vi: `dự án ${projectCode}, ${itemRef(item).vi}: ${figure.message.vi}`,
            en: `project ${projectCode}, ${itemRef(item).en}: ${figure.message.en}`,
          }),
        );
      }
      const explanationCol = col(bulkColumnKey.explanation(item.indicator));
      if (explanationCol >= 0) {
        const explanation = readExplanation(cells[explanationCol]);
        if (!explanation.ok) {
          own.push(
            problem(grid.name, row, item.indicator, item.no, {
              vi: `dự án ${projectCode}, ${itemRef(item).vi}: giải trình dài quá ${EXPLANATION_MAX} ký tự.`,
              en: `project ${projectCode}, ${itemRef(item).en}: the explanation is longer than ${EXPLANATION_MAX} characters.`,
            }),
          );
        } else if (explanation.value) {
          explanations[item.indicator] = explanation.value;
          blank = false;
        }
      }
    }
    const versionText = versionCol >= 0 ? text(cells[versionCol]) : '';
    const version = versionText === '' ? null : Number(versionText);
    rows.push({
      row,
      projectCode,
      version: version !== null && Number.isInteger(version) && version >= 0 ? version : null,
      values,
      explanations,
      blank,
      problems: own,
    });
  }
  return { rows, problems };
}

/** The project's row message for a problem that is the row's, not one item's. */
export function rowProblem(
  sheet: string,
  row: number,
  field: string,
  message: LocalizedText,
  severity: 'error' | 'warning' = 'error',
): UploadProblem {
  return problem(sheet, row, field, null, message, severity);
}

/** Whether two sets of figures (and explanations) are the same: a re-upload of equal values changes nothing. */
export function sameFigures(
  form: FormVersion,
  a: { values: FilingValues; explanations: Record<string, string> },
  b: { values: Readonly<Record<string, unknown>>; explanations: Readonly<Record<string, unknown>> },
): boolean {
  for (const item of form.items) {
    const x = a.values[item.indicator] ?? null;
    const y = (b.values[item.indicator] as number | null | undefined) ?? null;
    if (x !== y) return false;
    const ex = (a.explanations[item.indicator] ?? '').trim();
    const ey = String(b.explanations[item.indicator] ?? '').trim();
    if (ex !== ey) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// HTTP contracts

export const workbookTemplateQuerySchema = z.object({
  formCode: z.string().min(1).max(32),
  period: z.string().min(4).max(16),
  kind: z.enum(['project', 'zone']),
  code: z.string().min(1).max(64),
});

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const workbookUploadQuerySchema = z.object({
  /** Also submit the saved draft (the form's full rules and the outlier check apply). */
  submit: booleanFlag,
  /** The filing the page is showing: a workbook of another form, period or reporter is refused. */
  formCode: z.string().min(1).max(32).optional(),
  period: z.string().min(4).max(16).optional(),
  kind: z.enum(['project', 'zone']).optional(),
  code: z.string().min(1).max(64).optional(),
});

export const bulkTemplateQuerySchema = z.object({
  period: z.string().min(4).max(16),
  /** One cluster by code; every cluster of your scope when omitted. */
  zone: z.string().min(1).max(64).optional(),
});

export const bulkUploadQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  submit: booleanFlag,
});

export const bulkRowActions = [
  'save',
  'save_submit',
  'submit',
  'unchanged',
  'skipped',
  'empty',
  'error',
] as const;
export type BulkRowAction = (typeof bulkRowActions)[number];

export const bulkRowSchema = z.object({
  row: z.number().int(),
  projectCode: z.string(),
  projectName: z.string().nullable(),
  zoneCode: z.string().nullable(),
  action: z.enum(bulkRowActions),
  /** Why a row is skipped (submitted, accepted) or empty. */
  reason: z.object({ vi: z.string(), en: z.string() }).nullable(),
  filingId: z.string().nullable(),
  filingStatus: z.string().nullable(),
  problems: z.array(uploadProblemSchema),
});
export type BulkRow = z.infer<typeof bulkRowSchema>;

export const bulkResultSchema = z.object({
  formCode: z.string(),
  period: z.string(),
  dryRun: z.boolean(),
  submit: z.boolean(),
  /** True only when the commit wrote every row; with any bad row nothing is written. */
  committed: z.boolean(),
  rows: z.array(bulkRowSchema),
  counts: z.object({
    rows: z.number().int(),
    save: z.number().int(),
    submit: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    empty: z.number().int(),
    error: z.number().int(),
  }),
  problems: z.array(uploadProblemSchema),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const workbookUploadResultSchema = z.object({
  filing: filingDetailSchema,
  /** False when the file held the figures already saved: nothing was written. */
  changed: z.boolean(),
  submitted: z.boolean(),
  /** Non-blocking remarks of the form's rules (e.g. "check the unit"), on their rows. */
  warnings: z.array(uploadProblemSchema),
});
export type WorkbookUploadResult = z.infer<typeof workbookUploadResultSchema>;
