import type { OpenAPIHono } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { AppError, errorMessage, localizeDetails, validationError } from '../../../domain/shared/errors';
import type { ImportResult } from '../../../domain/import/import.schema';
import type { ServiceDeps } from '../../../services/deps';
import type { ImportOptions } from '../../../services/import/import.pipeline';
import {
  assertCanImportInspections,
  exportInspections,
  importInspections,
  inspectionImportTemplate,
} from '../../../services/import/inspection-import.service';
import {
  assertCanImportInvestmentEvents,
  exportInvestmentEvents,
  importInvestmentEvents,
  investmentEventImportTemplate,
} from '../../../services/import/investment-event-import.service';
import {
  assertCanImportObstacles,
  exportObstacles,
  importObstacles,
  obstacleImportTemplate,
} from '../../../services/import/obstacle-import.service';
import {
  assertCanImportOrganisations,
  exportOrganisations,
  importOrganisations,
  organisationImportTemplate,
} from '../../../services/import/organisation-import.service';
import {
  assertCanImportPlanTargets,
  exportPlanTargets,
  importPlanTargets,
  planTargetImportTemplate,
} from '../../../services/import/plan-target-import.service';
import {
  assertCanImportProjects,
  exportProjects,
  importProjects,
  projectImportTemplate,
} from '../../../services/import/project-import.service';
import {
  assertCanImportScheduleSteps,
  exportScheduleSteps,
  importScheduleSteps,
  scheduleStepImportTemplate,
} from '../../../services/import/schedule-step-import.service';
import { listImportable } from '../../../services/import/import-lists.service';
import { fileTooLarge, type SpreadsheetFile } from '../../../services/import/spreadsheet';
import {
  assertCanImportZones,
  exportZones,
  importZones,
  zoneImportTemplate,
} from '../../../services/import/zone-import.service';
import { serviceDeps, type AppContext, type AppDeps, type AppEnv } from '../../context';
import { readUploadedFile } from '../../multipart-upload';
import { sendFile, XLSX_TYPE } from '../../file-response';
import {
  exportZonesCsvRoute,
  exportZonesGeojsonRoute,
  exportZonesXlsxRoute,
  importListsRoute,
  importZonesRoute,
  sheetExportRoute,
  sheetImportRoute,
  sheetTemplateRoute,
  zoneTemplateRoute,
} from './import.routes';

/**
 * The uploaded file of the multipart field `file`, read as it streams in (server/multipart-upload.ts) and
 * checked for presence, size and type.
 */
