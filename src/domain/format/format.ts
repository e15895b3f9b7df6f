/**
 * Vietnamese-first formatting of numbers, areas, money, percentages and dates.
 *
 * Contract: pure and isomorphic (no I/O, no DOM, no `node:`), and independent of the ICU/Intl locale data of
 * the runtime — digit grouping and rounding are done on decimal strings here, so "1.347,4 ha" comes out the
 * same in a browser, in Node built with small-icu and in a test runner. Numbers are rounded half away from
 * zero on their shortest decimal representation (1.005 → "1,01"), never on binary floats.
 */

export type FormatLocale = 'vi' | 'en';

/** Shown wherever a value is missing or not a finite number. */
export const NO_VALUE = '—';

type Separators = { group: string; decimal: string };

const SEPARATORS: Record<FormatLocale, Separators> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

export type NumberFormatOptions = {
  locale?: FormatLocale;
  /** At most this many digits after the decimal separator (default 2). */
  maxFractionDigits?: number;
  /** Pad with zeros up to this many digits after the decimal separator (default 0). */
  minFractionDigits?: number;
};

export type NumericInput = number | bigint | string;

/** A decimal split into sign, integer digits and fraction digits, all as strings. */
type Decimal = { negative: boolean; int: string; frac: string };

const DECIMAL_STRING = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Reads a number, bigint or plain decimal string ("1347.40", "-2e3") into an exact decimal, or null. */
function toDecimal(value: NumericInput | null | undefined): Decimal | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    const text = value.toString();
    const negative = text.startsWith('-');
    return { negative, int: negative ? text.slice(1) : text, frac: '' };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  // String(number) is the shortest representation that round-trips, e.g. 1347.4 and not 1347.40000000000009.
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL_STRING.exec(text);
  if (!match) return null;
  const [, sign = '', intPart = '', fracPart = '', exponentText] = match;
  if (intPart === '' && fracPart === '') return null;
  let digits = intPart + fracPart;
  let point = intPart.length;
  if (exponentText !== undefined) point += Number(exponentText);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    digits = digits + '0'.repeat(point - digits.length);
  }
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point);
  return { negative: sign === '-', int, frac };
}

/** Adds one unit in the last place to a string of decimal digits ("199" → "200", "99" → "100"). */
function incrementDigits(digits: string): string {
  const chars = digits.split('');
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === '9') {
      chars[i] = '0';
      i -= 1;
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
  }
  return '1' + chars.join('');
}

/** Rounds half away from zero to `maxDigits` fraction digits, then trims trailing zeros down to `minDigits`. */
function roundDecimal(value: Decimal, maxDigits: number, minDigits: number): Decimal {
  let { int, frac } = value;
  if (frac.length > maxDigits) {
    const roundUp = frac.charCodeAt(maxDigits) - 48 >= 5;
    frac = frac.slice(0, maxDigits);
    if (roundUp) {
      const bumped = incrementDigits(int + frac);
      int = bumped.slice(0, bumped.length - maxDigits) || '0';
      frac = bumped.slice(bumped.length - maxDigits);
    }
  }
  frac = frac.replace(/0+$/, '');
  if (frac.length < minDigits) frac = frac + '0'.repeat(minDigits - frac.length);
  const isZero = /^0*$/.test(int) && /^0*$/.test(frac);
  return { negative: value.negative && !isZero, int, frac };
}

function groupThousands(int: string, separator: string): string {
  let out = '';
  for (let i = 0; i < int.length; i += 1) {
    if (i > 0 && (int.length - i) % 3 === 0) out += separator;
    out += int[i];
  }
  return out;
}

function renderDecimal(value: Decimal, locale: FormatLocale): string {
  const { group, decimal } = SEPARATORS[locale];
  const int = groupThousands(value.int, group);
  return (value.negative ? '-' : '') + int + (value.frac ? decimal + value.frac : '');
}

function clampDigits(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(20, Math.max(0, Math.trunc(value)));
}

/** 1347.4 → "1.347,4" (vi) or "1,347.4" (en). Missing or non-numeric input gives "—". */
export function formatNumber(
  value: NumericInput | null | undefined,
  options: NumberFormatOptions = {},
): string {
  const decimal = toDecimal(value);
  if (!decimal) return NO_VALUE;
  const locale = options.locale ?? 'vi';
  const minDigits = clampDigits(options.minFractionDigits, 0);
  const maxDigits = Math.max(minDigits, clampDigits(options.maxFractionDigits, 2));
  return renderDecimal(roundDecimal(decimal, maxDigits, minDigits), locale);
}

