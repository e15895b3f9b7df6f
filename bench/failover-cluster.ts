/**
 * The failover drill's cluster (bench/failover.ts): a pg_auto_failover monitor and two data nodes on loopback,
 * run as the `postgres` OS user under one temporary directory, each `pg_autoctl` a process group of its own.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * The monitor's health checks, tightened from pg_auto_failover's defaults (5 s period, 2 retries, a node
 * unhealthy after 20 s, 30 s for a lost primary to demote) so that a lost primary is replaced in seconds.
 * A shorter primary_demote_timeout is safe with a synchronous standby: the old primary, if it were still
 * alive somewhere, could not acknowledge a commit without the standby that has left it.
 */
const MONITOR_SETTINGS = {
  'pgautofailover.health_check_period': '1000',
  'pgautofailover.health_check_timeout': '1000',
  'pgautofailover.health_check_max_retries': '1',
  'pgautofailover.health_check_retry_delay': '500',
  'pgautofailover.node_considered_unhealthy_timeout': '2000',
  'pgautofailover.primary_demote_timeout': '3000',
};

export const log = (message: string) =>
  console.log(`[failover ${new Date().toISOString().slice(11, 19)}] ${message}`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------
// The cluster: a monitor and two data nodes, each `pg_autoctl` a process group of its own.

export const root = process.env.FAILOVER_ROOT ?? mkdtempSync('/tmp/izis-failover-');
const basePort = Number(process.env.FAILOVER_PORT ?? 30000 + Math.floor(Math.random() * 999) * 10);
const monitorPort = basePort;
export const nodes = [
  { name: 'node1', port: basePort + 1, dir: join(root, 'node1') },
  { name: 'node2', port: basePort + 2, dir: join(root, 'node2') },
];
const monitorDir = join(root, 'monitor');
const monitorUrl = `postgres://autoctl_node@127.0.0.1:${monitorPort}/pg_auto_failover?sslmode=disable`;
const xdg = {
  XDG_CONFIG_HOME: join(root, 'xdg', 'config'),
  XDG_DATA_HOME: join(root, 'xdg', 'data'),
  XDG_RUNTIME_DIR: join(root, 'xdg', 'run'),
};
const pgEnv = ['env', `PATH=${BIN}:/usr/bin:/bin`, ...Object.entries(xdg).map(([k, v]) => `${k}=${v}`)];

export const keepers = new Map<string, ChildProcess>();

/** Runs pg_autoctl (or another PostgreSQL program) as the postgres OS user and returns its output. */
function asPostgres(args: string[], timeout = 120_000): string {
  return execFileSync('runuser', ['-u', 'postgres', '--', ...pgEnv, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout,
  }).toString();
}

/** `pg_autoctl run` (or `create … --run`) for a node, in its own process group, its output in a log file. */
function startKeeper(name: string, args: string[]) {
  const out = join(root, `${name}.log`);
  const child = spawn(
    'sh',
    ['-c', `exec runuser -u postgres -- "$@" >>'${out}' 2>&1`, 'sh', ...pgEnv, ...args],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  keepers.set(name, child);
}

export function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** The processes whose parent is `pid` (a postmaster's backends and auxiliary processes). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export function postmasterPid(dir: string): number | null {
  try {
    return Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

export async function monitorQuery<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({
    connectionString: `postgres://postgres@127.0.0.1:${monitorPort}/pg_auto_failover`,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

type NodeState = { nodename: string; nodeport: number; reportedstate: string; goalstate: string };
export const states = () =>
  monitorQuery<NodeState>(
    'select nodename, nodeport, reportedstate::text, goalstate::text from pgautofailover.node order by nodeid',
  );

export async function waitFor(what: string, ok: () => Promise<boolean>, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if (await ok()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      let tail = '';
      for (const name of ['monitor', ...nodes.map((n) => n.name)]) {
        const file = join(root, `${name}.log`);
        if (existsSync(file)) tail += `\n--- ${name}.log\n${readFileSync(file, 'utf8').slice(-2500)}`;
      }
      throw new Error(`timed out waiting for ${what}${tail}`);
    }
    await sleep(500);
  }
}

async function checkpoint(port: number) {
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('checkpoint');
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startCluster(): Promise<void> {
  mkdirSync(root, { recursive: true });
  for (const dir of Object.values(xdg)) mkdirSync(dir, { recursive: true });
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
  for (const dir of [root, join(root, 'xdg'), ...Object.values(xdg)]) chownSync(dir, uid, gid);

  log(`monitor on 127.0.0.1:${monitorPort}, nodes on ${nodes.map((n) => n.port).join(' and ')}, in ${root}`);
  asPostgres([
    'pg_autoctl',
    'create',
    'monitor',
    '--pgdata',
    monitorDir,
    '--pgport',
    String(monitorPort),
    '--hostname',
    '127.0.0.1',
    '--auth',
    'trust',
    '--no-ssl',
  ]);
  const conf = Object.entries(MONITOR_SETTINGS)
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n');
  execFileSync('runuser', [
    '-u',
    'postgres',
    '--',
    'sh',
    '-c',
    `printf '\n%s\n' "$1" >> '${monitorDir}/postgresql.conf'`,
    'sh',
    conf,
  ]);
  startKeeper('monitor', ['pg_autoctl', 'run', '--pgdata', monitorDir]);
  await waitFor('the monitor', async () => (await monitorQuery('select 1')).length === 1, 60);

  await addNode(0);
}

/** Node `i` joins the formation: the first as a single primary, the second as its synchronous standby. */
export async function addNode(i: number) {
  {
    const node = nodes[i]!;
    startKeeper(node.name, [
      'pg_autoctl',
      'create',
      'postgres',
      '--pgdata',
      node.dir,
      '--pgport',
      String(node.port),
      '--hostname',
      '127.0.0.1',
      '--name',
      node.name,
      '--dbname',
      'izis',
      '--auth',
      'trust',
      '--no-ssl',
      '--monitor',
      monitorUrl,
      '--run',
    ]);
    const want = i === 0 ? ['single'] : ['primary', 'secondary'];
    await waitFor(
      `${node.name} to join (${want.join(', ')})`,
      async () => {
        // pg_autoctl's base backup waits for a spread checkpoint (minutes on an idle primary): ask for it now.
        if (i > 0) await checkpoint(nodes[0]!.port).catch(() => undefined);
        const s = await states();
        return (
          s.length === i + 1 && s.every((n, k) => n.reportedstate === want[k] && n.goalstate === want[k])
        );
      },
      180,
    );
    log(`${node.name} is ${want[i]}`);
  }
}

/** The formation's URI for clients, as pg_autoctl gives it. */
export function formationUrl(hosts: number): string {
  const uri = asPostgres([
    'pg_autoctl',
    'show',
    'uri',
    '--pgdata',
    monitorDir,
    '--formation',
    'default',
  ]).trim();
  log(`the formation's URI: ${uri}`);
  if (uri.split(',').length !== hosts || !uri.includes('target_session_attrs=read-write'))
    throw new Error(`unexpected formation URI ${uri}`);
  // The nodes were made with --no-ssl (loopback); node-postgres reads sslmode=prefer as "verify-full".
  return uri.replace('postgres://', 'postgres://postgres@').replace(/sslmode=[a-z-]+/, 'sslmode=disable');
}

export async function stopCluster() {
  for (const node of [...nodes].reverse()) killGroup(keepers.get(node.name), 'SIGTERM');
  killGroup(keepers.get('monitor'), 'SIGTERM');
  await sleep(2000);
  for (const child of keepers.values()) killGroup(child, 'SIGKILL');
  for (const dir of [...nodes.map((n) => n.dir), monitorDir]) {
    const pid = postmasterPid(dir);
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// IZIS: the database, 200 tenants, two processes.
