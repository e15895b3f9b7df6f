import { z } from 'zod';

/** HTTP contracts of the quarterly briefing (báo cáo giao ban). */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const briefingScopes = ['city', 'KCN', 'CCN'] as const;
export type BriefingScope = (typeof briefingScopes)[number];

export const briefingCreateSchema = z.object({
  scope: z.enum(briefingScopes).default('city'),
  from: isoDate,
  to: isoDate,
  title: z.string().trim().min(1).max(300).optional(),
});
export type BriefingCreate = z.infer<typeof briefingCreateSchema>;

export const briefingUpdateSchema = z.object({
  version: z.number().int().min(1),
  title: z.string().trim().min(1).max(300).optional(),
  /** The number written on the document (e.g. "125"), or null while not numbered. */
  number: z.string().trim().max(32).nullable().optional(),
  signerName: z.string().trim().max(200).nullable().optional(),
  /** Section key → its edited sentence template. */
  sections: z.record(z.string(), z.string().max(5000)).optional(),
  /** The tasks for the next period: free text, one paragraph per line. */
  tasks: z.string().max(20000).optional(),
});
export type BriefingUpdate = z.infer<typeof briefingUpdateSchema>;

export const briefingIssueSchema = z.object({ version: z.number().int().min(1) });

/** `asOf` regenerates the briefing from the history as it stood at that instant (ISO date-time). */
export const briefingReadQuerySchema = z.object({ asOf: z.iso.datetime({ offset: true }).optional() });

export const figureViewSchema = z.object({
  value: z.number().nullable(),
  previous: z.number().nullable(),
  ytd: z.number().nullable(),
  target: z.number().nullable(),
  ratio: z.number().nullable(),
  changePct: z.number().nullable(),
  planPct: z.number().nullable(),
});
export type FigureView = z.infer<typeof figureViewSchema>;

export const briefingSectionViewSchema = z.object({
  key: z.string(),
  family: z.enum(['KCN', 'CCN']),
  part: z.string(),
  heading: z.string(),
  template: z.string(),
  text: z.string(),
});

export const briefingViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  signerName: z.string().nullable(),
  scope: z.enum(briefingScopes),
  from: z.string(),
  to: z.string(),
  periodLabel: z.string(),
  previous: z.object({ from: z.string(), to: z.string() }),
  state: z.enum(['draft', 'issued']),
  version: z.number(),
  /** The instant the figures stand at: the issue time once issued, now (or the asked instant) otherwise. */
  asOf: z.string(),
  sections: z.array(briefingSectionViewSchema),
  tasks: z.string(),
  figures: z.record(z.string(), z.record(z.string(), figureViewSchema)),
  issuedAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  canEdit: z.boolean(),
});
export type BriefingView = z.infer<typeof briefingViewSchema>;

export const briefingListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  scope: z.enum(briefingScopes),
  from: z.string(),
  to: z.string(),
  periodLabel: z.string(),
  state: z.enum(['draft', 'issued']),
  asOf: z.string().nullable(),
  updatedAt: z.string(),
});
export const briefingListSchema = z.object({
  items: z.array(briefingListItemSchema),
  canCreate: z.boolean(),
});
export type BriefingList = z.infer<typeof briefingListSchema>;

export const briefingTemplateSchema = z.object({
  key: z.string(),
  family: z.enum(['KCN', 'CCN']),
  heading: z.string(),
  template: z.string(),
  /** Whether the stored template differs from the shipped default. */
  custom: z.boolean(),
  version: z.number().nullable(),
});
export const briefingTemplateListSchema = z.object({
  items: z.array(briefingTemplateSchema),
  canEdit: z.boolean(),
});
export type BriefingTemplateList = z.infer<typeof briefingTemplateListSchema>;

export const briefingTemplateInputSchema = z.object({
  template: z.string().trim().min(1).max(5000),
  /** null to create the stored template, else the version read. */
  version: z.number().int().min(1).nullable(),
});
