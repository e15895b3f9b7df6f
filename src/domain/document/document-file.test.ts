import { describe, expect, it } from 'vitest';
import { checkUpload, cleanFileName, contentDisposition, titleFromFileName } from './document-file';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0) & 0xff) : part)),
  );
const MB = 1024 * 1024;
const pdf = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const docx = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml');
const xlsx = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....xl/workbook.xml');

describe('an uploaded file', () => {
  it('is accepted when its content matches its extension', () => {
    expect(checkUpload('Quyết định 1292.pdf', 1000, pdf, 25 * MB)).toEqual({
      ok: true,
      type: 'pdf',
      mimeType: 'application/pdf',
    });
    expect(checkUpload('bao-cao.DOCX', 1000, docx, 25 * MB)).toMatchObject({ ok: true, type: 'docx' });
    expect(checkUpload('so-lieu.xlsx', 1000, xlsx, 25 * MB)).toMatchObject({ ok: true, type: 'xlsx' });
    expect(checkUpload('anh.jpg', 10, bytes([0xff, 0xd8, 0xff, 0xe0]), 25 * MB)).toMatchObject({
      mimeType: 'image/jpeg',
    });
    expect(
      checkUpload(
        'ranh-gioi.kml',
        10,
        bytes('<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'),
        MB,
      ),
    ).toMatchObject({ ok: true });
    expect(
      checkUpload('ranh-gioi.geojson', 10, bytes([0xef, 0xbb, 0xbf], ' {"type":"FeatureCollection"}'), MB),
    ).toMatchObject({ ok: true });
  });

  it('is refused when renamed: a spreadsheet called .docx, a text file called .pdf', () => {
    const result = checkUpload('hop-dong.docx', 1000, xlsx, 25 * MB);
    expect(!result.ok && result.problem.vi).toBe(
      'Nội dung tệp không phải Word (.docx) dù tên tệp có đuôi ".docx" — tệp hỏng hoặc bị đổi tên.',
    );
    expect(checkUpload('a.pdf', 5, bytes('hello'), MB).ok).toBe(false);
  });

  it('names the limit and the accepted types', () => {
    const big = checkUpload('ban-do.pdf', 31.2 * MB, pdf, 25 * MB);
    expect(!big.ok && big.problem.vi).toBe('Tệp quá lớn (31,2 MB); tối đa 25 MB.');
    const exe = checkUpload('setup.exe', 10, bytes('MZ'), MB);
    expect(!exe.ok && exe.problem.vi).toContain('Không nhận loại tệp ".exe". Chỉ nhận: PDF, Word (.docx)');
    expect(!checkUpload('a.pdf', 0, new Uint8Array(), MB).ok).toBe(true);
  });
});

describe('file names', () => {
  it('keeps the last path segment, Vietnamese letters, and at most 200 characters', () => {
    expect(cleanFileName('C:\\fakepath\\Quyết định số 1292.pdf')).toBe('Quyết định số 1292.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\u202e.pdf')).toBe('ab.pdf');
    const long = cleanFileName(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(titleFromFileName('Quyet_dinh_1292.pdf')).toBe('Quyet dinh 1292');
  });

  it('travels in Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('Quyết định "số" 1292 (2018).pdf')).toBe(
      `attachment; filename="Quyet dinh _so_ 1292 (2018).pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20%22s%E1%BB%91%22%201292%20%282018%29.pdf`,
    );
    expect(decodeURIComponent(contentDisposition('Đồng Anh.pdf').split("''")[1]!)).toBe('Đồng Anh.pdf');
  });
});
