import { z } from 'zod';
import type { FormCode } from './form-types';
import { parsePeriod } from './periods';
import { isoDate } from '../shared/fields';

/**
 * HTTP contracts of the reporting domain's computed results — compiled reports with their drill-down, and
 * obligations — for the server's routes (validation and OpenAPI) and the web client. Filing input contracts
 * live in `filing.schema.ts`.
 */

export const formCodeSchema = z.enum(['B01', 'B02', 'B03', 'B04', 'KCN_TENANT', 'KCN_BOARD']);
// The schema and the domain type must name the same forms.
const _sameForms: [z.infer<typeof formCodeSchema>, FormCode] extends [
  FormCode,
  z.infer<typeof formCodeSchema>,
]
  ? true
  : never = true;
void _sameForms;

/** `2025-H1`, `2025-Q3`, `2025-M07` or `2025`. */
export const periodIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => parsePeriod(value) !== null, {
    message: 'Kỳ báo cáo có dạng 2025-H1, 2025-Q3, 2025-M07 hoặc 2025.',
  })
  .meta({ example: '2025-H1' });

export const sourceRefSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('zone'),
    id: z.string(),
    code: z.string(),
    field: z.string(),
    contribution: z.number(),
    weight: z.number().optional(),
  }),
  z.object({
    kind: z.literal('filing'),
    id: z.string(),
    formCode: formCodeSchema,
    revisionNo: z.number().int(),
    reporterKind: z.enum(['project', 'zone']),
    reporterId: z.string(),
    zoneId: z.string(),
    indicator: z.string(),
    contribution: z.number(),
    weight: z.number().optional(),
  }),
  z.object({
    kind: z.literal('project'),
    id: z.string(),
    code: z.string(),
    zoneId: z.string(),
    contribution: z.number(),
  }),
  z.object({
    kind: z.literal('capital'),
    from: isoDate,
    to: isoDate,
    measure: z.enum(['new_count', 'new_amount', 'increase_count', 'increase_amount', 'attracted_converted']),
    currency: z.string().nullable(),
    contribution: z.number(),
  }),
]);

export const gapSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('filing_missing'),
    formCode: formCodeSchema,
    reporterKind: z.enum(['project', 'zone']),
    reporterId: z.string(),
    zoneId: z.string(),
    fallback: z.enum(['registry', 'none']),
  }),
  z.object({ kind: z.literal('registry_missing'), zoneId: z.string(), field: z.string() }),
  z.object({
    kind: z.literal('exchange_rate_missing'),
    events: z.number().int(),
    range: z.enum(['period', 'year_to_date']),
  }),
]);

export const compiledItemSchema = z.object({
  no: z.string(),
  indicator: z.string(),
  section: z.string().nullable(),
  level: z.union([z.literal(0), z.literal(1)]),
  unit: z.string(),
  value: z.number().nullable(),
  sources: z.array(sourceRefSchema),
  gaps: z.array(gapSchema),
});

export const compiledReportSchema = z.object({
  formCode: formCodeSchema,
  formVersion: z.string(),
  period: z.string(),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('commune'), id: z.string() }),
    z.object({ kind: z.literal('district'), id: z.string() }),
    z.object({ kind: z.literal('province') }),
  ]),
  window: z.object({ start: isoDate, end: isoDate }),
  items: z.array(compiledItemSchema),
});

export const parksReportSchema = compiledReportSchema.omit({ scope: true, items: true }).extend({
  yearToDate: z.object({ start: isoDate, end: isoDate }),
  items: z.array(
    compiledItemSchema.extend({
      yearToDate: z.number().nullable(),
      target: z.number().nullable(),
      achievedPct: z.number().nullable(),
    }),
  ),
});

export const obligationSchema = z.object({
  formCode: formCodeSchema,
  formVersion: z.string(),
  period: z.string(),
  reporter: z.object({
    kind: z.enum(['project', 'zone', 'commune', 'district', 'department', 'management_board']),
    id: z.string(),
  }),
  organisationId: z.string().nullable(),
  zoneId: z.string().nullable(),
  communeId: z.string().nullable(),
  districtId: z.string().nullable(),
  family: z.enum(['CCN', 'KCN']),
  window: z.object({ start: isoDate, end: isoDate }),
  dueDate: isoDate,
  /** ISO instant: the end of the due day in Vietnam time. */
  dueAt: z.string(),
  warnings: z.array(z.literal('developer_unknown')),
});

export const completenessRowSchema = z.object({
  formCode: formCodeSchema,
  period: z.string(),
  expected: z.number().int(),
  received: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
});
