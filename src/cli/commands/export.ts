import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { investmentEventExportQuerySchema } from '../../domain/import/investment-event-import';
import { scheduleStepExportQuerySchema } from '../../domain/import/schedule-step-import';
import { obstacleListQuerySchema } from '../../domain/monitoring/obstacle.schema';
import { planTargetExportQuerySchema } from '../../domain/import/plan-target-import';
import { inspectionListQuerySchema } from '../../domain/inspection/inspection.schema';
import { organisationListQuerySchema } from '../../domain/organisation/organisation.schema';
import { projectListQuerySchema } from '../../domain/project/project.schema';
import { validationError } from '../../domain/shared/errors';
import { issuesToFields } from '../../domain/shared/zod-messages';
import { zoneListQuerySchema } from '../../domain/zone/zone.schema';
import type { ServiceDeps } from '../../services/deps';
import type { ExportFile } from '../../services/import/export-file';
import { exportInspections } from '../../services/import/inspection-import.service';
import { exportInvestmentEvents } from '../../services/import/investment-event-import.service';
import { exportObstacles } from '../../services/import/obstacle-import.service';
import { exportScheduleSteps } from '../../services/import/schedule-step-import.service';
import { exportOrganisations } from '../../services/import/organisation-import.service';
import { exportPlanTargets } from '../../services/import/plan-target-import.service';
import { exportProjects } from '../../services/import/project-import.service';
import { exportZones } from '../../services/import/zone-import.service';
import type { CliIo } from '../io';
import { withRuntime } from './runtime';

type Format = 'xlsx' | 'csv' | 'geojson';

/**
 * Each list with its filters (the list endpoint's query, as command-line options) and its export. The
 * options are those of GET /api/<entity>; the file's extension chooses the format.
 */
type Exporter = {
  noun: string;
  formats: readonly Format[];
  options: Record<string, string>;
  schema: z.ZodType;
  run(deps: ServiceDeps, query: never, format: Format): Promise<ExportFile>;
};

const exporters: Record<string, Exporter> = {
  zones: {
    noun: 'khu/cụm',
    formats: ['xlsx', 'csv', 'geojson'],
    options: {
      family: 'family',
      kind: 'kind',
      commune: 'commune',
      'former-district': 'formerDistrict',
      q: 'q',
    },
    schema: zoneListQuerySchema.omit({ page: true, pageSize: true }),
    run: (deps, query, format) => exportZones(deps, query, format),
  },
  organisations: {
    noun: 'tổ chức',
    formats: ['xlsx', 'csv'],
    options: { q: 'q', ownership: 'ownership', role: 'role' },
    schema: organisationListQuerySchema.omit({ page: true, pageSize: true }),
    run: (deps, query, format) => exportOrganisations(deps, query, format as 'xlsx' | 'csv'),
  },
  projects: {
    noun: 'dự án',
    formats: ['xlsx', 'csv'],
    options: { q: 'q', zone: 'zone', investor: 'investor', status: 'status' },
    schema: projectListQuerySchema.omit({ page: true, pageSize: true }),
    run: (deps, query, format) => exportProjects(deps, query, format as 'xlsx' | 'csv'),
  },
  'investment-events': {
    noun: 'sự kiện vốn đầu tư',
    formats: ['xlsx', 'csv'],
    options: { project: 'project', zone: 'zone', investor: 'investor', kind: 'kind', from: 'from', to: 'to' },
    schema: investmentEventExportQuerySchema,
    run: (deps, query, format) => exportInvestmentEvents(deps, query, format as 'xlsx' | 'csv'),
  },
  obstacles: {
    noun: 'vướng mắc',
    formats: ['xlsx', 'csv'],
    options: {
      zone: 'zone',
      project: 'project',
      status: 'status',
      category: 'category',
      overdue: 'overdue',
      q: 'q',
    },
    schema: obstacleListQuerySchema.omit({ page: true, pageSize: true }),
    run: (deps, query, format) => exportObstacles(deps, query, format as 'xlsx' | 'csv'),
  },
  'schedule-steps': {
    noun: 'bước tiến độ kế hoạch',
    formats: ['xlsx', 'csv'],
    options: { zone: 'zone', step: 'step', from: 'from', to: 'to' },
    schema: scheduleStepExportQuerySchema,
    run: (deps, query, format) => exportScheduleSteps(deps, query, format as 'xlsx' | 'csv'),
  },
  inspections: {
    noun: 'cuộc kiểm tra',
    formats: ['xlsx', 'csv'],
    options: { year: 'year', kind: 'kind', zone: 'zone', unremedied: 'unremedied' },
    schema: inspectionListQuerySchema,
    run: (deps, query, format) => exportInspections(deps, query, format as 'xlsx' | 'csv'),
  },
  'plan-targets': {
    noun: 'chỉ tiêu kế hoạch',
    formats: ['xlsx', 'csv'],
    options: { year: 'year', family: 'family', plan: 'plan' },
    schema: planTargetExportQuerySchema,
    run: (deps, query, format) => exportPlanTargets(deps, query, format as 'xlsx' | 'csv'),
  },
};

const allOptions = [...new Set(Object.values(exporters).flatMap((e) => Object.keys(e.options)))];

const usage = [
  'izis export: expected <entity> <file> [filters], one of',
  '  zones <file.xlsx|file.csv|file.geojson> [--family KCN|CCN] [--kind K] [--commune CODE] [--former-district CODE] [--q TEXT]',
  '  organisations <file.xlsx|file.csv> [--q TEXT] [--ownership O] [--role R]',
  '  projects <file.xlsx|file.csv> [--q TEXT] [--zone CODE] [--investor CODE] [--status S]',
  '  investment-events <file.xlsx|file.csv> [--project CODE] [--zone CODE] [--investor CODE] [--kind K] [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  '  obstacles <file.xlsx|file.csv> [--zone CODE] [--project CODE] [--status S] [--category C] [--overdue true|false] [--q TEXT]',
  '  schedule-steps <file.xlsx|file.csv> [--zone CODE] [--step S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  '  inspections <file.xlsx|file.csv> [--year YYYY] [--kind K] [--zone CODE] [--unremedied true]',
  '  plan-targets <file.xlsx|file.csv> [--year YYYY] [--family KCN|CCN] [--plan NUMBER]',
].join('\n');

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: Object.fromEntries(allOptions.map((o) => [o, { type: 'string' as const }])),
    allowPositionals: true,
  });
  const [entity, file] = positionals;
  const exporter = entity ? exporters[entity] : undefined;
  const format = /\.(xlsx|csv|geojson)$/i.exec(file ?? '')?.[1]?.toLowerCase() as Format | undefined;
  const foreign = Object.keys(values).filter((o) => !exporter?.options[o]);
  if (!exporter || !file || !format || !exporter.formats.includes(format) || positionals.length > 2) {
    io.err(usage);
    return 2;
  }
  if (foreign.length) {
    io.err(`izis export ${entity}: không có bộ lọc ${foreign.map((o) => `--${o}`).join(', ')}.\n${usage}`);
    return 2;
  }
  const query = exporter.schema.safeParse(
    Object.fromEntries(Object.entries(values).map(([o, v]) => [exporter.options[o]!, v])),
  );
  if (!query.success) throw validationError(issuesToFields(query.error.issues));
  return withRuntime(io, async (_runtime, deps) => {
    const exported = await exporter.run(deps, query.data as never, format);
    writeFileSync(resolve(file), exported.body);
    io.out(`Đã xuất ${exported.count} ${exporter.noun} vào ${file}.`);
    return 0;
  });
}
