import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exchangeJsonSchema } from '../../domain/exchange/json-schema';

describe('the published JSON Schema of the exchange package', () => {
  it('in the repository is the one the server serves (regenerate docs/exchange/ when the contract changes)', () => {
    const published = JSON.parse(
      readFileSync(new URL('../../../docs/exchange/bieu04-exchange.v1.schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(published).toEqual(exchangeJsonSchema());
  });

  it('requires the checksum, the items and the registry a receiver recomputes them from', () => {
    const schema = exchangeJsonSchema() as { required: string[] };
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'version', 'items', 'registry', 'xlsx', 'checksum']),
    );
  });
});
