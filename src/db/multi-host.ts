/**
 * libpq's multi-host connection URI for node-postgres, which has none (ADR 0024). A failover tool such as
 * pg_auto_failover hands its clients one URL naming every node,
 *
 *   postgres://user@node1:5432,node2:5432/izis?target_session_attrs=read-write&sslmode=require
 *
 * and libpq's documented rule (PostgreSQL manual, 34.1.1.3 "Specifying Multiple Hosts"; `target_session_attrs`):
 * the hosts are tried in the order given; with `read-write` a connection is kept only if the server accepts
 * writes (`SHOW transaction_read_only` is `off`), otherwise it is closed and the next host is tried; with
 * `any` (the default) the first host that accepts a connection is kept; `connect_timeout` is per host.
 * That is all this module does — no other `target_session_attrs` value, no `host=`/`port=` lists in the query
 * string, no load balancing. A single-host URL without `target_session_attrs` never comes here.
 *
 * How: the pool's connections are a `pg.Client` subclass. Its `connect` first finds the host with a short
 * probe connection (node-postgres cannot reconnect a client to another host), then connects itself there
 * and checks again on its own session before the pool gets it. A connection that later fails as a lost
 * database (db/unavailable.ts: 25006 read-only, 57P01 shutdown, a dead socket) is released to the pool as
 * failed, so the pool drops it and the next connection looks for the primary afresh.
 */
import pg from 'pg';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './unavailable';

export type TargetSessionAttrs = 'any' | 'read-write';
export type HostPort = { host: string; port: number };

export type MultiHostUrl = {
  hosts: HostPort[];
  targetSessionAttrs: TargetSessionAttrs;
  /** libpq's `connect_timeout` (seconds in the URL), per host; undefined when the URL does not set it. */
  connectTimeoutMs: number | undefined;
  /** The same URL naming one host, without `target_session_attrs` (what node-postgres understands). */
  urlFor(host: HostPort): string;
};

const DEFAULT_PORT = 5432;

