import { createInflateRaw } from 'node:zlib';
import { AppError, validationError } from '../../domain/shared/errors';
import { viCount } from './import-limits';

/**
 * A look inside an .xlsx before any spreadsheet library reads it: the zip's central directory gives every
 * part's packed and unpacked size, and each worksheet (and the shared strings) is inflated as a stream
 * only to count its `<row` (and `<si`) tags — reading stops at the first past the limit. A million-row
 * sheet is refused after its first hundred thousand rows are counted, and a zip bomb after its limit of
 * unpacked bytes, without ever holding a sheet in memory.
 */

type Entry = { name: string; method: number; packed: number; unpacked: number; offset: number };

const damaged = () =>
  validationError({
    file: { vi: 'Tệp .xlsx bị hỏng hoặc không phải Excel.', en: 'The .xlsx file is damaged or not Excel.' },
  });

function entries(data: Buffer): Entry[] {
  const min = Math.max(0, data.length - 22 - 65535);
  let end = -1;
  for (let i = data.length - 22; i >= min; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged();
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const list: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw damaged();
    const nameLength = data.readUInt16LE(at + 28);
    list.push({
      method: data.readUInt16LE(at + 10),
      packed: data.readUInt32LE(at + 20),
      unpacked: data.readUInt32LE(at + 24),
      offset: data.readUInt32LE(at + 42),
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return list;
}

/** Counts `tag` in the inflated entry, stopping once the count passes `max` (or the bytes pass `maxBytes`). */
function countTags(data: Buffer, entry: Entry, tags: RegExp, max: number, maxBytes: number) {
  return new Promise<{ count: number; bytes: number; stopped: boolean }>((resolve, reject) => {
    if (data.readUInt32LE(entry.offset) !== 0x04034b50) return reject(damaged());
    const start =
      entry.offset + 30 + data.readUInt16LE(entry.offset + 26) + data.readUInt16LE(entry.offset + 28);
    const packed = data.subarray(start, start + entry.packed);
    let count = 0;
    let bytes = 0;
    let carry = '';
    const done = (stopped: boolean) => resolve({ count, bytes, stopped });
    const scan = (chunk: Buffer) => {
      bytes += chunk.length;
      const text = carry + chunk.toString('latin1');
      count += text.match(tags)?.length ?? 0;
      carry = text.slice(-4);
      // A tag split across chunks is counted once: the carried tail is at most 4 characters, shorter than a tag.
      count -= carry.match(tags)?.length ?? 0;
      return count > max || bytes > maxBytes;
    };
    if (entry.method === 0) {
      scan(packed);
      return done(count > max || bytes > maxBytes);
    }
    if (entry.method !== 8) return reject(damaged());
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      if (scan(chunk)) {
        inflate.destroy();
        done(true);
      }
    });
    inflate.on('end', () => done(false));
    inflate.on('error', () => reject(damaged()));
    inflate.end(packed);
  });
}

export async function precheckXlsx(
  bytes: Uint8Array,
  limits: { maxRows: number; maxCells: number; maxUnpackedBytes: number },
  /** How the messages name the limits (the import settings unless told otherwise). */
  names = {
    rows: 'IZIS_IMPORT_MAX_ROWS',
    cells: 'IZIS_IMPORT_MAX_CELLS',
    unpacked: '50 × IZIS_IMPORT_MAX_MB',
  },
): Promise<void> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const list = entries(data);
  const tooLarge = (vi: string, en: string) =>
    new AppError('request.too_large', { fields: { file: { vi, en } } });
  const unpacked = list.reduce((sum, e) => sum + e.unpacked, 0);
  if (unpacked > limits.maxUnpackedBytes || list.some((e) => e.unpacked === 0xffffffff)) {
    throw tooLarge(
      `Tệp Excel giải nén ra hơn ${Math.round(limits.maxUnpackedBytes / 1048576)} MB (giới hạn ${names.unpacked}); hãy chia thành nhiều tệp.`,
      `The workbook unpacks to more than ${Math.round(limits.maxUnpackedBytes / 1048576)} MB (limit ${names.unpacked}); split it.`,
    );
  }
  for (const entry of list) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name)) {
      // Data rows, plus the header and title rows above it.
      const { count, bytes: read } = await countTags(
        data,
        entry,
        /<row[\s>]/g,
        limits.maxRows + 21,
        limits.maxUnpackedBytes,
      );
      if (read > limits.maxUnpackedBytes) throw damaged();
      if (count > limits.maxRows + 21) {
        throw tooLarge(
          `Tệp có hơn ${viCount(limits.maxRows)} dòng dữ liệu (giới hạn ${names.rows}); hãy chia thành nhiều tệp.`,
          `The file has more than ${limits.maxRows} data rows (limit ${names.rows}); split it into several files.`,
        );
      }
    } else if (entry.name === 'xl/sharedStrings.xml') {
      const { count } = await countTags(data, entry, /<si[\s>]/g, limits.maxCells, limits.maxUnpackedBytes);
      if (count > limits.maxCells) {
        throw tooLarge(
          `Tệp có hơn ${viCount(limits.maxCells)} ô có dữ liệu (giới hạn ${names.cells}); hãy chia thành nhiều tệp.`,
          `The file has more than ${limits.maxCells} non-empty cells (limit ${names.cells}); split it into several files.`,
        );
      }
    }
  }
}
