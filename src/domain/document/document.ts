import { z } from 'zod';
import { isoDate } from '../shared/fields';

/**
 * Documents (decisions, plans, reports, maps) attached to a zone, one of its lifecycle events or a tenant
 * project: the contracts. The file itself is checked in document-file.ts and stored by the services by
 * content hash. A document is withdrawn, never deleted.
 */
export const documentEntityTypes = ['zone', 'lifecycle_event', 'project'] as const;
export type DocumentEntityType = (typeof documentEntityTypes)[number];

/** The facts typed in beside the file. An empty title becomes the file's name. */
export const documentMetaSchema = z.object({
  title: z.string().trim().max(300).nullish(),
  docNo: z.string().trim().max(100).nullish(),
  docDate: isoDate.nullish(),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

export const documentUploadFieldsSchema = documentMetaSchema.extend({
  entityType: z.enum(documentEntityTypes),
  /** zone: its code; project: its code; lifecycle_event: the event's id. */
  entityRef: z.string().trim().min(1).max(64),
});

export const withdrawDocumentSchema = z.object({ reason: z.string().trim().min(1).max(1000) });

export const documentSchema = z.object({
  id: z.string(),
  entityType: z.enum(documentEntityTypes),
  entityId: z.string(),
  /** What the document is attached to, in words: the zone's code, "Đã thành lập — 20/5/2019", a project code. */
  entityLabel: z.string(),
  title: z.string(),
  docNo: z.string().nullable(),
  docDate: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
  withdrawn: z
    .object({ at: z.string(), byName: z.string().nullable(), reason: z.string().nullable() })
    .nullable(),
});
export type DocumentView = z.infer<typeof documentSchema>;

export const documentListSchema = z.object({
  items: z.array(documentSchema),
  /** Whether the caller may add and withdraw documents here. */
  canEdit: z.boolean(),
  /** The largest file the server accepts (IZIS_UPLOAD_MAX_MB), for the upload form. */
  maxBytes: z.number(),
});
