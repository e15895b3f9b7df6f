import { toIsoDate } from '../../domain/format/format';
import { AppError } from '../../domain/shared/errors';
import { convertToPdf, PdfUnavailableError } from '../output/pdf';
import type { ServiceDeps } from '../deps';
import { getCompilation, getSignedCompilation, type CompilationQuery } from './compilation.service';
import { getFiling } from './filing.service';
import { compiledReportDocx, compiledReportXlsx, filingDocx } from './report-output';

export type ReportFile = { fileName: string; contentType: string; body: Buffer };
export type ReportFormat = 'docx' | 'xlsx' | 'pdf';

const contentTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

async function toPdf(body: Buffer, from: 'docx' | 'xlsx'): Promise<Buffer> {
  try {
    return await convertToPdf(body, from);
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw new AppError('output.pdf_unavailable');
    throw error;
  }
}

/**
 * Biểu 03/04 as a file: a signed version exactly as signed, or (without `version`) the live figures marked
 * as a draft. Reading rights are those of the report itself.
 */
export async function exportCompilation(
  deps: ServiceDeps,
  query: CompilationQuery & { version?: number },
  format: ReportFormat,
): Promise<ReportFile> {
  const input = query.version
    ? await getSignedCompilation(deps, query, query.version).then(async (signed) => ({
        report: signed.report,
        scope: (await getCompilation(deps, query)).scope,
        computedAt: signed.computedAt,
        annotations: signed.annotations,
        signed,
      }))
    : await getCompilation(deps, query).then((view) => ({ ...view, signed: null }));
  const docx = format === 'xlsx' ? null : await compiledReportDocx(input);
  const body =
    format === 'xlsx'
      ? await compiledReportXlsx(input)
      : format === 'pdf'
        ? await toPdf(docx!, 'docx')
        : docx!;
  const scope = input.scope.kind === 'commune' ? `xa-${input.scope.code}` : 'thanh-pho';
  const suffix = query.version ? `ban-ky-${query.version}` : `du-thao-${toIsoDate(deps.clock.now())}`;
  return {
    fileName: `bieu-${query.formCode.slice(1)}-${query.period}-${scope}-${suffix}.${format}`,
    contentType: contentTypes[format],
    body,
  };
}

/** A filing (Biểu 01/02) as a Word or PDF document. */
export async function exportFiling(
  deps: ServiceDeps,
  id: string,
  format: 'docx' | 'pdf',
): Promise<ReportFile> {
  const filing = await getFiling(deps, id);
  const docx = await filingDocx(filing, null);
  const body = format === 'pdf' ? await toPdf(docx, 'docx') : docx;
  return {
    fileName: `bieu-${filing.formCode.slice(1)}-${filing.period}-${filing.reporter.code}.${format}`,
    contentType: contentTypes[format],
    body,
  };
}
