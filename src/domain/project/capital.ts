import { z } from 'zod';
import type { LocalizedText } from '../shared/errors';
import { isoDate } from '../shared/fields';

/**
 * Investment capital — vốn đầu tư. A tenant project's capital is a ledger of dated events in their own
 * currency: new registration (cấp mới), increase (tăng vốn, an "expansion project"), decrease (giảm vốn),
 * termination (chấm dứt). Registered capital is the running sum; decreases and terminations subtract.
 * Amounts are decimal strings with at most 2 decimals (numeric(20,2)); arithmetic here is on integer
 * hundredths (bigint), never on floats.
 */
export const investmentEventKinds = ['new', 'increase', 'decrease', 'termination'] as const;
export type InvestmentEventKind = (typeof investmentEventKinds)[number];

/** Up to 18 integer digits and 2 decimals: what numeric(20,2) holds. */
const amountPattern = /^\d{1,18}(\.\d{1,2})?$/;
const currencyPattern = /^[A-Z]{3}$/;

export function isAmount(text: string): boolean {
  return amountPattern.test(text);
}

/** "1234.5" → 123450n (hundredths). The caller has checked the format. */
export function toHundredths(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
}

/** 123450n → "1234.50"; negative values keep their sign. */
export function formatHundredths(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The sign an event gives its amount in the registered capital. */
export function signOf(kind: InvestmentEventKind): 1n | -1n {
  return kind === 'decrease' || kind === 'termination' ? -1n : 1n;
}

export type LedgerEvent = {
  kind: InvestmentEventKind;
  eventDate: string;
  amount: string;
  currency: string;
};

const kindNames: Record<InvestmentEventKind, LocalizedText> = {
  new: { vi: 'đăng ký mới', en: 'new registration' },
  increase: { vi: 'tăng vốn', en: 'capital increase' },
  decrease: { vi: 'giảm vốn', en: 'capital decrease' },
  termination: { vi: 'chấm dứt', en: 'termination' },
};

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Checks one event against a project's whole ledger (in the order it was recorded); returns the problems
 * by field, empty when the event may be appended. Rules: exactly one `new`, and it is the earliest event;
 * nothing after a termination; a decrease or termination never makes the registered capital of its
 * currency negative at any date; amounts are positive except that a termination may be 0.
 */
export function checkInvestmentEvent(
  history: readonly LedgerEvent[],
  candidate: LedgerEvent,
): Record<string, LocalizedText> {
  const problems: Record<string, LocalizedText> = {};
  if (!currencyPattern.test(candidate.currency)) {
    problems.currency = {
      vi: 'Mã tiền tệ gồm 3 chữ cái in hoa theo ISO 4217 (ví dụ USD, VND).',
      en: 'The currency is a 3-letter ISO 4217 code (e.g. USD, VND).',
    };
  }
  if (!isAmount(candidate.amount)) {
    problems.amount = {
      vi: 'Số vốn là số thập phân không âm, dùng dấu chấm, tối đa 2 chữ số sau dấu chấm (ví dụ 1500000.50).',
      en: 'The amount is a non-negative decimal with a dot and at most 2 decimals (e.g. 1500000.50).',
    };
  } else if (candidate.kind !== 'termination' && toHundredths(candidate.amount) === 0n) {
    problems.amount = {
      vi: `Số vốn ${kindNames[candidate.kind].vi} phải lớn hơn 0.`,
      en: `The amount of a ${kindNames[candidate.kind].en} must be greater than 0.`,
    };
  }

  const termination = history.find((e) => e.kind === 'termination');
  if (termination) {
    problems.kind = {
      vi: `Dự án đã chấm dứt ngày ${viDate(termination.eventDate)}; sổ vốn đã khoá, không ghi thêm sự kiện.`,
      en: `The project was terminated on ${termination.eventDate}; its ledger is closed.`,
    };
    return problems;
  }
  const registration = history.find((e) => e.kind === 'new');
  if (candidate.kind === 'new') {
    if (registration) {
      problems.kind = {
        vi: `Dự án đã có đăng ký mới ngày ${viDate(registration.eventDate)}; mỗi dự án chỉ có một. Tăng vốn ghi là "tăng vốn".`,
        en: `The project already has its new registration (${registration.eventDate}); record more capital as an increase.`,
      };
    } else {
      const earlier = history.find((e) => e.eventDate < candidate.eventDate);
      if (earlier) {
        problems.eventDate = {
          vi: `Đăng ký mới phải là sự kiện sớm nhất, nhưng đã có sự kiện ngày ${viDate(earlier.eventDate)}.`,
          en: `The new registration must be the earliest event, but there is one on ${earlier.eventDate}.`,
        };
      }
    }
    return problems;
  }
  if (!registration) {
    problems.kind = {
      vi: 'Sự kiện đầu tiên của dự án phải là đăng ký mới.',
      en: 'The first event of a project must be its new registration.',
    };
    return problems;
  }
  if (candidate.eventDate < registration.eventDate) {
    problems.eventDate = {
      vi: `Ngày ${viDate(candidate.eventDate)} trước ngày đăng ký mới (${viDate(registration.eventDate)}).`,
      en: `${candidate.eventDate} is before the new registration (${registration.eventDate}).`,
    };
    return problems;
  }
  if (candidate.kind === 'termination') {
    const latest = history.reduce(
      (max, e) => (e.eventDate > max ? e.eventDate : max),
      registration.eventDate,
    );
    if (candidate.eventDate < latest) {
      problems.eventDate = {
        vi: `Ngày chấm dứt phải từ ngày ${viDate(latest)} (sự kiện gần nhất) trở đi; sau chấm dứt không còn sự kiện nào.`,
        en: `The termination must be on or after ${latest} (the latest event); nothing may follow it.`,
      };
      return problems;
    }
  }
  if (signOf(candidate.kind) < 0n && !problems.amount && !problems.currency) {
    const available = availableAt(history, candidate);
    if (toHundredths(candidate.amount) > available) {
      problems.amount = {
        vi:
          available === 0n
            ? `Dự án không có vốn đăng ký bằng ${candidate.currency} tại ngày ${viDate(candidate.eventDate)} để ${kindNames[candidate.kind].vi}.`
            : `Vốn đăng ký bằng ${candidate.currency} không được âm: tối đa có thể ${kindNames[candidate.kind].vi} ${formatHundredths(available)} ${candidate.currency} tại ngày ${viDate(candidate.eventDate)}.`,
        en:
          available === 0n
            ? `The project has no registered capital in ${candidate.currency} on ${candidate.eventDate}.`
            : `Registered capital in ${candidate.currency} cannot go negative: at most ${formatHundredths(available)} on ${candidate.eventDate}.`,
      };
    }
  }
  return problems;
}

/**
 * The most a decrease dated `candidate.eventDate` can take from its currency without the running balance
 * going negative then or at any later event (a back-dated decrease must not break later decreases).
 */
function availableAt(history: readonly LedgerEvent[], candidate: LedgerEvent): bigint {
  const sameCurrency = history.filter((e) => e.currency === candidate.currency);
  // Stable sort by date: same-day events keep their recording order; the candidate comes after them.
  const ordered = sameCurrency
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.eventDate < b.e.eventDate ? -1 : a.e.eventDate > b.e.eventDate ? 1 : a.i - b.i))
    .map(({ e }) => e);
  let balance = 0n;
  let minimumFromCandidate: bigint | null = null;
  for (const e of ordered) {
    if (e.eventDate > candidate.eventDate && minimumFromCandidate === null) minimumFromCandidate = balance;
    balance += signOf(e.kind) * toHundredths(e.amount);
    if (e.eventDate > candidate.eventDate) {
      minimumFromCandidate =
        minimumFromCandidate === null || balance < minimumFromCandidate ? balance : minimumFromCandidate;
    }
  }
  if (minimumFromCandidate === null) return balance;
  return minimumFromCandidate < 0n ? 0n : minimumFromCandidate;
}

