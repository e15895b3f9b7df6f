import { z } from 'zod';
import type { LocalizedText } from '../shared/errors';
import { checkTaxCode } from './tax-code';

/**
 * Organisations — tổ chức: enterprises, household businesses (hộ kinh doanh), infrastructure developers
 * (chủ đầu tư hạ tầng) and agencies. Public business-registry facts.
 */
export const ownershipKinds = ['fdi', 'domestic_state', 'domestic_private', 'household', 'agency'] as const;
export type Ownership = (typeof ownershipKinds)[number];

export const organisationRoles = ['developer', 'tenant', 'agency'] as const;
export type OrganisationRole = (typeof organisationRoles)[number];

/** Stable code, independent of the name: upper-case letters, digits and hyphens. */
export const organisationCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,63}$/);

export const organisationFieldsSchema = z.object({
  name: z.string().trim().min(1).max(500),
  nameEn: z.string().trim().max(500).nullish(),
  /** Mã số thuế; checked by `checkOrganisationFields` so the message says what is wrong. */
  taxCode: z
    .string()
    .trim()
    .max(20)
    .nullish()
    .meta({ example: '0100109106', description: '10 digits, or 10-3 for a branch (check digit verified)' }),
  /** ISO 3166-1 alpha-2 country of the investor. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/),
  ownership: z.enum(ownershipKinds).nullable(),
  roles: z.array(z.enum(organisationRoles)).min(1).max(3),
  address: z.string().trim().max(1000).nullish(),
  sources: z.array(z.string().trim().min(1).max(2000)).max(50).optional(),
});
export type OrganisationFields = z.infer<typeof organisationFieldsSchema>;

export const createOrganisationInputSchema = organisationFieldsSchema.extend({
  code: organisationCodeSchema,
  country: organisationFieldsSchema.shape.country.default('VN'),
  ownership: organisationFieldsSchema.shape.ownership.default(null),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationInputSchema>;

/** A partial update naming the version it was based on (optimistic concurrency). The code never changes. */
export const updateOrganisationInputSchema = organisationFieldsSchema
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationInputSchema>;

export const organisationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  taxCode: z.string().nullable(),
  country: z.string(),
  ownership: z.enum(ownershipKinds).nullable(),
  roles: z.array(z.enum(organisationRoles)),
  address: z.string().nullable(),
  sources: z.array(z.string()),
  isSynthetic: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

/** One organisation as its page shows it: whether the caller may edit it is the server's answer. */
export const organisationDetailSchema = organisationSchema.extend({ canEdit: z.boolean() });
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

/** Orders of the organisation list; `name` sorts without regard to diacritics ("Đ" beside "D"). */
export const organisationSorts = ['name', 'code', 'taxCode', 'country'] as const;
export type OrganisationSort = (typeof organisationSorts)[number];

export const organisationListQuerySchema = z.object({
  /** Diacritics-insensitive search over code, name, English name and tax code. */
  q: z.string().trim().max(200).optional(),
  /** An ownership kind, or `unknown` for organisations no source has classified yet. */
  ownership: z.enum([...ownershipKinds, 'unknown']).optional(),
  role: z.enum(organisationRoles).optional(),
  /** ISO 3166-1 alpha-2 country of the investor. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  sort: z.enum(organisationSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;

/** Rules zod cannot word well: the tax code's check digit, duplicate roles. Problems by field. */
export function checkOrganisationFields(fields: Partial<OrganisationFields>): Record<string, LocalizedText> {
  const problems: Record<string, LocalizedText> = {};
  if (fields.taxCode) {
    const problem = checkTaxCode(fields.taxCode);
    if (problem) problems.taxCode = problem;
  }
  if (fields.roles && new Set(fields.roles).size !== fields.roles.length) {
    problems.roles = { vi: 'Vai trò bị lặp lại.', en: 'A role is listed twice.' };
  }
  return problems;
}
