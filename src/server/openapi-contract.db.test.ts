import Ajv from 'ajv';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { systemActor } from '../domain/identity/roles';
import { makeUser, testDeps, testPassword, communes } from '../services/testing';
import { createZone } from '../services/zone/zone.service';
import { buildOpenApiDocument } from './api-contract';
import { hostileString, hostileValue, spoiled, valid, type Schema } from './openapi-arbitraries';
import { createTestApp, TestClient } from './testing';

/**
 * The OpenAPI document is the contract (issue 9). For EVERY operation of /api/openapi.json — a new route is
 * covered without new test code — fast-check sends generated valid and hostile inputs (path, query, body,
 * a wrong Content-Type; as an administrator with the CSRF token, and anonymously) and the suite fails on
 * any 5xx, on any change of a table's row count after a 4xx (a partial write), and on any status or body the
 * document does not declare. Runs per operation: IZIS_CONTRACT_RUNS (default 6), so that the whole suite
 * stays around a minute per database.
 */

const RUNS = Number(process.env.IZIS_CONTRACT_RUNS ?? 6);
const SEED = Number(process.env.IZIS_CONTRACT_SEED ?? 20260609);

// The document, as the server publishes it, read without a database (the routes do not need one for it).
const doc = (await buildOpenApiDocument()) as Schema;

type Operation = {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema: Schema }[];
  body: { type: 'json' | 'multipart'; schema: Schema; required: boolean } | undefined;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};

const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, Schema>>).flatMap(
  ([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = (op.requestBody?.content ?? {}) as Record<string, { schema: Schema }>;
      const json = content['application/json'];
      const multipart = content['multipart/form-data'];
      return {
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        body: json
          ? { type: 'json' as const, schema: json.schema, required: !!op.requestBody.required }
          : multipart
            ? { type: 'multipart' as const, schema: multipart.schema, required: !!op.requestBody.required }
            : undefined,
        responses: op.responses as Operation['responses'],
      };
    }),
);

// Responses are checked against the document's own schemas (JSON Schema; the $refs point into it).
const ajv = new Ajv({ unknownFormats: 'ignore', schemaId: '$id', allErrors: false });
const withDocRefs = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"contract.json#/components/'));
ajv.addSchema({ $id: 'contract.json', components: withDocRefs(doc.components) as object });
const validators = new Map<string, Ajv.ValidateFunction>();
function validatorFor(key: string, schema: Schema) {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(withDocRefs(schema) as object);
    validators.set(key, validate);
  }
  return validate;
}
const resolve = (ref: string): Schema =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: Schema, part) => node[part] as Schema, doc);

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
let admin: TestClient;
const known: Record<string, string[]> = { code: ['KHONG-CO'], id: [] };
let tables: string[] = [];

