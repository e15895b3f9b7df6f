-- Monitoring (issue 12): a zone's planned schedule, progress readings, developers' commitments, inspections
-- (kinds and checklists as configuration, plan, results, findings with remediation, penalties) and incidents.
-- Actual dates are never stored here: they come from zone_lifecycle_event.
CREATE TABLE "schedule_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL REFERENCES "zone"("id") ON DELETE cascade,
	"step" text NOT NULL,
	"planned_date" date NOT NULL,
	"agency" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_ref" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_step_step_check" CHECK ("step" in ('detailed_plan_approved', 'land_clearance', 'construction_start', 'infrastructure_complete', 'operating')),
	CONSTRAINT "schedule_step_source_kind_check" CHECK ("source_kind" in ('establishment_decision', 'investment_approval', 'city_plan', 'other'))
);--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_step_zone_step_key" ON "schedule_step" USING btree ("zone_id","step");--> statement-breakpoint
CREATE INDEX "schedule_step_planned_idx" ON "schedule_step" USING btree ("planned_date");--> statement-breakpoint
CREATE TABLE "progress_reading" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL REFERENCES "zone"("id") ON DELETE cascade,
	"kind" text NOT NULL,
	"reading_date" date NOT NULL,
	"pct" numeric(5, 2) NOT NULL,
	"source" text NOT NULL,
	"reporter_kind" text NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_reading_kind_check" CHECK ("kind" in ('land_clearance', 'construction')),
	CONSTRAINT "progress_reading_pct_check" CHECK ("pct" >= 0 and "pct" <= 100),
	CONSTRAINT "progress_reading_reporter_check" CHECK ("reporter_kind" in ('developer', 'commune', 'department'))
);--> statement-breakpoint
CREATE INDEX "progress_reading_zone_idx" ON "progress_reading" USING btree ("zone_id","reading_date");--> statement-breakpoint
CREATE TABLE "commitment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL REFERENCES "zone"("id") ON DELETE cascade,
	"document_ref" text NOT NULL,
	"signed_on" date NOT NULL,
	"signed_by" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "commitment_zone_idx" ON "commitment" USING btree ("zone_id");--> statement-breakpoint
CREATE TABLE "commitment_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL REFERENCES "commitment"("id") ON DELETE cascade,
	"step" text NOT NULL,
	"target_date" date NOT NULL,
	"description" text,
	CONSTRAINT "commitment_target_step_check" CHECK ("step" in ('detailed_plan_approved', 'land_clearance', 'construction_start', 'infrastructure_complete', 'operating'))
);--> statement-breakpoint
CREATE INDEX "commitment_target_commitment_idx" ON "commitment_target" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "commitment_target_date_idx" ON "commitment_target" USING btree ("target_date");--> statement-breakpoint
CREATE TABLE "inspection_kind" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"standard" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
CREATE TABLE "inspection_checklist_item" (
	"kind_code" text NOT NULL REFERENCES "inspection_kind"("code"),
	"code" text NOT NULL,
	"label_vi" text NOT NULL,
	"label_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inspection_checklist_item_pk" PRIMARY KEY ("kind_code", "code")
);--> statement-breakpoint
CREATE TABLE "inspection_plan_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"zone_id" uuid NOT NULL REFERENCES "zone"("id") ON DELETE cascade,
	"project_id" uuid REFERENCES "project"("id"),
	"kind_code" text NOT NULL REFERENCES "inspection_kind"("code"),
	"agency" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_plan_entry_quarter_check" CHECK ("quarter" between 1 and 4),
	CONSTRAINT "inspection_plan_entry_year_check" CHECK ("year" between 2000 and 2100)
);--> statement-breakpoint
CREATE INDEX "inspection_plan_entry_year_idx" ON "inspection_plan_entry" USING btree ("year","zone_id");--> statement-breakpoint
CREATE TABLE "inspection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL REFERENCES "zone"("id") ON DELETE cascade,
	"project_id" uuid REFERENCES "project"("id"),
	"kind_code" text NOT NULL REFERENCES "inspection_kind"("code"),
	"plan_entry_id" uuid REFERENCES "inspection_plan_entry"("id"),
	"inspected_on" date NOT NULL,
	"agency" text NOT NULL,
	"decision_no" text,
	"conclusion" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "inspection_zone_idx" ON "inspection" USING btree ("zone_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspection_date_idx" ON "inspection" USING btree ("inspected_on");--> statement-breakpoint
CREATE TABLE "inspection_result" (
	"inspection_id" uuid NOT NULL REFERENCES "inspection"("id") ON DELETE cascade,
	"item_code" text NOT NULL,
	"passed" boolean NOT NULL,
	"note" text,
	CONSTRAINT "inspection_result_pk" PRIMARY KEY ("inspection_id", "item_code")
);--> statement-breakpoint
CREATE TABLE "inspection_finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL REFERENCES "inspection"("id") ON DELETE cascade,
	"item_code" text,
	"description" text NOT NULL,
	"action" text,
	"deadline" date,
	"remedied_on" date,
	"evidence" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inspection_finding_remedy_check" CHECK (("remedied_on" is null) = ("evidence" is null))
);--> statement-breakpoint
CREATE INDEX "inspection_finding_inspection_idx" ON "inspection_finding" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_finding_open_idx" ON "inspection_finding" USING btree ("deadline") WHERE "remedied_on" is null;--> statement-breakpoint
CREATE TABLE "inspection_penalty" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL REFERENCES "inspection"("id") ON DELETE cascade,
	"decision_no" text NOT NULL,
	"decided_on" date NOT NULL,
	"amount_vnd" numeric(20, 0) NOT NULL,
	"offender" text,
	"note" text,
	CONSTRAINT "inspection_penalty_amount_check" CHECK ("amount_vnd" >= 0)
);--> statement-breakpoint
CREATE INDEX "inspection_penalty_inspection_idx" ON "inspection_penalty" USING btree ("inspection_id");--> statement-breakpoint
CREATE TABLE "incident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL REFERENCES "zone"("id") ON DELETE cascade,
	"project_id" uuid REFERENCES "project"("id"),
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"severity" text NOT NULL,
	"people_affected" integer DEFAULT 0 NOT NULL,
	"description" text NOT NULL,
	"damage" text,
	"damage_vnd" numeric(20, 0),
	"response" text,
	"follow_up" text,
	"closed_on" date,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_kind_check" CHECK ("kind" in ('fire_explosion', 'environmental_breach', 'strike', 'security', 'accident')),
	CONSTRAINT "incident_severity_check" CHECK ("severity" in ('minor', 'serious', 'very_serious')),
	CONSTRAINT "incident_people_check" CHECK ("people_affected" >= 0),
	CONSTRAINT "incident_damage_check" CHECK ("damage_vnd" is null or "damage_vnd" >= 0),
	CONSTRAINT "incident_closed_check" CHECK ("closed_on" is null or "closed_on" >= "occurred_on")
);--> statement-breakpoint
CREATE INDEX "incident_zone_idx" ON "incident" USING btree ("zone_id","occurred_on");--> statement-breakpoint
INSERT INTO "inspection_kind" ("code", "name_vi", "name_en", "standard", "sort_order") VALUES
	('environment_wwtp', 'Môi trường và trạm xử lý nước thải', 'Environment and wastewater plant', 'QCVN 40:2011/BTNMT', 1),
	('fire_safety', 'Phòng cháy, chữa cháy ("4 tại chỗ")', 'Fire safety ("4 on-site")', 'Luật PCCC và CNCH 2024', 2),
	('construction_order', 'Trật tự xây dựng', 'Construction order', NULL, 3),
	('land_use', 'Sử dụng đất', 'Land use', NULL, 4),
	('labour', 'Lao động', 'Labour', NULL, 5),
	('food_safety', 'An toàn thực phẩm', 'Food safety', NULL, 6);--> statement-breakpoint
