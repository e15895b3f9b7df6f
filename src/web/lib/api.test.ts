import { describe, expect, it } from 'vitest';
import { api, fillPath, type ApiQuery, type ApiRequestBody, type ApiResponse } from './api';

describe('the typed API client', () => {
  it('fills a path template with each parameter URL-encoded', () => {
    expect(fillPath('/api/zones/{code}/prices/{id}', { code: 'CCN 1/A', id: 7 })).toBe(
      '/api/zones/CCN%201%2FA/prices/7',
    );
  });

  it('refuses a template whose parameter is missing', () => {
    expect(() => fillPath('/api/zones/{code}', {})).toThrow(/missing path parameter code/);
  });

  it('takes paths, parameters, queries, bodies and answers from the contract (checked by tsc)', () => {
    // Nothing is sent: the calls are only type-checked (the functions are never invoked).
    const typeOnly = (_calls: () => unknown) => undefined;
    typeOnly(() => [
      // @ts-expect-error a path the server does not have
      api.get('/api/zone/{code}', { params: { code: 'X' } }),
      // @ts-expect-error a path parameter left out
      api.get('/api/zones/{code}'),
      // @ts-expect-error a query parameter the operation does not declare
      api.get('/api/zones', { query: { colour: 'red' } }),
      // @ts-expect-error a write the operation does not have (no DELETE of a zone)
      api.delete('/api/zones/{code}', { params: { code: 'X' } }),
      // @ts-expect-error a body of the wrong shape
      api.post('/api/exchange-rates', { rate: 'high' }),
    ]);
    const answer: ApiResponse<'/api/zones/{code}', 'get'> | null = null;
    // @ts-expect-error the zone view has no such field
    expect(answer?.colour).toBeUndefined();
    const query: ApiQuery<'/api/zones', 'get'> = { q: null, page: 1 };
    const body: ApiRequestBody<'/api/zones/{code}/boundary', 'put'> | null = null;
    expect([query.page, body]).toEqual([1, null]);
  });
});
