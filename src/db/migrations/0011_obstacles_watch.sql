CREATE TABLE "obstacle_category" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obstacle" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL REFERENCES "zone"("id"),
	"project_id" uuid REFERENCES "project"("id"),
	"category_code" text NOT NULL REFERENCES "obstacle_category"("code"),
	"title" text NOT NULL,
	"description" text,
	"agency" text NOT NULL,
	"raised_on" date NOT NULL,
	"deadline" date,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"raised_by" uuid,
	"raised_by_name" text NOT NULL,
	"raiser_role" text NOT NULL,
	"raiser_scope_kind" text NOT NULL,
	"raiser_scope_ref" text,
	"raiser_agreed_at" timestamp with time zone,
	"closed_on" date,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "obstacle_status_check" CHECK ("status" in ('open', 'in_progress', 'escalated', 'resolved', 'dropped')),
	CONSTRAINT "obstacle_deadline_check" CHECK ("deadline" is null or "deadline" >= "raised_on"),
	CONSTRAINT "obstacle_closed_check" CHECK (("status" in ('resolved', 'dropped')) = ("closed_on" is not null))
);
--> statement-breakpoint
CREATE INDEX "obstacle_zone_idx" ON "obstacle" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "obstacle_open_deadline_idx" ON "obstacle" USING btree ("deadline") WHERE "status" in ('open', 'in_progress', 'escalated');--> statement-breakpoint
CREATE TABLE "obstacle_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY NOT NULL,
	"obstacle_id" uuid NOT NULL REFERENCES "obstacle"("id"),
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"text" text,
	"changes" jsonb
);
--> statement-breakpoint
CREATE INDEX "obstacle_event_obstacle_idx" ON "obstacle_event" USING btree ("obstacle_id", "id");--> statement-breakpoint
CREATE TABLE "obstacle_document" (
	"obstacle_id" uuid NOT NULL REFERENCES "obstacle"("id"),
	"document_id" uuid NOT NULL REFERENCES "document"("id"),
	CONSTRAINT "obstacle_document_pkey" PRIMARY KEY ("obstacle_id", "document_id")
);
--> statement-breakpoint
CREATE TABLE "watch_manual" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL REFERENCES "zone"("id"),
	"project_id" uuid REFERENCES "project"("id"),
	"reason" text NOT NULL,
	"agency" text,
	"proposed_action" text NOT NULL,
	"since" date NOT NULL,
	"added_by" uuid,
	"added_by_name" text NOT NULL,
	"removed_on" date,
	"removed_by" uuid,
	"removed_by_name" text,
	"removal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "watch_manual_action_check" CHECK ("proposed_action" in ('remind', 'escalate', 'inspect', 'propose_revocation')),
	CONSTRAINT "watch_manual_removal_check" CHECK (("removed_on" is null) = ("removal_reason" is null))
);
--> statement-breakpoint
CREATE INDEX "watch_manual_zone_idx" ON "watch_manual" USING btree ("zone_id");--> statement-breakpoint
CREATE TABLE "monitoring_tolerance" (
	"key" text PRIMARY KEY NOT NULL,
	"value" numeric(12, 4) NOT NULL,
	"note_vi" text NOT NULL,
	"note_en" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "obstacle_category" ("code", "name_vi", "name_en", "sort_order") VALUES
	('land_clearance', 'Giải phóng mặt bằng', 'Land clearance', 1),
	('procedures', 'Thủ tục', 'Procedures', 2),
	('planning', 'Quy hoạch', 'Planning', 3),
	('capital', 'Vốn', 'Capital', 4),
	('outside_infrastructure', 'Hạ tầng ngoài hàng rào', 'Outside-fence infrastructure', 5),
	('environment', 'Môi trường', 'Environment', 6),
	('other', 'Khác', 'Other', 7);
--> statement-breakpoint
INSERT INTO "monitoring_tolerance" ("key", "value", "note_vi", "note_en") VALUES
	('obstacle_overdue.grace_days', 0, 'Số ngày sau hạn xử lý vướng mắc trước khi đưa vào danh sách theo dõi', 'Days after an obstacle''s deadline before it is on the watch list'),
	('reports_overdue.grace_days', 0, 'Số ngày sau hạn nộp báo cáo trước khi đưa vào danh sách theo dõi', 'Days after a report''s due date before the zone is on the watch list'),
	('occupancy_low.gate', 0.5, 'Ngưỡng tỷ lệ lấp đầy (Nghị định 32/2024/NĐ-CP)', 'Occupancy gate (Decree 32/2024)'),
	('occupancy_low.operating_years', 3, 'Số năm hoạt động trước khi xét tỷ lệ lấp đầy thấp', 'Years of operation before low occupancy counts'),
	('wwtp_missing.grace_days', 0, 'Số ngày sau khi cụm đi vào hoạt động mà chưa có trạm XLNT đạt QCVN', 'Days after a cluster starts operating without a compliant WWTP');
--> statement-breakpoint
-- The history of an obstacle is kept: its events are never changed or removed, and obstacles are never deleted.
CREATE FUNCTION obstacle_history_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are kept: history is never changed or deleted', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER obstacle_event_keep BEFORE UPDATE OR DELETE ON obstacle_event
  FOR EACH ROW EXECUTE FUNCTION obstacle_history_guard();
--> statement-breakpoint
CREATE TRIGGER obstacle_keep BEFORE DELETE ON obstacle
  FOR EACH ROW EXECUTE FUNCTION obstacle_history_guard();
--> statement-breakpoint
CREATE TRIGGER watch_manual_keep BEFORE DELETE ON watch_manual
  FOR EACH ROW EXECUTE FUNCTION obstacle_history_guard();
