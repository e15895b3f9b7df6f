-- The public investor catalogue (issue 14): publishing is explicit. Per zone, whether it is published and
-- which publishable fields are public (unleased industrial land is public by law, Decree 32 Art. 19.5, and
-- needs no row here); the sectors it welcomes and the developer's contact for investors; descriptions in any
-- number of languages, each written by an officer (never machine translated); and which of a zone's
-- documents are public. Every table is an input of the public responses, so all move the data version.
CREATE TABLE "zone_publication" (
	"zone_id" uuid PRIMARY KEY NOT NULL REFERENCES "zone"("id") ON DELETE CASCADE,
	"published" boolean DEFAULT false NOT NULL,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"contact_website" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zone_publication_published_at_check" CHECK (NOT "published" OR "published_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX "zone_publication_published_idx" ON "zone_publication" ("zone_id") WHERE "published";
--> statement-breakpoint
CREATE TABLE "zone_description" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL REFERENCES "zone"("id") ON DELETE CASCADE,
	"lang" text NOT NULL,
	"text" text NOT NULL,
	"written_by" uuid,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "zone_description_lang_check" CHECK ("lang" ~ '^[a-z]{2,3}$'),
	CONSTRAINT "zone_description_text_check" CHECK (length("text") BETWEEN 1 AND 20000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "zone_description_zone_lang_key" ON "zone_description" ("zone_id", "lang");
--> statement-breakpoint
CREATE TABLE "document_publication" (
	"document_id" uuid PRIMARY KEY NOT NULL REFERENCES "document"("id"),
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
SELECT data_version_track('zone_publication');
--> statement-breakpoint
SELECT data_version_track('zone_description');
--> statement-breakpoint
SELECT data_version_track('document_publication');
