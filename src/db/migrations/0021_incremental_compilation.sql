-- Issue 15: Biểu 03/04 kept live at national scale by updating the kept aggregation with only what changed
-- (docs/decisions/0025). Two things the reports need to know cheaply, whatever the size of the registry:
--
-- 1. Whether the registry changed: `data_version.registry_version`, moved once per committed transaction
--    that changes a zone, its lifecycle or master plan, an organisation, a project or an administrative unit
--    (the same deferred, once-per-transaction trigger as the data version, migration 0017).
-- 2. Which filings changed: each report_filing row carries the transaction that last wrote it
--    (`change_xid`, pg_current_xact_id), indexed by (form_code, period, change_xid). A reader remembers the
--    oldest transaction still running when it read (pg_snapshot_xmin of its snapshot): any row committed
--    after that read has a change_xid at or above it. (A sequence would not do: its numbers are taken in
--    statement order, not commit order, so a later reader could skip a number still uncommitted.)
--    A row that leaves its (form, period) — deleted, or moved by an update — leaves a tombstone in
--    report_filing_removed; a TRUNCATE leaves one without an id (read everything again).
ALTER TABLE data_version ADD COLUMN registry_version bigint NOT NULL DEFAULT 1;
--> statement-breakpoint
ALTER TABLE data_version ADD COLUMN registry_txid bigint;
--> statement-breakpoint
-- Never above the data version (each registry change moves both), so a jump of the data version (below)
-- can move it past every number it has shown.
UPDATE data_version SET registry_version = version;
--> statement-breakpoint
CREATE FUNCTION registry_version_bump() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE data_version SET registry_version = registry_version + 1, registry_txid = txid_current()
  WHERE id AND registry_txid IS DISTINCT FROM txid_current();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A move of the data version by more than one commit is not a commit's: a restore (izis restore adds the
-- clock's milliseconds) or a bulk load that bumps it by hand. Anything may have changed: the registry
-- version moves past every number it can have shown.
CREATE FUNCTION data_version_jump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version > OLD.version + 1 OR NEW.version < OLD.version THEN
    NEW.registry_version := greatest(NEW.registry_version + 1, NEW.version);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER data_version_jump BEFORE UPDATE ON data_version FOR EACH ROW EXECUTE FUNCTION data_version_jump();
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['zone', 'zone_lifecycle_event', 'master_plan_entry', 'organisation', 'project', 'admin_unit']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
      'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_version_bump()',
      'registry_version_' || t, t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION registry_version_bump()',
      'registry_version_truncate_' || t, t);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- Rows written before this migration carry 0: every reader starts with a full read.
ALTER TABLE report_filing ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE report_filing ALTER COLUMN change_xid SET DEFAULT (pg_current_xact_id()::text::bigint);
--> statement-breakpoint
CREATE INDEX report_filing_change_idx ON report_filing USING btree (form_code, period, change_xid);
--> statement-breakpoint
CREATE TABLE report_filing_removed (
  -- Null: the table was truncated (every period).
  filing_id uuid,
  form_code text,
  period text,
  change_xid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint)
);
--> statement-breakpoint
CREATE INDEX report_filing_removed_idx ON report_filing_removed USING btree (period, change_xid);
--> statement-breakpoint
SELECT data_version_track('report_filing_removed');
--> statement-breakpoint
CREATE FUNCTION report_filing_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO report_filing_removed (filing_id, form_code, period) VALUES (OLD.id, OLD.form_code, OLD.period);
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.id, OLD.form_code, OLD.period) IS DISTINCT FROM (NEW.id, NEW.form_code, NEW.period) THEN
    INSERT INTO report_filing_removed (filing_id, form_code, period) VALUES (OLD.id, OLD.form_code, OLD.period);
  END IF;
  NEW.change_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_filing_change BEFORE INSERT OR UPDATE OR DELETE ON report_filing
  FOR EACH ROW EXECUTE FUNCTION report_filing_changed();
--> statement-breakpoint
CREATE FUNCTION report_filing_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_filing_removed (filing_id, form_code, period) VALUES (NULL, NULL, NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_filing_truncate AFTER TRUNCATE ON report_filing
  FOR EACH STATEMENT EXECUTE FUNCTION report_filing_truncated();
