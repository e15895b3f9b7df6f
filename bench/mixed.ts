/**
 * Mixed load on two IZIS processes (issue 15): the city-scale registry of bench/generate.ts with every generated
 * zone a cluster (so every project files Biểu 01), two `izis serve` processes on one PostgreSQL database, and
 * N signed-in users for a fixed time, each request sent to the next process in turn (a round-robin balancer:
 * a session, a cache and a write made through one process must hold through the other):
 *
 *   - tenants (enterprise accounts, one project each): their filings list, their project, their filing; they
 *     save their Biểu 01 draft a few times and then submit it;
 *   - officers (the CCN department, a commune, the administrator): the zone list and zone pages, the filings
 *     waiting for review, Biểu 04 (the commune officer: its commune's Biểu 03) and the completeness table, the
 *     dashboard and the watch list — each only what its role may read (the commune officer opens its
 *     commune's zones), so any 403/404 is an error; the administrator accepts the reports tenants submitted (each once, from a shared queue — no two officers race
 *     for one report), so Biểu 04 is computed afresh all along;
 *   - every user loads a page's HTML now and then.
 *
 * Each user looks at what it got 0.5–1.5 × think time before the next request. Reports p50/p95 per kind and
 * overall, errors (any answer that is not 2xx, any network failure), submissions and acceptances stored, the
 * processes' memory. Target: 300 users for 5 minutes, 0 errors, p95 < 200 ms.
 *
 *   npm run bench -- --only mixed            (PostgreSQL only: DATABASE_URL must be set)
 *   BENCH_MIXED_USERS (300), BENCH_MIXED_SECONDS (300), BENCH_MIXED_THINK_MS (1000),
 *   BENCH_MIXED_NODE_OPTIONS (Node options of the two servers, e.g. a CPU profile)
 */
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { openPostgres } from '../src/db/client';
import { hashPassword } from '../src/services/auth/password-hash';
import { scratchDatabase, startIzis, type RunningIzis } from '../e2e/harness';
import { generate } from './generate';
import { idle, percentile, round, rows, rssMb, signIn } from './lib';

const TARGET_MS = 200;
const users = Number(process.env.BENCH_MIXED_USERS ?? 300);
const seconds = Number(process.env.BENCH_MIXED_SECONDS ?? 300);
const thinkMs = Number(process.env.BENCH_MIXED_THINK_MS ?? 1000);
const PERIOD = '2026-H1';
const PASSWORD = 'Bench-Mixed-2026';
const DEMO_PASSWORD = 'IzisDemo-2026';
/** Two thirds of the users are tenants; the rest officers. */
const tenantCount = Math.round((users * 2) / 3);
const officerAccounts = ['sct', 'xadonganh', 'admin'] as const;
/** One secret for both processes, as a deployment behind one address must have: a session made by one is read by the other. */
const serverEnv = {
  IZIS_SESSION_SECRET: 'bench-mixed-session-secret-0123456789abcdef',
  // e.g. `--import` of a CPU profiler that writes when the servers stop: where their time goes.
  ...(process.env.BENCH_MIXED_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_MIXED_NODE_OPTIONS } : {}),
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Kind =
  | 'page html'
  | 'tenant filings list'
  | 'tenant project'
  | 'tenant filing'
  | 'save draft'
  | 'submit'
  | 'zone list'
  | 'zone page'
  | 'officer filings list'
  | 'Biểu 04'
  | 'Biểu 03'
  | 'completeness'
  | 'dashboard'
  | 'watch list'
  | 'accept';

type User = {
  role: 'tenant' | (typeof officerAccounts)[number];
  username: string;
  cookie: string;
  csrf: string;
  projectCode?: string;
  filing?: { id: string; version: number };
  drafts: number;
  submitted: boolean;
};

