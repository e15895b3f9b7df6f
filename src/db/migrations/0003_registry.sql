CREATE TABLE "organisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"tax_code" text,
	"country" text DEFAULT 'VN' NOT NULL,
	"ownership" text,
	"roles" text[] NOT NULL,
	"address" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_rate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"currency" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"vnd_per_unit" numeric(14, 4) NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "investment_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"event_date" date NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"currency" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"zone_id" uuid NOT NULL,
	"investor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"certificate_no" text,
	"certificate_date" date,
	"vsic_code" text,
	"leased_ha" numeric(12, 4),
	"lot" text,
	"workers" integer,
	"status" text NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ccn_type" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"doc_no" text,
	"doc_date" date,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "master_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"decision_no" text,
	"decision_date" date,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"supersedes_id" uuid,
	CONSTRAINT "master_plan_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "master_plan_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"zone_id" uuid,
	"planned_name" text NOT NULL,
	"change" text NOT NULL,
	"area_ha" numeric(12, 4),
	"effective_date" date NOT NULL,
	"amendment_decision_no" text
);
--> statement-breakpoint
CREATE TABLE "zone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"ccn_type_code" text,
	"phase_of_id" uuid,
	"phase_no" integer,
	"commune_id" uuid,
	"former_district_id" uuid,
	"former_commune_id" uuid,
	"boundary" geometry(MultiPolygon,4326),
	"location" geometry(Point,4326),
	"declared_area_ha" numeric(12, 4),
	"industrial_land_ha" numeric(12, 4),
	"infrastructure_complete_ha" numeric(12, 4),
	"leased_ha" numeric(12, 4),
	"approved_ha" numeric(12, 4),
	"priority_reserved_ha" numeric(12, 4),
	"developer_id" uuid,
	"managing_authority" text,
	"infra_investment_approved_vnd" numeric(20, 0),
	"infra_investment_paid_vnd" numeric(20, 0),
	"wwtp_status" text,
	"wwtp_capacity_m3_day" numeric(12, 2),
	"fire_safety_status" text,
	"source_status_text" text,
	"notes" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_lifecycle_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"state" text NOT NULL,
	"event_date" date NOT NULL,
	"progress_pct" numeric(5, 2),
	"decision_no" text,
	"decision_date" date,
	"issued_by" text,
	"note" text,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "zone_lifecycle_event_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_price" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"currency" text NOT NULL,
	"unit" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "investment_event" ADD CONSTRAINT "investment_event_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_investor_id_organisation_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_plan_entry" ADD CONSTRAINT "master_plan_entry_plan_id_master_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."master_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_plan_entry" ADD CONSTRAINT "master_plan_entry_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone" ADD CONSTRAINT "zone_ccn_type_code_ccn_type_code_fk" FOREIGN KEY ("ccn_type_code") REFERENCES "public"."ccn_type"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone" ADD CONSTRAINT "zone_commune_id_admin_unit_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."admin_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone" ADD CONSTRAINT "zone_former_district_id_admin_unit_id_fk" FOREIGN KEY ("former_district_id") REFERENCES "public"."admin_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone" ADD CONSTRAINT "zone_former_commune_id_admin_unit_id_fk" FOREIGN KEY ("former_commune_id") REFERENCES "public"."admin_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone" ADD CONSTRAINT "zone_developer_id_organisation_id_fk" FOREIGN KEY ("developer_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_lifecycle_event" ADD CONSTRAINT "zone_lifecycle_event_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_price" ADD CONSTRAINT "zone_price_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_code_key" ON "organisation" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_tax_code_key" ON "organisation" USING btree ("tax_code") WHERE "organisation"."tax_code" is not null;--> statement-breakpoint
CREATE INDEX "organisation_ownership_idx" ON "organisation" USING btree ("ownership");--> statement-breakpoint
CREATE INDEX "exchange_rate_currency_idx" ON "exchange_rate" USING btree ("currency","valid_from");--> statement-breakpoint
CREATE INDEX "investment_event_date_idx" ON "investment_event" USING btree ("event_date","kind");--> statement-breakpoint
CREATE INDEX "investment_event_project_idx" ON "investment_event" USING btree ("project_id","event_date");--> statement-breakpoint
CREATE UNIQUE INDEX "project_code_key" ON "project" USING btree ("code");--> statement-breakpoint
CREATE INDEX "project_zone_idx" ON "project" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "project_investor_idx" ON "project" USING btree ("investor_id");--> statement-breakpoint
CREATE INDEX "document_entity_idx" ON "document" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "master_plan_entry_zone_idx" ON "master_plan_entry" USING btree ("zone_id","effective_date");--> statement-breakpoint
CREATE UNIQUE INDEX "zone_code_key" ON "zone" USING btree ("code");--> statement-breakpoint
CREATE INDEX "zone_kind_idx" ON "zone" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "zone_commune_idx" ON "zone" USING btree ("commune_id");--> statement-breakpoint
CREATE INDEX "zone_former_district_idx" ON "zone" USING btree ("former_district_id");--> statement-breakpoint
CREATE INDEX "zone_developer_idx" ON "zone" USING btree ("developer_id");--> statement-breakpoint
CREATE INDEX "zone_boundary_gix" ON "zone" USING gist ("boundary");--> statement-breakpoint
CREATE INDEX "zone_location_gix" ON "zone" USING gist ("location");--> statement-breakpoint
CREATE INDEX "zone_lifecycle_event_zone_idx" ON "zone_lifecycle_event" USING btree ("zone_id","event_date");--> statement-breakpoint
CREATE INDEX "zone_price_zone_idx" ON "zone_price" USING btree ("zone_id","kind","valid_from");