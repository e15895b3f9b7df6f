import type { FormCode, FormItem, FormVersion, Operand } from './form-types';
import { ccnCompiledForms } from './forms-ccn-compiled';
import { ccnFiledForms } from './forms-ccn';
import { kcnForms } from './forms-kcn';
import { indicators } from './indicators';
import { calendarRange, parsePeriod, periodTerms, type Period, type PeriodTerms } from './periods';
import type { IsoDate } from './calendar';

/**
 * The form catalogue: every dated version of every statutory form. A regulation that changes a form adds a
 * version here (and closes the previous one with `effectiveTo`); filings keep the version they were entered
 * against, so an old revision is always read with its own definition.
 */
export const formCatalogue: readonly FormVersion[] = [...ccnFiledForms, ...ccnCompiledForms, ...kcnForms];

/** The version of a form in force on a date; null before the form existed. */
export function formAt(
  code: FormCode,
  date: IsoDate,
  catalogue: readonly FormVersion[] = formCatalogue,
): FormVersion | null {
  return (
    catalogue.find(
      (f) => f.code === code && f.effectiveFrom <= date && (f.effectiveTo === null || date <= f.effectiveTo),
    ) ?? null
  );
}

/**
 * The version that governs a period: the one in force on the period's last calendar day. For Circular 14 that
 * puts the first-half 2025 reports (due in June) under the district-era version and the 2025 yearly reports
 * under Circular 38's, which is what the dates of the two circulars intend.
 */
export function formForPeriod(
  code: FormCode,
  period: Period | string,
  catalogue: readonly FormVersion[] = formCatalogue,
): FormVersion | null {
  const p = typeof period === 'string' ? parsePeriod(period) : period;
  if (!p) return null;
  return formAt(code, calendarRange(p).end, catalogue);
}

/**
 * The version to enter or compile a period's figures with: the one that governs it, or — for a period before
 * the form's first version — that first version. History (back to 2015 and before) is never refused because
 * the form's first version starts later (issue 13); who *owed* a report stays `formForPeriod`'s question
 * (nobody owes one before the regulation). A gap between two versions stays a refusal.
 */
export function formForHistory(
  code: FormCode,
  period: Period | string,
  catalogue: readonly FormVersion[] = formCatalogue,
): FormVersion | null {
  const p = typeof period === 'string' ? parsePeriod(period) : period;
  if (!p) return null;
  const governing = formForPeriod(code, p, catalogue);
  if (governing) return governing;
  const end = calendarRange(p).end;
  const earliest = catalogue
    .filter((f) => f.code === code)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  return earliest && end < earliest.effectiveFrom ? earliest : null;
}

/** A stored revision's definition, by the version id it recorded. */
export function formVersion(
  code: FormCode,
  version: string,
  catalogue: readonly FormVersion[] = formCatalogue,
): FormVersion | null {
  return catalogue.find((f) => f.code === code && f.version === version) ?? null;
}

/** The form, window and due date of a period, or null when the form is not due for it. */
export function formTerms(
  code: FormCode,
  period: Period | string,
  catalogue: readonly FormVersion[] = formCatalogue,
  options: { history?: boolean } = {},
): { form: FormVersion; terms: PeriodTerms } | null {
  const p = typeof period === 'string' ? parsePeriod(period) : period;
  if (!p) return null;
  const form = options.history ? formForHistory(code, p, catalogue) : formForPeriod(code, p, catalogue);
  if (!form) return null;
  const terms = periodTerms(form.schedules, p);
  return terms ? { form, terms } : null;
}

export function itemOf(form: FormVersion, indicator: string): FormItem | undefined {
  return form.items.find((i) => i.indicator === indicator);
}

export function itemByNo(form: FormVersion, no: string): FormItem | undefined {
  return form.items.find((i) => i.no === no);
}

/**
 * Problems in a catalogue, as sentences; empty when consistent. Run by the tests over the shipped catalogue
 * and meant for an administrator's edited configuration before it is saved.
 */
