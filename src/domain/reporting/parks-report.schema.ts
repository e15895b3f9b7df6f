import { z } from 'zod';
import { compiledItemSchema } from './compilation.schema';

/** HTTP contracts of the Management Board's periodic report on the industrial parks (KCN_BOARD). */

/** `period`: 2026-Q1 … 2026-Q4 (quarter) or 2026 (year); `zone`: one park's code, else the whole city. */
export const parksReportQuerySchema = z.object({
  period: z.string().min(4).max(16),
  zone: z.string().trim().toUpperCase().min(1).max(64).optional(),
});
export type ParksReportQuery = z.infer<typeof parksReportQuerySchema>;

export const parksItemSchema = compiledItemSchema.extend({
  /** From 1 January to the end of the period (flows); the period's own value for stocks. */
  yearToDate: z.number().nullable(),
  /** The year's target in the item's unit, when the item takes one and it is set. */
  target: z.number().nullable(),
  /** yearToDate ÷ target in per cent, one decimal. */
  achievedPct: z.number().nullable(),
});

export const parksReportViewSchema = z.object({
  report: z.object({
    formCode: z.literal('KCN_BOARD'),
    formVersion: z.string(),
    period: z.string(),
    window: z.object({ start: z.string(), end: z.string() }),
    yearToDate: z.object({ start: z.string(), end: z.string() }),
    items: z.array(parksItemSchema),
  }),
  scope: z.object({ kind: z.enum(['city', 'zone']), code: z.string(), name: z.string() }),
  /** Live: computed on every request from the ledger and the accepted tenant reports. */
  computedAt: z.string(),
  /** Whether the caller may set the year's targets of this scope. */
  canEditTargets: z.boolean(),
});
export type ParksReportView = z.infer<typeof parksReportViewSchema>;

export const parksItemQuerySchema = parksReportQuerySchema.extend({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const parksItemPageSchema = z.object({ item: parksItemSchema, offset: z.number(), limit: z.number() });
