import type { components, paths } from './api-contract.gen';

/**
 * The HTTP contract as types (decision 0026), shared by the two clients that speak it: the web's
 * (`web/lib/api.ts`) and the server's test client (`server/testing.ts`). A call names an operation by its
 * path template and method; its path parameters, query, request body and answer all come from
 * `api-contract.gen.ts` (generated from the routes' OpenAPI document by `npm run api:types`), so a changed
 * route contract fails the type check wherever either client uses what changed. Types and two pure
 * functions only: domain stays isomorphic.
 */

export type ApiMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Paths = paths;

/** The path templates that have an operation for the method. */
export type ApiPath<M extends ApiMethod> = {
  [P in keyof Paths]: [NonNullable<Paths[P][M]>] extends [never] ? never : P;
}[keyof Paths];

export type ApiOperation<P extends ApiPath<M>, M extends ApiMethod> = NonNullable<Paths[P][M]>;

type JsonContent<C> = C extends { content: { 'application/json': infer B } } ? B : undefined;
type Success = 200 | 201 | 202 | 204;

/** The JSON body of the operation's successful answers (`undefined` for 204). */
export type ApiResponse<P extends ApiPath<M>, M extends ApiMethod> =
  ApiOperation<P, M> extends { responses: infer R }
    ? { [S in keyof R]: S extends Success ? JsonContent<R[S]> : never }[keyof R]
    : never;

type BodyOf<O> = O extends { requestBody: { content: infer C } }
  ? C extends { 'application/json': infer B }
    ? B
    : FormData
  : O extends { requestBody?: { content: infer C } }
    ? (C extends { 'application/json': infer B } ? B : FormData) | undefined
    : undefined;

/** The request body of the operation (JSON, or FormData for a multipart upload). */
export type ApiRequestBody<P extends ApiPath<M>, M extends ApiMethod> = BodyOf<ApiOperation<P, M>>;

export type QueryValue = string | number | boolean | null | undefined;

/** A query value may also be null or '' — left out of the URL, as `buildUrl` does. */
type QueryInput<Q> = { [K in keyof Q]: Q[K] | (undefined extends Q[K] ? null | '' : never) };
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type PathParamsOf<O> = O extends { parameters: { path: infer T extends object } } ? T : never;

/** The query of the operation, as the caller may give it. */
export type ApiQuery<P extends ApiPath<M>, M extends ApiMethod> = QueryInput<QueryOf<ApiOperation<P, M>>>;

/** The path parameters and query of a call to operation O, beside the options E of the client making it. */
export type ApiInit<O, E extends object> = E &
  ([PathParamsOf<O>] extends [never] ? { params?: never } : { params: PathParamsOf<O> }) &
  ([QueryOf<O>] extends [never]
    ? { query?: never }
    : object extends QueryOf<O>
      ? { query?: QueryInput<QueryOf<O>> }
      : { query: QueryInput<QueryOf<O>> });

/** The arguments after the path of a call without a body: the init, optional when nothing in it is required. */
export type ApiInitArgs<O, E extends object> =
  object extends ApiInit<O, E> ? [init?: ApiInit<O, E>] : [init: ApiInit<O, E>];

/** The arguments after the path of a call with a body: the body (optional when the operation's is), then the init. */
export type ApiBodyArgs<O, E extends object> =
  undefined extends BodyOf<O>
    ? object extends ApiInit<O, E>
      ? [body?: BodyOf<O>, init?: ApiInit<O, E>]
      : [body: BodyOf<O> | undefined, init: ApiInit<O, E>]
    : [body: BodyOf<O>, ...ApiInitArgs<O, E>];

/** The contract's named schemas (`components.schemas`), e.g. `ApiSchema<'ZoneDetail'>`. */
export type ApiSchema<N extends keyof components['schemas']> = components['schemas'][N];

/** The body of every refusal: `{ code, message, details, requestId }` (server/middleware/errors.ts). */
export type ApiErrorBody = ApiSchema<'Error'>;

/** `/api/zones/{code}` with `{ code: 'CCN-1' }` → `/api/zones/CCN-1` (each value URL-encoded). */
export function fillPath(template: string, params: Record<string, string | number> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} of ${template}`);
    return encodeURIComponent(String(value));
  });
}

/** The path with its query string; undefined, null and '' values are left out. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
