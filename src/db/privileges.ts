import type { Database } from './client';

/**
 * The database role the application acts as (docs/decisions/0004): it may read and write the registry's
 * tables but owns nothing, so it cannot ALTER or DROP a table, disable a trigger or replace a function, and
 * it may not INSERT, UPDATE or DELETE audit rows: those go through `audit_append` only. Created by
 * migration 0009; the migrations themselves run as the owner.
 */
export const appRole = 'izis_app';

/** Tables the application reads but never writes directly (audit rows staged by `audit_append`: 0024). */
const readOnlyTables = ['audit_log', 'audit_chain_head', 'audit_pending', 'data_version'];

/**
 * Grants the application role its rights on every table and sequence the owner has — run after the
 * migrations on every start, so a table added by a later migration is covered without a grant of its own
 * (default privileges cover tables created between two starts, e.g. by hand). Idempotent.
 */
export const grantAppRoleSql = `
DO $grant$
DECLARE
  t record;
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', '${appRole}');
  FOR t IN
    SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
      AND pg_get_userbyid(c.relowner) = current_user
  LOOP
    IF t.relkind = 'S' THEN
      EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE public.%I TO %I', t.relname, '${appRole}');
    ELSIF t.relkind IN ('v', 'm') OR t.relname IN (${readOnlyTables.map((n) => `'${n}'`).join(', ')}) THEN
      EXECUTE format('REVOKE ALL ON TABLE public.%I FROM %I', t.relname, '${appRole}');
      EXECUTE format('GRANT SELECT ON TABLE public.%I TO %I', t.relname, '${appRole}');
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLE public.%I TO %I',
        t.relname, '${appRole}');
    END IF;
  END LOOP;
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO %I', '${appRole}');
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', '${appRole}');
  -- The health check reads the schema version.
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA drizzle TO %I', '${appRole}');
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO %I', '${appRole}');
  END IF;
  -- A non-superuser owner must be a member to act as the role (SET ROLE) on its own connections.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
     AND NOT pg_has_role(current_user, '${appRole}', 'MEMBER') THEN
    EXECUTE format('GRANT %I TO %I', '${appRole}', current_user);
  END IF;
END;
$grant$`;

export async function grantAppRole(database: Database): Promise<void> {
  await database.query(grantAppRoleSql);
}

/**
 * Makes an owner's connection act as the application role. PGlite has one session: `SET ROLE` for the
 * rest of it. A PostgreSQL pool instead connects with the role set (`openPostgres(url, { role })`).
 */
export async function actAsAppRole(database: Database): Promise<void> {
  if (database.kind !== 'pglite') throw new Error('actAsAppRole: reopen the PostgreSQL pool with { role }');
  await database.query(`SET ROLE ${appRole}`);
}
