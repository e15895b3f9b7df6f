import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportResult } from '../../domain/import/import.schema';
import { validationError } from '../../domain/shared/errors';
import type { ServiceDeps } from '../../services/deps';
import type { ImportOptions } from '../../services/import/import.pipeline';
import { importInspections } from '../../services/import/inspection-import.service';
import { importInvestmentEvents } from '../../services/import/investment-event-import.service';
import { importObstacles } from '../../services/import/obstacle-import.service';
import { importScheduleSteps } from '../../services/import/schedule-step-import.service';
import { importOrganisations } from '../../services/import/organisation-import.service';
import { importPlanTargets } from '../../services/import/plan-target-import.service';
import { importProjects } from '../../services/import/project-import.service';
import type { SpreadsheetFile } from '../../services/import/spreadsheet';
import { importZones } from '../../services/import/zone-import.service';
import type { CliIo } from '../io';
import { withRuntime } from './runtime';

/** The same pipelines as the HTTP endpoints, by entity. */
const importers: Record<
  string,
  (deps: ServiceDeps, file: SpreadsheetFile, options: ImportOptions) => Promise<ImportResult>
> = {
  zones: importZones,
  organisations: importOrganisations,
  projects: importProjects,
  'investment-events': importInvestmentEvents,
  obstacles: importObstacles,
  'schedule-steps': importScheduleSteps,
  inspections: importInspections,
  'plan-targets': importPlanTargets,
};

const usage = `izis import: expected ${Object.keys(importers).join('|')} <file.xlsx|file.csv> [--dry-run] [--sheet NAME]`;

/** Prints what an import found or did, in Vietnamese: every problem by row and column, then the counts. */
export function printImportResult(result: ImportResult, io: CliIo): void {
  for (const e of result.errors) {
    io.err(`Dòng ${e.row}${e.field ? `, cột "${e.field}"` : ''}: ${e.message.vi}`);
  }
  const counts =
    `${result.rows} dòng: ${result.toCreate} tạo mới, ${result.toUpdate} cập nhật, ` +
    `${result.unchanged} không đổi (${(result.durationMs / 1000).toFixed(1)} s).`;
  if (result.errors.length) {
    io.err(`Có ${result.errors.length} lỗi; không có dữ liệu nào được ghi. ${counts}`);
  } else if (result.mode === 'dry-run') {
    io.out(`Kiểm tra xong, không có lỗi (chưa ghi gì). ${counts}`);
  } else {
    io.out(`Đã ghi. ${counts}`);
  }
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' }, sheet: { type: 'string' } },
    allowPositionals: true,
  });
  const [entity, file] = positionals;
  const run = entity ? importers[entity] : undefined;
  if (!run || !file || positionals.length > 2) {
    io.err(usage);
    return 2;
  }
  let data: Uint8Array;
  try {
    data = readFileSync(resolve(file));
  } catch (error) {
    throw validationError({
      file: {
        vi: `Không đọc được tệp ${file}: ${(error as Error).message}`,
        en: `Cannot read ${file}: ${(error as Error).message}`,
      },
    });
  }
  return withRuntime(io, async (_runtime, deps) => {
    const result = await run(
      // One request id ties together the audit rows of this import.
      { ...deps, requestId: `cli-import-${randomUUID()}` },
      { name: basename(file), data },
      { mode: values['dry-run'] ? 'dry-run' : 'commit', ...(values.sheet ? { sheet: values.sheet } : {}) },
    );
    printImportResult(result, io);
    return result.errors.length || (result.mode === 'commit' && !result.committed) ? 1 : 0;
  });
}
