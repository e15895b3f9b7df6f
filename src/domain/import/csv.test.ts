import { describe, expect, it } from 'vitest';
import { BOM, CsvError, detectSeparator, parseCsv, writeCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain records with CRLF or LF, and ignores the final line break', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks inside', () => {
    const text = 'code,name,notes\r\nA,"Thụy Lâm, Đông Anh","dòng 1\r\ndòng 2 ""trích"""\r\n';
    expect(parseCsv(text)).toEqual([
      ['code', 'name', 'notes'],
      ['A', 'Thụy Lâm, Đông Anh', 'dòng 1\r\ndòng 2 "trích"'],
    ]);
  });

  it('keeps empty fields and empty lines as records', () => {
    expect(parseCsv('a,,c\n\n,\n')).toEqual([['a', '', 'c'], [''], ['', '']]);
    expect(parseCsv('"",x')).toEqual([['', 'x']]);
  });

  it('strips a UTF-8 byte-order mark and keeps Vietnamese text intact', () => {
    expect(parseCsv(`${BOM}Mã khu/cụm,Tên khu/cụm\nCCN-1,Cụm công nghiệp Phùng Xá`)).toEqual([
      ['Mã khu/cụm', 'Tên khu/cụm'],
      ['CCN-1', 'Cụm công nghiệp Phùng Xá'],
    ]);
  });

  it('takes ; as separator when the header row says so (Excel with Vietnamese regional settings)', () => {
    expect(detectSeparator('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectSeparator('"a;b",c')).toBe(',');
    expect(parseCsv('Mã;Diện tích (ha)\nA;1.347,4\n')).toEqual([
      ['Mã', 'Diện tích (ha)'],
      ['A', '1.347,4'],
    ]);
  });

  it('refuses an unterminated quote, naming the record where it opened', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (error) {
      expect((error as CsvError).record).toBe(2);
    }
  });

  it('is lenient with a stray quote inside an unquoted field', () => {
    expect(parseCsv('a,5" pipe\n')).toEqual([['a', '5" pipe']]);
  });
});

describe('writeCsv', () => {
  it('starts with a BOM, ends records with CRLF and quotes only what needs quoting', () => {
    const text = writeCsv([
      ['Mã', 'Tên', 'Ghi chú'],
      ['A', 'Thăng Long, Đông Anh', 'nói "có"\nxuống dòng'],
      ['B', null, 1347.4],
    ]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(
      `${BOM}Mã,Tên,Ghi chú\r\nA,"Thăng Long, Đông Anh","nói ""có""\nxuống dòng"\r\nB,,1347.4\r\n`,
    );
  });

  it('round-trips through parseCsv, with either separator', () => {
    const records = [
      ['a', 'b;c', ' lề ', 'x,y', '"q"', 'dòng\r\nmới', ''],
      ['', '', '', '', '', '', ''],
    ];
    for (const separator of [',', ';'] as const) {
      expect(parseCsv(writeCsv(records, { separator }), { separator })).toEqual(records);
    }
  });

  it('can leave out the BOM', () => {
    expect(writeCsv([['a']], { bom: false, newline: '\n' })).toBe('a\n');
  });
});
