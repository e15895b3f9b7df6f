import { formatNumber } from '../format/format';
import type { LocalizedText } from '../shared/errors';
import { countryCodeOf } from '../shared/countries';
import { foldVietnamese } from '../shared/text';

/**
 * Columns of an import/export sheet and the parsing of their cells. A cell arrives as the spreadsheet
 * holds it (text, a number, a date, a boolean, or nothing) and leaves as the value the domain schema
 * expects, or with a message in Vietnamese and English saying what is wrong with it.
 *
 * Conventions, the same for every entity:
 * - an empty cell clears the value (null; an empty list for list columns); a column missing from the file
 *   leaves the value as it is;
 * - numbers are read the Vietnamese way ("1.347,4") or plainly ("1347.4"); "1.347" alone is refused as
 *   ambiguous rather than guessed;
 * - dates as dd/mm/yyyy or ISO yyyy-mm-dd (or a date cell);
 * - enumerations by their Vietnamese label, their English label or their code, ignoring case and diacritics.
 */

export type CellValue = string | number | boolean | Date | null;

export type EnumOption = { value: string; vi: string; en: string; aliases?: readonly string[] };

export type ColumnType =
  | { type: 'text'; upperCase?: boolean; padDigits?: number }
  /** `decimalOnly`: a lone "." or "," is always the decimal point (coordinates: 21.175 is never 21175). */
  | { type: 'number'; maxDecimals?: number; integer?: boolean; decimalOnly?: boolean }
  /** A whole number kept as a digit string (money in VND, numeric(20,0)): never a float. */
  | { type: 'integerText' }
  /**
   * A decimal kept as a string (money with cents, numeric(20,2)): read exactly, never through a float;
   * "1.500.000,50" → "1500000.5".
   */
  | { type: 'decimalText'; maxDecimals: number; maxIntegerDigits: number }
  | { type: 'date' }
  | { type: 'boolean' }
  | { type: 'enum'; options: readonly EnumOption[] }
  /** An ISO 3166-1 country: its code, or its name in Vietnamese or English ("Việt Nam", "Japan"). */
  | { type: 'country' }
  /** Several values in one cell, one per line (enumerations also by `;` or `,`). */
  | { type: 'list'; options?: readonly EnumOption[] };

export type ColumnHelp = {
  /** What the column means, in Vietnamese. */
  meaning: string;
  unit?: string;
  /** Allowed values or format, when not evident from the type. */
  allowed?: string;
  example?: string;
};

export type ColumnDef = {
  /** The field of the domain schema the column fills. */
  field: string;
  /** Header in Vietnamese (what templates and exports write). */
  vi: string;
  /** Accepted English alternative. */
  en: string;
  column: ColumnType;
  /** Needed on every row (the key), or needed when a record is created. */
  required?: 'always' | 'create';
  help: ColumnHelp;
  /** Width in characters in generated workbooks. */
  width?: number;
};

export type CellResult = { ok: true; value: unknown } | { ok: false; message: LocalizedText };

const ok = (value: unknown): CellResult => ({ ok: true, value });
const fail = (vi: string, en: string): CellResult => ({ ok: false, message: { vi, en } });

/** Folded form used to compare headers and labels: no diacritics, case or extra spaces. */
export function foldLabel(text: string): string {
  return foldVietnamese(text).replace(/\s*\*\s*$/, '');
}

function isEmpty(raw: CellValue): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

// ---------------------------------------------------------------------------------------------------------
// Numbers

export type FlexibleNumber = { value: number } | { ambiguous: true } | null;

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);

type NumberParts = { sign: '' | '-' | '+'; intPart: string; fracPart: string };

/** The digits of a flexibly written number, before any conversion (see `parseFlexibleNumber`). */
function splitFlexibleNumber(
  text: string,
  options: { decimalOnly?: boolean; groupingOnly?: boolean } = {},
): NumberParts | { ambiguous: true } | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const sign = compact[0] === '-' || compact[0] === '+' ? compact[0] : '';
  const body = sign ? compact.slice(1) : compact;
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return null;
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let intPart: string;
  let fracPart = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = body.lastIndexOf(decimal);
    intPart = body.slice(0, at);
    fracPart = body.slice(at + 1);
    if (!GROUPED(group).test(intPart) || !/^\d+$/.test(fracPart)) return null;
    intPart = intPart.split(group).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = body.split(sep);
    if (parts.length > 2) {
      if (options.decimalOnly || !GROUPED(sep).test(body)) return null;
      intPart = parts.join('');
    } else {
      const [a = '', b = ''] = parts;
      if (!options.decimalOnly && b.length === 3 && /^[1-9]\d{0,2}$/.test(a)) {
        if (!options.groupingOnly) return { ambiguous: true };
        return { sign, intPart: `${a}${b}`, fracPart: '' };
      }
      if (!/^\d*$/.test(a) || !/^\d+$/.test(b)) return null;
      intPart = a;
      fracPart = b;
    }
  } else {
    intPart = body;
  }
  return { sign, intPart, fracPart };
}

