import type { OpenAPIHono } from '@hono/zod-openapi';
import { exchangeJsonSchema } from '../../../domain/exchange/json-schema';
import { validationError } from '../../../domain/shared/errors';
import {
  exportExchangePackage,
  getExchangeSubmission,
  importExchangePackage,
  listExchangeSubmissions,
} from '../../../services/exchange/exchange.service';
import { fileTooLarge } from '../../../services/import/spreadsheet';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { sendFile } from '../../file-response';
import { readUploadedFile } from '../../multipart-upload';
import {
  exchangeSchemaRoute,
  exportExchangePackageRoute,
  getExchangeSubmissionRoute,
  importExchangePackageRoute,
  listExchangeSubmissionsRoute,
} from './exchange.routes';

export function registerExchange(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  let schemaText: string | undefined;
  app.openapi(exchangeSchemaRoute, (c) => {
    schemaText ??= JSON.stringify(exchangeJsonSchema(), null, 2);
    return c.body(schemaText, 200, {
      'Content-Type': 'application/schema+json; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
    }) as never;
  });
  app.openapi(exportExchangePackageRoute, async (c) =>
    sendFile(c, await exportExchangePackage(serviceDeps(c, deps), c.req.valid('query'))),
  );
  app.openapi(importExchangePackageRoute, async (c) => {
    const { maxBytes } = c.get('limits').imports;
    const file = await readUploadedFile(c.req.raw, 'file', maxBytes, () => fileTooLarge(maxBytes));
    if (!file) {
      throw validationError({
        file: {
          vi: 'Chưa chọn tệp: gửi gói trao đổi (.json) trong trường "file" (multipart/form-data).',
          en: 'No file: send the exchange package (.json) in the multipart field "file".',
        },
      });
    }
    return c.json(await importExchangePackage(serviceDeps(c, deps), file.data), 200);
  });
  app.openapi(listExchangeSubmissionsRoute, async (c) =>
    c.json(await listExchangeSubmissions(serviceDeps(c, deps)), 200),
  );
  app.openapi(getExchangeSubmissionRoute, async (c) =>
    c.json(await getExchangeSubmission(serviceDeps(c, deps), c.req.valid('param').id), 200),
  );
}
