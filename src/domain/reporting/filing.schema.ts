import { z } from 'zod';

/**
 * HTTP contracts of filings (a reporter's report for one form and period) and their review. The figures are
 * `item code → number | null`; which items a form has, and their rules, come from the form catalogue.
 */

export const filingStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type FilingStatus = (typeof filingStatuses)[number];

export const filingValuesSchema = z.record(z.string().max(32), z.number().finite().nullable());
export const filingExplanationsSchema = z.record(z.string().max(32), z.string().trim().max(2000));

export const saveDraftInputSchema = z.object({
  formCode: z.string().min(1).max(32),
  period: z.string().min(4).max(16),
  reporter: z.object({ kind: z.enum(['project', 'zone']), code: z.string().min(1).max(64) }),
  values: filingValuesSchema,
  explanations: filingExplanationsSchema.optional(),
  channel: z.enum(['web', 'excel', 'bulk']).optional(),
  version: z.number().int().positive().optional(),
});
export type SaveDraftInputBody = z.infer<typeof saveDraftInputSchema>;

export const filingVersionInputSchema = z.object({ version: z.number().int().positive() });
export const returnFilingInputSchema = z.object({
  version: z.number().int().positive(),
  reason: z.string().max(2000),
});

export const filingRevisionSchema = z.object({
  revisionNo: z.number(),
  state: z.enum(filingStatuses),
  formVersion: z.string(),
  values: filingValuesSchema,
  explanations: z.record(z.string(), z.string()),
  channel: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
});

export const filingDetailSchema = z.object({
  id: z.string(),
  formCode: z.string(),
  period: z.string(),
  reporter: z.object({ kind: z.string(), code: z.string(), name: z.string() }),
  family: z.string(),
  zoneCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  status: z.enum(filingStatuses),
  currentRevision: z.number(),
  acceptedRevision: z.number().nullable(),
  dueAt: z.string(),
  firstSubmittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  version: z.number(),
  revisions: z.array(filingRevisionSchema),
  canFile: z.boolean(),
  canReview: z.boolean(),
});
export type FilingDetail = z.infer<typeof filingDetailSchema>;

export const filingListQuerySchema = z.object({
  period: z.string().min(4).max(16),
  formCode: z.string().max(32).optional(),
  status: z.enum(filingStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const filingSummarySchema = filingDetailSchema.omit({ revisions: true });
