CREATE TABLE "notification" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"body_vi" text NOT NULL,
	"body_en" text NOT NULL,
	"link" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbound_mail" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"family" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_ref" text NOT NULL,
	"indicator" text NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"unit" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_compilation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_code" text NOT NULL,
	"period" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_ref" text NOT NULL,
	"version_no" integer NOT NULL,
	"state" text NOT NULL,
	"annotations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot" jsonb,
	"doc_no" text,
	"signer_name" text,
	"signer_title" text,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_filing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_code" text NOT NULL,
	"period" text NOT NULL,
	"reporter_kind" text NOT NULL,
	"reporter_ref" text NOT NULL,
	"zone_id" uuid,
	"commune_id" uuid,
	"organisation_id" uuid,
	"family" text NOT NULL,
	"status" text NOT NULL,
	"current_revision" integer NOT NULL,
	"accepted_revision" integer,
	"due_at" timestamp with time zone NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"revision_no" integer NOT NULL,
	"form_version" text NOT NULL,
	"values" jsonb NOT NULL,
	"explanations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text NOT NULL,
	"channel" text DEFAULT 'web' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"return_reason" text
);
--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_compilation" ADD CONSTRAINT "report_compilation_signed_by_app_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_filing" ADD CONSTRAINT "report_filing_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_filing" ADD CONSTRAINT "report_filing_commune_id_admin_unit_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."admin_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_filing" ADD CONSTRAINT "report_filing_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revision" ADD CONSTRAINT "report_revision_filing_id_report_filing_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."report_filing"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revision" ADD CONSTRAINT "report_revision_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revision" ADD CONSTRAINT "report_revision_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revision" ADD CONSTRAINT "report_revision_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_dedupe_key" ON "notification" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_mail_dedupe_key" ON "outbound_mail" USING btree ("to_address","dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_target_key" ON "plan_target" USING btree ("year","family","scope_kind","scope_ref","indicator");--> statement-breakpoint
CREATE UNIQUE INDEX "report_compilation_key" ON "report_compilation" USING btree ("form_code","period","scope_kind","scope_ref","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "report_compilation_one_draft" ON "report_compilation" USING btree ("form_code","period","scope_kind","scope_ref") WHERE state = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "report_filing_key" ON "report_filing" USING btree ("form_code","period","reporter_kind","reporter_ref");--> statement-breakpoint
CREATE INDEX "report_filing_period_idx" ON "report_filing" USING btree ("form_code","period","status");--> statement-breakpoint
CREATE INDEX "report_filing_commune_idx" ON "report_filing" USING btree ("commune_id","form_code","period");--> statement-breakpoint
CREATE INDEX "report_filing_zone_idx" ON "report_filing" USING btree ("zone_id","form_code","period");--> statement-breakpoint
CREATE INDEX "report_filing_org_idx" ON "report_filing" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_revision_key" ON "report_revision" USING btree ("filing_id","revision_no");--> statement-breakpoint
ALTER TABLE report_filing ADD CONSTRAINT report_filing_status_check
  CHECK (status IN ('draft', 'submitted', 'returned', 'accepted'));
--> statement-breakpoint
ALTER TABLE report_filing ADD CONSTRAINT report_filing_family_check CHECK (family IN ('KCN', 'CCN'));
--> statement-breakpoint
ALTER TABLE report_revision ADD CONSTRAINT report_revision_state_check
  CHECK (state IN ('draft', 'submitted', 'returned', 'accepted'));
--> statement-breakpoint
ALTER TABLE report_revision ADD CONSTRAINT report_revision_return_reason_check
  CHECK (state <> 'returned' OR length(trim(coalesce(return_reason, ''))) > 0);
--> statement-breakpoint
ALTER TABLE report_compilation ADD CONSTRAINT report_compilation_state_check CHECK (state IN ('draft', 'signed'));
--> statement-breakpoint
ALTER TABLE report_compilation ADD CONSTRAINT report_compilation_signed_check
  CHECK (state <> 'signed' OR (snapshot IS NOT NULL AND signed_at IS NOT NULL));
--> statement-breakpoint
-- What was submitted is never rewritten: a submitted revision's figures are frozen, its state only moves
-- submitted → returned | accepted, and returned or accepted revisions do not change at all. Only drafts may be
-- deleted. A correction is a new revision.
CREATE FUNCTION report_revision_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'draft' THEN
      RAISE EXCEPTION 'report_revision %: a % revision cannot be deleted', OLD.id, OLD.state USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.state = 'draft' THEN
    RETURN NEW;
  END IF;
  IF OLD.state IN ('returned', 'accepted') THEN
    RAISE EXCEPTION 'report_revision %: a % revision cannot change', OLD.id, OLD.state USING ERRCODE = 'P0001';
  END IF;
  -- OLD.state = 'submitted'
  IF NEW.values IS DISTINCT FROM OLD.values OR NEW.explanations IS DISTINCT FROM OLD.explanations
     OR NEW.form_version IS DISTINCT FROM OLD.form_version OR NEW.filing_id IS DISTINCT FROM OLD.filing_id
     OR NEW.revision_no IS DISTINCT FROM OLD.revision_no OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at
     OR NEW.state NOT IN ('returned', 'accepted') THEN
    RAISE EXCEPTION 'report_revision %: a submitted revision can only be returned or accepted', OLD.id
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_revision_guard BEFORE UPDATE OR DELETE ON report_revision
  FOR EACH ROW EXECUTE FUNCTION report_revision_guard();
--> statement-breakpoint
-- A signed report is frozen; a correction is a new version.
CREATE FUNCTION report_compilation_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'signed' THEN
    RAISE EXCEPTION 'report_compilation %: a signed report cannot change', OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_compilation_guard BEFORE UPDATE OR DELETE ON report_compilation
  FOR EACH ROW EXECUTE FUNCTION report_compilation_guard();
