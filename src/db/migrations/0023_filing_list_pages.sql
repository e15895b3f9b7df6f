-- Issue 15: the filings list is scoped and paged in its query (filing.repository.ts findFilingsPage:
-- `where period = … and <scope> order by updated_at desc, id limit 50`, and a count). At national scale a
-- department officer's scope is every filing of the family in the period (~150,000), which PostgreSQL read in
-- full and sorted for each page (p95 1,001 ms). One index per shape of scope, in the list's order, so a page is
-- the first 50 entries of one index range and the count an index-only scan:
--   the administrator and province leaders (no scope column), the department officer and family leaders
--   (family), the commune officer (commune). Tenants and developers read a few filings through the
--   organisation and zone indexes.
CREATE INDEX report_filing_page_idx ON report_filing USING btree (period, updated_at DESC, id);
--> statement-breakpoint
CREATE INDEX report_filing_family_page_idx ON report_filing USING btree (period, family, updated_at DESC, id);
--> statement-breakpoint
CREATE INDEX report_filing_commune_page_idx ON report_filing USING btree (commune_id, period, updated_at DESC, id);
