import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  BulkResult,
  BulkRow,
  UploadProblem,
  WorkbookUploadResult,
} from '../../../../domain/reporting/filing-workbook';
import { api, buildUrl } from '../../../lib/api';
import { reportingKeys } from './reporting-api';

// Filing by Excel: /api/filings/workbook(.xlsx) and /api/filings/bulk(/workbook.xlsx), typed by the contracts
// in src/domain/reporting/filing-workbook.ts (type-only imports: zod stays out of the bundle).

export type { BulkResult, BulkRow, UploadProblem, WorkbookUploadResult };

export type WorkbookTarget = { formCode: string; period: string; kind: 'zone' | 'project'; code: string };

/** Download addresses (plain links: the browser saves the file under the server's name). */
export const filingWorkbookUrl = (t: WorkbookTarget) =>
  buildUrl('/api/filings/workbook.xlsx', {
    formCode: t.formCode,
    period: t.period,
    kind: t.kind,
    code: t.code,
  });
export const bulkWorkbookUrl = (period: string, zone: string | null) =>
  buildUrl('/api/filings/bulk/workbook.xlsx', { period, zone });

function formOf(file: File): FormData {
  const body = new FormData();
  body.append('file', file);
  return body;
}

/** After a write: the filing pages, lists, completeness and compiled reports are stale. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: reportingKeys.filings });
    void queryClient.invalidateQueries({ queryKey: ['completeness'] });
    void queryClient.invalidateQueries({ queryKey: reportingKeys.compilations });
  };
}

/** Uploads the reporter's workbook for the report the page shows (another report's file is refused). */
export function useUploadFilingWorkbook(target: WorkbookTarget) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ file, submit }: { file: File; submit: boolean }) =>
      api.post('/api/filings/workbook', formOf(file), {
        query: { ...target, submit: submit ? 'true' : undefined },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(reportingKeys.filing(result.filing.id), result.filing);
      invalidate();
    },
  });
}

/** The developer's bulk upload: a dry run (the rows' check) or the all-or-nothing commit. */
export function useUploadBulkWorkbook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ file, dryRun, submit }: { file: File; dryRun: boolean; submit: boolean }) =>
      api.post('/api/filings/bulk', formOf(file), {
        query: { dryRun: dryRun ? 'true' : 'false', submit: submit ? 'true' : undefined },
      }),
    onSuccess: (result) => {
      if (result.committed) invalidate();
    },
  });
}
