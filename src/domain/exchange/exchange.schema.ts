import { z } from 'zod';
import { ownershipKinds } from '../organisation/organisation.schema';
import { projectStatuses } from '../project/project.schema';
import { lifecycleStates } from '../zone/lifecycle';
import { wwtpStatuses, zoneKinds } from '../zone/zone.schema';

/**
 * The exchange package of a signed Biểu 04 (Circular 14/2024, Appendix I), version 1 — what one IZIS sends to
 * the national cluster database or to another province's IZIS (docs/decisions/0020-exchange-package.md).
 * One JSON document: the 27 items (35 lines) exactly as signed, the registry rows and accepted Biểu 01/02 they
 * were computed from (so the receiver recomputes them with the same rule), the form's XLSX in base64, and a
 * SHA-256 over the canonical serialisation of everything but `checksum` (`canonical.ts`).
 */

export const EXCHANGE_FORMAT = 'izis-bieu04-exchange';
export const EXCHANGE_VERSION = 1;
/** The address the JSON Schema of this version is served at (and `docs/exchange/bieu04-exchange.v1.schema.json`). */
export const EXCHANGE_SCHEMA_PATH = '/api/exchange/schema/v1.json';

const text = z.string().max(2000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ha = z.number().finite().nullable();

/** One line of the form as signed: item number (1…27, 15.1…16.4), its indicator, unit and value. */
export const exchangeItemSchema = z
  .object({
    code: z.string().max(8).describe('Item number on the form: "1"…"27", "15.1"…"16.4".'),
    indicator: z
      .string()
      .max(64)
      .describe('Indicator code of the IZIS catalogue (`domain/reporting/indicators.ts`).'),
    label: z.object({ vi: text, en: text }).describe("The item's name, Vietnamese and English."),
    unit: z
      .string()
      .max(32)
      .describe('Unit code: `count`, `ha`, `pct`, `billion_vnd`, `person`, `million_vnd`…'),
    value: z
      .number()
      .finite()
      .nullable()
      .describe('The signed figure; null only for an average over nothing.'),
  })
  .describe('One line of the form as signed.');

/** A cluster (or zone) as the registry held it when the report was signed: what items 1–22 are computed from. */
export const exchangeZoneSchema = z
  .object({
    id: z
      .string()
      .max(64)
      .describe("Opaque identifier in the sender's registry; projects and filings point at it."),
    code: z.string().max(64),
    name: text,
    kind: z.enum(zoneKinds),
    ccnType: z.string().max(64).nullable().describe('Cluster type (`ccn_type`): items 15.3/15.4.'),
    communeId: z.string().max(64).nullable(),
    communeCode: z
      .string()
      .max(16)
      .nullable()
      .describe("The commune's code and name (2025 units), for people; not used by the computation."),
    communeName: text.nullable(),
    formerDistrictId: z.string().max(64).nullable(),
    developerId: z.string().max(64).nullable(),
    developerCode: z.string().max(64).nullable(),
    developerName: text.nullable(),
    developerOwnership: z
      .enum(ownershipKinds)
      .nullable()
      .describe("The infrastructure developer's ownership: items 7–8."),
    areaHa: ha,
    industrialLandHa: ha,
    leasedHa: ha,
    approvedHa: ha,
    /** Integer VND as a string (exact). */
    infraInvestmentApprovedVnd: z
      .string()
      .regex(/^-?\d+$/)
      .nullable(),
    infraInvestmentPaidVnd: z
      .string()
      .regex(/^-?\d+$/)
      .nullable(),
    wwtpStatus: z.enum(wwtpStatuses).nullable(),
    /** The dated lifecycle: items 3–12 by the state reached at the end of the data window. */
    lifecycle: z
      .array(
        z.object({
          state: z.enum(lifecycleStates),
          eventDate: isoDate,
          progressPct: z.number().nullable().optional(),
          decisionNo: z.string().max(200).nullable().optional(),
          seq: z.number().int(),
        }),
      )
      .max(1000),
    /** Master-plan entries: items 1–2. */
    planEntries: z
      .array(
        z.object({
          change: z.enum(['added', 'removed', 'area_changed']),
          areaHa: ha,
          effectiveDate: isoDate,
        }),
      )
      .max(1000),
  })
  .describe('A cluster as the registry held it when the report was signed.');

/** A tenant project: items 20–25 (projects counted, FDI, and whose Biểu 01 is expected). */
export const exchangeProjectSchema = z
  .object({
    id: z.string().max(64),
    code: z.string().max(64),
    zoneId: z.string().max(64),
    investorId: z.string().max(64),
    investorIsFdi: z.boolean(),
    status: z.enum(projectStatuses),
    terminatedOn: isoDate.nullable(),
  })
  .describe('A tenant project (items 20–25).');

/** An accepted Biểu 01 (a tenant) or Biểu 02 (a cluster's developer) of the period: items 13–14, 18, 20–27. */
export const exchangeFilingSchema = z
  .object({
    id: z.string().max(64),
    formCode: z.enum(['B01', 'B02']),
    period: z.string().max(16),
    reporterKind: z.enum(['project', 'zone']),
    reporterId: z.string().max(64),
    revisionNo: z.number().int().positive(),
    values: z.record(z.string().max(64), z.number().finite().nullable()),
  })
  .describe('An accepted Biểu 01 (tenant) or Biểu 02 (developer) of the period.');

export const exchangePackageSchema = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  version: z
    .number()
    .int()
    .positive()
    .describe("The package format's version; a receiver refuses versions it does not know."),
  formCode: z.literal('B04'),
  formVersion: z
    .string()
    .max(64)
    .describe('Version of the form definition (the circular) the figures were computed with.'),
  period: z.string().max(16).describe('Reporting period: `2025-H1`, `2025`.'),
  window: z.object({ start: isoDate, end: isoDate }).describe("The period's data window."),
  province: z
    .object({ code: z.string().max(16), name: text })
    .describe('The sending province (administrative-unit code and name).'),
  signed: z
    .object({
      versionNo: z.number().int().positive(),
      docNo: z.string().max(64).nullable(),
      signerName: text,
      signerTitle: text,
      signedAt: z.iso.datetime({ offset: true }),
    })
    .describe('The signed version: number, document number, signer, title and instant of signing.'),
  items: z
    .array(exchangeItemSchema)
    .max(200)
    .describe('The 35 lines of the 27 items, in form order, exactly as signed.'),
  registry: z
    .object({
      zones: z
        .array(exchangeZoneSchema)
        .max(100_000)
        .describe('Every cluster of the province as the registry held it at signing.'),
      projects: z
        .array(exchangeProjectSchema)
        .max(1_000_000)
        .describe('The tenant projects of those clusters.'),
      filings: z
        .array(exchangeFilingSchema)
        .max(1_000_000)
        .describe('The accepted Biểu 01/02 of the period.'),
    })
    .describe(
      'The registry rows and accepted filings the items were computed from: the receiver recomputes the items from them.',
    ),
  xlsx: z
    .object({
      fileName: z.string().max(200),
      mediaType: z.literal('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      base64: z.string(),
    })
    .describe('The form as a spreadsheet (the same file as "Tải Excel" of the signed version), base64.'),
  generator: z.string().max(200).describe('Software that wrote the package.'),
  /**
   * SHA-256 (lower-case hex) of the canonical serialisation (RFC 8785 JSON Canonicalization Scheme: keys
   * sorted by UTF-16 code units, no whitespace, ECMAScript number form) of the package without this field.
   */
  checksum: z
    .object({
      algorithm: z.literal('sha256'),
      canonicalization: z.literal('RFC8785'),
      value: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .describe(
      'SHA-256 (lower-case hex) of the package without this member, serialised by RFC 8785 (JSON Canonicalization Scheme).',
    ),
});

export type ExchangePackage = z.infer<typeof exchangePackageSchema>;
export type ExchangeItem = z.infer<typeof exchangeItemSchema>;

/** Which signed Biểu 04 to export: the period and a signed version (the latest when omitted). */
export const exchangeExportQuerySchema = z.object({
  period: z.string().min(4).max(16),
  version: z.coerce.number().int().positive().optional(),
});

/** A received package as stored (`exchange_submission`). */
export const exchangeSubmissionSummarySchema = z.object({
  id: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  formCode: z.string(),
  period: z.string(),
  signedVersionNo: z.number(),
  docNo: z.string().nullable(),
  signerName: z.string(),
  signerTitle: z.string(),
  signedAt: z.string(),
  checksum: z.string(),
  zoneCount: z.number(),
  projectCount: z.number(),
  filingCount: z.number(),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
});

export const exchangeSubmissionSchema = exchangeSubmissionSummarySchema.extend({
  formVersion: z.string(),
  items: z.array(exchangeItemSchema),
});

export const exchangeSubmissionListSchema = z.object({ items: z.array(exchangeSubmissionSummarySchema) });

/** The answer to an import: the stored submission, and whether this call stored it (false: already received). */
export const exchangeImportResultSchema = z.object({
  created: z.boolean(),
  submission: exchangeSubmissionSchema,
});

export type ExchangeSubmissionSummary = z.infer<typeof exchangeSubmissionSummarySchema>;
export type ExchangeSubmission = z.infer<typeof exchangeSubmissionSchema>;
export type ExchangeImportResult = z.infer<typeof exchangeImportResultSchema>;
