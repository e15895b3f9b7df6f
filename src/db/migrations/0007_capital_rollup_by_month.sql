CREATE TABLE "capital_rollup_family" (
	"family" text NOT NULL,
	"month" date NOT NULL,
	"currency" text NOT NULL,
	"owner" text NOT NULL,
	"new_events" integer DEFAULT 0 NOT NULL,
	"new_amount" numeric DEFAULT '0' NOT NULL,
	"increase_events" integer DEFAULT 0 NOT NULL,
	"increase_amount" numeric DEFAULT '0' NOT NULL,
	"decrease_events" integer DEFAULT 0 NOT NULL,
	"decrease_amount" numeric DEFAULT '0' NOT NULL,
	"termination_events" integer DEFAULT 0 NOT NULL,
	"termination_amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "capital_rollup_family_pkey" PRIMARY KEY("month","currency","family","owner")
);
--> statement-breakpoint
CREATE TABLE "capital_rollup_zone" (
	"zone_id" uuid NOT NULL,
	"month" date NOT NULL,
	"currency" text NOT NULL,
	"owner" text NOT NULL,
	"new_events" integer DEFAULT 0 NOT NULL,
	"new_amount" numeric DEFAULT '0' NOT NULL,
	"increase_events" integer DEFAULT 0 NOT NULL,
	"increase_amount" numeric DEFAULT '0' NOT NULL,
	"decrease_events" integer DEFAULT 0 NOT NULL,
	"decrease_amount" numeric DEFAULT '0' NOT NULL,
	"termination_events" integer DEFAULT 0 NOT NULL,
	"termination_amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "capital_rollup_zone_pkey" PRIMARY KEY("month","currency","zone_id","owner")
);
--> statement-breakpoint
ALTER TABLE "capital_rollup_zone" ADD CONSTRAINT "capital_rollup_zone_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capital_rollup_family_empty_idx" ON "capital_rollup_family" USING btree ("family") WHERE new_events = 0 and increase_events = 0 and decrease_events = 0 and termination_events = 0;--> statement-breakpoint
CREATE INDEX "capital_rollup_zone_zone_idx" ON "capital_rollup_zone" USING btree ("zone_id","month");--> statement-breakpoint
CREATE INDEX "capital_rollup_zone_empty_idx" ON "capital_rollup_zone" USING btree ("zone_id") WHERE new_events = 0 and increase_events = 0 and decrease_events = 0 and termination_events = 0;--> statement-breakpoint
-- Hand-written below. Migration 0005's roll-up (per family and day with running totals, recomputed from the
-- earliest changed day on every ledger write) is replaced: each write now adds its own events' deltas to one
-- row per (zone, month, currency, owner group) and one per (family, month, currency, owner group), whatever the
-- size of the ledger, and every scope (zone, commune, developer, family) has a roll-up to read.
DROP TRIGGER investment_event_rollup_insert ON investment_event;
--> statement-breakpoint
DROP TRIGGER investment_event_rollup_update ON investment_event;
--> statement-breakpoint
DROP TRIGGER investment_event_rollup_delete ON investment_event;
--> statement-breakpoint
DROP TRIGGER project_rollup_move ON project;
--> statement-breakpoint
DROP TRIGGER zone_rollup_family ON zone;
--> statement-breakpoint
DROP FUNCTION capital_rollup_on_events();
--> statement-breakpoint
DROP FUNCTION capital_rollup_on_move();
--> statement-breakpoint
DROP FUNCTION capital_rollup_rebuild();
--> statement-breakpoint
DROP FUNCTION capital_rollup_refresh(text[], text[], date);
--> statement-breakpoint
DROP TABLE capital_rollup;
--> statement-breakpoint
ALTER TABLE capital_rollup_zone ADD CONSTRAINT capital_rollup_zone_row_check
  CHECK (extract(day FROM month) = 1 AND owner IN ('fdi', 'domestic', 'unknown'));
--> statement-breakpoint
ALTER TABLE capital_rollup_family ADD CONSTRAINT capital_rollup_family_row_check
  CHECK (extract(day FROM month) = 1 AND owner IN ('fdi', 'domestic', 'unknown') AND family IN ('KCN', 'CCN'));