/** Area in hectares: 1347.4 → "1.347,4 ha" (vi) or "1,347.4 ha" (en). */
export function formatArea(
  hectares: NumericInput | null | undefined,
  options: NumberFormatOptions = {},
): string {
  const number = formatNumber(hectares, options);
  return number === NO_VALUE ? NO_VALUE : `${number} ha`;
}

/** A ratio as a percentage: 0.923 → "92,3 %" (vi, with the space of Vietnamese typography) or "92.3%" (en). */
export function formatPercent(
  ratio: NumericInput | null | undefined,
  options: NumberFormatOptions = {},
): string {
  const decimal = toDecimal(ratio);
  if (!decimal) return NO_VALUE;
  // Multiplying by 100 is moving the decimal point two places: exact, unlike ratio * 100 on floats.
  const padded = decimal.frac.padEnd(2, '0');
  const percent: Decimal = {
    negative: decimal.negative,
    int: (decimal.int + padded.slice(0, 2)).replace(/^0+(?=\d)/, ''),
    frac: padded.slice(2),
  };
  const locale = options.locale ?? 'vi';
  const number = formatNumber((percent.negative ? '-' : '') + percent.int + '.' + (percent.frac || '0'), {
    locale,
    maxFractionDigits: options.maxFractionDigits ?? 1,
    minFractionDigits: options.minFractionDigits ?? 0,
  });
  return locale === 'vi' ? `${number} %` : `${number}%`;
}

/** Digits after the decimal point of a currency's minor unit (ISO 4217 exponent). */
const MINOR_UNIT_DIGITS: Record<string, number> = {
  VND: 0,
  JPY: 0,
  KRW: 0,
  USD: 2,
  EUR: 2,
  CNY: 2,
  SGD: 2,
  TWD: 2,
  HKD: 2,
  THB: 2,
  GBP: 2,
  AUD: 2,
};

export function minorUnitDigits(currency: string): number {
  return MINOR_UNIT_DIGITS[currency.toUpperCase()] ?? 2;
}

const MINOR_AMOUNT = /^[+-]?\d+$/;

/**
 * Money given in integer minor units (money is never a float): (1234550n, 'USD') → "12.345,50 USD";
 * (19000000000, 'VND') → "19.000.000.000 ₫". Accepts bigint, a safe integer or an integer string.
 */
export function formatMoney(
  amountMinor: bigint | number | string | null | undefined,
  currency: string,
  options: { locale?: FormatLocale } = {},
): string {
  if (amountMinor === null || amountMinor === undefined) return NO_VALUE;
  let text: string;
  if (typeof amountMinor === 'bigint') text = amountMinor.toString();
  else if (typeof amountMinor === 'number') {
    if (!Number.isSafeInteger(amountMinor)) return NO_VALUE;
    text = String(amountMinor);
  } else {
    text = amountMinor.trim();
    if (!MINOR_AMOUNT.test(text)) return NO_VALUE;
  }
  const code = currency.toUpperCase();
  const digits = minorUnitDigits(code);
  const negative = text.startsWith('-');
  const magnitude = text
    .replace(/^[+-]/, '')
    .replace(/^0+(?=\d)/, '')
    .padStart(digits + 1, '0');
  const decimal: Decimal = {
    negative: negative && /[1-9]/.test(magnitude),
    int: magnitude.slice(0, magnitude.length - digits),
    frac: magnitude.slice(magnitude.length - digits),
  };
  const number = renderDecimal(decimal, options.locale ?? 'vi');
  return code === 'VND' ? `${number} ₫` : `${number} ${code}`;
}

/**
 * Reads a number typed the Vietnamese way: "1.347,4" → 1347.4, "-2,5" → -2.5, "1.000.000" → 1000000.
 * Dots must group thousands correctly ("1.5" is rejected rather than guessed). Returns null when the text is
 * not a number.
 */
export function parseVietnameseNumber(text: string): number | null {
  return parseNumber(text, { locale: 'vi' });
}

/** Reads a number typed in the given locale's style ("1,347.4" in en); null when it is not a number. */
export function parseNumber(text: string, options: { locale?: FormatLocale } = {}): number | null {
  const { group, decimal } = SEPARATORS[options.locale ?? 'vi'];
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const sign = compact.startsWith('-') || compact.startsWith('+') ? compact[0] : '';
  const body = sign ? compact.slice(1) : compact;
  const parts = body.split(decimal);
  if (parts.length > 2) return null;
  const [intPart = '', fracPart] = parts;
  if (fracPart !== undefined && !/^\d+$/.test(fracPart)) return null;
  let intDigits: string;
  if (intPart.includes(group)) {
    const groups = intPart.split(group);
    const [first = '', ...rest] = groups;
    if (!/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) return null;
    intDigits = groups.join('');
  } else {
    if (!/^\d*$/.test(intPart)) return null;
    intDigits = intPart;
  }
  if (intDigits === '' && fracPart === undefined) return null;
  const value = Number(`${sign}${intDigits || '0'}.${fracPart ?? '0'}`);
  return Number.isFinite(value) ? value : null;
}

