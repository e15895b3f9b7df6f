import { formatNumber, formatPercent } from '../format/format';
import type { LocalizedText } from '../shared/errors';
import { fractionDigits } from './decimal';
import type { CompareOp, FormItem, FormVersion, Operand, RelationRule } from './form-types';
import { indicatorOf } from './indicators';

/**
 * Checks of a filing's figures against its form version — the same function in the browser (as the reporter
 * types) and on the server (before a submission is accepted into review). Errors block submission; warnings
 * are shown to the reporter and the reviewer but do not block.
 */

/** A filing's figures: indicator code → value; null (or absent) when not given. */
export type FilingValues = Record<string, number | null>;

export type FieldError = {
  /** The indicator code the message belongs to (the form field). */
  item: string;
  /** The item's legal number on the form, for the message and the printed layout. */
  no: string | null;
  rule: string;
  severity: 'error' | 'warning';
  message: LocalizedText;
};

function itemName(item: FormItem): LocalizedText {
  const name = item.label ?? indicatorOf(item.indicator).name;
  return { vi: `Mục ${item.no} (${name.vi})`, en: `Item ${item.no} (${name.en})` };
}

const num = (value: number, decimals = 4) => ({
  vi: formatNumber(value, { locale: 'vi', maxFractionDigits: decimals }),
  en: formatNumber(value, { locale: 'en', maxFractionDigits: decimals }),
});

/**
 * Validates values against a form version. `context` carries registry facts the form's rules refer to (e.g.
 * the cluster's industrial land); a rule whose operand is missing is skipped, never guessed. A `draft` may be
 * incomplete: missing items are not errors yet, but what is entered must still be a valid figure.
 */
export function validateFiling(
  form: FormVersion,
  values: Readonly<Record<string, unknown>>,
  context: Readonly<Record<string, number | null | undefined>> = {},
  mode: 'draft' | 'submit' = 'submit',
): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(form.items.map((i) => i.indicator));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) {
      errors.push({
        item: key,
        no: null,
        rule: 'unknown_item',
        severity: 'error',
        message: {
          vi: `Chỉ tiêu "${key}" không có trong ${form.shortTitle.vi} (phiên bản ${form.version}).`,
          en: `"${key}" is not an item of ${form.shortTitle.en} (version ${form.version}).`,
        },
      });
    }
  }
  const clean: Record<string, number> = {};
  for (const item of form.items) {
    const error = checkItem(item, values[item.indicator]);
    if (error?.rule === 'required' && mode === 'draft') continue;
    if (error) errors.push({ item: item.indicator, no: item.no, severity: 'error', ...error });
    else if (typeof values[item.indicator] === 'number')
      clean[item.indicator] = values[item.indicator] as number;
  }
  for (const rule of form.rules) {
    const broken = checkRule(rule, clean, context);
    if (broken) {
      const item = form.items.find((i) => i.indicator === rule.item);
      errors.push({
        item: rule.item,
        no: item?.no ?? null,
        rule: rule.id,
        severity: rule.severity,
        message: broken,
      });
    }
  }
  return errors;
}

function checkItem(item: FormItem, value: unknown): { rule: string; message: LocalizedText } | null {
  const indicator = indicatorOf(item.indicator);
  const name = itemName(item);
  const fail = (rule: string, vi: string, en: string) => ({
    rule,
    message: { vi: `${name.vi}: ${vi}`, en: `${name.en}: ${en}` },
  });
  if (value === null || value === undefined) {
    return item.required
      ? fail('required', 'bắt buộc nhập (ghi 0 nếu không có).', 'is required (enter 0 if none).')
      : null;
  }
  if (typeof value !== 'number' || !Number.isFinite(value))
    return fail('number', 'phải là một số.', 'must be a number.');
  if (indicator.valueType === 'flag') {
    return value === 0 || value === 1
      ? null
      : fail('flag', 'chỉ nhận 1 (có) hoặc 0 (không).', 'must be 1 (yes) or 0 (no).');
  }
  if (indicator.valueType === 'integer' && !Number.isInteger(value)) {
    return fail('integer', 'phải là số nguyên.', 'must be a whole number.');
  }
  if (indicator.valueType === 'decimal' && fractionDigits(value) > indicator.decimals) {
    return fail(
      'decimals',
      `tối đa ${indicator.decimals} chữ số thập phân.`,
      `at most ${indicator.decimals} decimal places.`,
    );
  }
  const min = Math.max(indicator.min, item.min ?? -Infinity);
  const max = Math.min(indicator.max, item.max ?? Infinity);
  if (value < min) {
    const m = num(min);
    return fail('min', `không được nhỏ hơn ${m.vi}.`, `must not be below ${m.en}.`);
  }
  if (value > max) {
    const m = num(max);
    return fail('max', `không được lớn hơn ${m.vi}.`, `must not exceed ${m.en}.`);
  }
  return null;
}

function operandValue(
  o: Operand,
  values: Record<string, number>,
  context: Readonly<Record<string, number | null | undefined>>,
): number | null {
  if ('value' in o) return o.value;
  if ('item' in o) return values[o.item] ?? null;
  return context[o.context] ?? null;
}

/** Tolerance for comparing decimals that went through floating point (e.g. 0.1 + 0.2 vs 0.3). */
const EPSILON = 1e-9;

function holds(left: number, op: CompareOp, right: number): boolean {
  switch (op) {
    case '<=':
      return left <= right + EPSILON;
    case '<':
      return left < right - EPSILON;
    case '>=':
      return left >= right - EPSILON;
    case '>':
      return left > right + EPSILON;
    case '=':
      return Math.abs(left - right) <= EPSILON;
  }
}

