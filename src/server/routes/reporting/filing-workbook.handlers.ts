import type { OpenAPIHono } from '@hono/zod-openapi';
import { validationError } from '../../../domain/shared/errors';
import { bulkFilingWorkbook, uploadBulkWorkbook } from '../../../services/reporting/filing-bulk.service';
import type { WorkbookFile } from '../../../services/reporting/filing-workbook.sheet';
import { filingWorkbook, uploadFilingWorkbook } from '../../../services/reporting/filing-workbook.service';
import { serviceDeps, type AppContext, type AppDeps, type AppEnv } from '../../context';
import { sendFile, XLSX_TYPE } from '../../file-response';
import {
  bulkTemplateRoute,
  bulkUploadRoute,
  filingTemplateRoute,
  filingUploadRoute,
  MAX_WORKBOOK_BYTES,
} from './filing-workbook.routes';

const sendWorkbook = (c: AppContext, file: WorkbookFile) =>
  sendFile(c, { fileName: file.fileName, contentType: XLSX_TYPE, body: file.body });

/** The multipart field `file`, checked for presence and size. */
async function uploaded(c: AppContext, form: { file?: unknown }) {
  const file = form.file;
  if (!(file instanceof File)) {
    throw validationError({
      file: {
        vi: 'Chưa chọn tệp: gửi tệp .xlsx trong trường "file" (multipart/form-data).',
        en: 'No file: send an .xlsx file in the multipart field "file".',
      },
    });
  }
  if (file.size > MAX_WORKBOOK_BYTES) {
    throw validationError({
      file: { vi: 'Tệp quá lớn (tối đa 5 MB).', en: 'The file is too large (5 MB at most).' },
    });
  }
  c.get('log').info({ fileName: file.name, bytes: file.size }, 'filing workbook upload');
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

/** Registered before the filing routes: /api/filings/workbook.xlsx is not the filing with id "workbook.xlsx". */
export function registerFilingWorkbooks(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(filingTemplateRoute, async (c) =>
    sendWorkbook(c, await filingWorkbook(serviceDeps(c, deps), c.req.valid('query'))),
  );
  app.openapi(filingUploadRoute, async (c) => {
    const { submit, ...expect } = c.req.valid('query');
    const file = await uploaded(c, c.req.valid('form') as { file?: unknown });
    return c.json(await uploadFilingWorkbook(serviceDeps(c, deps), file, { submit, expect }), 200);
  });
  app.openapi(bulkTemplateRoute, async (c) =>
    sendWorkbook(c, await bulkFilingWorkbook(serviceDeps(c, deps), c.req.valid('query'))),
  );
  app.openapi(bulkUploadRoute, async (c) => {
    const { dryRun, submit } = c.req.valid('query');
    const file = await uploaded(c, c.req.valid('form') as { file?: unknown });
    return c.json(await uploadBulkWorkbook(serviceDeps(c, deps), file, { dryRun, submit }), 200);
  });
}
