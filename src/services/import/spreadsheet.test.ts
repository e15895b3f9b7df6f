import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from './spreadsheet';
import { closeSpreadsheetPools } from './spreadsheet-pool';

afterAll(() => closeSpreadsheetPools());

/** What exceljs and the reading threads left in the temporary directory (they run in this process). */
const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));

async function workbook(dataRows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Hướng dẫn').addRow(['Trang này không phải dữ liệu']);
  book.addWorksheet('Ghi chú').addRow(['Cũng không']);
  const sheet = book.addWorksheet('Dữ liệu');
  sheet.addRow(['Mã', 'Tên']);
  for (let i = 1; i <= dataRows; i++) sheet.addRow([`M-${i}`, `Tên ${i}`]);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('reading a workbook on the pooled threads', () => {
  it('reads a named sheet behind sheets it skips, read after read, and leaves no temporary file per read', async () => {
    const data = await workbook(3);
    const read = async () => {
      const table = await readTable({ name: 'a.xlsx', data }, { sheet: 'du lieu' });
      expect(table.rows.map((r) => r.cells[0])).toEqual(['M-1', 'M-2', 'M-3']);
    };
    await read();
    // exceljs keeps one file per thread for the thread's life (its first read); a read must not add any.
    const after = leftovers().length;
    for (let i = 0; i < 6; i++) await read();
    expect(leftovers().length).toBe(after);
  });
});