function parseHost(entry: string, url: string): HostPort {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  const plain = /^([^:[\]]*)(?::(\d+))?$/.exec(entry);
  const match = v6 ?? plain;
  if (!match || !match[1]) throw new Error(`database URL ${redact(url)}: cannot read the host "${entry}"`);
  return { host: match[1], port: match[2] ? Number(match[2]) : DEFAULT_PORT };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

/**
 * Reads a libpq connection URI. Returns null for what node-postgres handles itself: one host and no
 * `target_session_attrs` (such a URL keeps behaving exactly as before).
 */
export function parseMultiHostUrl(url: string): MultiHostUrl | null {
  const match = /^(postgres(?:ql)?:\/\/)(?:([^@/?#]*)@)?([^/?#]*)([^?#]*)(?:\?([^#]*))?/.exec(url);
  if (!match) return null;
  const [, scheme, userinfo, hostList = '', path = '', query = ''] = match;
  const params = new URLSearchParams(query);
  const attrs = params.get('target_session_attrs');
  const entries = hostList.split(',');
  if (entries.length === 1 && attrs === null) return null;
  if (attrs !== null && attrs !== 'any' && attrs !== 'read-write') {
    throw new Error(
      `database URL ${redact(url)}: target_session_attrs=${attrs} is not supported (IZIS knows any and read-write)`,
    );
  }
  const hosts = entries.map((entry) => parseHost(entry, url));
  params.delete('target_session_attrs');
  const timeout = params.get('connect_timeout');
  const rest = params.toString();
  return {
    hosts,
    targetSessionAttrs: attrs ?? 'any',
    // libpq: seconds; 0 or a negative means wait forever, and a value under 2 is taken as 2.
    connectTimeoutMs: timeout && Number(timeout) > 0 ? Math.max(2, Number(timeout)) * 1000 : undefined,
    urlFor: ({ host, port }) =>
      `${scheme}${userinfo !== undefined ? `${userinfo}@` : ''}${host.includes(':') ? `[${host}]` : host}:${port}${path}${rest ? `?${rest}` : ''}`,
  };
}

async function readOnly(client: pg.Client): Promise<boolean> {
  const result = await client.query<{ transaction_read_only: string }>('show transaction_read_only');
  return result.rows[0]?.transaction_read_only === 'on';
}

const label = (h: HostPort) => `${h.host}:${h.port}`;

/**
 * Finds the first host of `target` that accepts a connection of the kind asked for, by connecting to each in
 * order (libpq's rule); throws DatabaseUnavailableError naming why each host was passed over.
 */
export async function findHost(
  target: MultiHostUrl,
  options: { connectionTimeoutMillis?: number } = {},
): Promise<HostPort> {
  const passed: string[] = [];
  for (const host of target.hosts) {
    const probe = new pg.Client({
      connectionString: target.urlFor(host),
      connectionTimeoutMillis: target.connectTimeoutMs ?? options.connectionTimeoutMillis ?? 0,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      if (target.targetSessionAttrs === 'read-write' && (await readOnly(probe))) {
        passed.push(`${label(host)}: read-only (a standby)`);
        continue;
      }
      return host;
    } catch (error) {
      passed.push(`${label(host)}: ${(error as Error).message || String(error)}`);
    } finally {
      await probe.end().catch(() => undefined);
    }
  }
  throw new DatabaseUnavailableError(
    `no host accepted a ${target.targetSessionAttrs === 'read-write' ? 'read-write ' : ''}connection (${passed.join('; ')})`,
  );
}

type Release = (err?: Error | boolean) => void;

/** The pool's client class for `target`: see the module comment. */
export function multiHostClient(target: MultiHostUrl): typeof pg.Client {
  return class MultiHostClient extends pg.Client {
    private readonly timeoutMs: number;

    constructor(config: pg.ClientConfig = {}) {
      // node-postgres would misread the host list: every connection starts addressed to the first host
      // and is pointed at the chosen one in connect().
      super({ ...config, connectionString: target.urlFor(target.hosts[0]!) });
      this.timeoutMs = config.connectionTimeoutMillis ?? 0;
    }

    // @ts-expect-error -- one implementation for both of pg's overloads (callback and promise)
    override connect(callback?: (err: Error | undefined) => void): Promise<pg.Client> | void {
      const done = this.connectToTarget();
      if (!callback) return done;
      done.then(
        () => callback(undefined),
        (error: Error) => callback(error),
      );
    }

    private async connectToTarget(): Promise<pg.Client> {
      const host = await findHost(target, { connectionTimeoutMillis: this.timeoutMs });
      this.host = host.host;
      this.port = host.port;
      const params = (this as unknown as { connectionParameters: { host: string; port: number } })
        .connectionParameters;
      params.host = host.host;
      params.port = host.port;
      await super.connect();
      if (target.targetSessionAttrs === 'read-write' && (await readOnly(this as unknown as pg.Client))) {
        // The host changed role between the probe and this connection (a failover under way).
        await this.end().catch(() => undefined);
        throw new DatabaseUnavailableError(`${label(host)} became read-only while connecting`);
      }
      return this as unknown as pg.Client;
    }

    // @ts-expect-error -- pass-through of every overload of pg's query
    override query(...args: unknown[]): unknown {
      const result = (super.query as (...a: unknown[]) => unknown).apply(this, args);
      if (result instanceof Promise) {
        return result.catch((error: unknown) => {
          this.discardIfLost(error);
          throw error;
        });
      }
      return result;
    }

    /**
     * A connection whose server is gone or read-only must not go back to the pool: the pool's documented
     * `release(err)` destroys it instead. (A query through `pool.query` is released with its error anyway.)
     */
    private discardIfLost(error: unknown) {
      if (!isDatabaseUnavailable(error)) return;
      const self = this as unknown as { release?: Release };
      const release = self.release;
      if (typeof release !== 'function' || (release as { discards?: boolean }).discards) return;
      const discarding: Release = (err) => release(err || (error as Error));
      (discarding as { discards?: boolean }).discards = true;
      self.release = discarding;
    }
  } as unknown as typeof pg.Client;
}

/**
 * The one-host URL of the server libpq's rule chooses now (a multi-host URL), or `url` itself: for a tool
 * that needs a plain `pg.Client` and then a program on the same server (a backup's exported snapshot).
 */
export async function resolveHostUrl(url: string): Promise<string> {
  const target = parseMultiHostUrl(url);
  return target ? target.urlFor(await findHost(target)) : url;
}