--> statement-breakpoint
-- The owner group of an investor, as capital totals split it: FDI, domestic (any other known ownership), unknown.
CREATE FUNCTION capital_owner(ownership text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN ownership = 'fdi' THEN 'fdi' WHEN ownership IS NULL THEN 'unknown' ELSE 'domestic' END
$$;
--> statement-breakpoint
-- The family of a zone kind: CCN, or KCN for KCN, KCX and KCNC (as zoneFamilySql).
CREATE FUNCTION capital_family(kind text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN kind = 'CCN' THEN 'CCN' ELSE 'KCN' END
$$;
--> statement-breakpoint
-- The statement that adds a set of signed ledger changes to both roll-ups. `changes` is a query returning
-- (zone_id, family, owner, kind, event_date, amount, currency, sign), sign +1 to add an event, -1 to take it
-- away. Changes that cancel out (an event edited without changing its kind, amount, currency, month, or a
-- project moved within a family) write nothing. Rows are upserted in key order.
CREATE FUNCTION capital_rollup_merge_sql(changes text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH changes AS (%s),
    delta AS (
      SELECT zone_id, family, owner, currency, date_trunc('month', event_date::timestamp)::date AS month,
        coalesce(sum(sign) FILTER (WHERE kind = 'new'), 0)::int AS new_events,
        coalesce(sum(sign * amount) FILTER (WHERE kind = 'new'), 0) AS new_amount,
        coalesce(sum(sign) FILTER (WHERE kind = 'increase'), 0)::int AS increase_events,
        coalesce(sum(sign * amount) FILTER (WHERE kind = 'increase'), 0) AS increase_amount,
        coalesce(sum(sign) FILTER (WHERE kind = 'decrease'), 0)::int AS decrease_events,
        coalesce(sum(sign * amount) FILTER (WHERE kind = 'decrease'), 0) AS decrease_amount,
        coalesce(sum(sign) FILTER (WHERE kind = 'termination'), 0)::int AS termination_events,
        coalesce(sum(sign * amount) FILTER (WHERE kind = 'termination'), 0) AS termination_amount
      FROM changes GROUP BY 1, 2, 3, 4, 5
    ),
    by_zone AS (
      SELECT zone_id, month, currency, owner,
        sum(new_events)::int AS new_events, sum(new_amount) AS new_amount,
        sum(increase_events)::int AS increase_events, sum(increase_amount) AS increase_amount,
        sum(decrease_events)::int AS decrease_events, sum(decrease_amount) AS decrease_amount,
        sum(termination_events)::int AS termination_events, sum(termination_amount) AS termination_amount
      FROM delta GROUP BY zone_id, month, currency, owner
      HAVING sum(new_events) <> 0 OR sum(new_amount) <> 0 OR sum(increase_events) <> 0
        OR sum(increase_amount) <> 0 OR sum(decrease_events) <> 0 OR sum(decrease_amount) <> 0
        OR sum(termination_events) <> 0 OR sum(termination_amount) <> 0
    ),
    by_family AS (
      SELECT family, month, currency, owner,
        sum(new_events)::int AS new_events, sum(new_amount) AS new_amount,
        sum(increase_events)::int AS increase_events, sum(increase_amount) AS increase_amount,
        sum(decrease_events)::int AS decrease_events, sum(decrease_amount) AS decrease_amount,
        sum(termination_events)::int AS termination_events, sum(termination_amount) AS termination_amount
      FROM delta GROUP BY family, month, currency, owner
      HAVING sum(new_events) <> 0 OR sum(new_amount) <> 0 OR sum(increase_events) <> 0
        OR sum(increase_amount) <> 0 OR sum(decrease_events) <> 0 OR sum(decrease_amount) <> 0
        OR sum(termination_events) <> 0 OR sum(termination_amount) <> 0
    ),
    zone_rows AS (
      INSERT INTO capital_rollup_zone AS r (zone_id, month, currency, owner, new_events, new_amount,
        increase_events, increase_amount, decrease_events, decrease_amount, termination_events, termination_amount)
      SELECT * FROM by_zone ORDER BY month, currency, zone_id, owner
      ON CONFLICT (month, currency, zone_id, owner) DO UPDATE SET
        new_events = r.new_events + excluded.new_events, new_amount = r.new_amount + excluded.new_amount,
        increase_events = r.increase_events + excluded.increase_events,
        increase_amount = r.increase_amount + excluded.increase_amount,
        decrease_events = r.decrease_events + excluded.decrease_events,
        decrease_amount = r.decrease_amount + excluded.decrease_amount,
        termination_events = r.termination_events + excluded.termination_events,
        termination_amount = r.termination_amount + excluded.termination_amount
    )
    INSERT INTO capital_rollup_family AS r (family, month, currency, owner, new_events, new_amount,
      increase_events, increase_amount, decrease_events, decrease_amount, termination_events, termination_amount)
    SELECT * FROM by_family ORDER BY month, currency, family, owner
    ON CONFLICT (month, currency, family, owner) DO UPDATE SET
      new_events = r.new_events + excluded.new_events, new_amount = r.new_amount + excluded.new_amount,
      increase_events = r.increase_events + excluded.increase_events,
      increase_amount = r.increase_amount + excluded.increase_amount,
      decrease_events = r.decrease_events + excluded.decrease_events,
      decrease_amount = r.decrease_amount + excluded.decrease_amount,
      termination_events = r.termination_events + excluded.termination_events,
      termination_amount = r.termination_amount + excluded.termination_amount
  $q$, changes)
$f$;
--> statement-breakpoint
-- Removes the rows whose events have all been taken away (partial indexes: cheap when there are none).
CREATE FUNCTION capital_rollup_prune() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM capital_rollup_zone
   WHERE new_events = 0 AND increase_events = 0 AND decrease_events = 0 AND termination_events = 0;
  DELETE FROM capital_rollup_family
   WHERE new_events = 0 AND increase_events = 0 AND decrease_events = 0 AND termination_events = 0;
$$;
--> statement-breakpoint
-- Every roll-up write takes this transaction-level lock first, so concurrent ledger writes update the shared
-- family rows one transaction after the other and can never deadlock on them.
CREATE FUNCTION capital_rollup_lock() RETURNS void
LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(hashtext('capital_rollup')) $$;
--> statement-breakpoint
-- The ledger as changes: every event of the projects the condition selects, with zone, family and owner group.
CREATE FUNCTION capital_rollup_ledger_sql(zone_id text, family text, owner text, sign int, condition text)
RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    SELECT %s AS zone_id, %s AS family, %s AS owner, e.kind, e.event_date, e.amount, e.currency, %s AS sign
    FROM investment_event e JOIN project p ON p.id = e.project_id JOIN zone z ON z.id = p.zone_id
      JOIN organisation o ON o.id = p.investor_id
    WHERE %s $q$, zone_id, family, owner, sign, condition)
$f$;
--> statement-breakpoint
-- Recomputes both roll-ups from the ledger (maintenance; the triggers keep them right without it).
CREATE FUNCTION capital_rollup_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM capital_rollup_lock();
  DELETE FROM capital_rollup_zone;
  DELETE FROM capital_rollup_family;
  EXECUTE capital_rollup_merge_sql(capital_rollup_ledger_sql(
    'p.zone_id', 'capital_family(z.kind)', 'capital_owner(o.ownership)', 1, 'true'));
END $$;
--> statement-breakpoint
-- Inserted, updated and deleted events (statement triggers: one merge per statement, however many rows).
CREATE FUNCTION capital_rollup_on_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM capital_new_events'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM capital_old_events'
    ELSE 'SELECT *, -1 AS sign FROM capital_old_events UNION ALL SELECT *, 1 AS sign FROM capital_new_events'
  END;
BEGIN
  PERFORM capital_rollup_lock();
  -- A project deleted in this statement is gone already: its events were taken away by its own trigger.
  EXECUTE capital_rollup_merge_sql(format($q$
    SELECT p.zone_id, capital_family(z.kind) AS family, capital_owner(o.ownership) AS owner,
      e.kind, e.event_date, e.amount, e.currency, e.sign
    FROM (%s) e JOIN project p ON p.id = e.project_id JOIN zone z ON z.id = p.zone_id
      JOIN organisation o ON o.id = p.investor_id $q$, changes));
  IF TG_OP <> 'INSERT' THEN
    PERFORM capital_rollup_prune();
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER capital_rollup_event_insert AFTER INSERT ON investment_event
  REFERENCING NEW TABLE AS capital_new_events FOR EACH STATEMENT EXECUTE FUNCTION capital_rollup_on_event();
--> statement-breakpoint
CREATE TRIGGER capital_rollup_event_update AFTER UPDATE ON investment_event
  REFERENCING OLD TABLE AS capital_old_events NEW TABLE AS capital_new_events
  FOR EACH STATEMENT EXECUTE FUNCTION capital_rollup_on_event();
--> statement-breakpoint
CREATE TRIGGER capital_rollup_event_delete AFTER DELETE ON investment_event
  REFERENCING OLD TABLE AS capital_old_events FOR EACH STATEMENT EXECUTE FUNCTION capital_rollup_on_event();
--> statement-breakpoint
CREATE FUNCTION capital_rollup_on_event_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM capital_rollup_lock();
  DELETE FROM capital_rollup_zone;
  DELETE FROM capital_rollup_family;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER capital_rollup_event_truncate AFTER TRUNCATE ON investment_event
  FOR EACH STATEMENT EXECUTE FUNCTION capital_rollup_on_event_truncate();
--> statement-breakpoint
-- A project moving to another zone or investor takes its ledger along; a deleted project takes it away (before
-- the delete, while the project still says where its events were counted).
CREATE FUNCTION capital_rollup_on_project() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changes text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM investment_event WHERE project_id = OLD.id) THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  PERFORM capital_rollup_lock();
  changes := capital_rollup_ledger_sql(quote_literal(OLD.zone_id) || '::uuid',
    format('(SELECT capital_family(kind) FROM zone WHERE id = %L)', OLD.zone_id),
    format('(SELECT capital_owner(ownership) FROM organisation WHERE id = %L)', OLD.investor_id),
    -1, format('e.project_id = %L', OLD.id));
  IF TG_OP = 'UPDATE' THEN
    changes := changes || ' UNION ALL ' || capital_rollup_ledger_sql(
      'p.zone_id', 'capital_family(z.kind)', 'capital_owner(o.ownership)', 1, format('e.project_id = %L', NEW.id));
  END IF;
  EXECUTE capital_rollup_merge_sql(changes);
  PERFORM capital_rollup_prune();
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER capital_rollup_project_move AFTER UPDATE OF zone_id, investor_id ON project
  FOR EACH ROW WHEN (OLD.zone_id IS DISTINCT FROM NEW.zone_id OR OLD.investor_id IS DISTINCT FROM NEW.investor_id)
  EXECUTE FUNCTION capital_rollup_on_project();
