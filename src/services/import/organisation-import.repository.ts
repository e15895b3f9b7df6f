import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { versionedUpsertByCode } from './versioned-upsert';
import { organisation } from '../../db/schema/organisation';
import { chunked } from './zone-import.repository';

/**
 * The SQL of organisation imports, set-based: existing organisations by code and the holders of tax codes
 * in one query each (per 5,000), writes as one multi-row INSERT … ON CONFLICT (code) DO UPDATE per batch.
 */

export type OrganisationSheetRow = {
  id: string;
  version: number;
  code: string;
  name: string;
  nameEn: string | null;
  taxCode: string | null;
  country: string;
  ownership: string | null;
  roles: string[];
  address: string | null;
  sources: string[] | null;
};

const sheetColumns = {
  id: organisation.id,
  version: organisation.version,
  code: organisation.code,
  name: organisation.name,
  nameEn: organisation.nameEn,
  taxCode: organisation.taxCode,
  country: organisation.country,
  ownership: organisation.ownership,
  roles: organisation.roles,
  address: organisation.address,
  sources: organisation.sources,
};

export async function findOrganisationSheetRowsByCode(
  db: Db,
  codes: readonly string[],
): Promise<OrganisationSheetRow[]> {
  return chunked(codes, (chunk) =>
    db.select(sheetColumns).from(organisation).where(inArray(organisation.code, chunk)),
  );
}

/** tax code → the organisation holding it. */
export async function findTaxCodeHolders(
  db: Db,
  taxCodes: readonly string[],
): Promise<Map<string, { id: string; code: string; name: string }>> {
  const rows = await chunked(taxCodes, (chunk) =>
    db
      .select({
        id: organisation.id,
        code: organisation.code,
        name: organisation.name,
        taxCode: organisation.taxCode,
      })
      .from(organisation)
      .where(inArray(organisation.taxCode, chunk)),
  );
  return new Map(rows.map((r) => [r.taxCode!, { id: r.id, code: r.code, name: r.name }]));
}

export type OrganisationUpsert = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  taxCode: string | null;
  country: string;
  ownership: string | null;
  roles: string[];
  address: string | null;
  sources: string[];
  searchText: string;
  /** 1 for a new organisation; the version read + 1 for an update. */
  version: number;
};

const writeColumns = {
  id: 'uuid',
  code: 'text',
  name: 'text',
  name_en: 'text',
  tax_code: 'text',
  country: 'text',
  ownership: 'text',
  roles: 'text[]',
  address: 'text',
  sources: 'jsonb',
  search_text: 'text',
  version: 'integer',
} as const;
const upsert = versionedUpsertByCode(organisation, writeColumns);

/** New and changed organisations in one statement, version-checked (`versionedUpsertByCode`); returns how many were written. */
export async function upsertOrganisations(db: Db, rows: readonly OrganisationUpsert[]): Promise<number> {
  return upsert(
    db,
    rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      name_en: r.nameEn,
      tax_code: r.taxCode,
      country: r.country,
      ownership: r.ownership,
      roles: r.roles,
      address: r.address,
      sources: r.sources,
      search_text: r.searchText,
      version: r.version,
    })),
  );
}

/**
 * Clears the tax codes that organisations of the file give up, before any row is written, so that two
 * organisations exchanging tax codes (or a new one taking a code an existing one releases) never collide
 * on the unique index half-way. Only rows still at the version read are touched; the version is not
 * bumped (the upsert that follows does it, or finds the row changed and the import is rolled back).
 */
export async function releaseTaxCodes(
  db: Db,
  rows: readonly { id: string; version: number }[],
): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(rows);
  await db.execute(sql`
    update ${organisation} o set tax_code = null
    from jsonb_to_recordset(${json}::jsonb) as r(id uuid, version integer)
    where o.id = r.id and o.version = r.version`);
}
