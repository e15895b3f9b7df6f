import { z } from 'zod';
import { ownershipKinds } from '../organisation/organisation.schema';
import type { LocalizedText } from '../shared/errors';
import { investmentEventKinds } from './capital';
import { isoDate } from '../shared/fields';

/** Tenant projects — dự án thứ phát — in a park or cluster, each with its investor and capital ledger. */
export const projectStatuses = [
  'licensed',
  'building',
  'operating',
  'stopped',
  'proposed_revocation',
  'terminated',
] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,63}$/);

export const projectFieldsSchema = z.object({
  zoneCode: z.string().trim().toUpperCase().min(1).max(64),
  investorCode: z.string().trim().toUpperCase().min(1).max(64),
  name: z.string().trim().min(1).max(500),
  /** Investment registration certificate — giấy chứng nhận đăng ký đầu tư: number and date. */
  certificateNo: z.string().trim().max(100).nullish(),
  certificateDate: isoDate.nullish(),
  /** VSIC 2018 code of the main activity: a section letter A–U, or 2–5 digits. Checked by checkVsicCode. */
  vsicCode: z.string().trim().toUpperCase().max(5).nullish().meta({ example: '2610' }),
  /** Leased land in ha (4 decimals). */
  leasedHa: z.number().min(0).max(100_000).multipleOf(0.0001).nullish(),
  lot: z.string().trim().max(200).nullish(),
  workers: z.number().int().min(0).max(1_000_000).nullish(),
  status: z.enum(projectStatuses),
});
export type ProjectFields = z.infer<typeof projectFieldsSchema>;

export const createProjectInputSchema = projectFieldsSchema.extend({
  code,
  status: projectFieldsSchema.shape.status.default('licensed'),
});
export type CreateProjectInput = z.infer<typeof createProjectInputSchema>;

export const updateProjectInputSchema = projectFieldsSchema
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateProjectInput = z.infer<typeof updateProjectInputSchema>;

/** VSIC 2018 (Decision 27/2018/QĐ-TTg): section A–U, division 2, group 3, class 4, sub-class 5 digits. */
export function checkVsicCode(value: string): LocalizedText | null {
  return /^([A-U]|\d{2,5})$/.test(value)
    ? null
    : {
        vi: 'Mã ngành VSIC 2018 là một chữ cái A–U (ngành cấp 1) hoặc 2–5 chữ số (cấp 2–5), ví dụ 2610.',
        en: 'A VSIC 2018 code is a section letter A–U or 2–5 digits (levels 2–5), e.g. 2610.',
      };
}

const money = z.string().meta({ example: '1000000.00' });

export const capitalAmountSchema = z.object({ currency: z.string(), amount: money });

export const projectSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  zoneCode: z.string(),
  zoneName: z.string(),
  investorCode: z.string(),
  investorName: z.string(),
  ownership: z.enum(ownershipKinds).nullable(),
  certificateNo: z.string().nullable(),
  certificateDate: z.string().nullable(),
  vsicCode: z.string().nullable(),
  leasedHa: z.number().nullable(),
  lot: z.string().nullable(),
  workers: z.number().nullable(),
  status: z.enum(projectStatuses),
  /** Running sum of the capital ledger per currency; amounts are decimal strings (never floats). */
  registeredCapital: z.array(capitalAmountSchema),
  isSynthetic: z.boolean(),
  version: z.number(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const investmentEventInputSchema = z.object({
  kind: z.enum(investmentEventKinds),
  eventDate: isoDate,
  /** Decimal string, e.g. "1500000" or "1500000.50"; > 0 except a termination may be 0. */
  amount: z.string().trim().max(40).meta({ example: '1000000.00' }),
  /** ISO 4217, e.g. USD, VND. */
  currency: z.string().trim().toUpperCase().max(3).meta({ example: 'USD' }),
  note: z.string().trim().max(2000).nullish(),
});
export type InvestmentEventInput = z.infer<typeof investmentEventInputSchema>;

export const investmentEventSchema = z.object({
  id: z.string(),
  kind: z.enum(investmentEventKinds),
  eventDate: z.string(),
  amount: money,
  currency: z.string(),
  note: z.string().nullable(),
  /** Registered capital in this event's currency after it (in ledger order). */
  registeredAfter: money,
  createdAt: z.string(),
});
export type InvestmentEvent = z.infer<typeof investmentEventSchema>;

export const projectDetailSchema = projectSummarySchema.extend({
  zoneKind: z.string(),
  /** Whether the caller may edit the project and add to its ledger (role and the zone's scope). */
  canEdit: z.boolean(),
  events: z.array(investmentEventSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

/**
 * VSIC 2018 sections (ngành cấp 1) by their divisions (cấp 2): a section filter matches the projects whose
 * code is the letter itself or starts with one of its divisions.
 */
export const vsicSections: Record<string, readonly [string, string]> = {
  A: ['01', '03'],
  B: ['05', '09'],
  C: ['10', '33'],
  D: ['35', '35'],
  E: ['36', '39'],
  F: ['41', '43'],
  G: ['45', '47'],
  H: ['49', '53'],
  I: ['55', '56'],
  J: ['58', '63'],
  K: ['64', '66'],
  L: ['68', '68'],
  M: ['69', '75'],
  N: ['77', '82'],
  O: ['84', '84'],
  P: ['85', '85'],
  Q: ['86', '88'],
  R: ['90', '93'],
  S: ['94', '96'],
  T: ['97', '98'],
  U: ['99', '99'],
};

/** Orders of the project list; `name`, `zone` and `investor` sort without regard to diacritics. */
export const projectSorts = [
  'code',
  'name',
  'zone',
  'investor',
  'certificateDate',
  'leasedHa',
  'workers',
] as const;
export type ProjectSort = (typeof projectSorts)[number];

/** FDI (investor's ownership = fdi), domestic (any other known ownership), unknown (not classified). */
export const projectOwnershipFilters = ['fdi', 'domestic', 'unknown'] as const;

export const projectListQuerySchema = z.object({
  /** Diacritics-insensitive search over the project's code, name, certificate and investor's name. */
  q: z.string().trim().max(200).optional(),
  zone: z.string().trim().toUpperCase().max(64).optional(),
  investor: z.string().trim().toUpperCase().max(64).optional(),
  status: z.enum(projectStatuses).optional(),
  /** A VSIC section letter (A–U) or the first 1–5 digits of a code: 26 finds 2610 and 2620. */
  vsic: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-U]|\d{1,5})$/)
    .optional()
    .meta({ example: '26' }),
  ownership: z.enum(projectOwnershipFilters).optional(),
  sort: z.enum(projectSorts).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;
