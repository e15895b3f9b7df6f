import { z } from 'zod';
import { isoDate } from '../shared/fields';

/** Administrative unit levels: tỉnh/thành phố → quận/huyện (until 30/6/2025) → xã/phường. */
export const adminUnitLevels = ['province', 'district', 'commune'] as const;
export type AdminUnitLevel = (typeof adminUnitLevels)[number];

export const adminUnitSchema = z.object({
  id: z.string(),
  code: z.string(),
  level: z.enum(adminUnitLevels),
  kind: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
});
export type AdminUnit = z.infer<typeof adminUnitSchema>;

export const adminUnitLinkSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  partial: z.boolean(),
});

export const adminUnitDetailSchema = adminUnitSchema.extend({
  predecessors: z.array(adminUnitLinkSchema),
  successors: z.array(adminUnitLinkSchema),
});
export type AdminUnitDetail = z.infer<typeof adminUnitDetailSchema>;

export const adminUnitQuerySchema = z.object({
  level: z.enum(adminUnitLevels).optional(),
  q: z.string().trim().max(200).optional(),
  validOn: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
});
export type AdminUnitQuery = z.infer<typeof adminUnitQuerySchema>;

/**
 * The interchange format of a reorganisation (the shape of shared/data/hanoi-communes-2025.json): new
 * communes with the former units and former districts they were formed from. Any province can be loaded
 * from a file of this shape.
 */
export const reorganisationFileSchema = z.object({
  province: z
    .object({ code: z.string().min(1), name: z.string().min(1), kind: z.string().min(1) })
    .optional(),
  effectiveDate: isoDate.optional(),
  legalBasis: z.string().optional(),
  districts: z
    .array(z.object({ code: z.string().min(1), name: z.string().min(1), kind: z.string().optional() }))
    .optional(),
  units: z
    .array(
      z.object({
        newCode: z.string().regex(/^\d{5}$/),
        newName: z.string().min(1),
        type: z.string().min(1),
        formerUnits: z.array(
          z.object({
            oldCode: z.string().regex(/^\d{5}$/),
            name: z.string().min(1),
            district: z.string().min(1),
            splitAcrossNewUnits: z.boolean(),
          }),
        ),
        approxLat: z.number().nullable().optional(),
        approxLon: z.number().nullable().optional(),
      }),
    )
    .min(1),
});
export type ReorganisationFile = z.infer<typeof reorganisationFileSchema>;

/** Splits "Huyện Đông Anh" into kind "Huyện" and name "Đông Anh". */
export function splitUnitName(fullName: string): { kind: string; name: string } {
  const kinds = ['Thành phố', 'Thị xã', 'Thị trấn', 'Quận', 'Huyện', 'Phường', 'Xã', 'Tỉnh'];
  for (const kind of kinds) {
    if (fullName.startsWith(`${kind} `)) return { kind, name: fullName.slice(kind.length + 1).trim() };
  }
  return { kind: '', name: fullName.trim() };
}
