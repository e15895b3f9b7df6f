import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderAdminDocument, type AdminDocumentSpec } from './admin-document';
import { convertToPdf, findLibreOffice } from './pdf';

const spec: AdminDocumentSpec = {
  agency: { parent: 'UBND thành phố Hà Nội', name: 'Sở Công Thương' },
  number: '12',
  symbol: 'BC-SCT',
  place: 'Hà Nội',
  date: '2026-01-05',
  docType: 'Báo cáo',
  summary: 'Tình hình hoạt động của các cụm công nghiệp năm 2025',
  form: { code: 'Biểu số 04', basis: 'Ban hành kèm theo Thông tư số 14/2024/TT-BCT' },
  blocks: [
    { kind: 'paragraph', text: 'Kỳ báo cáo: năm 2025.' },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 1, align: 'center' },
        { header: 'Chỉ tiêu', width: 6 },
        { header: 'Số lượng', width: 2, align: 'right' },
      ],
      rows: [
        { cells: ['I', 'Quy hoạch phát triển', ''], bold: true },
        { cells: ['1', 'Số CCN trong quy hoạch', '158'] },
      ],
    },
  ],
  signer: { authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Nguyễn Văn A' },
  recipients: ['Bộ Công Thương;', 'Lưu: VT'],
};

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

describe('renderAdminDocument (Decree 30/2020 layout)', () => {
  it('writes the motto, agency block, number, place and date, title, table, recipients and signer', async () => {
    const xml = await documentXml(await renderAdminDocument(spec));
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND THÀNH PHỐ HÀ NỘI',
      'SỞ CÔNG THƯƠNG',
      'Số: 12/BC-SCT',
      'Hà Nội, ngày 05 tháng 01 năm 2026',
      'BÁO CÁO',
      'Biểu số 04',
      'Số CCN trong quy hoạch',
      'Nơi nhận:',
      '- Bộ Công Thương;',
      '- Lưu: VT.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn A',
    ]) {
      expect(xml, text).toContain(text);
    }
    expect(xml).toContain('w:ascii="Times New Roman"');
    // A4 portrait with margins 20/20/30/15 mm in twips.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134"[^>]*w:left="1701"/);
  });

  it('leaves the number blank on a draft and marks it', async () => {
    const xml = await documentXml(await renderAdminDocument({ ...spec, number: null, draft: true }));
    expect(xml).toContain('/BC-SCT');
    expect(xml).not.toContain('Số: 12/');
    expect(xml).toContain('DỰ THẢO');
  });
});

describe('convertToPdf', async () => {
  const soffice = await findLibreOffice();
  it.runIf(soffice)('turns the document into a PDF with LibreOffice', { timeout: 120_000 }, async () => {
    const pdf = await convertToPdf(await renderAdminDocument(spec), 'docx');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
  });
});
