import { useMemo } from 'react';
import {
  formatArea,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  type DateInput,
  type NumberFormatOptions,
  type NumericInput,
} from '../../domain/format/format';
import { useLocale } from './i18n';

type Options = Omit<NumberFormatOptions, 'locale'>;

export type Formatters = {
  number: (value: NumericInput | null | undefined, options?: Options) => string;
  area: (value: NumericInput | null | undefined, options?: Options) => string;
  percent: (value: NumericInput | null | undefined, options?: Options) => string;
  money: (amountMinor: bigint | number | string | null | undefined, currency: string) => string;
  date: (value: DateInput | null | undefined) => string;
  dateTime: (value: DateInput | null | undefined) => string;
};

/** The domain formatters bound to the current UI language. */
export function useFormat(): Formatters {
  const locale = useLocale();
  return useMemo<Formatters>(
    () => ({
      number: (value, options) => formatNumber(value, { ...options, locale }),
      area: (value, options) => formatArea(value, { ...options, locale }),
      percent: (value, options) => formatPercent(value, { ...options, locale }),
      money: (amountMinor, currency) => formatMoney(amountMinor, currency, { locale }),
      date: (value) => formatDate(value, { locale }),
      dateTime: (value) => formatDateTime(value, { locale }),
    }),
    [locale],
  );
}

/** dayjs display formats matching the domain formatters (date pickers). */
export function useDatePickerFormat(): string {
  return useLocale() === 'vi' ? 'D/M/YYYY' : 'D MMM YYYY';
}
