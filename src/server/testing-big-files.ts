import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Large spreadsheet files for the bounded-work tests (import-limits.db.test.ts), made in a worker thread
 * (`makeBigFiles`) so that building them leaves nothing behind in the heap of the process under test.
 */

/** A stored (zip) file of `entries`, deflated, in the order given — enough of the format for an .xlsx. */
export function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name);
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A zone list of `rows` data rows as Excel lays it out (the sheet first, no shared strings), with a code,
 * a kind and an area per row: about 12 MB packed for a million rows.
 */
export function bigWorkbook(rows: number): Buffer {
  const header = ['Mã khu/cụm', 'Tên khu/cụm', 'Loại', 'Diện tích quy hoạch (ha)', 'Ghi chú'];
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    `<row r="1">${header.map((h, i) => `<c r="${'ABCDE'[i]}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`,
  ];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let r = 2; r <= rows + 1; r++) {
    const n = random();
    parts.push(
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="C${r}" t="inlineStr"><is><t>CCN</t></is></c>` +
        `<c r="D${r}"><v>${n % 100}</v></c></row>`,
    );
  }
  parts.push('</sheetData></worksheet>');
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  return zip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
          '</Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="Khu cụm" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          '</Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(parts.join('')) },
  ]);
}

export function bigCsv(rows: number): Buffer {
  const lines = ['Mã khu/cụm,Tên khu/cụm,Loại,Diện tích quy hoạch (ha)'];
  for (let r = 0; r < rows; r++) lines.push(`C${r},,CCN,`);
  return Buffer.from(lines.join('\n'));
}

/** Writes `big.xlsx` and `big.csv` (1,000,000 data rows each) into `dir`; in a worker thread it leaves no garbage. */
export function writeBigFiles(dir: string): { xlsxMs: number } {
  const started = performance.now();
  writeFileSync(join(dir, 'big.xlsx'), bigWorkbook(1_000_000));
  const xlsxMs = performance.now() - started;
  writeFileSync(join(dir, 'big.csv'), bigCsv(1_000_000));
  return { xlsxMs };
}

/** Runs `writeBigFiles` in a worker thread (TypeScript through tsx, as the import worker does). */
export function makeBigFiles(dir: string): Promise<{ xlsxMs: number }> {
  const url = new URL('./testing-big-files.ts', import.meta.url).href;
  const code =
    `const { parentPort, workerData } = require('node:worker_threads');` +
    `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })` +
    `.then((m) => parentPort.postMessage(m.writeBigFiles(workerData)));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: dir });
    worker.once('message', (result: { xlsxMs: number }) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
