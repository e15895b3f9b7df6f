/**
 * The web app's addresses of the reporting pages, one statement for the pages' own links and for the links
 * notices carry (in the app and in e-mails): each opens the record and the period it is about.
 */

const REPORTS = '/reports';

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The reports home at a period (the period is selectable there whatever its type). */
export const reportsHomeLink = (period: string) => withQuery(REPORTS, { period });

/** A filing's page (its form, period, revisions and review). */
export const filingLink = (id: string) => `${REPORTS}/filings/${encodeURIComponent(id)}`;

/** The form for a report not started yet; the page finds an existing filing of the same reporter first. */
export const newFilingLink = (
  formCode: string,
  period: string,
  kind: string,
  code: string,
  name?: string | null,
) => withQuery(`${REPORTS}/filings/new`, { formCode, period, kind, code, name });

/** Biểu 03 of a commune or Biểu 04 of the city, at a period. */
export const compiledLink = (formCode: 'B03' | 'B04', period: string, commune?: string | null) =>
  withQuery(`${REPORTS}/compiled`, { formCode, period, commune: formCode === 'B03' ? commune : null });