/**
 * Reads "1.347,4" (Vietnamese), "1,347.4" (English), "1347.4" or "1347,4": when both separators occur the
 * last is the decimal one; a separator repeated is digit grouping ("1.000.000"); a single separator
 * followed by exactly three digits after 1–3 digits ("1.347", "2,500") could be either, and is reported
 * ambiguous. Spaces (also non-breaking) are ignored. Null when the text is not a number.
 */
export function parseFlexibleNumber(text: string, options: { decimalOnly?: boolean } = {}): FlexibleNumber {
  const parts = splitFlexibleNumber(text, options);
  if (parts === null || 'ambiguous' in parts) return parts;
  const { sign, intPart, fracPart } = parts;
  const value = Number(`${sign}${intPart || '0'}.${fracPart || '0'}`);
  return Number.isFinite(value) ? { value } : null;
}

/** A number as a Vietnamese reader writes it, every decimal kept: 12.34567 → "12,34567". */
const vn = (value: number) => formatNumber(value, { maxFractionDigits: 20 });

function decimalsOf(value: number): number {
  const text = String(value);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

/**
 * A number as plain text a machine reads back unambiguously: dot decimal, no grouping, never an exponent;
 * three decimals are written as four ("1.3470") so that it is not mistaken for 1347.
 */
export function formatPlainNumber(value: number): string {
  let text = String(value);
  if (/e/i.test(text)) text = value.toFixed(12).replace(/\.?0+$/, '');
  if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(text)) text += '0';
  return text;
}

/** "1.347": digit grouping or a decimal point? Refused, saying how to write either. */
function ambiguousNumber(raw: string): CellResult {
  const t = raw.trim();
  const [a = '', b = ''] = t.replace(/^[+-]/, '').split(/[.,]/);
  return fail(
    `Số "${t}" không rõ là ${a}${b} (dấu phân cách hàng nghìn) hay ${a},${b} (số thập phân): viết ${a}${b} hoặc ${a},${b}0.`,
    `The number "${t}" is ambiguous — ${a}${b} (digit grouping) or ${a}.${b} (decimal)? Write ${a}${b} or ${a}.${b}0.`,
  );
}

function parseNumberCell(
  column: { maxDecimals?: number; integer?: boolean; decimalOnly?: boolean },
  raw: CellValue,
): CellResult {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string') {
    const parsed = parseFlexibleNumber(raw, column);
    if (parsed === null) return fail(`"${raw.trim()}" không phải là số.`, `"${raw.trim()}" is not a number.`);
    if ('ambiguous' in parsed) return ambiguousNumber(raw);
    value = parsed.value;
  } else return fail('Ô này phải là một số.', 'This cell must be a number.');
  if (!Number.isFinite(value)) return fail('Ô này phải là một số.', 'This cell must be a number.');
  // A number cell computed by a formula carries binary noise (0.1 * 3 = 0.30000000000000004): snap it.
  if (typeof raw === 'number' && column.maxDecimals !== undefined) {
    const rounded = Number(value.toFixed(column.maxDecimals));
    if (Math.abs(rounded - value) <= 1e-9 * Math.max(1, Math.abs(value))) value = rounded;
  }
  if (column.integer && !Number.isInteger(value))
    return fail(`Phải là số nguyên (đang là ${vn(value)}).`, `Must be a whole number (got ${value}).`);
  if (column.maxDecimals !== undefined && decimalsOf(value) > column.maxDecimals) {
    return fail(
      `Tối đa ${column.maxDecimals} chữ số sau dấu thập phân (đang là ${vn(value)}).`,
      `At most ${column.maxDecimals} decimal places (got ${value}).`,
    );
  }
  return ok(value);
}

/** Largest integer a spreadsheet number cell holds exactly (Excel keeps 15 significant digits). */
const EXACT_CELL_INTEGER = 999_999_999_999_999;

