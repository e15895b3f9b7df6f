/** What the benchmarks share: the result rows, signing in, and sequential latency percentiles. */
import { readFileSync } from 'node:fs';

export type Row = {
  database: string;
  /** The data: `demo` (the foundation's) or a generator scale. */
  scale: string;
  metric: string;
  value: number;
  unit: string;
  /** p95 ÷ /api/health's p95 in the same run. */
  ratio?: number;
  /** The target, e.g. "< 50 ms", and whether this run met it. */
  target?: string;
  met?: boolean;
};

export const rows: Row[] = [];

/** Requests per endpoint after the warm-up. */
export const requests = Number(process.env.BENCH_REQUESTS ?? 300);
export const warmUp = 20;

export const round = (n: number) => Math.round(n * 10) / 10;
export const idle = () => new Promise((r) => setTimeout(r, 5000));

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

export type Session = { cookie: string; csrf: string };

/** Signs in (the demo's administrator unless told otherwise) and returns the session cookie and CSRF token. */
export async function signIn(url: string, username = 'admin', password = 'IzisDemo-2026'): Promise<Session> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = /izis_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Sequential GETs: `warmUp` unmeasured, then `requests` measured. `path` may vary per request (the i-th
 * path), e.g. to visit random zones. Returns the percentiles and the mean response size.
 */
export async function latency(
  url: string,
  path: string | ((i: number) => string),
  cookie: string,
  count = requests,
): Promise<{ p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count + warmUp; i++) {
    const p = typeof path === 'string' ? path : path(i);
    const t = performance.now();
    const res = await fetch(`${url}${p}`, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${p}: ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
    if (i >= warmUp) {
      times.push(performance.now() - t);
      bytes += body.byteLength;
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes: bytes / count };
}

/** Measures `path` and records its p50 and p95 (with the ratio to `baseline`, and the target if any). */
export async function measure(
  label: { database: string; scale: string },
  url: string,
  session: Session,
  metric: string,
  path: string | ((i: number) => string),
  options: { baseline?: number; targetMs?: number } = {},
): Promise<{ p50: number; p95: number; bytes: number }> {
  const result = await latency(url, path, session.cookie);
  console.log(
    `  [${label.database} ${label.scale}] ${metric}: p50 ${round(result.p50)} ms, p95 ${round(result.p95)} ms`,
  );
  rows.push({ ...label, metric: `${metric} p50`, value: round(result.p50), unit: 'ms' });
  rows.push({
    ...label,
    metric: `${metric} p95`,
    value: round(result.p95),
    unit: 'ms',
    ...(options.baseline ? { ratio: round(result.p95 / options.baseline) } : {}),
    ...(options.targetMs ? { target: `< ${options.targetMs} ms`, met: result.p95 < options.targetMs } : {}),
  });
  return result;
}

/**
 * A small committed write through the API — a comment on one obstacle raised for the purpose — so that the
 * next read finds the data version moved and computes afresh: what a reader meets right after someone's change.
 */
export async function writeProbe(url: string, session: Session): Promise<() => Promise<void>> {
  const headers = {
    cookie: session.cookie,
    'content-type': 'application/json',
    'x-csrf-token': session.csrf,
  };
  const zones = (await (await fetch(`${url}/api/zones?pageSize=1`, { headers })).json()) as {
    items: { code: string }[];
  };
  const today = new Date().toISOString().slice(0, 10);
  const raised = await fetch(`${url}/api/obstacles`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      zoneCode: zones.items[0]!.code,
      categoryCode: 'other',
      title: 'Đo hiệu năng: ghi một thay đổi',
      agency: 'Sở Công Thương',
      raisedOn: today,
      deadline: today,
    }),
  });
  if (!raised.ok) throw new Error(`raise obstacle: ${raised.status} ${await raised.text()}`);
  let { id, version } = (await raised.json()) as { id: string; version: number };
  return async () => {
    const res = await fetch(`${url}/api/obstacles/${id}/actions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ action: 'comment', text: 'Ghi chú đo hiệu năng', version }),
    });
    if (!res.ok) throw new Error(`comment on obstacle: ${res.status} ${await res.text()}`);
    ({ id, version } = (await res.json()) as { id: string; version: number });
  };
}

/** Sequential GETs of `path`, each right after a write (`write()`): the cost of computing afresh. */
export async function latencyAfterWrite(
  url: string,
  path: string,
  cookie: string,
  write: () => Promise<void>,
  count: number,
): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await write();
    const t = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
