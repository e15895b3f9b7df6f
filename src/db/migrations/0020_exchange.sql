-- Issue 14: Biểu 04 exchange packages received from provinces (docs/decisions/0020). Append-only: a received
-- submission is evidence of what was sent; a correction arrives as the next signed version.
CREATE TABLE "exchange_submission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"format_version" integer NOT NULL,
	"province_code" text NOT NULL,
	"province_name" text NOT NULL,
	"form_code" text NOT NULL,
	"form_version" text NOT NULL,
	"period" text NOT NULL,
	"signed_version_no" integer NOT NULL,
	"doc_no" text,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"checksum" text NOT NULL,
	"content_hash" text NOT NULL,
	"items" jsonb NOT NULL,
	"registry" jsonb NOT NULL,
	"imported_by" uuid REFERENCES "app_user"("id"),
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_submission_key" ON "exchange_submission" USING btree ("province_code","form_code","period","signed_version_no");
--> statement-breakpoint
CREATE INDEX "exchange_submission_imported_idx" ON "exchange_submission" USING btree ("imported_at");
--> statement-breakpoint
CREATE FUNCTION exchange_submission_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'exchange_submission is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER exchange_submission_no_update_delete BEFORE UPDATE OR DELETE ON exchange_submission
  FOR EACH ROW EXECUTE FUNCTION exchange_submission_refuse_change();
--> statement-breakpoint
CREATE TRIGGER exchange_submission_no_truncate BEFORE TRUNCATE ON exchange_submission
  FOR EACH STATEMENT EXECUTE FUNCTION exchange_submission_refuse_change();
