import { z } from 'zod';

/** Import and export of registry data as spreadsheets (XLSX, CSV): the contract of the HTTP endpoints. */

export const importModes = ['dry-run', 'commit'] as const;
export type ImportMode = (typeof importModes)[number];

/** Entities that have an import definition (and the path segment of their endpoints). */
export const importEntities = [
  'zones',
  'organisations',
  'projects',
  'investment-events',
  'obstacles',
  'schedule-steps',
  'inspections',
  'plan-targets',
] as const;
export type ImportEntity = (typeof importEntities)[number];

/** GET /api/import/lists: the lists the signed-in user may import. */
export const importListsSchema = z.object({ entities: z.array(z.enum(importEntities)) });

const localized = z.object({ vi: z.string(), en: z.string() });

export const importErrorSchema = z.object({
  /** Spreadsheet row, 1-based, the header row included (the header row itself for column problems). */
  row: z.number().int(),
  /** The column header as written in the file (null when the problem is not one column's). */
  field: z.string().nullable(),
  message: localized,
  /** Over HTTP: the message in the client's language (Accept-Language; Vietnamese unless it asks for en). */
  text: z.string().optional(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importChangeSchema = z.object({
  row: z.number().int(),
  key: z.string(),
  action: z.enum(['create', 'update']),
  /** For updates: the fields that change. */
  fields: z.array(z.string()),
});
export type ImportChange = z.infer<typeof importChangeSchema>;

export const importResultSchema = z.object({
  entity: z.enum(importEntities),
  mode: z.enum(importModes),
  /** True only when the commit wrote everything; with any error nothing is written. */
  committed: z.boolean(),
  /** Data rows read (empty rows skipped). */
  rows: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importErrorSchema),
  /** What would change (dry run) or changed (commit): created and updated rows only. */
  changes: z.array(importChangeSchema),
  durationMs: z.number(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importQuerySchema = z.object({
  mode: z.enum(importModes).default('dry-run'),
  /** The sheet to read (by name); the first sheet when omitted. */
  sheet: z.string().trim().max(100).optional(),
});

/** A progress line of the streamed (application/x-ndjson) import response. */
export const importProgressSchema = z.object({
  type: z.literal('progress'),
  phase: z.enum(['validate', 'write']),
  done: z.number().int(),
  total: z.number().int(),
});

/** Largest accepted upload. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
