import { toIsoDate } from '../../domain/format/format';
import type { ParksReportQuery } from '../../domain/reporting/parks-report.schema';
import { AppError } from '../../domain/shared/errors';
import type { ServiceDeps } from '../deps';
import { convertToPdf, PdfUnavailableError } from '../output/pdf';
import { parksReportDocx, parksReportXlsx } from './parks-report-output';
import { getParksReport } from './parks-report.service';
import type { ReportFile, ReportFormat } from './report-export.service';

const contentTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The parks' report of a period and scope as a file, with the reading rights of the report itself. */
export async function exportParksReport(
  deps: ServiceDeps,
  query: ParksReportQuery,
  format: ReportFormat,
): Promise<ReportFile> {
  const view = await getParksReport(deps, query);
  let body: Buffer;
  if (format === 'xlsx') body = await parksReportXlsx(view);
  else {
    const docx = await parksReportDocx(view);
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
  const scope = view.scope.kind === 'zone' ? view.scope.code.toLowerCase() : 'thanh-pho';
  return {
    fileName: `bao-cao-kcn-${view.report.period}-${scope}-du-thao-${toIsoDate(deps.clock.now())}.${format}`,
    contentType: contentTypes[format],
    body,
  };
}