// ---------------------------------------------------------------------------------------------------------
// Dates

export type DateInput = Date | string;

export type DateFormatOptions = {
  locale?: FormatLocale;
  /**
   * Offset from UTC used to show instants (timestamps, Date objects). Defaults to Vietnam time, UTC+7 all year
   * (no daylight saving), so the same instant reads the same on every machine. Date-only strings ignore it.
   */
  utcOffsetMinutes?: number;
};

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

type CalendarParts = { year: number; month: number; day: number; hour: number; minute: number };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' as a calendar date (no time zone involved); null when it is not a real date. */
function parseDateOnly(text: string): CalendarParts | null {
  const match = DATE_ONLY.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day, hour: 0, minute: 0 };
}

function toCalendarParts(value: DateInput, utcOffsetMinutes: number): CalendarParts | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    const dateOnly = parseDateOnly(trimmed);
    if (dateOnly) return dateOnly;
    // Anything else must be a full timestamp; without an explicit zone it would be read in the machine's zone.
    if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed))
      return null;
    return toCalendarParts(new Date(trimmed.replace(' ', 'T')), utcOffsetMinutes);
  }
  const time = value.getTime();
  if (Number.isNaN(time)) return null;
  const shifted = new Date(time + utcOffsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function renderDate(parts: CalendarParts, locale: FormatLocale): string {
  if (locale === 'en') return `${parts.day} ${EN_MONTHS[parts.month - 1] ?? ''} ${parts.year}`;
  // Vietnamese administrative style: no leading zeros on day and month (Decree 30/2020 writes "ngày 14 tháng 3").
  return `${parts.day}/${parts.month}/${parts.year}`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * '2018-03-14' → "14/3/2018" (vi) or "14 Mar 2018" (en). Date-only strings are calendar dates and never shift
 * with the time zone; instants are shown in Vietnam time unless `utcOffsetMinutes` says otherwise.
 */
export function formatDate(value: DateInput | null | undefined, options: DateFormatOptions = {}): string {
  if (value === null || value === undefined) return NO_VALUE;
  const parts = toCalendarParts(value, options.utcOffsetMinutes ?? VIETNAM_UTC_OFFSET_MINUTES);
  return parts ? renderDate(parts, options.locale ?? 'vi') : NO_VALUE;
}

/** An instant with its local time on a 24-hour clock: "14/3/2018 09:05" (vi), "14 Mar 2018 09:05" (en). */
export function formatDateTime(value: DateInput | null | undefined, options: DateFormatOptions = {}): string {
  if (value === null || value === undefined) return NO_VALUE;
  const parts = toCalendarParts(value, options.utcOffsetMinutes ?? VIETNAM_UTC_OFFSET_MINUTES);
  if (!parts) return NO_VALUE;
  return `${renderDate(parts, options.locale ?? 'vi')} ${pad2(parts.hour)}:${pad2(parts.minute)}`;
}

/** Today's calendar date in Vietnam as 'YYYY-MM-DD' (for "valid on" filters), given the current instant. */
export function toIsoDate(now: Date, utcOffsetMinutes: number = VIETNAM_UTC_OFFSET_MINUTES): string {
  const shifted = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  return `${shifted.getUTCFullYear()}-${pad2(shifted.getUTCMonth() + 1)}-${pad2(shifted.getUTCDate())}`;
}

/**
 * The place-and-date line of an administrative document (Decree 30/2020, Appendix I, §6): "Hà Nội, ngày 05
 * tháng 01 năm 2026" — days below 10 and the months 1 and 2 take a leading zero; the rest are written as is.
 */
export function formatAdministrativeDateLine(place: string, isoDate: string): string {
  const parts = parseDateOnly(isoDate);
  if (!parts) throw new RangeError(`Not a calendar date: ${isoDate}`);
  const day = parts.day < 10 ? pad2(parts.day) : String(parts.day);
  const month = parts.month <= 2 ? pad2(parts.month) : String(parts.month);
  return `${place}, ngày ${day} tháng ${month} năm ${parts.year}`;
}