export function checkCatalogue(catalogue: readonly FormVersion[] = formCatalogue): string[] {
  const problems: string[] = [];
  const byCode = new Map<FormCode, FormVersion[]>();
  for (const form of catalogue) byCode.set(form.code, [...(byCode.get(form.code) ?? []), form]);
  for (const [code, versions] of byCode) {
    const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    const ids = new Set(sorted.map((v) => v.version));
    if (ids.size !== sorted.length) problems.push(`${code}: two versions share an id`);
    sorted.forEach((v, i) => {
      if (v.effectiveTo !== null && v.effectiveTo < v.effectiveFrom)
        problems.push(`${code}@${v.version}: ends before it starts`);
      const next = sorted[i + 1];
      if (next && (v.effectiveTo === null || v.effectiveTo >= next.effectiveFrom)) {
        problems.push(`${code}@${v.version}: overlaps ${next.version}`);
      }
    });
    for (const form of versions) problems.push(...checkForm(form, catalogue));
  }
  return problems;
}

function checkForm(form: FormVersion, catalogue: readonly FormVersion[]): string[] {
  const problems: string[] = [];
  const at = `${form.code}@${form.version}`;
  const keys = new Set<string>();
  const nos = new Set<string>();
  for (const item of form.items) {
    if (!indicators.has(item.indicator))
      problems.push(`${at} item ${item.no}: unknown indicator ${item.indicator}`);
    if (keys.has(item.indicator)) problems.push(`${at}: indicator ${item.indicator} twice`);
    if (nos.has(item.no)) problems.push(`${at}: item number ${item.no} twice`);
    keys.add(item.indicator);
    nos.add(item.no);
    if (form.kind === 'compiled' && !item.compute)
      problems.push(`${at} item ${item.no}: compiled item without a rule`);
    if (form.kind === 'filed' && item.compute) problems.push(`${at} item ${item.no}: filed item with a rule`);
    if (item.section && !form.sections.some((s) => s.code === item.section)) {
      problems.push(`${at} item ${item.no}: unknown section ${item.section}`);
    }
  }
  const contextKeys = new Set(form.context.map((c) => c.key));
  const checkOperand = (o: Operand, rule: string) => {
    if ('item' in o && !keys.has(o.item)) problems.push(`${at} rule ${rule}: unknown item ${o.item}`);
    if ('context' in o && !contextKeys.has(o.context))
      problems.push(`${at} rule ${rule}: unknown context ${o.context}`);
  };
  for (const rule of form.rules) {
    if (!keys.has(rule.item)) problems.push(`${at} rule ${rule.id}: unknown item ${rule.item}`);
    if (rule.kind === 'compare') {
      checkOperand(rule.left, rule.id);
      checkOperand(rule.right, rule.id);
    } else {
      checkOperand({ item: rule.if.item }, rule.id);
      checkOperand({ item: rule.then.item }, rule.id);
    }
  }
  for (const item of form.items) {
    const rule = item.compute;
    if (!rule) continue;
    if (rule.kind === 'sum_items') {
      for (const no of rule.items)
        if (!nos.has(no)) problems.push(`${at} item ${item.no}: sums unknown item ${no}`);
    }
    const refs =
      rule.kind === 'cluster_report' || rule.kind === 'cluster_weighted_average'
        ? [rule.report]
        : rule.kind === 'tenant_reports'
          ? [rule.report, ...(rule.developerReport ? [rule.developerReport] : [])]
          : [];
    for (const ref of refs) {
      const sources = catalogue.filter((f) => f.code === ref.form);
      if (!sources.length) problems.push(`${at} item ${item.no}: unknown source form ${ref.form}`);
      else if (!sources.every((f) => f.items.some((i) => i.indicator === ref.indicator))) {
        problems.push(`${at} item ${item.no}: ${ref.form} lacks ${ref.indicator} in some version`);
      }
    }
  }
  if (!form.schedules.length) problems.push(`${at}: no schedule`);
  return problems;
}
