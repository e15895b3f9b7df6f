import type { ReadableStream } from 'node:stream/web';
import { formatDate } from '../../domain/format/format';
import { hasPermission, type Actor } from '../../domain/identity/roles';
import { AppError, validationError, type Locale } from '../../domain/shared/errors';
import type { DocumentEntityType, DocumentMeta, DocumentView } from '../../domain/document/document';
import {
  checkUpload,
  cleanFileName,
  SNIFF_BYTES,
  titleFromFileName,
} from '../../domain/document/document-file';
import { lifecycleLabels, type LifecycleState } from '../../domain/zone/lifecycle';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { canEditProject, canReadProjects, projectVisibility } from '../project/project.policy';
import {
  findDocumentById,
  findDocumentsOf,
  findLifecycleEventRef,
  findLifecycleEventRefs,
  findProjectScope,
  insertDocument,
  markWithdrawn,
  type DocumentRow,
} from './document.repository';
import type { DocumentStore } from './document.store';
import { canEditZone, zoneVisibility } from '../zone/zone.policy';
import { findZoneScopeByCode, findZoneScopeById } from '../zone/zone-facts.repository';

/**
 * What a document is (or will be) attached to, once the actor is known to see it: its id, words for it, whether
 * the actor may add or withdraw documents there, and the record whose history shows those changes.
 */
type Attachment = {
  entityType: DocumentEntityType;
  entityId: string;
  label: string;
  canEdit: boolean;
  audit: { entityType: 'zone' | 'project'; entityId: string };
};