async function adminClient() {
  const { user } = await makeUser(database.db);
  const client = new TestClient(app);
  await client.signIn(user.username, testPassword);
  known.id!.push(user.id);
  return client;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  const zone = await createZone(testDeps(database.db, systemActor('contract')), {
    code: 'CCN-HOP-DONG',
    name: 'CCN Hợp Đồng',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    declaredAreaHa: 12,
  });
  known.code!.push(zone.code);
  known.id!.push(zone.id);
  admin = await adminClient();
  // Every table but the sign-in log, which records refused sign-ins by design.
  tables = (
    await database.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'login_attempt'
          and table_name not like '\\_\\_%' order by 1`,
    )
  ).map((r) => r.name);
});
afterAll(() => database?.cleanup());

async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await database.query<Record<string, number>>(
    `select ${tables.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(', ')}`,
  );
  return row!;
}

type Input = {
  anonymous: boolean;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  wrongContentType: boolean;
  fileName: string;
};

function inputFor(op: Operation): fc.Arbitrary<Input> {
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredQuery: string[] = [];
  for (const p of op.parameters) {
    const good = valid(p.schema, resolve);
    if (p.in === 'path') {
      const pool = known[p.name]?.length ? [fc.constantFrom(...known[p.name]!)] : [];
      params[p.name] = fc.oneof(
        { weight: 3, arbitrary: fc.oneof(good, ...pool) },
        { weight: 1, arbitrary: hostileString },
      );
    } else if (p.in === 'query') {
      query[p.name] = fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: hostileValue });
      if (p.required) requiredQuery.push(p.name);
    }
  }
  const body = op.body
    ? fc.oneof(
        { weight: 2, arbitrary: valid(op.body.schema, resolve) },
        { weight: 2, arbitrary: spoiled(op.body.schema, resolve) },
      )
    : fc.constant(undefined);
  return fc.record({
    anonymous: fc.oneof(
      { weight: 4, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    params: fc.record(params),
    query: fc.record(query, { requiredKeys: requiredQuery }),
    body,
    wrongContentType: fc.oneof(
      { weight: 7, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    fileName: fc.constantFrom('khu-cum.csv', 'khu-cum.xlsx', 'bao-cao.pdf', 'a\u0000.csv'),
  });
}

function requestFor(op: Operation, input: Input, client: TestClient | undefined): [string, RequestInit] {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(input.params[name] ?? 'x')),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value])
      search.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const headers: Record<string, string> = { 'accept-language': 'vi' };
  if (client?.cookie) headers.cookie = client.cookie;
  if (client?.csrfToken && op.method !== 'GET') headers['x-csrf-token'] = client.csrfToken;
  let body: RequestInit['body'];
  if (op.body?.type === 'json' && input.body !== undefined) {
    body = JSON.stringify(input.body);
    headers['content-type'] = input.wrongContentType ? 'text/plain' : 'application/json';
  } else if (op.body?.type === 'multipart') {
    if (input.wrongContentType) {
      body = 'file=x';
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else {
      const form = new FormData();
      const text = typeof input.body === 'string' ? input.body : JSON.stringify(input.body ?? '');
      form.append('file', new File([`Mã khu/cụm,Tên khu/cụm\nCCN-HOP-DONG,${text}\n`], input.fileName));
      body = form;
    }
  }
  const url = `http://127.0.0.1${path}${search.size ? `?${search}` : ''}`;
  return [url, { method: op.method, headers, ...(body !== undefined ? { body } : {}) }];
}

const essence = (type: string | null) => (type ?? '').split(';')[0]!.trim().toLowerCase();

/** What is wrong with a response, by the document; null when it is what the document declares. */
async function breach(op: Operation, res: Response, before: Record<string, number> | undefined) {
  const label = `${op.method} ${op.path} → ${res.status}`;
  if (res.status >= 500) return `${label}: a server error (${await res.text()})`;
  const declared = op.responses[String(res.status)] ?? op.responses.default;
  if (!declared) return `${label}: status not declared (${(await res.text()).slice(0, 300)})`;
  const type = essence(res.headers.get('content-type'));
  const content = declared.content ?? {};
  if (Object.keys(content).length) {
    const match = Object.entries(content).find(([t]) => essence(t) === type);
    if (!match) return `${label}: Content-Type ${type} not declared (${Object.keys(content).join(', ')})`;
    if (type === 'application/json' && match[1].schema) {
      const body: unknown = await res.json();
      const validate = validatorFor(`${op.method} ${op.path} ${res.status}`, match[1].schema);
      if (!validate(body)) {
        return `${label}: body outside the document: ${ajv.errorsText(validate.errors)} — ${JSON.stringify(body).slice(0, 300)}`;
      }
    } else await res.arrayBuffer();
  } else await res.arrayBuffer();
  if (before && res.status >= 400) {
    const after = await rowCounts();
    const changed = tables.filter((t) => after[t] !== before[t]);
    if (changed.length) {
      return `${label}: a refused request changed ${changed.map((t) => `${t} ${before[t]}→${after[t]}`).join(', ')}`;
    }
  }
  return null;
}

/** Statuses seen per operation, printed at the end: what the generated inputs reached. */
const statuses: Record<string, Record<number, number>> = {};

describe('every operation of the OpenAPI document keeps its contract', () => {
  afterAll(() => {
    const reached = Object.values(statuses).filter((s) => Object.keys(s).some((k) => Number(k) < 300)).length;
    console.info(
      `[contract] ${operations.length} operations, ${RUNS} runs each; ${reached} answered 2xx at least once\n` +
        Object.entries(statuses)
          .map(
            ([op, s]) =>
              `  ${op}: ${Object.entries(s)
                .map(([k, n]) => `${k}×${n}`)
                .join(' ')}`,
          )
          .join('\n'),
    );
  });

  it('has the operations the server serves', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it('can fail: a 5xx, an undeclared status, a body outside the schema and a write after a 4xx are breaches', async () => {
    const op = operations.find((o) => o.method === 'GET' && o.path === '/api/health')!;
    const json = (body: unknown, status: number) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    expect(await breach(op, json({}, 500), undefined)).toMatch(/server error/);
    expect(await breach(op, json({}, 418), undefined)).toMatch(/status not declared/);
    expect(await breach(op, json({ status: 42 }, 200), undefined)).toMatch(/body outside the document/);
    const counts = await rowCounts();
    const lying = { ...counts, [tables[0]!]: counts[tables[0]!]! - 1 };
    const refused = json({ code: 'validation', message: 'x', details: {}, requestId: null }, 400);
    expect(await breach(op, refused, lying)).toMatch(/a refused request changed/);
  });

  for (const op of operations) {
    it(`${op.method} ${op.path}`, async () => {
      const problems: string[] = [];
      const assertion = fc.assert(
        fc.asyncProperty(inputFor(op), async (input) => {
          const client = input.anonymous ? undefined : admin;
          const before = await rowCounts();
          const res = await app.request(...requestFor(op, input, client));
          const problem = await breach(op, res, before);
          // A run that signed the administrator out (sign-out, password change…) gets a fresh session.
          if (client && res.status === 401) admin = await adminClient();
          if (problem) problems.push(problem);
          const seen = (statuses[`${op.method} ${op.path}`] ??= {});
          seen[res.status] = (seen[res.status] ?? 0) + 1;
          return problem === null;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // A breach is reported as found; anything else that failed (an exception in the suite) is rethrown.
      await assertion.catch((error: unknown) => {
        if (!problems.length) throw error;
      });
      expect(problems).toEqual([]);
    });
  }
});
