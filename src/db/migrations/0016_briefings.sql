-- The leaders' view (issue 13): exchange rates get the time they were recorded, so a figure computed "as of" a
-- past instant converts with the rates known then (rows recorded before this column existed count as always
-- known); the quarterly briefing and its stored sentence templates; an issued briefing is frozen by trigger.
ALTER TABLE "exchange_rate" ADD COLUMN "created_at" timestamp with time zone;
--> statement-breakpoint
UPDATE "exchange_rate" SET "created_at" = '-infinity';
--> statement-breakpoint
ALTER TABLE "exchange_rate" ALTER COLUMN "created_at" SET DEFAULT now();
--> statement-breakpoint
ALTER TABLE "exchange_rate" ALTER COLUMN "created_at" SET NOT NULL;
--> statement-breakpoint
CREATE TABLE "briefing_template" (
	"key" text PRIMARY KEY NOT NULL,
	"template" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"signer_name" text,
	"scope" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"sections" jsonb NOT NULL,
	"tasks" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"as_of" timestamp with time zone,
	"snapshot" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone,
	CONSTRAINT "briefing_scope_check" CHECK (scope IN ('city', 'KCN', 'CCN')),
	CONSTRAINT "briefing_state_check" CHECK (state IN ('draft', 'issued')),
	CONSTRAINT "briefing_period_check" CHECK (period_from <= period_to),
	CONSTRAINT "briefing_issued_check" CHECK (state <> 'issued' OR (snapshot IS NOT NULL AND as_of IS NOT NULL AND issued_at IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "briefing" ADD CONSTRAINT "briefing_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id");
--> statement-breakpoint
ALTER TABLE "briefing" ADD CONSTRAINT "briefing_issued_by_app_user_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."app_user"("id");
--> statement-breakpoint
CREATE INDEX "briefing_period_idx" ON "briefing" ("period_to", "id");
--> statement-breakpoint
-- An issued briefing is frozen, figures and words; a correction is a new briefing.
CREATE FUNCTION briefing_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'issued' THEN
    RAISE EXCEPTION 'briefing %: an issued briefing cannot change', OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER briefing_guard BEFORE UPDATE OR DELETE ON briefing
  FOR EACH ROW EXECUTE FUNCTION briefing_guard();
--> statement-breakpoint
CREATE INDEX "report_revision_accepted_idx" ON "report_revision" ("filing_id", "revision_no") WHERE state = 'accepted';
