import { z } from 'zod';

/** HTTP contracts of compiled reports (Biểu 03 of a commune, Biểu 04 of the city). */

export const compilationQuerySchema = z.object({
  formCode: z.enum(['B03', 'B04']),
  period: z.string().min(4).max(16),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});

export const annotateInputSchema = z.object({
  annotations: z.record(z.string().max(16), z.string().max(4000)),
  version: z.number().int().positive().nullable(),
});

export const signInputSchema = z.object({
  docNo: z.string().trim().max(64).nullable(),
  signerName: z.string().max(200),
  signerTitle: z.string().max(200),
  version: z.number().int().positive().nullable(),
});

const sourceSchema = z.record(z.string(), z.unknown());

/** An item's figure and how many records stand behind it (the live report sends only this). */
export const compiledItemSummarySchema = z.object({
  no: z.string(),
  indicator: z.string(),
  section: z.string().nullable(),
  level: z.number(),
  unit: z.string(),
  value: z.number().nullable(),
  sourceCount: z.number(),
  gapCount: z.number(),
});

export const compiledItemSchema = compiledItemSummarySchema.extend({
  /** A page of the sources and gaps (or the first ones); `sourceCount`/`gapCount` say how many there are in all. */
  sources: z.array(sourceSchema),
  gaps: z.array(sourceSchema),
});

const reportHead = {
  formCode: z.string(),
  formVersion: z.string(),
  period: z.string(),
  scope: z.record(z.string(), z.unknown()),
  window: z.object({ start: z.string(), end: z.string() }),
};

/** A signed version: every item with its first sources and gaps. */
export const compiledReportSchema = z.object({ ...reportHead, items: z.array(compiledItemSchema) });

/** The live report: the figures at once; the records behind an item come from `/api/compilations/items/{no}`. */
export const compiledReportSummarySchema = z.object({
  ...reportHead,
  items: z.array(compiledItemSummarySchema),
});

export const signedVersionSchema = z.object({
  versionNo: z.number(),
  docNo: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  signedAt: z.string(),
});

export const compilationViewSchema = z.object({
  report: compiledReportSummarySchema,
  scope: z.object({ kind: z.enum(['commune', 'city']), code: z.string(), name: z.string() }),
  computedAt: z.string(),
  annotations: z.record(z.string(), z.string()),
  draftVersion: z.number().nullable(),
  signed: z.array(signedVersionSchema),
  canSign: z.boolean(),
});

export const signedCompilationSchema = signedVersionSchema.extend({
  report: compiledReportSchema,
  computedAt: z.string(),
  annotations: z.record(z.string(), z.string()),
});

export const completenessQuerySchema = z.object({
  period: z.string().min(4).max(16),
  groupBy: z.enum(['form', 'commune', 'zone']).optional(),
  formCode: z.enum(['B01', 'B02', 'KCN_TENANT']).optional(),
  /** The page of the outstanding list (the table's rows are always whole). */
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

const groupSchema = z.object({
  kind: z.enum(['form', 'commune', 'zone']),
  id: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string().nullable(),
});

export const completenessReportSchema = z.object({
  period: z.string(),
  asOf: z.string(),
  rows: z.array(
    z.object({
      formCode: z.string(),
      period: z.string(),
      group: groupSchema,
      expected: z.number(),
      received: z.number(),
      onTime: z.number(),
      late: z.number(),
      overdue: z.number(),
      pending: z.number(),
      dueDate: z.string(),
    }),
  ),
  /** One page of the expected reports not (yet) submitted, overdue first; `total` counts them all. */
  outstanding: z.object({
    items: z.array(
      z.object({
        formCode: z.string(),
        period: z.string(),
        reporter: z.object({
          kind: z.string(),
          id: z.string(),
          code: z.string().nullable(),
          name: z.string().nullable(),
          /** A project's investor (reporter kind `project`). */
          investorName: z.string().nullable().optional(),
        }),
        zoneCode: z.string().nullable(),
        communeCode: z.string().nullable(),
        dueDate: z.string(),
        status: z.string(),
        filingStatus: z.string().nullable(),
      }),
    ),
    total: z.number(),
  }),
});

export const compilationItemQuerySchema = compilationQuerySchema.extend({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const compilationItemSchema = z.object({
  item: compiledItemSchema,
  offset: z.number(),
  limit: z.number(),
});
