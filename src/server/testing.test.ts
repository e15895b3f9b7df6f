import { describe, expect, it } from 'vitest';
import { TestClient } from './testing';

describe("the server's typed test client", () => {
  it('takes paths, parameters, queries, bodies and answers from the contract (checked by tsc)', () => {
    // Nothing is sent: the calls are only type-checked (the functions are never invoked).
    const typeOnly = (_calls: (client: TestClient) => unknown) => undefined;
    typeOnly((client) => [
      // @ts-expect-error a path the server does not have
      client.api.get('/api/zone/{code}', { params: { code: 'X' } }),
      // @ts-expect-error a path parameter left out
      client.api.get('/api/zones/{code}'),
      // @ts-expect-error a query parameter the operation does not declare
      client.api.get('/api/zones', { query: { colour: 'red' } }),
      // @ts-expect-error a body of the wrong shape
      client.api.post('/api/exchange-rates', { rate: 'high' }),
      // The test's own options ride along with the contract's.
      client.api.patch('/api/zones/{code}', { version: 1 }, { params: { code: 'X' }, csrf: false }),
    ]);
    typeOnly(async (client) => {
      const res = await client.api.get('/api/zones/{code}', { params: { code: 'X' } });
      // @ts-expect-error the zone view has no such field
      return [res.body.version, res.body.colour, res.error.details.fields['name']];
    });
    expect(typeOnly(() => null)).toBeUndefined();
  });
});
