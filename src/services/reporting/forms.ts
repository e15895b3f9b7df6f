import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { dueInstant } from '../../domain/reporting/calendar';
import { formTerms, formVersion } from '../../domain/reporting/catalogue';
import type { FormCode, FormVersion } from '../../domain/reporting/form-types';
import { formCodes } from '../../domain/reporting/form-types';
import { comparisonPeriod, formatPeriod, parsePeriod, periodId } from '../../domain/reporting/periods';
import {
  compareWithPrevious,
  fieldMessages,
  unexplainedOutliers,
  validateFiling,
  type FilingValues,
} from '../../domain/reporting/validation';
import { validationError, type LocalizedText } from '../../domain/shared/errors';
import { rowsOf } from '../../db/rows';

export type { FilingValues };

/** The registry facts a filing's rules may refer to (the form's `context` keys). */
export type FilingContext = Record<string, number | null>;

export type FormRules = {
  form: FormVersion;
  formVersion: string;
  dueDate: string;
  dueAt: Date;
  window: { start: string; end: string };
  /** Problems a draft may not be saved with: unknown items, values of the wrong kind. */
  checkShape(values: FilingValues): Record<string, LocalizedText>;
  /** Every blocking rule of the form version (what a submission must satisfy). */
  checkValues(values: FilingValues, context: FilingContext): Record<string, LocalizedText>;
  /** Changes beyond the threshold against the comparison period that have no written explanation. */
  checkOutliers(
    values: FilingValues,
    previous: FilingValues | null,
    explanations: Record<string, string>,
  ): Record<string, LocalizedText>;
  /** The period whose accepted figures this one is compared with. */
  comparisonPeriod: string;
};

/** Per-item checks a draft must pass too; completeness (`required`) and cross-item rules wait for submission. */
const SHAPE_RULES = new Set(['unknown_item', 'number', 'flag', 'integer', 'decimals', 'min', 'max']);

/**
 * The rules of a form for a period, from the catalogue (domain/reporting): the version in force, its due date
 * as an instant (end of the due day in Asia/Ho_Chi_Minh), and its validations — the same functions the
 * browser runs. An unknown form, a malformed period or a period the form is not due for is a field error.
 */
export function formRules(formCode: string, period: string, family: 'KCN' | 'CCN'): FormRules {
  if (!(formCodes as readonly string[]).includes(formCode)) {
    throw validationError({
      formCode: { vi: `Không có biểu mẫu "${formCode}".`, en: `No form "${formCode}".` },
    });
  }
  const parsed = parsePeriod(period);
  if (!parsed) {
    throw validationError({
      period: {
        vi: `Kỳ báo cáo "${period}" không đúng dạng (ví dụ 2025-H1, 2025, 2025-Q3).`,
        en: `Period "${period}" is not valid (e.g. 2025-H1, 2025, 2025-Q3).`,
      },
    });
  }
  const found = formTerms(formCode as FormCode, parsed, undefined, { history: true });
  if (!found) {
    throw validationError({
      period: {
        vi: `Biểu ${formCode} không phải báo cáo cho kỳ ${formatPeriod(parsed, 'vi')}.`,
        en: `Form ${formCode} is not due for ${formatPeriod(parsed, 'en')}.`,
      },
    });
  }
  const { form, terms } = found;
  if (form.family !== family) {
    throw validationError({
      formCode: {
        vi: `${form.shortTitle.vi} dành cho ${form.family === 'CCN' ? 'cụm công nghiệp' : 'khu công nghiệp'}.`,
        en: `${form.shortTitle.en} is for ${form.family === 'CCN' ? 'industrial clusters' : 'industrial parks'}.`,
      },
    });
  }
  const previous = comparisonPeriod(parsed, form.comparison);
  return {
    form,
    formVersion: form.version,
    dueDate: terms.dueDate,
    dueAt: dueInstant(terms.dueDate),
    window: terms.window,
    comparisonPeriod: periodId(previous),
    checkShape: (values) =>
      fieldMessages(
        validateFiling(form, values).filter((e) => SHAPE_RULES.has(e.rule) && e.severity === 'error'),
      ),
    checkValues: (values, context) => fieldMessages(validateFiling(form, values, context)),
    checkOutliers: (values, previousValues, explanations) =>
      fieldMessages(
        unexplainedOutliers(
          compareWithPrevious(form, values, previousValues, {
            explanations,
            previousLabel: { vi: formatPeriod(previous, 'vi'), en: formatPeriod(previous, 'en') },
          }),
        ),
      ),
  };
}

/** The definition a stored revision was entered against. */
export function revisionForm(formCode: string, version: string): FormVersion | null {
  return formVersion(formCode as FormCode, version);
}

/** Registry facts for the form's context keys (e.g. a cluster's industrial land for Biểu 02's rules). */
export async function filingContext(
  db: Db,
  form: FormVersion,
  zoneId: string | null,
): Promise<FilingContext> {
  const context: FilingContext = {};
  if (!zoneId || !form.context.length) return context;
  const result = await db.execute(
    sql`select industrial_land_ha::float8 as industrial_land_ha from zone where id = ${zoneId}`,
  );
  const row = rowsOf<{ industrial_land_ha: number | null }>(result)[0];
  for (const { key } of form.context) {
    if (key === 'industrial_land_ha') context[key] = row?.industrial_land_ha ?? null;
  }
  return context;
}

/** The accepted figures of the same reporter for the comparison period, if any. */
export async function acceptedValues(
  db: Db,
  key: { formCode: string; period: string; reporterKind: string; reporterRef: string },
): Promise<FilingValues | null> {
  const result = await db.execute(sql`
    select r.values from report_filing f
    join report_revision r on r.filing_id = f.id and r.revision_no = f.accepted_revision
    where f.form_code = ${key.formCode} and f.period = ${key.period}
      and f.reporter_kind = ${key.reporterKind} and f.reporter_ref = ${key.reporterRef}`);
  const row = rowsOf<{ values: unknown }>(result)[0];
  if (!row) return null;
  return (typeof row.values === 'string' ? JSON.parse(row.values) : row.values) as FilingValues;
}