INSERT INTO "inspection_checklist_item" ("kind_code", "code", "label_vi", "label_en", "sort_order") VALUES
	('environment_wwtp', 'wwtp_operating', 'Trạm xử lý nước thải tập trung vận hành', 'Central wastewater plant in operation', 1),
	('environment_wwtp', 'effluent_qcvn', 'Nước thải sau xử lý đạt QCVN 40:2011/BTNMT', 'Treated effluent meets QCVN 40:2011/BTNMT', 2),
	('environment_wwtp', 'auto_monitoring', 'Quan trắc nước thải tự động, liên tục', 'Automatic continuous effluent monitoring', 3),
	('environment_wwtp', 'environmental_permit', 'Giấy phép môi trường còn hiệu lực', 'Environmental permit in force', 4),
	('environment_wwtp', 'hazardous_waste', 'Thu gom, xử lý chất thải nguy hại đúng quy định', 'Hazardous waste collected and treated as required', 5),
	('fire_safety', 'onsite_command', 'Chỉ huy tại chỗ', 'Command on site', 1),
	('fire_safety', 'onsite_forces', 'Lực lượng tại chỗ', 'Forces on site', 2),
	('fire_safety', 'onsite_equipment', 'Phương tiện tại chỗ', 'Equipment on site', 3),
	('fire_safety', 'onsite_logistics', 'Hậu cần tại chỗ', 'Logistics on site', 4),
	('fire_safety', 'design_acceptance', 'Nghiệm thu thiết kế và công trình PCCC', 'Fire protection design and works accepted', 5),
	('construction_order', 'building_permit', 'Có giấy phép xây dựng', 'Building permit held', 1),
	('construction_order', 'as_permitted', 'Xây dựng đúng giấy phép, quy hoạch 1/500', 'Built as permitted and per the 1/500 plan', 2),
	('land_use', 'land_allocation', 'Có quyết định giao đất, cho thuê đất', 'Land allocation or lease decision held', 1),
	('land_use', 'used_as_assigned', 'Sử dụng đất đúng mục đích, đúng tiến độ', 'Land used as assigned and on time', 2),
	('labour', 'contracts', 'Hợp đồng lao động, bảo hiểm xã hội đầy đủ', 'Labour contracts and social insurance in order', 1),
	('labour', 'occupational_safety', 'An toàn, vệ sinh lao động', 'Occupational safety and hygiene', 2),
	('food_safety', 'canteen_certificate', 'Bếp ăn tập thể đủ điều kiện an toàn thực phẩm', 'Canteen certified for food safety', 1),
	('food_safety', 'sample_retention', 'Lưu mẫu thức ăn đúng quy định', 'Food samples retained as required', 2);
