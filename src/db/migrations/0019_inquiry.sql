-- Investor inquiries from the public catalogue (issue 14): the inquiry, its history, and the proof-of-work
-- challenges already used. None holds a figure's input, so none is tracked for the data version
-- (src/db/data-version.ts lists them as untracked).
CREATE TABLE "inquiry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL UNIQUE,
	"zone_id" uuid NOT NULL REFERENCES "zone"("id"),
	"status" text NOT NULL,
	"held_reason" text,
	"purpose" text NOT NULL,
	"sector" text,
	"land_ha" numeric(12, 2),
	"timeframe" text NOT NULL,
	"message" text,
	"contact_name" text,
	"organisation" text,
	"email" text,
	"phone" text,
	"country" text NOT NULL,
	"language" text NOT NULL,
	"consent_version" text NOT NULL,
	"consent_text" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inquiry_status_check" CHECK ("status" in ('held', 'new', 'answered', 'closed')),
	CONSTRAINT "inquiry_closed_check" CHECK (("status" = 'closed') = ("closed_at" is not null)),
	-- Personal fields are present until erased, and erased only from a closed inquiry.
	CONSTRAINT "inquiry_erased_check" CHECK (
		("erased_at" is null and "contact_name" is not null and "email" is not null)
		or ("erased_at" is not null and "status" = 'closed' and "contact_name" is null and "organisation" is null
			and "email" is null and "phone" is null and "message" is null))
);
--> statement-breakpoint
CREATE INDEX "inquiry_zone_idx" ON "inquiry" USING btree ("zone_id", "created_at");--> statement-breakpoint
CREATE INDEX "inquiry_status_idx" ON "inquiry" USING btree ("status", "created_at");--> statement-breakpoint
CREATE INDEX "inquiry_erase_due_idx" ON "inquiry" USING btree ("closed_at") WHERE "status" = 'closed' and "erased_at" is null;--> statement-breakpoint
CREATE TABLE "inquiry_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY NOT NULL,
	"inquiry_id" uuid NOT NULL REFERENCES "inquiry"("id"),
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"text" text
);
--> statement-breakpoint
CREATE INDEX "inquiry_event_inquiry_idx" ON "inquiry_event" USING btree ("inquiry_id", "id");--> statement-breakpoint
CREATE TABLE "inquiry_challenge_used" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inquiry_challenge_used_expires_idx" ON "inquiry_challenge_used" USING btree ("expires_at");
