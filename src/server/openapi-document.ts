import { errorDescriptions } from './routes/openapi';

/**
 * The OpenAPI document is the contract: what every operation may answer is completed here, once, from
 * what the middleware does to every request — so a new route declares its own successes and its own
 * domain errors (409, 429…) and gets the standard ones without new code:
 *
 * - 400 on every operation (any path, query or body can be refused as a field error, e.g. a NUL character);
 * - 401 on every operation but the public ones (health, sign-in, the document itself);
 * - 403 on every write (the CSRF check) and wherever the route declares it;
 * - 404 on every operation with a path parameter (missing, or outside the caller's scope);
 * - 413 and 415 on every operation with a request body (size limits; the declared Content-Type only).
 *
 * It also repairs what the generator gets wrong: `.nullable()` on a named schema comes out as
 * `allOf: [$ref, {type: [object, null]}]`, which refuses null; it becomes `anyOf: [$ref, {type: null}]`.
 */

type Json = Record<string, unknown>;
const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/sign-in', 'GET /api/auth/session']);
/** The public catalogue and open data (issue 14): no sign-in, so never 401. */
const isPublicCatalogue = (path: string) =>
  path.startsWith('/api/public/') || path.startsWith('/api/open-data/') || !path.startsWith('/api/');
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

function repairNullableRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairNullableRefs);
  if (!node || typeof node !== 'object') return node;
  const record = node as Json;
  const allOf = record.allOf as Json[] | undefined;
  if (
    Array.isArray(allOf) &&
    allOf.length === 2 &&
    typeof allOf[0]?.$ref === 'string' &&
    Object.keys(allOf[1] ?? {}).length === 1 &&
    Array.isArray(allOf[1]?.type) &&
    (allOf[1]!.type as string[]).includes('null')
  ) {
    const { allOf: _drop, ...rest } = record;
    return { ...rest, anyOf: [allOf[0], { type: 'null' }] };
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, repairNullableRefs(v)]));
}

export function completeDocument<T extends object>(document: T): T {
  const doc = repairNullableRefs(document) as Json;
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const responses = operation.responses as Json;
      const statuses: (400 | 401 | 403 | 404 | 413 | 415)[] = [400];
      if (!PUBLIC.has(`${method.toUpperCase()} ${path}`) && !isPublicCatalogue(path)) statuses.push(401);
      if (WRITES.has(method)) statuses.push(403);
      if (path.includes('{')) statuses.push(404);
      if (operation.requestBody) statuses.push(413, 415);
      for (const status of statuses) {
        responses[status] ??= {
          description: errorDescriptions[status],
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }
    }
  }
  const components = ((doc.components ??= {}) as Json).schemas as Json | undefined;
  if (!components) (doc.components as Json).schemas = {};
  ((doc.components as Json).schemas as Json).Error ??= {
    type: 'object',
    properties: {
      code: { type: 'string' },
      message: { type: 'string' },
      details: { type: 'object', additionalProperties: {} },
      requestId: { type: ['string', 'null'] },
    },
    required: ['code', 'message', 'details', 'requestId'],
  };
  return doc as T;
}
