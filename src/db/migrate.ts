import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './client';
import { grantAppRole } from './privileges';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

type Journal = { entries: { idx: number; tag: string }[] };

let journal: Journal | undefined;

/** The migrations this build ships (read once: the files do not change while IZIS runs). */
export function migrationJournal(): Journal {
  journal ??= JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
  return journal;
}

/** The tag of the newest migration this build ships. */
export function latestMigrationTag(): string {
  const entries = migrationJournal().entries;
  return entries[entries.length - 1]?.tag ?? 'none';
}

/**
 * Applies every pending migration (append-only SQL in src/db/migrations), in one transaction, then grants
 * the application role its rights on whatever the migrations created. Run as the database owner.
 */
export async function applyMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  }
  await grantAppRole(database);
}

/** The schema version the database is at: the tag of the last applied migration. */
export async function schemaVersion(database: Database): Promise<string> {
  const rows = await database.query<{ n: string | number }>(
    'select count(*) as n from drizzle.__drizzle_migrations',
  );
  const applied = Number(rows[0]?.n ?? 0);
  return migrationJournal().entries[applied - 1]?.tag ?? 'none';
}
