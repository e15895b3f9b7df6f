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
] as const;