function parseIntegerText(raw: CellValue): CellResult {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw))
      return fail(`Phải là số nguyên (đang là ${vn(raw)}).`, `Must be a whole number.`);
    if (Math.abs(raw) > EXACT_CELL_INTEGER) {
      return fail(
        'Số quá lớn để ô kiểu số giữ chính xác: định dạng ô là văn bản (Text) rồi nhập lại.',
        'Too large for a number cell to hold exactly: format the cell as text and type it again.',
      );
    }
    return ok(String(raw));
  }
  if (typeof raw !== 'string')
    return fail('Ô này phải là một số nguyên.', 'This cell must be a whole number.');
  const compact = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  const sign = compact.startsWith('-') ? '-' : '';
  const body = compact.replace(/^[+-]/, '');
  let digits: string | null = null;
  if (/^\d+$/.test(body)) digits = body;
  else if (GROUPED('.').test(body)) digits = body.split('.').join('');
  else if (GROUPED(',').test(body)) digits = body.split(',').join('');
  if (digits === null) {
    return fail(
      `"${raw.trim()}" không phải là số nguyên (viết 19000000000 hoặc 19.000.000.000).`,
      `"${raw.trim()}" is not a whole number (write 19000000000 or 19.000.000.000).`,
    );
  }
  return ok(sign + (digits.replace(/^0+(?=\d)/, '') || '0'));
}

/** Significant digits a spreadsheet number cell holds exactly. */
const EXACT_CELL_DIGITS = 15;

/**
 * An exact decimal as a canonical string — no grouping, no leading zeros, no trailing decimal zeros
 * ("1.500.000,50" → "1500000.5") — from text (read digit by digit, never through a float) or from a number
 * cell (exact up to 15 significant digits; a formula's binary noise is snapped to `maxDecimals`).
 */
function parseDecimalText(
  column: { maxDecimals: number; maxIntegerDigits: number },
  raw: string | number,
): CellResult {
  let parts: NumberParts;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('Ô này phải là một số.', 'This cell must be a number.');
    const rounded = Number(raw.toFixed(column.maxDecimals));
    const value = Math.abs(rounded - raw) <= 1e-9 * Math.max(1, Math.abs(raw)) ? rounded : raw;
    const text = String(value);
    const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
    if (/e/i.test(text) || digits.length > EXACT_CELL_DIGITS) {
      return fail(
        'Số quá lớn để ô kiểu số giữ chính xác: định dạng ô là văn bản (Text) rồi nhập lại.',
        'Too large for a number cell to hold exactly: format the cell as text and type it again.',
      );
    }
    const [intPart = '', fracPart = ''] = text.replace(/^-/, '').split('.');
    parts = { sign: value < 0 ? '-' : '', intPart, fracPart };
  } else {
    // With at most 2 decimals, "500.000" can only be digit grouping: five hundred thousand.
    const split = splitFlexibleNumber(raw, { groupingOnly: column.maxDecimals < 3 });
    if (split === null) return fail(`"${raw.trim()}" không phải là số.`, `"${raw.trim()}" is not a number.`);
    if ('ambiguous' in split) return ambiguousNumber(raw);
    parts = split;
  }
  const intPart = parts.intPart.replace(/^0+/, '') || '0';
  const fracPart = parts.fracPart.replace(/0+$/, '');
  if (intPart.length > column.maxIntegerDigits) {
    return fail(
      `Số quá lớn (tối đa ${column.maxIntegerDigits} chữ số phần nguyên).`,
      `The number is too large (at most ${column.maxIntegerDigits} integer digits).`,
    );
  }
  if (fracPart.length > column.maxDecimals) {
    return fail(
      `Tối đa ${column.maxDecimals} chữ số sau dấu thập phân (đang là ${raw}).`,
      `At most ${column.maxDecimals} decimal places (got ${raw}).`,
    );
  }
  const negative = parts.sign === '-' && (intPart !== '0' || fracPart !== '');
  return ok(`${negative ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`);
}

