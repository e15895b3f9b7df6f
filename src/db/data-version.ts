import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { rowsOf } from './rows';

/**
 * The database's data version (migration 0017, docs/decisions/0017): a number that a committed change to any
 * figure's input increases, whichever process made it — by a service, an import or plain SQL. One row, so
 * reading it costs the same at any scale.
 */
export async function loadDataVersion(db: Db): Promise<string> {
  const [row] = rowsOf<{ version: string }>(
    await db.execute(sql`select version::text as version from data_version`),
  );
  return row?.version ?? '0';
}

/**
 * What a kept view reads, each family with its own number on the data version's row (migration 0022,
 * docs/decisions/0029):
 * - `records`: every tracked table but the filings' (report_filing, report_revision, report_filing_removed);
 * - `accepted`: a filing or revision carrying accepted state before or after a change, and any filing removed;
 * - `filed`: a filing added or removed, or changed in status, first submission, key or scope.
 * A draft saved on a filing never accepted moves none of them (only the data version).
 */
export type VersionFamily = 'records' | 'accepted' | 'filed';

export type Versions = Record<VersionFamily, string> & { data: string };

/** Every family's number, in one row read (the same cost as the data version's). */
export async function loadVersions(db: Db): Promise<Versions> {
  const [row] = rowsOf<{ data: string; records: string; accepted: string; filed: string }>(
    await db.execute(sql`select version::text as data, records_version::text as records,
      accepted_version::text as accepted, filed_version::text as filed from data_version`),
  );
  return row ?? { data: '0', records: '0', accepted: '0', filed: '0' };
}

/** The fingerprint of a view that reads `families`: it changes whenever one of their numbers does. */
export function fingerprintOf(versions: Versions, families: readonly VersionFamily[]): string {
  return families.map((f) => `${f[0]}${versions[f]}`).join('.');
}

/** The versions of `families`, read now, as one fingerprint. */
export async function loadFingerprint(db: Db, families: readonly VersionFamily[]): Promise<string> {
  return fingerprintOf(await loadVersions(db), families);
}

/** Tables that hold no figure's input and are not tracked (the list in migration 0017). */
export const untrackedTables = [
  'app_user',
  'user_session',
  'login_attempt',
  'role',
  'role_permission',
  'role_assignment',
  'audit_log',
  'audit_chain_head',
  // Audit rows staged until their transaction commits (migration 0024).
  'audit_pending',
  'notification',
  'outbound_mail',
  'import_run',
  'briefing',
  'briefing_template',
  'spatial_ref_sys',
  'data_version',
  // Investor inquiries (migration 0019): correspondence, not a figure's input.
  'inquiry',
  'inquiry_event',
  'inquiry_challenge_used',
  // National exchange packages received (migration 0020): kept as sent, not a figure of this province.
  'exchange_submission',
] as const;
