ALTER TABLE "document" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "master_plan" ADD COLUMN "family" text NOT NULL;--> statement-breakpoint
ALTER TABLE "master_plan" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "zone_price" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "master_plan_entry_zone_day_key" ON "master_plan_entry" USING btree ("plan_id","zone_id","effective_date");--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_entity_type_check" CHECK ("document"."entity_type" in ('zone', 'lifecycle_event', 'project'));--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_withdrawal_check" CHECK (("document"."withdrawn_at" is null) = ("document"."withdrawn_by" is null));--> statement-breakpoint
ALTER TABLE "master_plan" ADD CONSTRAINT "master_plan_family_check" CHECK ("master_plan"."family" in ('KCN', 'CCN'));--> statement-breakpoint
ALTER TABLE "master_plan" ADD CONSTRAINT "master_plan_validity_check" CHECK ("master_plan"."valid_to" is null or "master_plan"."valid_to" >= "master_plan"."valid_from");--> statement-breakpoint
ALTER TABLE "master_plan_entry" ADD CONSTRAINT "master_plan_entry_change_check" CHECK ("master_plan_entry"."change" in ('added', 'removed', 'area_changed'));--> statement-breakpoint
ALTER TABLE "master_plan_entry" ADD CONSTRAINT "master_plan_entry_area_check" CHECK (("master_plan_entry"."change" <> 'area_changed' or "master_plan_entry"."area_ha" is not null) and ("master_plan_entry"."area_ha" is null or "master_plan_entry"."area_ha" >= 0));--> statement-breakpoint
ALTER TABLE "zone_price" ADD CONSTRAINT "zone_price_kind_check" CHECK ("zone_price"."kind" in ('sublease', 'shared_service'));--> statement-breakpoint
ALTER TABLE "zone_price" ADD CONSTRAINT "zone_price_amount_check" CHECK ("zone_price"."amount" >= 0);--> statement-breakpoint
ALTER TABLE "zone_price" ADD CONSTRAINT "zone_price_validity_check" CHECK ("zone_price"."valid_to" is null or "zone_price"."valid_to" >= "zone_price"."valid_from");--> statement-breakpoint
-- Documents are never lost: no DELETE (withdrawing sets withdrawn_at and keeps the row and its file), the
-- file and what it is attached to never change, and a withdrawal is not undone.
CREATE FUNCTION document_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'document rows are kept: withdraw instead of deleting' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.entity_type, NEW.entity_id, NEW.file_name, NEW.mime_type, NEW.size_bytes, NEW.sha256,
      NEW.uploaded_by, NEW.uploaded_at)
     IS DISTINCT FROM (OLD.entity_type, OLD.entity_id, OLD.file_name, OLD.mime_type, OLD.size_bytes,
      OLD.sha256, OLD.uploaded_by, OLD.uploaded_at) THEN
    RAISE EXCEPTION 'the file of a document and what it is attached to do not change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at THEN
    RAISE EXCEPTION 'a withdrawn document stays withdrawn' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER document_keep BEFORE UPDATE OR DELETE ON document
  FOR EACH ROW EXECUTE FUNCTION document_guard();
--> statement-breakpoint
CREATE TRIGGER document_no_truncate BEFORE TRUNCATE ON document
  FOR EACH STATEMENT EXECUTE FUNCTION document_guard();
