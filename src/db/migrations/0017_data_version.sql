-- One number that changes whenever a committed transaction changes a figure's input (docs/decisions/0017).
--
-- Computed views (the dashboard, the analysis, the plan page) are kept in memory beside the version they
-- were computed at and served again only while it is unchanged; any process on the database sees the same
-- number, so a figure is never older than a change made through another process. Reading it costs one row,
-- whatever the size of the registry.
--
-- The version is bumped by a deferred constraint trigger on every row change of a tracked table, once per
-- transaction, at commit: the one row's lock is the last a writer takes and is held only while it commits,
-- so it cannot deadlock with the rows a transaction writes (nor with audit_chain_head). A rolled-back
-- transaction leaves it unchanged. Readers read the version first and their data after it, so data can
-- only be newer than the version it is stored with — never older.
CREATE TABLE data_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL,
  -- The transaction that last bumped it: the row triggers of that transaction's other rows do nothing.
  last_txid bigint
);
--> statement-breakpoint
INSERT INTO data_version (id, version) VALUES (true, 1);
--> statement-breakpoint
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE data_version SET version = version + 1, last_txid = txid_current()
  WHERE id AND last_txid IS DISTINCT FROM txid_current();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Tracks one table: row changes bump at commit; TRUNCATE (no row triggers) bumps at once.
CREATE FUNCTION data_version_track(t regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  name text := (SELECT relname FROM pg_class WHERE oid = t);
BEGIN
  EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %s '
    'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump()',
    'data_version_' || name, t);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()',
    'data_version_truncate_' || name, t);
END;
$$;
--> statement-breakpoint
-- Every table of the schema is tracked except those that hold no figure's input: accounts, sessions and
-- their throttling, roles, the audit trail (an "as of" computation reads only its past), notifications and
-- mail, running imports, briefings (documents written from the figures), PostGIS's catalogue and this one.
-- A table added later is tracked by its own migration (SELECT data_version_track('new_table')); a db-tier
-- test fails on a table that is neither tracked nor listed in src/db/data-version.ts.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND c.relname NOT IN ('app_user', 'user_session', 'login_attempt', 'role', 'role_permission',
        'role_assignment', 'audit_log', 'audit_chain_head', 'notification', 'outbound_mail', 'import_run',
        'briefing', 'briefing_template', 'spatial_ref_sys', 'data_version')
  LOOP
    PERFORM data_version_track(t.oid);
  END LOOP;
END;
$$;
