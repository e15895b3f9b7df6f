import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document, for the contract suite
 * (openapi-contract.db.test.ts): `valid(schema)` generates values the schema accepts (bounded in size),
 * `hostile()` the inputs a careless or malicious client sends (wrong types, NUL and lone surrogates,
 * dates before year 1, huge numbers, nonsense ids).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON Schema from the document: any shape
export type Schema = Record<string, any>;
type Resolve = (ref: string) => Schema;

const NASTY_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udc00y',
  '0000',
  '0001-01-01',
  '9999-12-31',
  '-1',
  '1e309',
  ' ',
  '',
  "'; drop table zone; --",
  '../../etc/passwd',
  'Thăng Long',
  '%00',
];

/** A string a client might send for anything: random, or one of the known troublemakers. */
export const hostileString = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => `${s}\u0000`) },
);

/** Any JSON value a client might send instead of the right one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, 2 ** 53 + 1, 0.5),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 2 }),
);

const isoDay = fc
  .date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return isoDay;
  if (schema.format === 'date-time') return isoDay.map((d) => `${d}T03:00:00.000Z`);
  if (schema.format === 'email') return fc.emailAddress();
  if (typeof schema.pattern === 'string') {
    try {
      const maxLength = schema.maxLength as number | undefined;
      return fc
        .stringMatching(new RegExp(schema.pattern as string))
        .filter(
          (s) => s.length >= (schema.minLength ?? 0) && (maxLength === undefined || s.length <= maxLength),
        );
    } catch {
      // a pattern fast-check cannot generate from: plain strings below
    }
  }
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = Math.max(
    minLength,
    Math.min((schema.maxLength as number | undefined) ?? 24, minLength + 24),
  );
  return fc.string({ minLength, maxLength, unit: fc.constantFrom(...'abcdeăđêơưABCXYZ0123456789 -') });
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const lower =
    typeof schema.exclusiveMinimum === 'number'
      ? schema.exclusiveMinimum + (integer ? 1 : 0.01)
      : ((schema.minimum as number | undefined) ?? -1000);
  const upper =
    typeof schema.exclusiveMaximum === 'number'
      ? schema.exclusiveMaximum - (integer ? 1 : 0.01)
      : ((schema.maximum as number | undefined) ?? Math.max(lower + 1000, 1000));
  const min = Math.max(lower, -1e9);
  const max = Math.min(upper, 1e12);
  if (integer || schema.multipleOf) {
    const step = (schema.multipleOf as number | undefined) ?? 1;
    return fc
      .integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })
      .map((n) => Number((n * step).toFixed(6)));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values `schema` accepts, small enough to send many (depth-limited). */
export function valid(schema: Schema | undefined, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if (schema.$ref) return valid(resolve(schema.$ref as string), resolve, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valid(s, resolve, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length)
    return valid({ ...schema, allOf: undefined, ...(schema.allOf[0] as Schema) }, resolve, depth + 1);
  if (Array.isArray(schema.type)) {
    return fc.oneof(...(schema.type as string[]).map((type) => valid({ ...schema, type }, resolve, depth)));
  }
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = (schema.minItems as number | undefined) ?? 0;
      return fc.array(valid(schema.items as Schema, resolve, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min((schema.maxItems as number | undefined) ?? 2, minLength + 2)),
      });
    }
    case 'object':
    default: {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      if (!Object.keys(properties).length) return fc.constant({});
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties))
        model[key] = valid(property, resolve, depth + 1);
      return fc.record(model, { requiredKeys: (schema.required as string[] | undefined) ?? [] });
    }
  }
}

/** A valid value with one part spoiled: a field replaced or dropped, or a hostile value in its place. */
export function spoiled(schema: Schema | undefined, resolve: Resolve): fc.Arbitrary<unknown> {
  return fc.oneof(
    hostileValue,
    fc.tuple(valid(schema, resolve), fc.nat(), hostileValue, fc.boolean()).map(([value, pick, bad, drop]) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return bad;
      const keys = Object.keys(value as object);
      if (!keys.length) return { [String(bad)]: bad };
      const key = keys[pick % keys.length]!;
      const copy = { ...(value as Record<string, unknown>) };
      if (drop) delete copy[key];
      else copy[key] = bad;
      return copy;
    }),
  );
}
