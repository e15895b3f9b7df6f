import { z } from 'zod';
import { formatDate, formatNumber } from '../format/format';
import type { LocalizedText } from '../shared/errors';
import { coversDay, dayBefore, overlaps } from './validity';
import { isoDate } from '../shared/fields';

/**
 * Prices a park or cluster publishes, each valid for a period: the sublease price of land with infrastructure
 * and the fee for shared services (infrastructure use, management). Per zone and kind the periods never
 * overlap, so "the price on a day" always has one answer.
 */
export const priceKinds = ['sublease', 'shared_service'] as const;
export type PriceKind = (typeof priceKinds)[number];

/** What one amount is for: per m² per year, per m² per month, per m² for the whole lease term, per m³. */
export const priceUnits = ['m2_year', 'm2_month', 'm2_term', 'm3'] as const;
export type PriceUnit = (typeof priceUnits)[number];

export const priceCurrencies = ['VND', 'USD'] as const;

export const priceKindLabels: Record<PriceKind, LocalizedText> = {
  sublease: { vi: 'Giá cho thuê lại đất có hạ tầng', en: 'Sublease price of serviced land' },
  shared_service: {
    vi: 'Phí sử dụng hạ tầng, dịch vụ dùng chung',
    en: 'Shared infrastructure and services fee',
  },
};

export const priceUnitLabels: Record<PriceUnit, LocalizedText> = {
  m2_year: { vi: 'm²/năm', en: 'm²/year' },
  m2_month: { vi: 'm²/tháng', en: 'm²/month' },
  m2_term: { vi: 'm²/cả thời hạn thuê', en: 'm²/whole lease term' },
  m3: { vi: 'm³', en: 'm³' },
};

/** Amounts as decimal strings (numeric(20,4) in the database; never floats). */
export const priceAmount = z
  .string()
  .trim()
  .regex(/^\d{1,16}(\.\d{1,4})?$/, 'amount');

export const priceInputSchema = z.object({
  kind: z.enum(priceKinds),
  amount: priceAmount,
  currency: z.enum(priceCurrencies),
  unit: z.enum(priceUnits),
  validFrom: isoDate,
  validTo: isoDate.nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export type PriceInput = z.infer<typeof priceInputSchema>;

export const priceUpdateSchema = priceInputSchema
  .omit({ kind: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type PriceUpdate = z.infer<typeof priceUpdateSchema>;

export const priceSchema = z.object({
  id: z.string(),
  kind: z.enum(priceKinds),
  amount: z.string(),
  currency: z.string(),
  unit: z.enum(priceUnits),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type Price = z.infer<typeof priceSchema>;

export const zonePricesSchema = z.object({
  /** The day "current" refers to (today in Vietnam unless asked). */
  asOf: z.string(),
  /** The price of each kind valid on `asOf` (absent when none). */
  current: z.object({ sublease: priceSchema.nullable(), shared_service: priceSchema.nullable() }),
  /** Every price, by kind then validity (newest first). */
  items: z.array(priceSchema),
  canEdit: z.boolean(),
});
export type ZonePrices = z.infer<typeof zonePricesSchema>;

/** A price period as the rules see it. */
export type PricePeriod = { id: string; kind: PriceKind; validFrom: string; validTo: string | null };

export type PricePlan =
  | { ok: true; close: { id: string; validTo: string } | null }
  | { ok: false; field: 'validFrom' | 'validTo'; problem: LocalizedText };

const period = (p: { validFrom: string; validTo: string | null }, locale: 'vi' | 'en') =>
  p.validTo === null
    ? locale === 'vi'
      ? `từ ${formatDate(p.validFrom)}`
      : `from ${formatDate(p.validFrom, { locale: 'en' })}`
    : locale === 'vi'
      ? `${formatDate(p.validFrom)} – ${formatDate(p.validTo)}`
      : `${formatDate(p.validFrom, { locale: 'en' })} – ${formatDate(p.validTo, { locale: 'en' })}`;

/**
 * Whether a price may take the period `next` among the zone's other prices of the same kind. A new price
 * that starts after the currently open-ended one ends that one the day before (the usual "new price list
 * from …"); any other overlap is refused, naming the period it collides with. `next.id` is the price being
 * changed (excluded from the comparison), or null for a new one.
 */
export function planPricePeriod(
  existing: readonly PricePeriod[],
  next: { id: string | null; kind: PriceKind; validFrom: string; validTo: string | null },
): PricePlan {
  if (next.validTo !== null && next.validTo < next.validFrom) {
    return {
      ok: false,
      field: 'validTo',
      problem: {
        vi: 'Ngày hết hiệu lực phải từ ngày bắt đầu hiệu lực trở đi.',
        en: 'The end of validity cannot be before its start.',
      },
    };
  }
  const others = existing.filter((p) => p.kind === next.kind && p.id !== next.id);
  let close: { id: string; validTo: string } | null = null;
  const collisions = others.filter((p) =>
    overlaps({ from: p.validFrom, to: p.validTo }, { from: next.validFrom, to: next.validTo }),
  );
  const openEnded = collisions.find((p) => p.validTo === null && p.validFrom < next.validFrom);
  // A new price (not a correction) after the open-ended one ends it the day before.
  if (next.id === null && openEnded && collisions.length === 1) {
    close = { id: openEnded.id, validTo: dayBefore(next.validFrom) };
  } else if (collisions.length > 0) {
    const first = [...collisions].sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0]!;
    const label = priceKindLabels[next.kind];
    return {
      ok: false,
      field: 'validFrom',
      problem: {
        vi: `Thời gian hiệu lực trùng với ${label.vi.toLowerCase()} đã có (${period(first, 'vi')}). Mỗi ngày chỉ có một mức giá cho mỗi loại.`,
        en: `The validity overlaps the existing ${label.en.toLowerCase()} (${period(first, 'en')}). Each kind has one price per day.`,
      },
    };
  }
  return { ok: true, close };
}

/** The price of each kind valid on a day. */
export function currentPrices<P extends { kind: PriceKind; validFrom: string; validTo: string | null }>(
  prices: readonly P[],
  isoDate: string,
): Record<PriceKind, P | null> {
  const at = (kind: PriceKind) =>
    prices.find((p) => p.kind === kind && coversDay({ from: p.validFrom, to: p.validTo }, isoDate)) ?? null;
  return { sublease: at('sublease'), shared_service: at('shared_service') };
}

/** "45.000 VND/m²/năm" — an amount with its currency and unit, in Vietnamese (or English) number format. */
export function formatPrice(
  price: { amount: string; currency: string; unit: PriceUnit },
  locale: 'vi' | 'en' = 'vi',
): string {
  return `${formatNumber(price.amount, { locale, maxFractionDigits: 4 })} ${price.currency}/${priceUnitLabels[price.unit][locale]}`;
}
