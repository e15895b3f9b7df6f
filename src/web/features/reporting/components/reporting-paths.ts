import { PATHS } from '../../../app/paths';
import { buildUrl } from '../../../lib/api';

export const filingPagePath = (id: string) => `${PATHS.reports}/filings/${encodeURIComponent(id)}`;

/** The form for a report not started yet; the page finds an existing filing of the same reporter first. */
export const newFilingPath = (
  formCode: string,
  period: string,
  kind: string,
  code: string,
  name?: string | null,
) => buildUrl(`${PATHS.reports}/filings/new`, { formCode, period, kind, code, name });

export const compiledPath = (formCode: 'B03' | 'B04', period: string, commune?: string | null) =>
  buildUrl(`${PATHS.reports}/compiled`, { formCode, period, commune: formCode === 'B03' ? commune : null });
