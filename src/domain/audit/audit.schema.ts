import { z } from 'zod';
import { uuidField } from '../shared/fields';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  actorId: uuidField.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The audit chain's last row: keep a copy elsewhere to prove later that no row was removed or rewritten. */
export const auditChainHeadSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditChainHead = z.infer<typeof auditChainHeadSchema>;

/**
 * Why the chain breaks at a row: its hash does not match its content (`content`), it does not name the
 * previous row's hash (`link`), rows before it are missing (`sequence`), the chain ends before the stored
 * head or the head does not match its row (`head`), or a head exported earlier is no longer in the chain
 * (`anchor`).
 */
export const auditBreakReasons = ['content', 'link', 'sequence', 'head', 'anchor'] as const;
export type AuditBreakReason = (typeof auditBreakReasons)[number];

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  /** Rows checked (the whole chain up to the head read at the start). */
  checked: z.number().int(),
  head: auditChainHeadSchema,
  firstBreak: z
    .object({
      /** The row's id (audit_log.id), or null when the row is missing. */
      id: z.string().nullable(),
      seq: z.number().int(),
      reason: z.enum(auditBreakReasons),
    })
    .nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const auditVerifyQuerySchema = z.object({
  /** A head exported earlier: the chain must still hold that row with that hash. */
  seq: z.coerce.number().int().min(0).optional(),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type AuditVerifyQuery = z.infer<typeof auditVerifyQuerySchema>;