/** Clusters and operating projects for the whole generated registry, and one enterprise user per tenant. */
async function prepare(url: string): Promise<{ tenants: { username: string; projectCode: string }[] }> {
  const database = await openPostgres(url);
  try {
    const data = await generate(database, 'city', undefined, { log: (m) => console.log(`  [mixed] ${m}`) });
    rows.push({
      database: 'postgres',
      scale: 'city',
      metric: `generate ${data.zones} zones`,
      value: round(data.ms / 1000),
      unit: 's',
    });
    await database.db.execute(
      sql`update zone set kind = 'CCN', ccn_type_code = 'general' where is_synthetic and code like 'SYN-%'`,
    );
    await database.db.execute(
      sql`update project set status = 'operating' where is_synthetic and code like 'SYN-%'`,
    );
    const chosen = await database.query<{ code: string; investor: string }>(
      `select distinct on (o.code) p.code, o.code as investor
       from project p join organisation o on o.id = p.investor_id
       where p.code like 'SYN-%' order by o.code, p.code limit ${tenantCount}`,
    );
    // One password hash for all (hashing hundreds of times would only measure argon2).
    const hash = await hashPassword(PASSWORD);
    const tenants: { username: string; projectCode: string }[] = [];
    for (const [i, c] of chosen.entries()) {
      const username = `bench-mixed-${String(i + 1).padStart(3, '0')}`;
      const [user] = await database.query<{ id: string }>(
        `insert into app_user (username, display_name, password_hash, search_text) values ($1, $1, $2, $1) returning id`,
        [username, hash],
      );
      await database.query(
        `insert into role_assignment (user_id, role_code, scope_kind, scope_ref) values ($1, 'enterprise', 'organisation', $2)`,
        [user!.id, c.investor],
      );
      tenants.push({ username, projectCode: c.code });
    }
    await database.query('analyze');
    return { tenants };
  } finally {
    await database.close();
  }
}

type Step = { kind: Kind; method?: 'GET' | 'PUT' | 'POST'; path: string; body?: unknown };

const values = { revenue_vnd: 120.5, state_budget_vnd: 3.2, workers: 150, avg_income_vnd: 9.5 };

/** The i-th step of a tenant: mostly reading its own things; a few draft saves, then one submission. */
function tenantStep(user: User, i: number): Step {
  const n = i % 10;
  if (!user.submitted && (user.drafts < 3 ? n === 3 || n === 7 : n === 5)) {
    if (user.drafts < 3 || !user.filing)
      return {
        kind: 'save draft',
        method: 'PUT',
        path: '/api/filings/draft',
        body: {
          formCode: 'B01',
          period: PERIOD,
          reporter: { kind: 'project', code: user.projectCode },
          values: { ...values, workers: 150 + user.drafts },
          explanations: Object.fromEntries(Object.keys(values).map((k) => [k, 'Số liệu thử tải.'])),
          ...(user.filing ? { version: user.filing.version } : {}),
        },
      };
    return {
      kind: 'submit',
      method: 'POST',
      path: `/api/filings/${user.filing.id}/submit`,
      body: { version: user.filing.version },
    };
  }
  if (n === 0) return { kind: 'page html', path: '/reports' };
  if (n < 4) return { kind: 'tenant filings list', path: `/api/filings?period=${PERIOD}&page=1&pageSize=50` };
  if (n < 7 || !user.filing)
    return { kind: 'tenant project', path: `/api/projects/${encodeURIComponent(user.projectCode!)}` };
  return { kind: 'tenant filing', path: `/api/filings/${user.filing.id}` };
}

/** Zone codes each officer account may open: the generated clusters, and for the commune officer its commune's. */
type OfficerZones = Record<(typeof officerAccounts)[number], string[]>;

/** The commune the demo commune officer is assigned to (the one whose Biểu 03 it compiles). */
const COMMUNE = '00454';

/**
 * The i-th step of an officer: lists, pages and reports, each one its role may read; the administrator also
 * accepts submitted reports.
 */
