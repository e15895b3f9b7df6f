-- Issue 15: the filings list is scoped and paged in its query (filing.repository.ts findFilingsPage:
-- `where period = … and <scope> order by updated_at desc, id limit 50`, and a count). At national scale a
-- department officer's scope is every filing of the family in the period (~150,000), which PostgreSQL read in
-- full and sorted for each page (p95 1,001 ms). Now a page is the first entries of an index range in the list's
-- order — for the administrator, leaders and department officers (the family a filter on that range) and, on
-- its own index, for the commune officer — and the count an index-only scan of (period, family), which b-tree
-- deduplication keeps small (10.7 ms for 151,428 filings, against 25 ms on the page index and 37 ms for a
-- parallel scan of the table). Tenants and developers read a few filings through the organisation and zone
-- indexes.
CREATE INDEX report_filing_page_idx ON report_filing USING btree (period, updated_at DESC, id);
--> statement-breakpoint
CREATE INDEX report_filing_family_idx ON report_filing USING btree (period, family);
--> statement-breakpoint
CREATE INDEX report_filing_commune_page_idx ON report_filing USING btree (commune_id, period, updated_at DESC, id);
