-- At most one running spreadsheet import per user, across every IZIS process on the database: an import
-- inserts its row first and deletes it when it ends; a row older than the stale limit (a process killed
-- mid-import) may be taken over.
CREATE TABLE "import_run" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token" uuid NOT NULL,
	"entity" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
