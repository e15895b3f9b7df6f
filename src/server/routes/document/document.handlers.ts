import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { validationError } from '../../../domain/shared/errors';
import { documentMetaSchema, type DocumentEntityType } from '../../../domain/document/document';
import { contentDisposition, formatMegabytes } from '../../../domain/document/document-file';
import {
  getDocument,
  listDocuments,
  openDocumentFile,
  uploadDocument,
  withdrawDocument,
} from '../../../services/document/document.service';
import { serviceDeps, type AppContext, type AppDeps, type AppEnv } from '../../context';
import {
  downloadDocumentRoute,
  getDocumentRoute,
  listDocumentsRoute,
  listZoneDocumentsRoute,
  uploadDocumentRoute,
  uploadZoneDocumentRoute,
  withdrawDocumentRoute,
} from './document.routes';

type Form = Record<string, unknown>;

/** Blank form fields count as absent; the rest is checked by the domain schema (field errors on failure). */
function metaOf(form: Form) {
  const text = (key: string) => {
    const value = form[key];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  return documentMetaSchema.parse({ title: text('title'), docNo: text('docNo'), docDate: text('docDate') });
}

async function fileOf(c: AppContext, form: Form) {
  const file = form.file;
  if (!(file instanceof File)) {
    throw validationError({
      file: {
        vi: 'Chưa chọn tệp: gửi tệp trong trường "file" (multipart/form-data).',
        en: 'No file: send it in the multipart field "file".',
      },
    });
  }
  c.get('log').info({ fileName: file.name, bytes: file.size }, 'document upload');
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

/** Types a browser may show in place; everything else (KML, GeoJSON, Office files) is always saved. */
const viewable = /^(application\/pdf|image\/(png|jpeg|webp))$/;

export function registerDocuments(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const store = deps.documents;
  // Refused before it is read past the limit (plus room for the multipart envelope and the text fields).
  const limit = bodyLimit({
    maxSize: store.maxBytes + 256 * 1024,
    onError: () => {
      throw validationError({
        file: {
          vi: `Tệp quá lớn; tối đa ${formatMegabytes(store.maxBytes)}.`,
          en: `The file is too large; at most ${formatMegabytes(store.maxBytes, 'en')}.`,
        },
      });
    },
  });
  app.on('POST', ['/api/documents', '/api/zones/:code/documents'], limit);

  app.openapi(listZoneDocumentsRoute, async (c) => {
    const list = await listDocuments(
      serviceDeps(c, deps),
      'zone',
      c.req.valid('param').code,
      c.get('locale'),
    );
    return c.json({ ...list, maxBytes: store.maxBytes }, 200);
  });
  app.openapi(uploadZoneDocumentRoute, async (c) => {
    const form = c.req.valid('form') as Form;
    const meta = metaOf(form);
    const file = await fileOf(c, form);
    return c.json(
      await uploadDocument(
        serviceDeps(c, deps),
        store,
        { ...meta, entityType: 'zone', entityRef: c.req.valid('param').code, file },
        c.get('locale'),
      ),
      201,
    );
  });
  app.openapi(listDocumentsRoute, async (c) => {
    const q = c.req.valid('query');
    const list = await listDocuments(serviceDeps(c, deps), q.entityType, q.entityRef, c.get('locale'));
    return c.json({ ...list, maxBytes: store.maxBytes }, 200);
  });
  app.openapi(uploadDocumentRoute, async (c) => {
    const form = c.req.valid('form') as Form;
    const meta = metaOf(form);
    const file = await fileOf(c, form);
    return c.json(
      await uploadDocument(
        serviceDeps(c, deps),
        store,
        {
          ...meta,
          entityType: form.entityType as DocumentEntityType,
          entityRef: String(form.entityRef),
          file,
        },
        c.get('locale'),
      ),
      201,
    );
  });
  app.openapi(getDocumentRoute, async (c) =>
    c.json(await getDocument(serviceDeps(c, deps), c.req.valid('param').id, c.get('locale')), 200),
  );
  app.openapi(downloadDocumentRoute, async (c) => {
    const { document, stream, sizeBytes } = await openDocumentFile(
      serviceDeps(c, deps),
      store,
      c.req.valid('param').id,
    );
    const etag = `"${document.sha256}"`;
    const headers = {
      ETag: etag,
      'Cache-Control': 'private, no-cache',
      // Served from our origin, so never let it run as a page of ours.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    };
    if (c.req.header('if-none-match') === etag) {
      await stream.cancel();
      return c.body(null, 304, headers);
    }
    const inline = c.req.valid('query').inline === 'true' && viewable.test(document.mimeType);
    return c.body(stream, 200, {
      ...headers,
      'Content-Type': document.mimeType,
      'Content-Length': String(sizeBytes),
      'Content-Disposition': contentDisposition(document.fileName, inline ? 'inline' : 'attachment'),
    });
  });
  app.openapi(withdrawDocumentRoute, async (c) =>
    c.json(
      await withdrawDocument(
        serviceDeps(c, deps),
        c.req.valid('param').id,
        c.req.valid('json').reason,
        c.get('locale'),
      ),
      200,
    ),
  );
}