/** Registered capital per currency after all the events (in the order given), as decimal strings. */
export function registeredCapital(events: readonly LedgerEvent[]): { currency: string; amount: string }[] {
  const totals = new Map<string, bigint>();
  for (const e of events) {
    totals.set(e.currency, (totals.get(e.currency) ?? 0n) + signOf(e.kind) * toHundredths(e.amount));
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ currency, amount: formatHundredths(amount) }));
}

/** GET /api/capital: a period and, optionally, a part of the actor's scope. */
export const capitalQuerySchema = z.object({
  from: isoDate,
  to: isoDate,
  family: z.enum(['KCN', 'CCN']).optional(),
  zone: z.string().trim().toUpperCase().max(64).optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});
export type CapitalQuery = z.infer<typeof capitalQuerySchema>;

export function checkCapitalPeriod(query: Pick<CapitalQuery, 'from' | 'to'>): Record<string, LocalizedText> {
  return query.from <= query.to
    ? {}
    : {
        to: {
          vi: `Ngày kết thúc (${viDate(query.to)}) trước ngày bắt đầu (${viDate(query.from)}).`,
          en: `The end date (${query.to}) is before the start date (${query.from}).`,
        },
      };
}

/** Decimal strings (numeric summed in SQL), never floats. */
const money = z.string().meta({ example: '81000000.00' });

