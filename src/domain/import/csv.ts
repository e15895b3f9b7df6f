/**
 * CSV as spreadsheet users exchange it (RFC 4180, read leniently): quoted fields with `""` for a quote,
 * separators and line breaks inside quotes, CRLF or LF records, a UTF-8 byte-order mark at the start.
 * Excel writes `;` instead of `,` where the decimal separator is a comma (Vietnamese regional settings), so
 * the reader takes either. The writer always puts a BOM first: without it Excel reads UTF-8 as the
 * system code page and "Thăng Long" comes out as "ThÄƒng Long".
 */

export type CsvSeparator = ',' | ';';

export const BOM = '\ufeff';

export class CsvError extends Error {
  /** 1-based number of the record where the problem starts. */
  readonly record: number;
  constructor(message: string, record: number) {
    super(message);
    this.name = 'CsvError';
    this.record = record;
  }
}

/**
 * The separator of a CSV text: whichever of `,` and `;` occurs more often outside quotes in the first
 * record (`,` on a tie, e.g. a one-column file).
 */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Parses CSV text into records of fields. A final line break does not make an empty record; a record that
 * is one empty line comes back as `['']`. An unterminated quote is an error naming its record. With
 * `maxRecords`, reading stops after `maxRecords + 1` records.
 */
export function parseCsv(
  text: string,
  options: { separator?: CsvSeparator; maxRecords?: number } = {},
): string[][] {
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const separator = options.separator ?? detectSeparator(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let quoteStartRecord = 0;
  let i = text.startsWith(BOM) ? 1 : 0;
  const n = text.length;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteStartRecord = records.length + 1;
      i++;
    } else if (ch === separator) {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      // Past the caller's limit: stop reading (the caller sees more records than it allows).
      if (records.length > maxRecords) return records;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // A quote inside an unquoted field, or text after a closing quote, is kept as it is (lenient).
      field += ch;
      i++;
    }
  }
  if (quoted) {
    throw new CsvError(`Unterminated quoted field starting in record ${quoteStartRecord}`, quoteStartRecord);
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

export type CsvWriteOptions = {
  separator?: CsvSeparator;
  /** Start with a UTF-8 byte-order mark (default true, for Excel). */
  bom?: boolean;
  /** Record separator (default CRLF, as RFC 4180 says). */
  newline?: '\r\n' | '\n';
};

function quoteField(value: string, separator: CsvSeparator): string {
  return value.includes(separator) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** Writes records as CSV text; `null`/`undefined` become empty fields, numbers their plain text. */
export function writeCsv(
  records: readonly (readonly (string | number | null | undefined)[])[],
  options: CsvWriteOptions = {},
): string {
  const separator = options.separator ?? ',';
  const newline = options.newline ?? '\r\n';
  const body = records
    .map((record) =>
      record
        .map((value) => (value === null || value === undefined ? '' : quoteField(String(value), separator)))
        .join(separator),
    )
    .join(newline);
  return (options.bom === false ? '' : BOM) + body + (records.length ? newline : '');
}
