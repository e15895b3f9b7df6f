import type { OpenAPIHono } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { MAX_IMPORT_BYTES } from '../../../domain/import/import.schema';
import { AppError, errorMessage, localizeDetails, validationError } from '../../../domain/shared/errors';
import {
  assertCanImportZones,
  exportZones,
  importZones,
  zoneImportTemplate,
  type ExportFile,
} from '../../../services/import/zone-import.service';
import { serviceDeps, type AppContext, type AppDeps, type AppEnv } from '../../context';
import {
  exportZonesCsvRoute,
  exportZonesGeojsonRoute,
  exportZonesXlsxRoute,
  importZonesRoute,
  zoneTemplateRoute,
} from './import.routes';

const attachment = (fileName: string) => `attachment; filename="${fileName}"`;

/** The uploaded file of the multipart field `file`, checked for presence, size and type. */
async function uploadedFile(c: AppContext, form: { file?: unknown }) {
  const file = form.file;
  if (!(file instanceof File)) {
    throw validationError({
      file: {
        vi: 'Chưa chọn tệp: gửi tệp .xlsx hoặc .csv trong trường "file" (multipart/form-data).',
        en: 'No file: send an .xlsx or .csv file in the multipart field "file".',
      },
    });
  }
  if (file.size > MAX_IMPORT_BYTES) {
    throw validationError({
      file: { vi: 'Tệp quá lớn (tối đa 20 MB).', en: 'The file is too large (20 MB at most).' },
    });
  }
  if (!/\.(xlsx|csv)$/i.test(file.name)) {
    throw validationError({
      file: { vi: 'Chỉ nhận tệp .xlsx hoặc .csv.', en: 'Only .xlsx or .csv files are accepted.' },
    });
  }
  c.get('log').info({ fileName: file.name, bytes: file.size }, 'import upload');
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

/** The error shape of middleware/errors.ts, for a failure after a streamed response has started. */
function errorLine(c: AppContext, error: unknown) {
  const locale = c.get('locale') ?? 'vi';
  const appError = error instanceof AppError ? error : new AppError('internal');
  if (!(error instanceof AppError)) c.get('log').error({ err: error }, 'import failed');
  return {
    type: 'error' as const,
    code: appError.code,
    message: errorMessage(appError.code, locale, appError.details),
    details: localizeDetails(appError.details ?? {}, locale),
    requestId: c.get('requestId') ?? null,
  };
}

/**
 * Import and export endpoints. Registered before the zone routes: /api/zones/export.xlsx must not be read
 * as the zone with code "export.xlsx".
 */
export function registerImportExport(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(zoneTemplateRoute, async (c) => {
    const file = await zoneImportTemplate(serviceDeps(c, deps));
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': attachment(file.fileName),
    }) as never;
  });

  app.openapi(importZonesRoute, async (c) => {
    const service = serviceDeps(c, deps);
    const { mode, sheet } = c.req.valid('query');
    assertCanImportZones(service);
    const file = await uploadedFile(c, c.req.valid('form') as { file?: unknown });
    const options = { mode, ...(sheet ? { sheet } : {}) };
    if (!(c.req.header('accept') ?? '').includes('application/x-ndjson')) {
      return c.json(await importZones(service, file, options), 200);
    }
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Cache-Control', 'no-store');
    return stream(c, async (out) => {
      let pending: Promise<unknown> = Promise.resolve();
      const line = (value: unknown) => {
        pending = pending.then(() => out.write(`${JSON.stringify(value)}\n`));
      };
      try {
        const result = await importZones(service, file, {
          ...options,
          onProgress: (done, total, phase) => line({ type: 'progress', phase, done, total }),
        });
        line({ type: 'result', ...result });
      } catch (error) {
        line(errorLine(c, error));
      }
      await pending;
    }) as never;
  });

  const send = (c: AppContext, file: ExportFile) =>
    c.body(typeof file.body === 'string' ? file.body : (file.body as Uint8Array<ArrayBuffer>), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': attachment(file.fileName),
      'Cache-Control': 'no-store',
    }) as never;
  app.openapi(exportZonesXlsxRoute, async (c) =>
    send(c, await exportZones(serviceDeps(c, deps), c.req.valid('query'), 'xlsx')),
  );
  app.openapi(exportZonesCsvRoute, async (c) =>
    send(c, await exportZones(serviceDeps(c, deps), c.req.valid('query'), 'csv')),
  );
  app.openapi(exportZonesGeojsonRoute, async (c) =>
    send(c, await exportZones(serviceDeps(c, deps), c.req.valid('query'), 'geojson')),
  );
}