--> statement-breakpoint
CREATE TRIGGER capital_rollup_project_delete BEFORE DELETE ON project
  FOR EACH ROW EXECUTE FUNCTION capital_rollup_on_project();
--> statement-breakpoint
-- An investor whose ownership changes group (e.g. domestic → FDI) moves its projects' ledgers between groups.
CREATE FUNCTION capital_rollup_on_owner() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM capital_rollup_lock();
  EXECUTE capital_rollup_merge_sql(
    capital_rollup_ledger_sql('p.zone_id', 'capital_family(z.kind)', quote_literal(capital_owner(OLD.ownership)),
      -1, format('p.investor_id = %L', OLD.id))
    || ' UNION ALL ' ||
    capital_rollup_ledger_sql('p.zone_id', 'capital_family(z.kind)', quote_literal(capital_owner(NEW.ownership)),
      1, format('p.investor_id = %L', NEW.id)));
  PERFORM capital_rollup_prune();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER capital_rollup_owner_change AFTER UPDATE OF ownership ON organisation
  FOR EACH ROW WHEN (capital_owner(OLD.ownership) IS DISTINCT FROM capital_owner(NEW.ownership))
  EXECUTE FUNCTION capital_rollup_on_owner();
--> statement-breakpoint
-- A zone whose kind changes family (e.g. a CCN reclassified as a KCN) moves its ledger between families.
CREATE FUNCTION capital_rollup_on_zone_family() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM capital_rollup_lock();
  EXECUTE capital_rollup_merge_sql(
    capital_rollup_ledger_sql('p.zone_id', quote_literal(capital_family(OLD.kind)), 'capital_owner(o.ownership)',
      -1, format('p.zone_id = %L', OLD.id))
    || ' UNION ALL ' ||
    capital_rollup_ledger_sql('p.zone_id', quote_literal(capital_family(NEW.kind)), 'capital_owner(o.ownership)',
      1, format('p.zone_id = %L', NEW.id)));
  PERFORM capital_rollup_prune();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER capital_rollup_zone_family AFTER UPDATE OF kind ON zone
  FOR EACH ROW WHEN (capital_family(OLD.kind) IS DISTINCT FROM capital_family(NEW.kind))
  EXECUTE FUNCTION capital_rollup_on_zone_family();
--> statement-breakpoint
SELECT capital_rollup_rebuild();