function officerStep(
  user: User,
  i: number,
  zones: OfficerZones,
  queue: { id: string; version: number }[],
): Step {
  const n = i % 12;
  if (user.role === 'admin' && n % 3 === 1 && queue.length) {
    const filing = queue.shift()!;
    return {
      kind: 'accept',
      method: 'POST',
      path: `/api/filings/${filing.id}/accept`,
      body: { version: filing.version },
    };
  }
  const codes = zones[user.role as keyof OfficerZones];
  const code = codes[(i * 7919 + user.username.length) % codes.length]!;
  switch (n) {
    case 0:
      return { kind: 'page html', path: '/zones' };
    case 1:
    case 2:
      return { kind: 'zone list', path: `/api/zones?page=${1 + (i % 10)}&pageSize=20` };
    case 3:
    case 4:
      return { kind: 'zone page', path: `/api/zones/${encodeURIComponent(code)}` };
    case 5:
    case 6:
      return {
        kind: 'officer filings list',
        path: `/api/filings?period=${PERIOD}&status=submitted&page=1&pageSize=50`,
      };
    case 7:
    case 8:
      return user.role === 'xadonganh'
        ? { kind: 'Biểu 03', path: `/api/compilations?formCode=B03&period=${PERIOD}&commune=${COMMUNE}` }
        : { kind: 'Biểu 04', path: `/api/compilations?formCode=B04&period=${PERIOD}` };
    case 9:
      return { kind: 'completeness', path: `/api/completeness?period=${PERIOD}&groupBy=commune` };
    case 10:
      return { kind: 'dashboard', path: '/api/dashboard' };
    default:
      return { kind: 'watch list', path: '/api/monitoring/watch-list' };
  }
}

/** One connection pool per process, kept alive as a browser keeps its connections. */
const agent = new Agent({ keepAlive: true });
/** GETs sent again after a kept-alive connection was closed by the server as they were sent on it. */
let resent = 0;

/**
 * One request, timed until its last byte arrives. Node's `http` rather than `fetch`: the load generator shares
 * the machine's two cores with the servers and PostgreSQL, and `fetch` cost it about twice the CPU per request;
 * an answer is decompressed only when the bench reads it (its own writes, an error). A GET that meets a kept-alive
 * connection the server has just closed (its idle timeout) is sent again once on a new one, as browsers do.
 */
