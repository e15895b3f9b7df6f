import { z } from '@hono/zod-openapi';

export const errorSchema = z
  .object({
    code: z.string().openapi({ example: 'validation' }),
    message: z.string().openapi({ example: 'Dữ liệu không hợp lệ.' }),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
  })
  .openapi('Error');

export const errorDescriptions: Record<number, string> = {
  400: 'Invalid input (`validation`, with `details.fields`)',
  401: 'Not signed in, or the session expired',
  403: 'Forbidden, or CSRF check failed',
  404: 'Not found (or outside your scope)',
  409: 'Conflict: stale version or duplicate',
  413: 'Too large: the body, file, rows or cells exceed a configured limit (named in `details.fields`)',
  415: 'Unsupported Content-Type for this operation',
  422: 'Unprocessable: the content was read but refused (e.g. an exchange package whose checksum or figures do not hold)',
  429: 'Too many attempts, or another import of yours is still running',
};

/** Error responses of a route, all with the one error shape. */
export function errorResponses(...statuses: (keyof typeof errorDescriptions)[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: errorDescriptions[status]!, content: { 'application/json': { schema: errorSchema } } },
    ]),
  );
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
