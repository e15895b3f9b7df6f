import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import type { Logger } from '../services/system/logger';
import { createTestApp } from './testing';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const TOKEN = 'metrics-token-0123456789';

describe('GET /metrics (Prometheus) and the slow-request log', () => {
  it('serves request latency per route pattern, job, import and pool series to the holder of the token only', async () => {
    const { app } = createTestApp(database, {}, { metricsToken: TOKEN });
    await app.request('/api/health');
    await app.request('/api/zones/KCN-UNKNOWN'); // 401 signed out: still timed, under its pattern

    expect((await app.request('/metrics')).status).toBe(404);
    expect(
      (await app.request('/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
    ).toBe(404);

    const response = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(
      /izis_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="2xx"\} \d+/,
    );
    // The pattern, never the raw path: the series stay few whatever the codes asked for.
    expect(text).toContain('route="/api/zones/:code"');
    expect(text).not.toContain('KCN-UNKNOWN');
    for (const series of [
      'izis_job_runs_total',
      'izis_import_runs_total',
      'izis_computed_view_lookups_total',
      'izis_db_pool_connections',
      'izis_process_resident_memory_bytes',
    ]) {
      expect(text).toContain(`# TYPE ${series}`);
    }
  });

  it('without a token, is not served to a client that is not on the machine itself', async () => {
    const { app } = createTestApp(database);
    // In-process requests have no socket, so no loopback peer: refused like any remote client.
    expect((await app.request('/metrics')).status).toBe(404);
  });

  it('logs a request slower than IZIS_SLOW_REQUEST_MS at warn level with its route and request id', async () => {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    const log = {
      child: () => log,
      debug() {},
      info() {},
      error() {},
      warn: (obj: Record<string, unknown>, msg: string) => lines.push({ obj, msg }),
    } as unknown as Logger;
    // 0: every request is slow (a warm in-process /api/health can answer within 1 ms).
    const { app } = createTestApp(database, {}, { slowRequestMs: 0, log });
    await app.request('/api/health');
    const slow = lines.find((l) => l.msg === 'slow request');
    expect(slow?.obj).toMatchObject({
      method: 'GET',
      path: '/api/health',
      route: '/api/health',
      status: 200,
    });

    lines.length = 0;
    const fast = createTestApp(database, {}, { slowRequestMs: 600_000, log });
    await fast.app.request('/api/health');
    expect(lines.filter((l) => l.msg === 'slow request')).toEqual([]);
  });
});