function send(
  base: string,
  step: Step,
  user: User,
  retry = true,
): Promise<{ status: number; text: () => string }> {
  const body = step.body === undefined ? undefined : JSON.stringify(step.body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${step.path}`,
      {
        agent,
        method: step.method ?? 'GET',
        headers: {
          cookie: user.cookie,
          'accept-encoding': 'gzip',
          ...(body === undefined
            ? {}
            : {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
                'x-csrf-token': user.csrf,
                origin: base,
              }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const gzipped = res.headers['content-encoding'] === 'gzip';
          resolve({
            status: res.statusCode ?? 0,
            text: () => (gzipped ? gunzipSync(raw) : raw).toString('utf8'),
          });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (retry && req.reusedSocket && error.code === 'ECONNRESET' && (step.method ?? 'GET') === 'GET') {
        resent += 1;
        resolve(send(base, step, user, false));
      } else {
        // What closed it: a reused connection failing at once is the server's idle close; later, something else.
        const connection = req.reusedSocket ? 'a reused connection' : 'a new connection';
        error.message += ` (${connection}, after ${Math.round(performance.now() - started)} ms)`;
        reject(error);
      }
    });
    req.end(body);
  });
}

async function load(processes: RunningIzis[], people: User[], zones: OfficerZones) {
  const times = new Map<Kind, number[]>();
  const errors: string[] = [];
  const queue: { id: string; version: number }[] = [];
  const submittedIds: string[] = [];
  const acceptedIds: string[] = [];
  /** Every answered request's start (s after the load began) and time, for the p95 of each window. */
  const timeline: { at: number; ms: number; kind: Kind }[] = [];
  const began = performance.now();
  const until = began + seconds * 1000;
  let turn = 0;
  const run = async (user: User, index: number) => {
    // Users arrive spread over the first think time, not all in the same millisecond.
    await pause((index / people.length) * thinkMs);
    for (let i = index; performance.now() < until; i++) {
      const step = user.role === 'tenant' ? tenantStep(user, i) : officerStep(user, i, zones, queue);
      const url = processes[turn++ % processes.length]!.url;
      const t = performance.now();
      try {
        const res = await send(url, step, user);
        const ms = performance.now() - t;
        if (res.status < 200 || res.status >= 300) {
          errors.push(`${step.kind} ${step.path}: ${res.status} ${res.text().slice(0, 160)}`);
        } else {
          (times.get(step.kind) ?? times.set(step.kind, []).get(step.kind)!).push(ms);
          timeline.push({ at: (t - began) / 1000, ms, kind: step.kind });
          if (step.kind === 'save draft' || step.kind === 'submit') {
            const saved = JSON.parse(res.text()) as { id: string; version: number };
            user.filing = { id: saved.id, version: saved.version };
            if (step.kind === 'save draft') user.drafts += 1;
            else {
              user.submitted = true;
              submittedIds.push(saved.id);
              queue.push({ id: saved.id, version: saved.version });
            }
          }
          if (step.kind === 'accept') acceptedIds.push((JSON.parse(res.text()) as { id: string }).id);
        }
      } catch (error) {
        errors.push(`${step.kind} ${step.path}: ${(error as Error).message}`);
      }
      await pause(thinkMs * (0.5 + ((i * 7919) % 1000) / 1000));
    }
  };
  await Promise.all(people.map(run));
  return { times, errors, submittedIds, acceptedIds, timeline };
}

export async function mixed(databaseUrl: string | undefined) {
  if (!databaseUrl) {
    console.log('  [mixed] skipped: PostgreSQL only (set DATABASE_URL)');
    return;
  }
  const label = { database: 'postgres', scale: 'city' };
  const url = await scratchDatabase(databaseUrl, 'bench_mixed');
  // The first start migrates and loads the demo (its officers sign in below); then the generated registry.
  await (await startIzis({ databaseUrl: url })).stop();
  const { tenants } = await prepare(url);
  const processes = [
    // Each joins the balancer once ready (its start's warm-up over: server/warm-up.ts).
    await startIzis({ databaseUrl: url, env: serverEnv, ready: true }),
    await startIzis({ databaseUrl: url, env: serverEnv, ready: true }),
  ];
  try {
    const database = await openPostgres(url);
    const codes = (
      await database.query<{ code: string }>(`select code from zone where code like 'SYN-%' order by code`)
    ).map((r) => r.code);
    const inCommune = (
      await database.query<{ code: string }>(
        `select z.code from zone z join admin_unit a on a.id = z.commune_id where a.code = $1 order by z.code`,
        [COMMUNE],
      )
    ).map((r) => r.code);
    await database.close();
    const zones: OfficerZones = { sct: codes, admin: codes, xadonganh: inCommune };
    const people: User[] = [];
    for (const [i, t] of tenants.entries()) {
      const session = await signIn(processes[i % 2]!.url, t.username, PASSWORD);
      people.push({ role: 'tenant', ...t, ...session, drafts: 0, submitted: false });
    }
    for (let i = 0; people.length < users; i++) {
      const account = officerAccounts[i % officerAccounts.length]!;
      const session = await signIn(processes[i % 2]!.url, account, DEMO_PASSWORD);
      people.push({ role: account, username: account, ...session, drafts: 0, submitted: false });
    }
    await idle();
    const loadBefore = round(loadavg()[0]!);
    console.log(
      `  [mixed] ${people.length} users (${tenants.length} tenants) on two processes for ${seconds} s, think ${thinkMs} ms`,
    );
    const { times, errors, submittedIds, acceptedIds, timeline } = await load(processes, people, zones);
    const memory = processes.map((p) => rssMb(p.process.pid!));
    const all: number[] = [];
    for (const [kind, list] of [...times].sort(([a], [b]) => a.localeCompare(b))) {
      list.sort((a, b) => a - b);
      all.push(...list);
      const p50 = round(percentile(list, 50));
      const p95 = round(percentile(list, 95));
      console.log(`  [mixed] ${kind}: ${list.length} requests, p50 ${p50} ms, p95 ${p95} ms`);
      rows.push({
        ...label,
        metric: `mixed, ${kind} p50 / p95 (${list.length})`,
        value: NaN,
        unit: `${p50} / ${p95} ms`,
      });
    }
    all.sort((a, b) => a - b);
    const p95 = all.length ? percentile(all, 95) : NaN;
    rows.push({
      ...label,
      metric: `${people.length} users on two processes for ${seconds} s (think ${thinkMs} ms): all requests p95 (${all.length} requests, ${round(all.length / seconds)}/s)`,
      value: round(p95),
      unit: 'ms',
      target: `< ${TARGET_MS} ms, 0 errors`,
      met: p95 < TARGET_MS && errors.length === 0,
    });
    // Where in time the tail is: the p95 of the requests started in each window of the run.
    const window = seconds >= 120 ? 30 : 10;
    const windows = new Map<number, number[]>();
    for (const { at, ms } of timeline) {
      const w = Math.floor(at / window);
      (windows.get(w) ?? windows.set(w, []).get(w)!).push(ms);
    }
    rows.push({
      ...label,
      metric: `p95 per ${window} s window (requests)`,
      value: NaN,
      unit: [...windows]
        .sort(([a], [b]) => a - b)
        .map(
          ([w, list]) =>
            `${w * window}–${(w + 1) * window} s: ${round(
              percentile(
                list.sort((a, b) => a - b),
                95,
              ),
            )} ms (${list.length})`,
        )
        .join('; '),
    });
    // The first window (the users' first steps: every tenant's drafts and submission, every view computed for
    // the first time) by kind.
    const first = new Map<Kind, number[]>();
    for (const { at, ms, kind } of timeline)
      if (at < window) (first.get(kind) ?? first.set(kind, []).get(kind)!).push(ms);
    rows.push({
      ...label,
      metric: `first ${window} s: p95 by kind (requests)`,
      value: NaN,
      unit: [...first]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(
          ([kind, list]) =>
            `${kind} ${round(
              percentile(
                list.sort((a, b) => a - b),
                95,
              ),
            )} ms (${list.length})`,
        )
        .join('; '),
    });
    rows.push({ ...label, metric: 'errors', value: errors.length, unit: errors.slice(0, 3).join('; ') });
    rows.push({
      ...label,
      metric: 'GETs sent again on a new connection (the kept-alive one closed by the server as it was used)',
      value: resent,
      unit: '',
    });
    // Every submission and acceptance that got a success answer is in the database.
    const check = await openPostgres(url);
    const stored = await check.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from report_filing where id = any($1::uuid[]) group by status`,
      [submittedIds],
    );
    await check.close();
    const byStatus = Object.fromEntries(stored.map((s) => [s.status, s.n]));
    const storedCount = stored.reduce((sum, s) => sum + s.n, 0);
    rows.push({
      ...label,
      metric: 'submissions answered 2xx / stored; acceptances answered 2xx / stored as accepted',
      value: NaN,
      unit: `${submittedIds.length} / ${storedCount}; ${acceptedIds.length} / ${byStatus['accepted'] ?? 0}`,
      target: 'all stored',
      met: storedCount === submittedIds.length && (byStatus['accepted'] ?? 0) === acceptedIds.length,
    });
    rows.push({
      ...label,
      metric: 'RSS of the two processes after the run',
      value: NaN,
      unit: `${memory.join(' / ')} MB`,
    });
    rows.push({
      ...label,
      metric: 'load average (1 min) before / after',
      value: NaN,
      unit: `${loadBefore} / ${round(loadavg()[0]!)}`,
    });
    if (errors.length) console.log(`  [mixed] first errors:\n    ${errors.slice(0, 10).join('\n    ')}`);
    // The servers log at warn level (JSON lines; the start banner is not one): what they said during the run,
    // counted by message — a request over IZIS_SLOW_REQUEST_MS is one; anything else is shown.
    for (const [i, p] of processes.entries()) {
      const logged = p
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string });
      const byMessage = new Map<string, number>();
      for (const line of logged) byMessage.set(line.msg ?? '', (byMessage.get(line.msg ?? '') ?? 0) + 1);
      rows.push({
        ...label,
        metric: `process ${i + 1}: log lines at warn or above, by message`,
        value: logged.length,
        unit: [...byMessage].map(([msg, n]) => `${msg}: ${n}`).join('; '),
      });
      const other = logged.filter((line) => line.msg !== 'slow request').slice(0, 5);
      if (other.length)
        console.log(
          `  [mixed] process ${i + 1} logged:\n    ${other.map((l) => JSON.stringify(l)).join('\n    ')}`,
        );
    }
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
  }
}
