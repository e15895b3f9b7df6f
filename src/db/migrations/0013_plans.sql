-- Yearly plans (kế hoạch, e.g. 305/KH-UBND for 2026) own the year's targets. One targets concept: the existing
-- plan_target rows (figures such as capital to attract) gain a kind, an optional plan, a range and parameters,
-- so a target may also count named zones reaching a lifecycle step or follow a rule over the registry.
CREATE TABLE "plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family" text NOT NULL,
	"year" integer NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuer" text NOT NULL,
	"title" text NOT NULL,
	"document_ref" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_family_check" CHECK (family IN ('KCN', 'CCN')),
	CONSTRAINT "plan_year_check" CHECK (year BETWEEN 2000 AND 2100),
	CONSTRAINT "plan_withdrawn_reason_check" CHECK (withdrawn_at IS NULL OR length(trim(coalesce(withdrawn_reason, ''))) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_number_key" ON "plan" USING btree ("family", "year", "number");
--> statement-breakpoint
CREATE INDEX "plan_year_idx" ON "plan" USING btree ("year", "family");
--> statement-breakpoint
ALTER TABLE "plan_target"
	ADD COLUMN "plan_id" uuid REFERENCES "plan"("id"),
	ADD COLUMN "kind" text DEFAULT 'figure' NOT NULL,
	ADD COLUMN "title" text,
	ADD COLUMN "max_value" numeric(20, 4),
	ADD COLUMN "params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	ADD COLUMN "ordinal" integer DEFAULT 0 NOT NULL,
	ADD COLUMN "evidence_ref" text,
	ADD COLUMN "evidence_date" date,
	ADD COLUMN "withdrawn_at" timestamp with time zone,
	ADD COLUMN "withdrawn_reason" text;
--> statement-breakpoint
ALTER TABLE "plan_target" ADD CONSTRAINT "plan_target_kind_check" CHECK (kind IN ('figure', 'count', 'rule', 'task'));
--> statement-breakpoint
ALTER TABLE "plan_target" ADD CONSTRAINT "plan_target_range_check" CHECK (max_value IS NULL OR max_value >= value);
--> statement-breakpoint
ALTER TABLE "plan_target" ADD CONSTRAINT "plan_target_withdrawn_reason_check" CHECK (withdrawn_at IS NULL OR length(trim(coalesce(withdrawn_reason, ''))) > 0);
--> statement-breakpoint
-- A figure (indicator) has one target per year and scope; counts and rules of a plan may repeat a measure.
DROP INDEX "plan_target_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_target_key" ON "plan_target" USING btree ("year", "family", "scope_kind", "scope_ref", "indicator") WHERE kind = 'figure' AND withdrawn_at IS NULL;
--> statement-breakpoint
CREATE INDEX "plan_target_plan_idx" ON "plan_target" USING btree ("plan_id", "ordinal");
--> statement-breakpoint
CREATE INDEX "plan_target_year_idx" ON "plan_target" USING btree ("year", "family");
--> statement-breakpoint
-- The zones a count target names ("these 26 clusters"), with the agency the plan makes responsible.
CREATE TABLE "plan_target_zone" (
	"target_id" uuid NOT NULL REFERENCES "plan_target"("id"),
	"zone_id" uuid NOT NULL REFERENCES "zone"("id"),
	"ordinal" integer NOT NULL,
	"responsible" text,
	CONSTRAINT "plan_target_zone_pk" PRIMARY KEY ("target_id", "zone_id")
);
--> statement-breakpoint
CREATE INDEX "plan_target_zone_zone_idx" ON "plan_target_zone" USING btree ("zone_id");
--> statement-breakpoint
-- Plans and targets are withdrawn with a reason, never deleted.
CREATE FUNCTION plan_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are kept: withdraw instead of deleting', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_no_delete BEFORE DELETE ON "plan" FOR EACH ROW EXECUTE FUNCTION plan_keep();
--> statement-breakpoint
CREATE TRIGGER plan_target_no_delete BEFORE DELETE ON "plan_target" FOR EACH ROW EXECUTE FUNCTION plan_keep();