function checkRule(
  rule: RelationRule,
  values: Record<string, number>,
  context: Readonly<Record<string, number | null | undefined>>,
): LocalizedText | null {
  if (rule.kind === 'compare') {
    const left = operandValue(rule.left, values, context);
    const right = operandValue(rule.right, values, context);
    if (left === null || right === null) return null;
    return holds(left, rule.op, right) ? null : rule.message;
  }
  const condition = values[rule.if.item];
  const consequence = values[rule.then.item];
  if (condition === undefined || consequence === undefined) return null;
  if (!holds(condition, rule.if.op, rule.if.value)) return null;
  return holds(consequence, rule.then.op, rule.then.value) ? null : rule.message;
}

/** Blocking errors by field, in the shape `validationError(fields)` takes; messages of one field joined. */
export function fieldMessages(
  errors: readonly FieldError[],
  severity: 'error' | 'warning' = 'error',
): Record<string, LocalizedText> {
  const fields: Record<string, LocalizedText> = {};
  for (const e of errors) {
    if (e.severity !== severity) continue;
    const before = fields[e.item];
    fields[e.item] = before
      ? { vi: `${before.vi} ${e.message.vi}`, en: `${before.en} ${e.message.en}` }
      : e.message;
  }
  return fields;
}

export function hasBlockingErrors(errors: readonly FieldError[]): boolean {
  return errors.some((e) => e.severity === 'error');
}

// ---------------------------------------------------------------------------------------------------------
// Comparison with the previous period

/** Explanations shorter than this (after trimming) do not count as a written explanation. */
export const MIN_EXPLANATION_LENGTH = 10;

export type Outlier = {
  item: string;
  no: string;
  current: number;
  previous: number;
  /** Signed change in per cent; null when the previous value was 0 (any change from 0 is flagged). */
  changePct: number | null;
  thresholdPct: number;
  explained: boolean;
  message: LocalizedText;
};

/**
 * Items whose change against the comparison period exceeds the threshold (strictly: a change of exactly
 * 50 % under a 50 % threshold is not an outlier). The threshold of an item is, in order: the configured
 * per-indicator `thresholds` (null switches the check off), the item's own `outlierPct`, the form's default.
 * Flags (0/1) and items missing in either period are not compared.
 */
export function compareWithPrevious(
  form: FormVersion,
  current: Readonly<FilingValues>,
  previous: Readonly<FilingValues> | null,
  options: {
    thresholds?: Readonly<Record<string, number | null>>;
    explanations?: Readonly<Record<string, string>>;
    /** The comparison period's label, for the message ("6 tháng đầu năm 2024"). */
    previousLabel?: LocalizedText;
  } = {},
): Outlier[] {
  if (!previous) return [];
  const outliers: Outlier[] = [];
  for (const item of form.items) {
    const indicator = indicatorOf(item.indicator);
    if (indicator.valueType === 'flag') continue;
    const configured = options.thresholds?.[item.indicator];
    const threshold =
      configured !== undefined
        ? configured
        : item.outlierPct !== undefined
          ? item.outlierPct
          : form.outlierPct;
    if (threshold === null) continue;
    const cur = current[item.indicator];
    const prev = previous[item.indicator];
    if (typeof cur !== 'number' || typeof prev !== 'number') continue;
    if (prev === 0 && cur === 0) continue;
    const changePct = prev === 0 ? null : ((cur - prev) / Math.abs(prev)) * 100;
    if (changePct !== null && Math.abs(changePct) <= threshold + EPSILON) continue;
    const explanation = options.explanations?.[item.indicator]?.trim() ?? '';
    const name = itemName(item);
    const c = num(cur, indicator.decimals);
    const p = num(prev, indicator.decimals);
    const vs = options.previousLabel ?? { vi: 'kỳ so sánh', en: 'the comparison period' };
    const pct =
      changePct === null
        ? null
        : {
            vi: formatPercent(changePct / 100, { locale: 'vi', maxFractionDigits: 1 }),
            en: formatPercent(changePct / 100, { locale: 'en', maxFractionDigits: 1 }),
          };
    outliers.push({
      item: item.indicator,
      no: item.no,
      current: cur,
      previous: prev,
      changePct,
      thresholdPct: threshold,
      explained: explanation.length >= MIN_EXPLANATION_LENGTH,
      message: {
        vi: pct
          ? `${name.vi}: thay đổi ${changePct! > 0 ? '+' : ''}${pct.vi} so với ${vs.vi} (${p.vi} → ${c.vi}), vượt ngưỡng ±${threshold} %; cần giải trình.`
          : `${name.vi}: từ 0 trong ${vs.vi} lên ${c.vi}; cần giải trình.`,
        en: pct
          ? `${name.en}: changed ${changePct! > 0 ? '+' : ''}${pct.en} against ${vs.en} (${p.en} → ${c.en}), beyond ±${threshold} %; an explanation is required.`
          : `${name.en}: from 0 in ${vs.en} to ${c.en}; an explanation is required.`,
      },
    });
  }
  return outliers;
}

/** Unexplained outliers as blocking field errors (what a submission must fix). */
export function unexplainedOutliers(outliers: readonly Outlier[]): FieldError[] {
  return outliers
    .filter((o) => !o.explained)
    .map((o) => ({
      item: o.item,
      no: o.no,
      rule: 'outlier_unexplained',
      severity: 'error' as const,
      message: o.message,
    }));
}
