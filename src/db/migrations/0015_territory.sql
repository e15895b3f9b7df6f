-- The territory on the map: an administrative unit's boundary, imported by an officer as GeoJSON (no licensed
-- source of Hanoi's commune boundaries ships as a package; see docs/decisions/0015-territory-map.md). Until a
-- unit has one, the map draws an approximate partition from the communes' rough centres, marked as such.
ALTER TABLE "admin_unit" ADD COLUMN "boundary" geometry(MultiPolygon, 4326);
--> statement-breakpoint
ALTER TABLE "admin_unit" ADD COLUMN "boundary_source" text;
--> statement-breakpoint
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_boundary_valid" CHECK ("boundary" IS NULL OR st_isvalid("boundary"));
