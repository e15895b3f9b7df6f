import { z } from 'zod';
import { watchActions, watchRuleCodes } from './watch-entry';

/** Contracts of the watch list API (danh sách theo dõi) and its manual entries. */

const isoDate = z.iso.date();
const localized = z.object({ vi: z.string(), en: z.string() });

export const watchEntrySchema = z.object({
  subject: z.object({ kind: z.enum(['zone', 'project']), code: z.string(), name: z.string() }),
  zoneCode: z.string(),
  zoneName: z.string(),
  family: z.enum(['KCN', 'CCN']),
  rule: z.enum(watchRuleCodes),
  reason: localized,
  since: isoDate,
  agency: z.string().nullable(),
  proposedAction: z.enum(watchActions),
  source: z.object({ kind: z.string(), id: z.string() }).nullable(),
});
export type WatchEntryView = z.infer<typeof watchEntrySchema>;

export const watchListQuerySchema = z.object({
  rule: z.enum(watchRuleCodes).optional(),
  zone: z.string().trim().max(64).optional(),
  family: z.enum(['KCN', 'CCN']).optional(),
  action: z.enum(watchActions).optional(),
});
export type WatchListQuery = z.infer<typeof watchListQuerySchema>;

export const watchListSchema = z.object({
  asOf: isoDate,
  items: z.array(watchEntrySchema),
  /** Whether the reader may add a manual entry somewhere. */
  canAddManual: z.boolean(),
});
export type WatchList = z.infer<typeof watchListSchema>;

export const manualWatchInputSchema = z.object({
  zoneCode: z.string().trim().min(1).max(64),
  projectCode: z.string().trim().max(64).nullish(),
  reason: z.string().trim().min(1).max(2000),
  agency: z.string().trim().max(300).nullish(),
  proposedAction: z.enum(watchActions),
});
export type ManualWatchInput = z.infer<typeof manualWatchInputSchema>;

export const manualWatchRemoveSchema = z.object({
  reason: z.string().trim().min(1).max(2000),
});
export type ManualWatchRemove = z.infer<typeof manualWatchRemoveSchema>;

export const manualWatchSchema = z.object({
  id: z.uuid(),
  zoneCode: z.string(),
  projectCode: z.string().nullable(),
  reason: z.string(),
  agency: z.string().nullable(),
  proposedAction: z.enum(watchActions),
  since: isoDate,
  addedBy: z.string(),
  removedOn: isoDate.nullable(),
  removedBy: z.string().nullable(),
  removalReason: z.string().nullable(),
});
export type ManualWatchView = z.infer<typeof manualWatchSchema>;

export const manualWatchHistorySchema = z.object({ items: z.array(manualWatchSchema) });