// ---------------------------------------------------------------------------------------------------------
// Dates

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | null {
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Days of an Excel serial date (1900 system; serial 60 is Excel's phantom 29/2/1900). */
function fromExcelSerial(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A calendar date as ISO yyyy-mm-dd from "14/3/2018", "14/03/2018", "14-03-2018", "2018-03-14", a date
 * cell (read as its UTC calendar day, which is how spreadsheet readers deliver them) or an Excel serial.
 */
export function parseFlexibleDate(raw: CellValue): string | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    return isoOf(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  if (typeof raw === 'number') return fromExcelSerial(raw);
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** ISO yyyy-mm-dd → "14/03/2018" (what exports write). */
export function formatDateCell(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

// ---------------------------------------------------------------------------------------------------------
// Enumerations

const optionIndexes = new WeakMap<readonly EnumOption[], Map<string, EnumOption>>();

/** Finds an option by code, Vietnamese or English label or alias (folded); indexes each option list once. */
function findOption(options: readonly EnumOption[], text: string): EnumOption | undefined {
  let index = optionIndexes.get(options);
  if (!index) {
    index = new Map();
    for (const o of options) {
      for (const label of [o.value, o.vi, o.en, ...(o.aliases ?? [])]) {
        if (!index.has(foldLabel(label))) index.set(foldLabel(label), o);
      }
    }
    optionIndexes.set(options, index);
  }
  const found = index.get(foldLabel(text));
  if (found) return found;
  // As the guide and the app show it: "Nhà đầu tư thứ cấp (tenant)" — the label, then the code in brackets.
  const shown = /^(.*)\(([^()]+)\)\s*$/.exec(text);
  return shown ? (index.get(foldLabel(shown[2]!)) ?? index.get(foldLabel(shown[1]!))) : undefined;
}

export function optionsText(options: readonly EnumOption[], locale: 'vi' | 'en' = 'vi'): string {
  return options.map((o) => `${o[locale]} (${o.value})`).join('; ');
}

function unknownOption(text: string, options: readonly EnumOption[]): CellResult {
  return fail(
    `Giá trị "${text}" không hợp lệ; chọn một trong: ${optionsText(options, 'vi')}.`,
    `Invalid value "${text}"; choose one of: ${optionsText(options, 'en')}.`,
  );
}

const TRUE_WORDS = ['có', 'co', 'x', 'yes', 'true', '1', 'đúng'];
const FALSE_WORDS = ['không', 'khong', 'no', 'false', '0', 'sai'];

// ---------------------------------------------------------------------------------------------------------
// Cells

/** A value that would run as a formula when a CSV is opened in a spreadsheet; exports prefix it with `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(raw: Exclude<CellValue, null>): string {
  if (raw instanceof Date) return parseFlexibleDate(raw) ?? raw.toISOString();
  // PostgreSQL text cannot hold NUL; it only ever comes from damaged files.
  return String(raw).split('\u0000').join('');
}

/** Reads one cell for its column; an empty cell is null (or [] for a list). */
export function parseCell(column: ColumnType, raw: CellValue): CellResult {
  if (isEmpty(raw)) return ok(column.type === 'list' ? [] : null);
  const value = raw as Exclude<CellValue, null>;
  switch (column.type) {
    case 'text': {
      let text = cellText(value).trim();
      // Undo the formula guard of our own CSV exports ("'=x" was exported from "=x").
      if (text.startsWith("'") && FORMULA_START.test(text.slice(1))) text = text.slice(1);
      if (column.padDigits && /^\d+$/.test(text) && text.length < column.padDigits)
        text = text.padStart(column.padDigits, '0');
      return ok(column.upperCase ? text.toUpperCase() : text);
    }
    case 'number':
      return parseNumberCell(column, value instanceof Date ? cellText(value) : (value as string | number));
    case 'integerText':
      return parseIntegerText(typeof value === 'boolean' || value instanceof Date ? cellText(value) : value);
    case 'decimalText':
      return parseDecimalText(
        column,
        typeof value === 'boolean' || value instanceof Date ? cellText(value) : value,
      );
    case 'date': {
      const iso = parseFlexibleDate(
        value instanceof Date || typeof value === 'number' ? value : String(value),
      );
      return iso
        ? ok(iso)
        : fail(
            `"${cellText(value)}" không phải là ngày hợp lệ (cần dạng dd/mm/yyyy, ví dụ 14/03/2018).`,
            `"${cellText(value)}" is not a valid date (expected dd/mm/yyyy, e.g. 14/03/2018).`,
          );
    }
    case 'boolean': {
      if (typeof value === 'boolean') return ok(value);
      const folded = foldLabel(cellText(value));
      if (TRUE_WORDS.some((w) => foldLabel(w) === folded)) return ok(true);
      if (FALSE_WORDS.some((w) => foldLabel(w) === folded)) return ok(false);
      return fail(
        `"${cellText(value)}" không hợp lệ; ghi "Có" hoặc "Không".`,
        `"${cellText(value)}" is invalid; write "Có" (yes) or "Không" (no).`,
      );
    }
    case 'enum': {
      const text = cellText(value).trim();
      const option = findOption(column.options, text);
      return option ? ok(option.value) : unknownOption(text, column.options);
    }
    case 'country': {
      const text = cellText(value).trim();
      const code = countryCodeOf(text);
      return code
        ? ok(code)
        : fail(
            `Không nhận ra quốc gia "${text}": ghi tên nước (Việt Nam, Nhật Bản…) hoặc mã ISO hai chữ cái (VN, JP…).`,
            `Unknown country "${text}": write its name (Vietnam, Japan…) or its two-letter ISO code (VN, JP…).`,
          );
    }
    case 'list': {
      const text = cellText(value);
      const items = text
        .split(column.options ? /[\r\n;,]+/ : /\r?\n|\r/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (!column.options) return ok(items);
      const values: string[] = [];
      for (const item of items) {
        const option = findOption(column.options, item);
        if (!option) return unknownOption(item, column.options);
        if (!values.includes(option.value)) values.push(option.value);
      }
      return ok(values);
    }
  }
}

/**
 * A value as a spreadsheet cell for exports and round trips: enumerations as their Vietnamese label, lists
 * one per line, dates dd/mm/yyyy, money as a number when a cell holds it exactly (else as text).
 */
export function formatCell(column: ColumnType, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'text':
      return String(value);
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'integerText': {
      const text = String(value);
      return /^-?\d{1,15}$/.test(text) ? Number(text) : text;
    }
    case 'decimalText': {
      const text = String(value);
      const [whole = '', fraction = ''] = text.replace(/^-/, '').split('.');
      const digits = `${whole.replace(/^0+/, '')}${fraction.replace(/0+$/, '')}`;
      return digits.length <= EXACT_CELL_DIGITS ? Number(text) : text;
    }
    case 'date':
      return formatDateCell(String(value));
    case 'boolean':
      return value ? 'Có' : 'Không';
    case 'enum':
      return column.options.find((o) => o.value === value)?.vi ?? String(value);
    case 'country':
      return String(value);
    case 'list': {
      const items = (value as unknown[]).map((v) =>
        column.options ? (column.options.find((o) => o.value === v)?.vi ?? String(v)) : String(v),
      );
      return items.length ? items.join('\n') : null;
    }
  }
}

/** A value as CSV text: like `formatCell`, numbers plain (dot decimal), and formula-like text guarded. */
export function formatCsvCell(column: ColumnType, value: unknown): string {
  const cell = formatCell(column, value);
  if (cell === null) return '';
  if (typeof cell === 'number') return formatPlainNumber(cell);
  const text = cellText(cell);
  return (column.type === 'text' || column.type === 'list') && FORMULA_START.test(text) ? `'${text}` : text;
}

/** "Allowed values" text of a column for the template's guide sheet. */
export function allowedText(column: ColumnType): string {
  switch (column.type) {
    case 'text':
      return column.padDigits ? `${column.padDigits} chữ số (có thể bỏ số 0 ở đầu)` : 'Văn bản';
    case 'number':
      return column.integer
        ? 'Số nguyên'
        : `Số, dấu phẩy thập phân (1.347,4) hoặc dấu chấm (1347.4)${column.maxDecimals !== undefined ? `; tối đa ${column.maxDecimals} chữ số thập phân` : ''}`;
    case 'integerText':
      return 'Số nguyên, có thể nhóm hàng nghìn bằng dấu chấm (19.000.000.000)';
    case 'decimalText':
      return `Số, có thể nhóm hàng nghìn bằng dấu chấm và dùng dấu phẩy thập phân (1.500.000,50) hoặc viết liền với dấu chấm thập phân (1500000.50); tối đa ${column.maxDecimals} chữ số thập phân`;
    case 'date':
      return 'Ngày dd/mm/yyyy (14/03/2018) hoặc yyyy-mm-dd';
    case 'boolean':
      return 'Có / Không';
    case 'enum':
      return optionsText(column.options);
    case 'country':
      return 'Tên nước (Việt Nam, Nhật Bản, Hàn Quốc…) hoặc mã ISO 3166-1 hai chữ cái (VN, JP, KR…)';
    case 'list':
      return column.options
        ? `Một hoặc nhiều giá trị, cách nhau bởi dấu ; — ${optionsText(column.options)}`
        : 'Một hoặc nhiều giá trị, mỗi giá trị một dòng trong ô (Alt+Enter)';
  }
}
