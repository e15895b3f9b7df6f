import { formForPeriod } from '../../../../domain/reporting/catalogue';
import type { FormCode, FormVersion, UnitCode } from '../../../../domain/reporting/form-types';
import { indicatorOf } from '../../../../domain/reporting/indicators';
import { formatPeriod, parsePeriod, periodBeingReported } from '../../../../domain/reporting/periods';
import type { Locale } from '../../../lib/locale-store';
import type { MessageKey } from '../../../lib/messages';
import type { FilingStatus } from '../api/reporting-api';

export const FILING_STATUS_COLORS: Record<FilingStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

export const filingStatusKey = (status: FilingStatus): MessageKey => `reports.status.${status}`;

export const FORM_CODES = ['B01', 'B02', 'B03', 'B04'] as const;

export function isFormCode(code: string): code is FormCode {
  return ['B01', 'B02', 'B03', 'B04', 'KCN_TENANT', 'KCN_BOARD'].includes(code);
}

/** "Biểu 01" / "Form 01" — the form's own short title; the code itself for an unknown form. */
export function formShortTitle(code: string, period: string, locale: Locale): string {
  const form = isFormCode(code) ? formForPeriod(code, period) : null;
  return form ? form.shortTitle[locale] : code;
}

export function formOf(code: string, period: string): FormVersion | null {
  return isFormCode(code) ? formForPeriod(code, period) : null;
}

export function periodLabel(period: string, locale: Locale): string {
  return parsePeriod(period) ? formatPeriod(period, locale) : period;
}

/**
 * The reporting periods of Circular 14 around a date: the first half and the full year of this year and the
 * two before it, latest first.
 */
export function periodChoices(today: Date = new Date(), asked?: string | null): string[] {
  const year = today.getFullYear();
  const out: string[] = [];
  for (let y = year; y >= year - 2; y--) out.push(String(y), `${y}-H1`);
  // A link (a notice, a bookmark) may name any period — a parks' quarter, an older year: it is offered too.
  const wanted = asked?.trim().toUpperCase();
  if (wanted && parsePeriod(wanted) && !out.includes(wanted)) out.unshift(wanted);
  return out;
}

/** The period being reported on today, on the browser's calendar (domain/reporting/periods.ts says which). */
export function currentPeriod(today: Date = new Date()): string {
  const month = String(today.getMonth() + 1).padStart(2, '0');
  return periodBeingReported(`${today.getFullYear()}-${month}-01`);
}

export const unitKey = (unit: string): MessageKey => `reports.unit.${unit as UnitCode}`;

/** An item's label in the form's wording (or the indicator's name). */
export function itemLabel(form: FormVersion, indicator: string, locale: Locale): string {
  const item = form.items.find((i) => i.indicator === indicator);
  const name = item?.label ?? indicatorOf(indicator).name;
  return name[locale];
}
