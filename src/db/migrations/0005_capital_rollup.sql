CREATE TABLE "capital_rollup" (
	"family" text NOT NULL,
	"currency" text NOT NULL,
	"event_date" date NOT NULL,
	"events" integer NOT NULL,
	"signed_amount" numeric(24, 2) NOT NULL,
	"cumulative_events" integer NOT NULL,
	"cumulative_amount" numeric(24, 2) NOT NULL,
	CONSTRAINT "capital_rollup_family_currency_event_date_pk" PRIMARY KEY("family","currency","event_date")
);
--> statement-breakpoint
-- The roll-up is maintained by the database in the same transaction as every ledger write (see
-- src/db/schema/project.ts). One transaction at a time refreshes it (an advisory lock held to commit), so two
-- concurrent ledger writes cannot interleave their recomputations. A bulk load may set
-- `izis.capital_rollup_deferred = on` for its transaction and call capital_rollup_refresh once at the end.
CREATE FUNCTION capital_rollup_refresh(p_families text[], p_currencies text[], p_since date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7231, 1);
  DELETE FROM capital_rollup
   WHERE family = ANY (p_families) AND currency = ANY (p_currencies) AND event_date >= p_since;
  INSERT INTO capital_rollup (family, currency, event_date, events, signed_amount, cumulative_events, cumulative_amount)
  SELECT d.family, d.currency, d.event_date, d.events, d.signed_amount,
         coalesce(b.cumulative_events, 0) + sum(d.events) OVER w,
         coalesce(b.cumulative_amount, 0) + sum(d.signed_amount) OVER w
  FROM (
    SELECT CASE WHEN z.kind = 'CCN' THEN 'CCN' ELSE 'KCN' END AS family, e.currency, e.event_date,
           count(*)::int AS events,
           sum(CASE WHEN e.kind IN ('decrease', 'termination') THEN -e.amount ELSE e.amount END) AS signed_amount
    FROM investment_event e
    JOIN project p ON p.id = e.project_id
    JOIN zone z ON z.id = p.zone_id
    WHERE e.event_date >= p_since AND e.currency = ANY (p_currencies)
      AND (CASE WHEN z.kind = 'CCN' THEN 'CCN' ELSE 'KCN' END) = ANY (p_families)
    GROUP BY 1, 2, 3
  ) d
  LEFT JOIN LATERAL (
    SELECT r.cumulative_events, r.cumulative_amount FROM capital_rollup r
    WHERE r.family = d.family AND r.currency = d.currency AND r.event_date < p_since
    ORDER BY r.event_date DESC LIMIT 1
  ) b ON true
  WINDOW w AS (PARTITION BY d.family, d.currency ORDER BY d.event_date);
END $$;
--> statement-breakpoint
CREATE FUNCTION capital_rollup_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7231, 1);
  DELETE FROM capital_rollup;
  PERFORM capital_rollup_refresh(ARRAY['KCN', 'CCN'],
    coalesce((SELECT array_agg(DISTINCT currency) FROM investment_event), '{}'), '0001-01-01');
END $$;
--> statement-breakpoint
CREATE FUNCTION capital_rollup_on_events() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_currencies text[];
  v_since date;
BEGIN
  IF coalesce(current_setting('izis.capital_rollup_deferred', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT currency), min(event_date) INTO v_currencies, v_since FROM new_events;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT currency), min(event_date) INTO v_currencies, v_since FROM old_events;
  ELSE
    SELECT array_agg(DISTINCT currency), min(event_date) INTO v_currencies, v_since
    FROM (SELECT currency, event_date FROM old_events UNION ALL SELECT currency, event_date FROM new_events) c;
  END IF;
  -- A deleted project's zone may be gone with it: refresh both families, which is always right.
  IF v_since IS NOT NULL THEN
    PERFORM capital_rollup_refresh(ARRAY['KCN', 'CCN'], v_currencies, v_since);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER investment_event_rollup_insert AFTER INSERT ON investment_event
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION capital_rollup_on_events();
--> statement-breakpoint
CREATE TRIGGER investment_event_rollup_update AFTER UPDATE ON investment_event
  REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION capital_rollup_on_events();
--> statement-breakpoint
CREATE TRIGGER investment_event_rollup_delete AFTER DELETE ON investment_event
  REFERENCING OLD TABLE AS old_events FOR EACH STATEMENT EXECUTE FUNCTION capital_rollup_on_events();
--> statement-breakpoint
-- A project moving to a zone of the other family, or a zone changing family, moves its ledger in the roll-up.
CREATE FUNCTION capital_rollup_on_move() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_currencies text[];
  v_since date;
BEGIN
  IF coalesce(current_setting('izis.capital_rollup_deferred', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'project' THEN
    SELECT array_agg(DISTINCT currency), min(event_date) INTO v_currencies, v_since
    FROM investment_event WHERE project_id = NEW.id;
  ELSE
    SELECT array_agg(DISTINCT e.currency), min(e.event_date) INTO v_currencies, v_since
    FROM investment_event e JOIN project p ON p.id = e.project_id WHERE p.zone_id = NEW.id;
  END IF;
  IF v_since IS NOT NULL THEN
    PERFORM capital_rollup_refresh(ARRAY['KCN', 'CCN'], v_currencies, v_since);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER project_rollup_move AFTER UPDATE OF zone_id ON project
  FOR EACH ROW WHEN (OLD.zone_id IS DISTINCT FROM NEW.zone_id) EXECUTE FUNCTION capital_rollup_on_move();
--> statement-breakpoint
CREATE TRIGGER zone_rollup_family AFTER UPDATE OF kind ON zone
  FOR EACH ROW WHEN ((OLD.kind = 'CCN') IS DISTINCT FROM (NEW.kind = 'CCN')) EXECUTE FUNCTION capital_rollup_on_move();
--> statement-breakpoint
SELECT capital_rollup_rebuild();