type Ref = { code: string } | { id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function eventLabel(state: string, eventDate: string, locale: Locale) {
  const label = lifecycleLabels[state as LifecycleState]?.[locale] ?? state;
  return `${label} — ${formatDate(eventDate, { locale })}`;
}

/** Resolves an attachment within the actor's sight; anything else is `not_found` (its existence stays hidden). */
async function resolveAttachment(
  deps: ServiceDeps,
  actor: Actor,
  entityType: DocumentEntityType,
  ref: Ref,
  locale: Locale,
): Promise<Attachment> {
  if (entityType === 'project') {
    if (!canReadProjects(actor)) throw new AppError('not_found');
    if ('id' in ref && !UUID.test(ref.id)) throw new AppError('not_found');
    const row = await findProjectScope(
      deps.db,
      projectVisibility(actor),
      'id' in ref ? { id: ref.id } : { code: ref.code.toUpperCase() },
    );
    if (!row) throw new AppError('not_found');
    return {
      entityType,
      entityId: row.id,
      label: row.code,
      // The policy judges the project's zone: its code, not the project's.
      canEdit: canEditProject(actor, { ...row, code: row.zoneCode }),
      audit: { entityType: 'project', entityId: row.id },
    };
  }
  if (!hasPermission(actor, 'zone.read')) throw new AppError('not_found');
  const visibility = zoneVisibility(actor);
  if (entityType === 'lifecycle_event') {
    const id = 'id' in ref ? ref.id : ref.code;
    const event = UUID.test(id) ? await findLifecycleEventRef(deps.db, id) : undefined;
    const zone = event ? await findZoneScopeById(deps.db, visibility, event.zoneId) : undefined;
    if (!event || !zone) throw new AppError('not_found');
    return {
      entityType,
      entityId: event.id,
      label: `${zone.code} · ${eventLabel(event.state, event.eventDate, locale)}`,
      canEdit: canEditZone(actor, zone),
      audit: { entityType: 'zone', entityId: zone.id },
    };
  }
  if ('id' in ref && !UUID.test(ref.id)) throw new AppError('not_found');
  const zone =
    'id' in ref
      ? await findZoneScopeById(deps.db, visibility, ref.id)
      : await findZoneScopeByCode(deps.db, visibility, ref.code.toUpperCase());
  if (!zone) throw new AppError('not_found');
  return {
    entityType,
    entityId: zone.id,
    label: zone.code,
    canEdit: canEditZone(actor, zone),
    audit: { entityType: 'zone', entityId: zone.id },
  };
}

function toView(row: DocumentRow, label: string): DocumentView {
  return {
    id: row.id,
    entityType: row.entityType as DocumentEntityType,
    entityId: row.entityId,
    entityLabel: label,
    title: row.title,
    docNo: row.docNo,
    docDate: row.docDate,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
    withdrawn: row.withdrawnAt
      ? { at: row.withdrawnAt.toISOString(), byName: row.withdrawnByName, reason: row.withdrawalReason }
      : null,
  };
}

/** The facts of a document as the audit trail records them: flat, with names the history tabs know. */
function auditView(view: DocumentView) {
  return {
    documentId: view.id,
    attachedType: view.entityType,
    attachedId: view.entityId,
    attachedTo: view.entityLabel,
    title: view.title,
    docNo: view.docNo,
    docDate: view.docDate,
    fileName: view.fileName,
    mimeType: view.mimeType,
    sizeBytes: view.sizeBytes,
    sha256: view.sha256,
    withdrawnAt: view.withdrawn?.at ?? null,
    withdrawalReason: view.withdrawn?.reason ?? null,
  };
}

export type UploadInput = DocumentMeta & {
  entityType: DocumentEntityType;
  entityRef: string;
  file: { name: string; data: Uint8Array };
};

/**
 * Attaches an uploaded file to a zone, a lifecycle event or a project. The right to edit that record is
 * checked before the file is looked at; the file is checked (size, type by name and by content), stored once
 * by its hash, and the record and its audit row written together.
 */
export async function uploadDocument(
  deps: ServiceDeps,
  store: DocumentStore,
  input: UploadInput,
  locale: Locale = 'vi',
): Promise<DocumentView> {
  const actor = requireActor(deps);
  const ref: Ref =
    input.entityType === 'lifecycle_event' ? { id: input.entityRef } : { code: input.entityRef };
  const attachment = await resolveAttachment(deps, actor, input.entityType, ref, locale);
  if (!attachment.canEdit) throw new AppError('forbidden');
  const fileName = cleanFileName(input.file.name);
  if (!fileName) {
    throw validationError({
      file: { vi: 'Tệp không có tên hợp lệ.', en: 'The file has no usable name.' },
    });
  }
  const detected = checkUpload(
    fileName,
    input.file.data.byteLength,
    input.file.data.subarray(0, SNIFF_BYTES),
    store.maxBytes,
  );
  if (!detected.ok) throw validationError({ file: detected.problem });
  const stored = await store.put(input.file.data);
  deps.log.info(
    { sha256: stored.sha256, bytes: stored.sizeBytes, created: stored.created },
    'document file stored',
  );
  return deps.db.transaction(async (tx) => {
    const id = await insertDocument(tx, {
      entityType: attachment.entityType,
      entityId: attachment.entityId,
      title: input.title?.trim() || titleFromFileName(fileName),
      docNo: input.docNo?.trim() || null,
      docDate: input.docDate ?? null,
      fileName,
      mimeType: detected.mimeType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      uploadedBy: actor.userId || null,
      uploadedAt: deps.clock.now(),
    });
    const view = toView((await findDocumentById(tx, id))!, attachment.label);
    await recordAudit(tx, deps, {
      action: 'document.upload',
      entityType: attachment.audit.entityType,
      entityId: attachment.audit.entityId,
      after: auditView(view),
    });
    return view;
  });
}

/**
 * The documents of a record the actor can see. A zone's list includes those attached to its lifecycle
 * events; withdrawn documents are listed too (marked), after those in force.
 */
export async function listDocuments(
  deps: ServiceDeps,
  entityType: DocumentEntityType,
  entityRef: string,
  locale: Locale = 'vi',
): Promise<{ items: DocumentView[]; canEdit: boolean }> {
  const actor = requireActor(deps);
  const ref: Ref = entityType === 'lifecycle_event' ? { id: entityRef } : { code: entityRef };
  const attachment = await resolveAttachment(deps, actor, entityType, ref, locale);
  const labels = new Map<string, string>([[attachment.entityId, attachment.label]]);
  const attachments: { entityType: DocumentEntityType; ids: string[] }[] = [
    { entityType, ids: [attachment.entityId] },
  ];
  if (entityType === 'zone') {
    const events = await findLifecycleEventRefs(deps.db, attachment.entityId);
    for (const e of events) labels.set(e.id, eventLabel(e.state, e.eventDate, locale));
    attachments.push({ entityType: 'lifecycle_event', ids: events.map((e) => e.id) });
  }
  const rows = await findDocumentsOf(deps.db, attachments);
  return {
    items: rows.map((row) => toView(row, labels.get(row.entityId) ?? attachment.label)),
    canEdit: attachment.canEdit,
  };
}

async function loadDocument(deps: ServiceDeps, id: string, locale: Locale) {
  const actor = requireActor(deps);
  const row = UUID.test(id) ? await findDocumentById(deps.db, id) : undefined;
  if (!row) throw new AppError('not_found');
  const attachment = await resolveAttachment(
    deps,
    actor,
    row.entityType as DocumentEntityType,
    { id: row.entityId },
    locale,
  );
  return { actor, row, attachment };
}

export async function getDocument(
  deps: ServiceDeps,
  id: string,
  locale: Locale = 'vi',
): Promise<DocumentView> {
  const { row, attachment } = await loadDocument(deps, id, locale);
  return toView(row, attachment.label);
}

/** The stored file of a document the actor can see (withdrawn ones too: they are kept, not lost). */
export async function openDocumentFile(
  deps: ServiceDeps,
  store: DocumentStore,
  id: string,
): Promise<{ document: DocumentView; stream: ReadableStream<Uint8Array>; sizeBytes: number }> {
  const { row, attachment } = await loadDocument(deps, id, 'vi');
  const file = await store.read(row.sha256);
  if (!file) {
    deps.log.error(
      { documentId: row.id, sha256: row.sha256, uploadDir: store.dir },
      'the file of a document is missing from the upload directory',
    );
    throw new AppError('internal');
  }
  return { document: toView(row, attachment.label), stream: file.stream, sizeBytes: file.sizeBytes };
}

/**
 * Withdraws a document: it stays listed (marked withdrawn, with who, when and why) and its file stays
 * downloadable — records are never silently lost. Withdrawing twice is a conflict, answered with the document
 * as it is now.
 */
export async function withdrawDocument(
  deps: ServiceDeps,
  id: string,
  reason: string,
  locale: Locale = 'vi',
): Promise<DocumentView> {
  const { actor, row, attachment } = await loadDocument(deps, id, locale);
  if (!attachment.canEdit || !actor.userId) throw new AppError('forbidden');
  const before = toView(row, attachment.label);
  if (row.withdrawnAt) throw new AppError('conflict', { current: before });
  return deps.db.transaction(async (tx) => {
    if (
      !(await markWithdrawn(tx, row.id, { at: deps.clock.now(), by: actor.userId, reason: reason.trim() }))
    ) {
      throw new AppError('conflict', {
        current: toView((await findDocumentById(tx, row.id))!, attachment.label),
      });
    }
    const after = toView((await findDocumentById(tx, row.id))!, attachment.label);
    await recordAudit(tx, deps, {
      action: 'document.withdraw',
      entityType: attachment.audit.entityType,
      entityId: attachment.audit.entityId,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}
