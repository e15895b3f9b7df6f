import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { exchangeSubmission } from '../../db/schema/exchange';

/** The province this IZIS serves (the administrative unit of level province in force). */
export async function loadProvince(db: Db): Promise<{ code: string; name: string }> {
  const [row] = rowsOf<{ code: string; name: string }>(
    await db.execute(sql`
      select code, coalesce(kind || ' ', '') || name as name from admin_unit
      where level = 'province' and valid_to is null order by code limit 1`),
  );
  return row ?? { code: '00', name: 'Chưa có tỉnh/thành phố' };
}

/** Codes and names of the communes and organisations the package's zones point at, by id. */
export async function loadLabels(
  db: Db,
  communeIds: readonly string[],
  orgIds: readonly string[],
): Promise<{
  units: Map<string, { code: string; name: string }>;
  orgs: Map<string, { code: string; name: string }>;
}> {
  const lookup = (rows: { id: string; code: string; name: string }[]) =>
    new Map(rows.map((r) => [String(r.id), { code: r.code, name: r.name }]));
  const units = rowsOf<{ id: string; code: string; name: string }>(
    await db.execute(sql`
      select id, code, coalesce(kind || ' ', '') || name as name from admin_unit
      where id = any(${`{${communeIds.join(',')}}`}::uuid[])`),
  );
  const orgs = rowsOf<{ id: string; code: string; name: string }>(
    await db.execute(sql`
      select id, code, name from organisation where id = any(${`{${orgIds.join(',')}}`}::uuid[])`),
  );
  return { units: lookup(units), orgs: lookup(orgs) };
}

export type SubmissionRow = typeof exchangeSubmission.$inferSelect;
export type SubmissionKey = {
  provinceCode: string;
  formCode: string;
  period: string;
  signedVersionNo: number;
};

/** Serialises imports of one submission key until the transaction ends (two uploads of the same package). */
export async function lockSubmissionKey(db: Db, key: SubmissionKey): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(7320, hashtext(${`${key.provinceCode}|${key.formCode}|${key.period}|${key.signedVersionNo}`}))`,
  );
}

export async function findSubmissionByKey(db: Db, key: SubmissionKey): Promise<SubmissionRow | null> {
  const rows = await db
    .select()
    .from(exchangeSubmission)
    .where(
      sql`${exchangeSubmission.provinceCode} = ${key.provinceCode} and ${exchangeSubmission.formCode} = ${key.formCode}
        and ${exchangeSubmission.period} = ${key.period} and ${exchangeSubmission.signedVersionNo} = ${key.signedVersionNo}`,
    );
  return rows[0] ?? null;
}

export async function insertSubmission(
  db: Db,
  values: typeof exchangeSubmission.$inferInsert,
): Promise<SubmissionRow> {
  const [row] = await db.insert(exchangeSubmission).values(values).returning();
  return row!;
}

/** One submission by id (null for an id that is not a UUID or not stored). */
export async function findSubmission(db: Db, id: string): Promise<SubmissionRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const rows = await db.select().from(exchangeSubmission).where(eq(exchangeSubmission.id, id));
  return rows[0] ?? null;
}

/** Every received submission, newest first, without its registry rows (their counts only). */
export async function listSubmissions(db: Db, limit: number) {
  return db
    .select({
      id: exchangeSubmission.id,
      provinceCode: exchangeSubmission.provinceCode,
      provinceName: exchangeSubmission.provinceName,
      formCode: exchangeSubmission.formCode,
      period: exchangeSubmission.period,
      signedVersionNo: exchangeSubmission.signedVersionNo,
      docNo: exchangeSubmission.docNo,
      signerName: exchangeSubmission.signerName,
      signerTitle: exchangeSubmission.signerTitle,
      signedAt: exchangeSubmission.signedAt,
      checksum: exchangeSubmission.checksum,
      importedBy: exchangeSubmission.importedBy,
      importedAt: exchangeSubmission.importedAt,
      zoneCount: sql<number>`jsonb_array_length(${exchangeSubmission.registry} -> 'zones')::int`,
      projectCount: sql<number>`jsonb_array_length(${exchangeSubmission.registry} -> 'projects')::int`,
      filingCount: sql<number>`jsonb_array_length(${exchangeSubmission.registry} -> 'filings')::int`,
    })
    .from(exchangeSubmission)
    .orderBy(desc(exchangeSubmission.importedAt), desc(exchangeSubmission.id))
    .limit(limit);
}

/** A signed compilation's form, period and version by its id (the CLI names a compilation by id). */
export async function findSignedCompilation(
  db: Db,
  id: string,
): Promise<{ formCode: string; period: string; versionNo: number } | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = rowsOf<{ form_code: string; period: string; version_no: number }>(
    await db.execute(sql`
      select form_code, period, version_no from report_compilation where id = ${id}::uuid and state = 'signed'`),
  );
  return row ? { formCode: row.form_code, period: row.period, versionNo: Number(row.version_no) } : null;
}
