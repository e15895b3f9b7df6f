import { formatArea, formatNumber } from '../format/format';
import { indicatorByCode, type IndicatorUnit } from '../analysis/indicators';
import type { Locale, LocalizedText } from '../shared/errors';

/**
 * Sentence templates of the quarterly briefing (báo cáo giao ban). Officers write the words; every number is a
 * named placeholder bound to an indicator of the catalogue and computed: `{capital_attracted_usd}` is the
 * period's value, `{capital_attracted_usd:previous}` the same period of last year, `:ratio` the period ÷ last
 * year ("2,3 lần"), `:change_pct` the change ("tăng 12,5 %"), `:ytd` the year to date, `:target` the year's plan
 * and `:plan_pct` the year to date ÷ plan. Context placeholders: `{period}`, `{previous_period}`, `{year}`,
 * `{previous_year}`, `{as_of}`.
 */

export const figureModifiers = [
  'value',
  'previous',
  'ytd',
  'target',
  'plan_pct',
  'ratio',
  'change_pct',
] as const;
export type FigureModifier = (typeof figureModifiers)[number];

export const contextPlaceholders = ['period', 'previous_period', 'year', 'previous_year', 'as_of'] as const;
export type ContextPlaceholder = (typeof contextPlaceholders)[number];

/** One indicator's computed figures for a briefing section. */
export type Figure = {
  value: number | null;
  previous: number | null;
  ytd: number | null;
  target: number | null;
};

export type TemplateContext = Record<ContextPlaceholder, string>;

const PLACEHOLDER = /\{([a-z0-9_]+)(?::([a-z_]+))?\}/g;

export type Placeholder = { code: string; modifier: FigureModifier | null; text: string };

/** Every placeholder of a template, in order. */
export function placeholdersOf(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => ({
    code: match[1]!,
    modifier: (match[2] as FigureModifier | undefined) ?? null,
    text: match[0],
  }));
}

/**
 * Problems of a template as sentences naming the placeholder: an unknown indicator or modifier, a plan
 * figure of an indicator that has no plan, an unbalanced brace. Empty when it can be rendered.
 */
export function checkTemplate(template: string, allowFigures = true): LocalizedText[] {
  const problems: LocalizedText[] = [];
  const opens = (template.match(/\{/g) ?? []).length;
  const closes = (template.match(/\}/g) ?? []).length;
  if (opens !== closes || opens !== placeholdersOf(template).length) {
    problems.push({
      vi: 'Dấu ngoặc { } không khớp hoặc tên chỗ điền không hợp lệ (chỉ chữ thường, số và dấu gạch dưới).',
      en: 'Unbalanced { } or an invalid placeholder name (lower-case letters, digits and underscores only).',
    });
  }
  for (const p of placeholdersOf(template)) {
    if ((contextPlaceholders as readonly string[]).includes(p.code) && p.modifier === null) continue;
    const indicator = indicatorByCode(p.code);
    if (!indicator || !allowFigures) {
      problems.push({
        vi: `Chỗ điền ${p.text} không phải là chỉ tiêu nào trong danh mục.`,
        en: `Placeholder ${p.text} is not an indicator of the catalogue.`,
      });
      continue;
    }
    if (p.modifier !== null && !(figureModifiers as readonly string[]).includes(p.modifier)) {
      problems.push({
        vi: `Chỗ điền ${p.text}: "${p.modifier}" không hợp lệ; dùng một trong ${figureModifiers.join(', ')}.`,
        en: `Placeholder ${p.text}: "${p.modifier}" is not valid; use one of ${figureModifiers.join(', ')}.`,
      });
    }
    if ((p.modifier === 'target' || p.modifier === 'plan_pct') && !indicator.target) {
      problems.push({
        vi: `Chỗ điền ${p.text}: chỉ tiêu "${indicator.name.vi}" không có kế hoạch năm.`,
        en: `Placeholder ${p.text}: "${indicator.name.en}" has no yearly plan.`,
      });
    }
  }
  return problems;
}

