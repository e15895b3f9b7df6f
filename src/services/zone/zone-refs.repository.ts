import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { zone } from '../../db/schema/zone';
import type { LocalizedText } from '../../domain/shared/errors';
import type { ZoneFields } from '../../domain/zone/zone.schema';

/**
 * Resolves the codes an API client uses (commune 00454, former district 017, developer and zone codes) to
 * row ids, naming every code that does not exist.
 */
async function codes(db: Db, fields: Partial<ZoneFields>) {
  const values: Record<string, string | null> = {};
  const problems: Record<string, LocalizedText> = {};
  const one = async <T>(promise: Promise<T[]>) => (await promise)[0];
  if (fields.communeCode !== undefined) {
    const row = fields.communeCode
      ? await one(
          db
            .select({ id: adminUnit.id })
            .from(adminUnit)
            .where(
              and(
                eq(adminUnit.level, 'commune'),
                isNull(adminUnit.validTo),
                eq(adminUnit.code, fields.communeCode),
              ),
            ),
        )
      : null;
    if (fields.communeCode && !row) {
      problems.communeCode = {
        vi: `Không có xã/phường đang hiệu lực mã ${fields.communeCode}.`,
        en: `No commune/ward in force has code ${fields.communeCode}.`,
      };
    }
    values.communeId = row?.id ?? null;
  }
  if (fields.formerDistrictCode !== undefined) {
    const row = fields.formerDistrictCode
      ? await one(
          db
            .select({ id: adminUnit.id })
            .from(adminUnit)
            .where(and(eq(adminUnit.level, 'district'), eq(adminUnit.code, fields.formerDistrictCode))),
        )
      : null;
    if (fields.formerDistrictCode && !row) {
      problems.formerDistrictCode = {
        vi: `Không có quận/huyện cũ mã ${fields.formerDistrictCode}.`,
        en: `No former district has code ${fields.formerDistrictCode}.`,
      };
    }
    values.formerDistrictId = row?.id ?? null;
  }
  if (fields.formerCommuneCode !== undefined) {
    const row = fields.formerCommuneCode
      ? await one(
          db
            .select({ id: adminUnit.id })
            .from(adminUnit)
            .where(
              and(
                eq(adminUnit.level, 'commune'),
                isNotNull(adminUnit.validTo),
                eq(adminUnit.code, fields.formerCommuneCode),
              ),
            ),
        )
      : null;
    if (fields.formerCommuneCode && !row) {
      problems.formerCommuneCode = {
        vi: `Không có xã/phường cũ (trước 1/7/2025) mã ${fields.formerCommuneCode}.`,
        en: `No former commune (before 1/7/2025) has code ${fields.formerCommuneCode}.`,
      };
    }
    values.formerCommuneId = row?.id ?? null;
  }
  if (fields.developerCode !== undefined) {
    const row = fields.developerCode
      ? await one(
          db
            .select({ id: organisation.id })
            .from(organisation)
            .where(eq(organisation.code, fields.developerCode)),
        )
      : null;
    if (fields.developerCode && !row) {
      problems.developerCode = {
        vi: `Không có tổ chức mã ${fields.developerCode}.`,
        en: `No organisation has code ${fields.developerCode}.`,
      };
    }
    values.developerId = row?.id ?? null;
  }
  if (fields.phaseOfCode !== undefined) {
    const row = fields.phaseOfCode
      ? await one(db.select({ id: zone.id }).from(zone).where(eq(zone.code, fields.phaseOfCode)))
      : null;
    if (fields.phaseOfCode && !row) {
      problems.phaseOfCode = {
        vi: `Không có khu/cụm mã ${fields.phaseOfCode}.`,
        en: `No zone has code ${fields.phaseOfCode}.`,
      };
    }
    values.phaseOfId = row?.id ?? null;
  }
  if (fields.lat !== undefined || fields.lon !== undefined) {
    if ((fields.lat == null) !== (fields.lon == null)) {
      problems.lat = { vi: 'Cần cả vĩ độ và kinh độ.', en: 'Both latitude and longitude are needed.' };
    }
  }
  return {
    values,
    problems,
    location: fields.lat != null && fields.lon != null ? { lat: fields.lat, lon: fields.lon } : undefined,
  };
}

async function unitName(db: Db, id: string): Promise<{ code: string; label: string } | null> {
  const rows = await db
    .select({ code: adminUnit.code, kind: adminUnit.kind, name: adminUnit.name })
    .from(adminUnit)
    .where(eq(adminUnit.id, id))
    .limit(1);
  return rows[0] ? { code: rows[0].code, label: `${rows[0].kind} ${rows[0].name}` } : null;
}

export const resolveZoneRefs = { codes, unitName };
