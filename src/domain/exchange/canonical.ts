/**
 * The canonical serialisation the exchange package's checksum is computed over: RFC 8785 (JSON
 * Canonicalization Scheme) for the JSON IZIS writes — object keys sorted by UTF-16 code units, no whitespace,
 * strings escaped as `JSON.stringify` does, numbers in ECMAScript's shortest form (which is what RFC 8785
 * prescribes), `undefined` members left out. Non-finite numbers cannot occur (the schema refuses them).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new RangeError('A non-finite number has no canonical JSON form');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** What the checksum covers: the package without its `checksum` member, canonically serialised. */
export function checksumInput(pkg: Record<string, unknown>): string {
  const { checksum: _checksum, ...rest } = pkg;
  return canonicalJson(rest);
}
