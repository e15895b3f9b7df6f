import { z } from 'zod';
import { obstacleActions, obstacleStatuses } from './obstacle';

/** Contracts of the obstacles API (vướng mắc): validated by the server, typed in the web client. */

const isoDate = z.iso.date();
const localized = z.object({ vi: z.string(), en: z.string() });

export const obstacleInputSchema = z.object({
  zoneCode: z.string().trim().min(1).max(64),
  /** A tenant project of the zone, when the obstacle is the project's. */
  projectCode: z.string().trim().max(64).nullish(),
  categoryCode: z.string().trim().min(1).max(64),
  /** What blocks, in one line. */
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(4000).nullish(),
  /** The agency responsible for removing it. */
  agency: z.string().trim().min(1).max(300),
  raisedOn: isoDate,
  deadline: isoDate.nullish(),
  /** Documents already filed on the zone or its projects that support it. */
  documentIds: z.array(z.uuid()).max(20).optional(),
});
export type ObstacleInput = z.infer<typeof obstacleInputSchema>;

export const obstacleUpdateSchema = z.object({
  categoryCode: z.string().trim().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().trim().max(4000).nullish(),
  agency: z.string().trim().min(1).max(300).optional(),
  deadline: isoDate.nullish(),
  version: z.number().int().min(1),
});
export type ObstacleUpdate = z.infer<typeof obstacleUpdateSchema>;

export const obstacleActionInputSchema = z.object({
  action: z.enum(obstacleActions),
  /** The reason (escalate, resolve — the resolution —, drop, reopen) or the answer (comment). */
  text: z.string().trim().max(4000).nullish(),
  version: z.number().int().min(1),
});
export type ObstacleActionInput = z.infer<typeof obstacleActionInputSchema>;

export const obstacleSchema = z.object({
  id: z.uuid(),
  zone: z.object({ code: z.string(), name: z.string() }),
  project: z.object({ code: z.string(), name: z.string() }).nullable(),
  categoryCode: z.string(),
  categoryName: localized,
  title: z.string(),
  description: z.string().nullable(),
  agency: z.string(),
  raisedOn: isoDate,
  deadline: isoDate.nullable(),
  status: z.enum(obstacleStatuses),
  resolution: z.string().nullable(),
  /** Days past the deadline while not closed; null when not overdue. */
  daysOverdue: z.number().int().nullable(),
  raisedBy: z.object({ name: z.string(), role: z.string() }),
  /** The raiser agreed that another agency closes it. */
  raiserAgreed: z.boolean(),
  isSynthetic: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** What the reader may do now (state machine and policy together). */
  actions: z.array(z.enum(obstacleActions)),
  canEdit: z.boolean(),
});
export type ObstacleView = z.infer<typeof obstacleSchema>;

export const obstacleEventSchema = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  fromStatus: z.enum(obstacleStatuses).nullable(),
  toStatus: z.enum(obstacleStatuses).nullable(),
  text: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});
export type ObstacleEvent = z.infer<typeof obstacleEventSchema>;

export const obstacleDetailSchema = obstacleSchema.extend({
  history: z.array(obstacleEventSchema),
  documents: z.array(z.object({ id: z.uuid(), fileName: z.string(), title: z.string().nullable() })),
});
export type ObstacleDetail = z.infer<typeof obstacleDetailSchema>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const obstacleListQuerySchema = z.object({
  zone: z.string().trim().max(64).optional(),
  project: z.string().trim().max(64).optional(),
  /** A status, or `active` (open, in progress or escalated). */
  status: z.enum([...obstacleStatuses, 'active']).optional(),
  category: z.string().trim().max(64).optional(),
  overdue: flag.optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ObstacleListQuery = z.infer<typeof obstacleListQuerySchema>;

export const obstacleListSchema = z.object({
  items: z.array(obstacleSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  asOf: isoDate,
  /** Whether the reader may raise obstacles somewhere (the "new" button). */
  canRaise: z.boolean(),
});
export type ObstacleList = z.infer<typeof obstacleListSchema>;

export const obstacleCategorySchema = z.object({ code: z.string(), name: localized });
export type ObstacleCategory = z.infer<typeof obstacleCategorySchema>;

/** Counts for the dashboard: obstacles not closed, and of those the ones past their deadline. */
export const obstacleCountsSchema = z.object({
  asOf: isoDate,
  open: z.number().int(),
  overdue: z.number().int(),
  watchList: z.number().int(),
});
export type ObstacleCounts = z.infer<typeof obstacleCountsSchema>;