/** Vietnamese figures with their unit words: "1 triệu USD", "450 tỷ đồng", "1.347,4 ha", "20,3 %". */
export function formatFigure(
  value: number | null,
  unit: IndicatorUnit | 'ratio',
  locale: Locale = 'vi',
): string {
  if (value === null) return locale === 'vi' ? '(chưa có số liệu)' : '(no data)';
  const n = (digits: number) => formatNumber(roundTo(value, digits), { locale, maxFractionDigits: digits });
  switch (unit) {
    case 'count':
    case 'person':
      return n(0);
    case 'usd_m':
      return locale === 'vi' ? `${n(1)} triệu USD` : `USD ${n(1)} million`;
    case 'bn_vnd':
      return locale === 'vi' ? `${n(1)} tỷ đồng` : `VND ${n(1)} billion`;
    case 'ha':
      return formatArea(roundTo(value, 1), { locale, maxFractionDigits: 1 });
    case 'pct':
      return locale === 'vi' ? `${n(1)} %` : `${n(1)}%`;
    case 'ratio':
      return locale === 'vi' ? `${n(1)} lần` : `${n(1)} times`;
  }
}

/** Rounds half away from zero at `digits` decimals, on the decimal text (0.05 → 0.1, not 0.0). */
function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
}

/** The derived figures of an indicator: ratio, change, per cent of plan (null when not computable). */
export function derived(figure: Figure): {
  ratio: number | null;
  changePct: number | null;
  planPct: number | null;
} {
  const ratio =
    figure.value !== null && figure.previous !== null && figure.previous > 0
      ? figure.value / figure.previous
      : null;
  return {
    ratio,
    changePct: ratio === null ? null : (ratio - 1) * 100,
    planPct:
      figure.ytd !== null && figure.target !== null && figure.target > 0
        ? (figure.ytd / figure.target) * 100
        : null,
  };
}

function changeText(changePct: number | null, locale: Locale): string {
  if (changePct === null)
    return locale === 'vi' ? 'không có số liệu cùng kỳ để so sánh' : 'no figure of last year to compare';
  const abs = formatFigure(Math.abs(changePct), 'pct', locale);
  if (locale === 'vi') return changePct >= 0 ? `tăng ${abs}` : `giảm ${abs}`;
  return changePct >= 0 ? `up ${abs}` : `down ${abs}`;
}

/** One placeholder's text from the figures. */
export function renderPlaceholder(
  p: Placeholder,
  figures: Readonly<Record<string, Figure>>,
  context: TemplateContext,
  locale: Locale = 'vi',
): string {
  if (p.modifier === null && (contextPlaceholders as readonly string[]).includes(p.code)) {
    return context[p.code as ContextPlaceholder];
  }
  const indicator = indicatorByCode(p.code);
  const figure = figures[p.code];
  if (!indicator || !figure) return p.text;
  const d = derived(figure);
  switch (p.modifier ?? 'value') {
    case 'value':
      return formatFigure(figure.value, indicator.unit, locale);
    case 'previous':
      return formatFigure(figure.previous, indicator.unit, locale);
    case 'ytd':
      return formatFigure(figure.ytd, indicator.unit, locale);
    case 'target':
      return formatFigure(figure.target, indicator.unit, locale);
    case 'plan_pct':
      return formatFigure(d.planPct, 'pct', locale);
    case 'ratio':
      return formatFigure(d.ratio, 'ratio', locale);
    case 'change_pct':
      return changeText(d.changePct, locale);
  }
}

/** The template with every placeholder replaced by its computed, formatted figure. */
export function renderTemplate(
  template: string,
  figures: Readonly<Record<string, Figure>>,
  context: TemplateContext,
  locale: Locale = 'vi',
): string {
  return template.replace(PLACEHOLDER, (text, code: string, modifier: string | undefined) =>
    renderPlaceholder(
      { code, modifier: (modifier as FigureModifier | undefined) ?? null, text },
      figures,
      context,
      locale,
    ),
  );
}
