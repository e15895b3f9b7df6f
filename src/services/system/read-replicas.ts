import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client';
import { loadDataVersion } from '../../db/data-version';
import { rowsOf } from '../../db/rows';

/** A PostgreSQL streaming replica named in configuration (DATABASE_REPLICA_URLS). */
export type ReadReplica = { name: string; database: Database };

export type ReplicaStatus = {
  name: string;
  reachable: boolean;
  /** How many data versions (committed changes to figures' inputs) the replica is behind the primary. */
  versionsBehind: number | null;
  /** Time since the last transaction the replica replayed was committed on the primary (null: none yet). */
  replayLagSeconds: number | null;
};

/** How long a replica's data version, once read, is trusted as a lower bound before it is read again. */
const VERSION_REFRESH_MS = 100;

/**
 * Heavy reads on PostgreSQL's streaming replicas (issue 15, docs/decisions/0022): statutory reports,
 * dashboards, analyses and the public catalogue may be read from a replica, while a reader who has just
 * written reads at least what they wrote. The rule is the data version (migration 0017): every committed
 * change to a figure's input moves it, on the primary and — replayed — on each replica. A reader who wrote
 * carries the primary's version after their write (`seen`); a replica whose version is at least that has
 * their write, else the read goes to the primary. A replica's version read up to 100 ms ago is a lower
 * bound of its version now (it only grows), so the choice is never too optimistic.
 */
export function createReadRouting(primary: Database, replicas: readonly ReadReplica[]) {
  const known = replicas.map((replica) => ({
    ...replica,
    version: null as bigint | null,
    readAt: 0,
    pending: null as Promise<bigint | null> | null,
  }));
  let next = 0;

  function versionOf(replica: (typeof known)[number]): Promise<bigint | null> {
    if (Date.now() - replica.readAt < VERSION_REFRESH_MS) return Promise.resolve(replica.version);
    replica.pending ??= loadDataVersion(replica.database.db)
      .then(
        (version) => BigInt(version),
        () => null, // unreachable: not used until it answers again
      )
      .then((version) => {
        replica.version = version;
        replica.readAt = Date.now();
        replica.pending = null;
        return version;
      });
    return replica.pending;
  }

  return {
    enabled: known.length > 0,

    /**
     * The database for a heavy read by a reader who has seen the primary at version `seen` (null: nothing
     * written): the replicas in turn, the first that has caught up with `seen`, else the primary.
     */
    async readDb(seen: bigint | null): Promise<{ db: Db; source: string }> {
      for (let i = 0; i < known.length; i++) {
        const replica = known[(next + i) % known.length]!;
        const version = await versionOf(replica);
        if (version !== null && (seen === null || version >= seen)) {
          next = (next + i + 1) % known.length;
          return { db: replica.database.db, source: replica.name };
        }
      }
      return { db: primary.db, source: 'primary' };
    },

    /** The primary's data version now: what a reader has seen once their write committed. */
    primaryVersion: () => loadDataVersion(primary.db),

    /** Each replica's distance from the primary, for the readiness endpoint. */
    async status(): Promise<ReplicaStatus[]> {
      if (!known.length) return [];
      const primaryVersion = BigInt(await loadDataVersion(primary.db));
      return Promise.all(
        known.map(async (replica) => {
          try {
            const [row] = rowsOf<{ version: string; lag: number | null }>(
              await replica.database.db
                .execute(sql`select (select version::text from data_version) as version,
                extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as lag`),
            );
            return {
              name: replica.name,
              reachable: true,
              versionsBehind: row ? Number(primaryVersion - BigInt(row.version)) : null,
              replayLagSeconds: row?.lag === null || row?.lag === undefined ? null : Math.max(0, row.lag),
            };
          } catch {
            return { name: replica.name, reachable: false, versionsBehind: null, replayLagSeconds: null };
          }
        }),
      );
    },
  };
}

export type ReadRouting = ReturnType<typeof createReadRouting>;
