import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

/** Every period with a signed Biểu 03 or 04: when it was last signed and how many reports (communes) it has. */
export async function loadSignedAggregates(
  db: Db,
): Promise<{ formCode: string; period: string; asOf: Date; reports: number }[]> {
  const rows = rowsOf<{ form_code: string; period: string; as_of: Date | string; reports: number }>(
    await db.execute(sql`
      select form_code, period, max(signed_at) as as_of, count(distinct scope_ref)::int as reports
      from report_compilation where state = 'signed' and form_code in ('B03', 'B04')
      group by form_code, period order by form_code desc, period desc`),
  );
  return rows.map((r) => ({
    formCode: r.form_code,
    period: r.period,
    asOf: new Date(r.as_of),
    reports: Number(r.reports),
  }));
}

export type SignedReportRow = {
  id: string;
  scopeKind: 'city' | 'commune';
  scopeCode: string;
  scopeName: string;
  versionNo: number;
  docNo: string | null;
  signedAt: Date;
  formVersion: string;
  items: { no: string; indicator: string; unit: string; value: number | null }[];
};

/**
 * The latest signed version of each report of a form and period — the figures only: the items' numbers,
 * indicators, units and values are read out of the frozen snapshot in SQL, its sources never leave the database.
 */
export async function loadLatestSigned(db: Db, formCode: string, period: string): Promise<SignedReportRow[]> {
  const rows = rowsOf<{
    id: string;
    scope_kind: 'city' | 'commune';
    scope_code: string | null;
    scope_name: string | null;
    version_no: number;
    doc_no: string | null;
    signed_at: Date | string;
    form_version: string;
    items: string;
  }>(
    await db.execute(sql`
      select distinct on (c.scope_kind, c.scope_ref) c.id, c.scope_kind,
        coalesce(u.code, c.scope_ref) as scope_code, coalesce(coalesce(u.kind || ' ', '') || u.name, 'Thành phố') as scope_name,
        c.version_no, c.doc_no, c.signed_at, c.snapshot -> 'report' ->> 'formVersion' as form_version,
        (select coalesce(jsonb_agg(jsonb_build_object('no', i -> 'no', 'indicator', i -> 'indicator', 'unit', i -> 'unit',
            'value', i -> 'value') order by n), '[]'::jsonb)
          from jsonb_array_elements(c.snapshot -> 'report' -> 'items') with ordinality as e(i, n))::text as items
      from report_compilation c
      left join admin_unit u on c.scope_kind = 'commune' and u.id::text = c.scope_ref
      where c.state = 'signed' and c.form_code = ${formCode} and c.period = ${period}
      order by c.scope_kind, c.scope_ref, c.version_no desc`),
  );
  return rows
    .map((r) => ({
      id: String(r.id),
      scopeKind: r.scope_kind,
      scopeCode: r.scope_kind === 'city' ? 'province' : String(r.scope_code),
      scopeName: String(r.scope_name),
      versionNo: Number(r.version_no),
      docNo: r.doc_no,
      signedAt: new Date(r.signed_at),
      formVersion: String(r.form_version),
      items: JSON.parse(r.items) as SignedReportRow['items'],
    }))
    .sort((a, b) => a.scopeCode.localeCompare(b.scopeCode));
}