async function uploadedFile(c: AppContext) {
  const { maxBytes } = c.get('limits').imports;
  const file = await readUploadedFile(c.req.raw, 'file', maxBytes, () => fileTooLarge(maxBytes));
  if (!file) {
    throw validationError({
      file: {
        vi: 'Chưa chọn tệp: gửi tệp .xlsx hoặc .csv trong trường "file" (multipart/form-data).',
        en: 'No file: send an .xlsx or .csv file in the multipart field "file".',
      },
    });
  }
  if (!/\.(xlsx|csv)$/i.test(file.name)) {
    throw validationError({
      file: { vi: 'Chỉ nhận tệp .xlsx hoặc .csv.', en: 'Only .xlsx or .csv files are accepted.' },
    });
  }
  c.get('log').info({ fileName: file.name, bytes: file.data.byteLength }, 'import upload');
  return file;
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

type ImportFn = (deps: ServiceDeps, file: SpreadsheetFile, options: ImportOptions) => Promise<ImportResult>;

/**
 * One upload: checks the right to import before reading the file, then answers the result as JSON, or —
 * with `Accept: application/x-ndjson` — streams progress lines and then the result line.
 */
async function handleImport(
  c: AppContext,
  deps: AppDeps,
  query: { mode: ImportOptions['mode']; sheet?: string | undefined },
  assertCanImport: (deps: ServiceDeps) => void,
  run: ImportFn,
) {
  const service = serviceDeps(c, deps);
  assertCanImport(service);
  const file = await uploadedFile(c);
  const options = {
    mode: query.mode,
    limits: deps.limits.imports,
    ...(query.sheet ? { sheet: query.sheet } : {}),
  };
  const locale = c.get('locale') ?? 'vi';
  // Each problem also in the client's language, ready to show.
  const localized = (result: ImportResult): ImportResult => ({
    ...result,
    errors: result.errors.map((e) => ({ ...e, text: e.message[locale] })),
  });
  if (!(c.req.header('accept') ?? '').includes('application/x-ndjson')) {
    return c.json(localized(await run(service, file, options)), 200);
  }
  c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
  c.header('Cache-Control', 'no-store');
  return stream(c, async (out) => {
    let pending: Promise<unknown> = Promise.resolve();
    const line = (value: unknown) => {
      pending = pending.then(() => out.write(`${JSON.stringify(value)}\n`));
    };
    try {
      const result = await run(service, file, {
        ...options,
        onProgress: (done, total, phase) => line({ type: 'progress', phase, done, total }),
      });
      line({ type: 'result', ...localized(result) });
    } catch (error) {
      line(errorLine(c, error));
    }
    await pending;
  });
}

const sendTemplate = (c: AppContext, file: { fileName: string; body: Uint8Array }) =>
  sendFile(c, { fileName: file.fileName, contentType: XLSX_TYPE, body: file.body });

/**
 * Import and export endpoints. Registered before the zone, organisation and project routes:
 * /api/zones/export.xlsx must not be read as the zone with code "export.xlsx".
 */
export function registerImportExport(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(importListsRoute, (c) => c.json(listImportable(serviceDeps(c, deps)), 200));
  app.openapi(zoneTemplateRoute, async (c) =>
    sendTemplate(c, await zoneImportTemplate(serviceDeps(c, deps))),
  );

  app.openapi(
    importZonesRoute,
    async (c) =>
      (await handleImport(c, deps, c.req.valid('query'), assertCanImportZones, importZones)) as never,
  );
  app.openapi(exportZonesXlsxRoute, async (c) =>
    sendFile(c, await exportZones(serviceDeps(c, deps), c.req.valid('query'), 'xlsx')),
  );
  app.openapi(exportZonesCsvRoute, async (c) =>
    sendFile(c, await exportZones(serviceDeps(c, deps), c.req.valid('query'), 'csv')),
  );
  app.openapi(exportZonesGeojsonRoute, async (c) =>
    sendFile(c, await exportZones(serviceDeps(c, deps), c.req.valid('query'), 'geojson')),
  );

  // Organisations, projects, the capital ledger, obstacles, planned schedules, inspections and plan targets.
  const sheets = {
    organisations: {
      template: organisationImportTemplate,
      assertCanImport: assertCanImportOrganisations,
      run: importOrganisations,
    },
    projects: {
      template: projectImportTemplate,
      assertCanImport: assertCanImportProjects,
      run: importProjects,
    },
    'investment-events': {
      template: investmentEventImportTemplate,
      assertCanImport: assertCanImportInvestmentEvents,
      run: importInvestmentEvents,
    },
    obstacles: {
      template: obstacleImportTemplate,
      assertCanImport: assertCanImportObstacles,
      run: importObstacles,
    },
    'schedule-steps': {
      template: scheduleStepImportTemplate,
      assertCanImport: assertCanImportScheduleSteps,
      run: importScheduleSteps,
    },
    inspections: {
      template: inspectionImportTemplate,
      assertCanImport: assertCanImportInspections,
      run: importInspections,
    },
    'plan-targets': {
      template: planTargetImportTemplate,
      assertCanImport: assertCanImportPlanTargets,
      run: importPlanTargets,
    },
  } as const;
  for (const [entity, sheet] of Object.entries(sheets) as [
    keyof typeof sheets,
    (typeof sheets)[keyof typeof sheets],
  ][]) {
    app.openapi(sheetTemplateRoute(entity), async (c) =>
      sendTemplate(c, await sheet.template(serviceDeps(c, deps))),
    );
    app.openapi(
      sheetImportRoute(entity),
      async (c) =>
        (await handleImport(c, deps, c.req.valid('query'), sheet.assertCanImport, sheet.run)) as never,
    );
  }
  for (const format of ['xlsx', 'csv'] as const) {
    app.openapi(sheetExportRoute('organisations', format), async (c) =>
      sendFile(c, await exportOrganisations(serviceDeps(c, deps), c.req.valid('query'), format)),
    );
    app.openapi(sheetExportRoute('projects', format), async (c) =>
      sendFile(c, await exportProjects(serviceDeps(c, deps), c.req.valid('query'), format)),
    );
    app.openapi(sheetExportRoute('investment-events', format), async (c) =>
      sendFile(c, await exportInvestmentEvents(serviceDeps(c, deps), c.req.valid('query'), format)),
    );
    app.openapi(sheetExportRoute('obstacles', format), async (c) =>
      sendFile(c, await exportObstacles(serviceDeps(c, deps), c.req.valid('query'), format)),
    );
    app.openapi(sheetExportRoute('schedule-steps', format), async (c) =>
      sendFile(c, await exportScheduleSteps(serviceDeps(c, deps), c.req.valid('query'), format)),
    );
    app.openapi(sheetExportRoute('inspections', format), async (c) =>
      sendFile(c, await exportInspections(serviceDeps(c, deps), c.req.valid('query'), format)),
    );
    app.openapi(sheetExportRoute('plan-targets', format), async (c) =>
      sendFile(c, await exportPlanTargets(serviceDeps(c, deps), c.req.valid('query'), format)),
    );
  }
}
