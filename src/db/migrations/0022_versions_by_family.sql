-- Issue 15: kept views versioned by what they read (docs/decisions/0029). The one data version (0017) moves on
-- every tracked change, so a tenant saving a draft made every process recompute the dashboard, the watch list,
-- Biểu 04 and the analysis, although a draft is no figure's input. Three more numbers on the same row, each
-- moved by the same deferred, once-per-transaction trigger:
--
--   records_version  — every tracked change outside the filings (report_filing, report_revision,
--                      report_filing_removed): the registry, the ledger, monitoring, plans, compilations…;
--   accepted_version — a change to a filing or revision that carries accepted state before or after it
--                      (report_filing.accepted_revision set; report_revision.state 'accepted'), and any
--                      filing removed;
--   filed_version    — a filing added or removed, or changed in what a completeness table reads (status,
--                      first submission, its key and scope columns).
--
-- So a draft saved on a filing that was never accepted moves only `version`; a first draft or a submission
-- moves `filed_version`; an acceptance moves `accepted_version` and `filed_version`. A view's fingerprint is
-- the numbers of the families it reads (src/db/data-version.ts). `version` keeps its meaning (replicas,
-- restore).
ALTER TABLE data_version ADD COLUMN records_version bigint NOT NULL DEFAULT 1;
--> statement-breakpoint
ALTER TABLE data_version ADD COLUMN records_txid bigint;
--> statement-breakpoint
ALTER TABLE data_version ADD COLUMN accepted_version bigint NOT NULL DEFAULT 1;
--> statement-breakpoint
ALTER TABLE data_version ADD COLUMN accepted_txid bigint;
--> statement-breakpoint
ALTER TABLE data_version ADD COLUMN filed_version bigint NOT NULL DEFAULT 1;
--> statement-breakpoint
ALTER TABLE data_version ADD COLUMN filed_txid bigint;
--> statement-breakpoint
UPDATE data_version SET records_version = version, accepted_version = version, filed_version = version;
--> statement-breakpoint
-- The trigger function of every tracked table (0017), now also telling which families a row change moves.
-- A TRUNCATE (statement level) moves every family.
CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t bigint := txid_current();
  records boolean := true;
  accepted boolean := true;
  filed boolean := true;
BEGIN
  IF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'report_filing' THEN
    records := false;
    IF TG_OP = 'INSERT' THEN
      accepted := NEW.accepted_revision IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
      accepted := OLD.accepted_revision IS NOT NULL;
    ELSE
      accepted := OLD.accepted_revision IS NOT NULL OR NEW.accepted_revision IS NOT NULL;
      filed := (OLD.status, OLD.first_submitted_at, OLD.form_code, OLD.period, OLD.reporter_kind, OLD.reporter_ref,
          OLD.zone_id, OLD.commune_id, OLD.organisation_id, OLD.family, OLD.due_at)
        IS DISTINCT FROM (NEW.status, NEW.first_submitted_at, NEW.form_code, NEW.period, NEW.reporter_kind,
          NEW.reporter_ref, NEW.zone_id, NEW.commune_id, NEW.organisation_id, NEW.family, NEW.due_at);
    END IF;
  ELSIF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'report_revision' THEN
    records := false;
    filed := false;
    IF TG_OP = 'INSERT' THEN
      accepted := NEW.state = 'accepted';
    ELSIF TG_OP = 'DELETE' THEN
      accepted := OLD.state = 'accepted';
    ELSE
      accepted := OLD.state = 'accepted' OR NEW.state = 'accepted';
    END IF;
  ELSIF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'report_filing_removed' THEN
    records := false;
  ELSE
    accepted := false;
    filed := false;
  END IF;
  IF TG_LEVEL = 'STATEMENT' THEN
    records := true;
    accepted := true;
    filed := true;
  END IF;
  UPDATE data_version SET
    version = CASE WHEN last_txid IS DISTINCT FROM t THEN version + 1 ELSE version END,
    last_txid = t,
    records_version = CASE WHEN records AND records_txid IS DISTINCT FROM t
      THEN records_version + 1 ELSE records_version END,
    records_txid = CASE WHEN records THEN t ELSE records_txid END,
    accepted_version = CASE WHEN accepted AND accepted_txid IS DISTINCT FROM t
      THEN accepted_version + 1 ELSE accepted_version END,
    accepted_txid = CASE WHEN accepted THEN t ELSE accepted_txid END,
    filed_version = CASE WHEN filed AND filed_txid IS DISTINCT FROM t THEN filed_version + 1 ELSE filed_version END,
    filed_txid = CASE WHEN filed THEN t ELSE filed_txid END
  WHERE id AND (last_txid IS DISTINCT FROM t OR (records AND records_txid IS DISTINCT FROM t)
    OR (accepted AND accepted_txid IS DISTINCT FROM t) OR (filed AND filed_txid IS DISTINCT FROM t));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A jump of the data version (a restore, a bulk load that bumps it by hand): anything may have changed, every
-- family moves past every number it can have shown (as the registry version does, 0021).
CREATE OR REPLACE FUNCTION data_version_jump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version > OLD.version + 1 OR NEW.version < OLD.version THEN
    NEW.registry_version := greatest(NEW.registry_version + 1, NEW.version);
    NEW.records_version := greatest(NEW.records_version + 1, NEW.version);
    NEW.accepted_version := greatest(NEW.accepted_version + 1, NEW.version);
    NEW.filed_version := greatest(NEW.filed_version + 1, NEW.version);
  END IF;
  RETURN NEW;
END;
$$;
