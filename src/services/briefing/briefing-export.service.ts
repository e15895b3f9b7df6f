import { AppError } from '../../domain/shared/errors';
import type { ServiceDeps } from '../deps';
import { convertToPdf, PdfUnavailableError } from '../output/pdf';
import { briefingDocx, briefingXlsx } from './briefing-output';
import { getBriefingDocument } from './briefing.service';

export type BriefingFormat = 'docx' | 'xlsx' | 'pdf';

const contentTypes: Record<BriefingFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A briefing as Word, its annexes as Excel, or Word converted to PDF (LibreOffice; 503 without it). */
export async function exportBriefing(
  deps: ServiceDeps,
  id: string,
  format: BriefingFormat,
  asOf?: string,
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const { view, zones } = await getBriefingDocument(deps, id, asOf);
  let body: Buffer;
  if (format === 'xlsx') body = await briefingXlsx(view, zones);
  else {
    const docx = await briefingDocx(view);
    if (format === 'docx') body = docx;
    else {
      try {
        body = await convertToPdf(docx, 'docx');
      } catch (error) {
        if (error instanceof PdfUnavailableError) throw new AppError('output.pdf_unavailable');
        throw error;
      }
    }
  }
  const suffix = view.state === 'issued' ? '' : '-du-thao';
  const name = format === 'xlsx' ? 'phu-luc-bao-cao-giao-ban' : 'bao-cao-giao-ban';
  return {
    fileName: `${name}-${view.from}-${view.to}${suffix}.${format}`,
    contentType: contentTypes[format],
    body,
  };
}
