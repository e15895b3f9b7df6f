-- Rules of the registry the database enforces itself, and the configurable list of cluster types.
ALTER TABLE zone ADD CONSTRAINT zone_phase_of_fk FOREIGN KEY (phase_of_id) REFERENCES zone(id);
--> statement-breakpoint
ALTER TABLE zone ADD CONSTRAINT zone_kind_check CHECK (kind IN ('KCN', 'KCX', 'KCNC', 'CCN'));
--> statement-breakpoint
ALTER TABLE zone ADD CONSTRAINT zone_ccn_type_only_for_ccn CHECK (ccn_type_code IS NULL OR kind = 'CCN');
--> statement-breakpoint
ALTER TABLE zone ADD CONSTRAINT zone_areas_non_negative CHECK (
  coalesce(declared_area_ha, 0) >= 0 AND coalesce(industrial_land_ha, 0) >= 0
  AND coalesce(infrastructure_complete_ha, 0) >= 0 AND coalesce(leased_ha, 0) >= 0
  AND coalesce(approved_ha, 0) >= 0 AND coalesce(priority_reserved_ha, 0) >= 0);
--> statement-breakpoint
ALTER TABLE zone ADD CONSTRAINT zone_wwtp_status_check
  CHECK (wwtp_status IS NULL OR wwtp_status IN ('none', 'building', 'operating', 'compliant'));
--> statement-breakpoint
ALTER TABLE zone ADD CONSTRAINT zone_fire_safety_check
  CHECK (fire_safety_status IS NULL OR fire_safety_status IN ('none', 'partial', 'accepted'));
--> statement-breakpoint
ALTER TABLE zone_lifecycle_event ADD CONSTRAINT zone_lifecycle_progress_check
  CHECK (progress_pct IS NULL OR (progress_pct >= 0 AND progress_pct <= 100));
--> statement-breakpoint
ALTER TABLE organisation ADD CONSTRAINT organisation_ownership_check
  CHECK (ownership IS NULL OR ownership IN ('fdi', 'domestic_state', 'domestic_private', 'household', 'agency'));
--> statement-breakpoint
ALTER TABLE project ADD CONSTRAINT project_status_check
  CHECK (status IN ('licensed', 'building', 'operating', 'stopped', 'proposed_revocation', 'terminated'));
--> statement-breakpoint
ALTER TABLE investment_event ADD CONSTRAINT investment_event_kind_check
  CHECK (kind IN ('new', 'increase', 'decrease', 'termination'));
--> statement-breakpoint
ALTER TABLE investment_event ADD CONSTRAINT investment_event_amount_check CHECK (amount >= 0);
--> statement-breakpoint
ALTER TABLE exchange_rate ADD CONSTRAINT exchange_rate_period_check
  CHECK (valid_from <= valid_to AND vnd_per_unit > 0);
--> statement-breakpoint
INSERT INTO ccn_type (code, name_vi, name_en, sort_order) VALUES
  ('general', 'Cụm công nghiệp đa ngành', 'General', 1),
  ('craft_village', 'Cụm công nghiệp làng nghề', 'Craft village', 2),
  ('specialised', 'Cụm công nghiệp chuyên ngành', 'Specialised', 3),
  ('supporting_industry', 'Cụm công nghiệp hỗ trợ', 'Supporting industry', 4),
  ('high_tech', 'Cụm công nghiệp công nghệ cao', 'High-tech', 5),
  ('eco', 'Cụm công nghiệp sinh thái', 'Eco-industrial', 6);