export const capitalByCurrencySchema = z.object({
  currency: z.string(),
  /** Count of new registrations (cấp mới) in the period. */
  newProjects: z.number(),
  newAmount: money,
  /** Count of capital increases ("expansion projects", dự án điều chỉnh tăng vốn) in the period. */
  increases: z.number(),
  increaseAmount: money,
  /** Capital attracted — vốn thu hút = new + increases. */
  attracted: money,
});

export const convertedSchema = z.object({
  newAmount: money,
  increaseAmount: money,
  attracted: money,
});

/** Events that could not be converted because no exchange rate covers their date. */
export const missingRateSchema = z.object({
  /** The currency whose rate is missing (USD's for VND amounts). */
  rateCurrency: z.string(),
  eventCurrency: z.string(),
  date: z.string(),
  events: z.number(),
  amount: money,
});

const attractedSchema = z.object({
  newProjects: z.number(),
  increases: z.number(),
  byCurrency: z.array(capitalByCurrencySchema),
  /** Tổng vốn quy đổi: USD + every other currency at the rate configured for the event's date. */
  convertedUsd: convertedSchema,
});

export const capitalReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  filters: z.object({
    family: z.string().nullable(),
    zone: z.string().nullable(),
    commune: z.string().nullable(),
  }),
  attracted: attractedSchema,
  /** FDI (organisation.ownership = 'fdi'), domestic (every other known ownership), unknown (not classified). */
  byOwnership: z.object({ fdi: attractedSchema, domestic: attractedSchema, unknown: attractedSchema }),
  missingRates: z.array(missingRateSchema),
  /** Registered capital at `to`: every event up to `to`, decreases and terminations subtracted. */
  registered: z.object({
    at: z.string(),
    byCurrency: z.array(z.object({ currency: z.string(), amount: money })),
    convertedUsd: money,
    missingRates: z.array(missingRateSchema),
  }),
  asOf: z.string(),
});
export type CapitalReport = z.infer<typeof capitalReportSchema>;

/**
 * Exchange rates (configuration): VND per unit of a currency for a closed period. USD's rate converts VND
 * to USD; another currency X converts as X.vndPerUnit / USD.vndPerUnit. Periods of one currency never
 * overlap.
 */
export const exchangeRateInputSchema = z.object({
  currency: z.string().trim().toUpperCase().max(3).meta({ example: 'USD' }),
  validFrom: isoDate,
  validTo: isoDate,
  /** Decimal string, at most 10 integer digits and 4 decimals (numeric(14,4)). */
  vndPerUnit: z.string().trim().max(20).meta({ example: '24000' }),
  source: z.string().trim().max(500).nullish(),
});
export type ExchangeRateInput = z.infer<typeof exchangeRateInputSchema>;

export const exchangeRateSchema = z.object({
  id: z.string(),
  currency: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  vndPerUnit: z.string(),
  source: z.string().nullable(),
});
export type ExchangeRate = z.infer<typeof exchangeRateSchema>;

export const exchangeRateListQuerySchema = z.object({
  currency: z.string().trim().toUpperCase().max(3).optional(),
});

export function checkExchangeRate(input: ExchangeRateInput): Record<string, LocalizedText> {
  const problems: Record<string, LocalizedText> = {};
  if (!currencyPattern.test(input.currency)) {
    problems.currency = {
      vi: 'Mã tiền tệ gồm 3 chữ cái in hoa theo ISO 4217 (ví dụ USD, EUR).',
      en: 'The currency is a 3-letter ISO 4217 code (e.g. USD, EUR).',
    };
  } else if (input.currency === 'VND') {
    problems.currency = {
      vi: 'Không cần tỷ giá cho VND: tỷ giá là số đồng trên một đơn vị ngoại tệ.',
      en: 'VND needs no rate: a rate is VND per unit of a foreign currency.',
    };
  }
  if (input.validFrom > input.validTo) {
    problems.validTo = {
      vi: `Ngày hết hiệu lực (${viDate(input.validTo)}) trước ngày bắt đầu hiệu lực (${viDate(input.validFrom)}).`,
      en: `validTo (${input.validTo}) is before validFrom (${input.validFrom}).`,
    };
  }
  if (!/^\d{1,10}(\.\d{1,4})?$/.test(input.vndPerUnit) || !/[1-9]/.test(input.vndPerUnit)) {
    problems.vndPerUnit = {
      vi: 'Tỷ giá là số dương (đồng trên một đơn vị), dùng dấu chấm, tối đa 4 chữ số thập phân (ví dụ 24000 hoặc 25450.5).',
      en: 'The rate is a positive decimal (VND per unit) with a dot and at most 4 decimals (e.g. 24000).',
    };
  }
  return problems;
}
