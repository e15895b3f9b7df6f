import { z } from 'zod';
import {
  checkInvestmentEvent,
  investmentEventKinds,
  formatHundredths,
  registeredCapital,
  toHundredths,
  type InvestmentEventKind,
  type LedgerEvent,
} from '../project/capital';
import type { LocalizedText } from '../shared/errors';
import type { ColumnDef, EnumOption } from './cells';
import { isoDate } from '../shared/fields';

/**
 * The investment-event sheet: the capital ledger of tenant projects, one event per row. The ledger is
 * append-only and its events have no code of their own, so a row is identified by its natural key —
 * project, kind, date, amount and currency — counted by occurrence: the n-th identical row of a file is
 * the n-th identical event of the project (in recording order). Re-importing a file therefore matches
 * every row to the event it created, and a stored event is never changed or removed by an import.
 */

export const investmentEventKindOptions: readonly EnumOption[] = [
  { value: 'new', vi: 'Đăng ký mới', en: 'New registration', aliases: ['Cấp mới', 'Mới'] },
  {
    value: 'increase',
    vi: 'Tăng vốn',
    en: 'Capital increase',
    aliases: ['Điều chỉnh tăng vốn', 'Mở rộng', 'Dự án mở rộng'],
  },
  { value: 'decrease', vi: 'Giảm vốn', en: 'Capital decrease', aliases: ['Điều chỉnh giảm vốn'] },
  { value: 'termination', vi: 'Chấm dứt', en: 'Termination', aliases: ['Chấm dứt hoạt động'] },
];

/** The record an import row becomes. `amount` has exactly two decimals, as numeric(20,2) returns it. */
export type InvestmentEventRecord = {
  projectCode: string;
  kind: InvestmentEventKind;
  eventDate: string;
  amount: string;
  currency: string;
  note: string | null;
};

/** The fields of the natural key; an import never changes them (nor anything else) on a stored event. */
export const investmentEventKeyFields = ['projectCode', 'kind', 'eventDate', 'amount', 'currency'] as const;

/** "1500000.5" → "1500000.50": the amount as the database returns numeric(20,2). */
export function canonicalAmount(amount: string): string {
  return formatHundredths(toHundredths(amount));
}

/** The natural key of an event (without the occurrence number). */
export function investmentEventKey(e: Omit<InvestmentEventRecord, 'note'>): string {
  return [e.projectCode, e.kind, e.eventDate, canonicalAmount(e.amount), e.currency].join('|');
}

/** The columns of the investment-event sheet, in template order. */
export function investmentEventColumns(): ColumnDef[] {
  return [
    {
      field: 'projectCode',
      vi: 'Mã dự án',
      en: 'projectCode',
      column: { type: 'text', upperCase: true },
      required: 'always',
      help: {
        meaning: 'Mã của dự án (phải có trong hệ thống và thuộc phạm vi bạn được giao).',
        example: 'DA-TL-0001',
      },
      width: 20,
    },
    {
      field: 'kind',
      vi: 'Loại sự kiện',
      en: 'kind',
      column: { type: 'enum', options: investmentEventKindOptions },
      required: 'always',
      help: {
        meaning:
          'Đăng ký mới (cấp mới, đúng một lần và sớm nhất), tăng vốn (dự án điều chỉnh tăng vốn), giảm vốn, chấm dứt (sau đó không còn sự kiện nào).',
        example: 'Tăng vốn',
      },
      width: 16,
    },
    {
      field: 'eventDate',
      vi: 'Ngày',
      en: 'eventDate',
      column: { type: 'date' },
      required: 'always',
      help: {
        meaning: 'Ngày của văn bản (cấp mới, điều chỉnh, chấm dứt) — ngày tính vào kỳ báo cáo.',
        example: '14/03/2022',
      },
      width: 14,
    },
    {
      field: 'amount',
      vi: 'Số vốn',
      en: 'amount',
      column: { type: 'decimalText', maxDecimals: 2, maxIntegerDigits: 18 },
      required: 'always',
      help: {
        meaning:
          'Số vốn đăng ký mới, tăng thêm hoặc giảm đi (luôn là số dương; loại sự kiện quyết định cộng hay trừ). Chấm dứt: số vốn rút đi, có thể là 0.',
        unit: 'theo loại tiền',
        example: '1.500.000',
      },
      width: 20,
    },
    {
      field: 'currency',
      vi: 'Loại tiền',
      en: 'currency',
      column: { type: 'text', upperCase: true },
      required: 'always',
      help: {
        meaning: 'Mã tiền tệ theo ISO 4217.',
        allowed: '3 chữ cái: VND, USD, JPY, KRW, EUR…',
        example: 'USD',
      },
      width: 10,
    },
    {
      field: 'note',
      vi: 'Ghi chú',
      en: 'note',
      column: { type: 'text' },
      help: {
        meaning:
          'Ghi chú (số văn bản…). Chỉ được ghi khi sự kiện được tạo; nhập lại không sửa ghi chú của sự kiện đã có.',
        example: 'GCNĐKĐT điều chỉnh lần 2',
      },
      width: 36,
    },
  ];
}

export type LedgerCandidate = LedgerEvent & { row: number };

/** Same day: a new registration first and a termination last; otherwise the file's order. */
const kindRank: Record<InvestmentEventKind, number> = { new: 0, increase: 1, decrease: 1, termination: 2 };

/** The order a project's new events are checked and recorded in: by date, then kind rank, then row. */
export function ledgerOrder(candidates: readonly LedgerCandidate[]): LedgerCandidate[] {
  return [...candidates].sort(
    (a, b) =>
      (a.eventDate < b.eventDate ? -1 : a.eventDate > b.eventDate ? 1 : 0) ||
      kindRank[a.kind] - kindRank[b.kind] ||
      a.row - b.row,
  );
}

export type LedgerAppendStep = {
  row: number;
  /** Registered capital per currency before and after this event (decimal strings). */
  registeredBefore: { currency: string; amount: string }[];
  registeredAfter: { currency: string; amount: string }[];
};

/**
 * Checks a project's new events against its stored ledger and against each other, with the rules of
 * `checkInvestmentEvent` (one new registration, and first; nothing after a termination; no currency's
 * registered capital negative at any date). Candidates are taken in `ledgerOrder`; each accepted one
 * joins the history the next is checked against, a refused one does not. Returns the problems by row and
 * field, and for the accepted events, in recording order, the registered capital around each.
 */
export function checkLedgerAppend(
  stored: readonly LedgerEvent[],
  candidates: readonly LedgerCandidate[],
): { problems: Map<number, Record<string, LocalizedText>>; accepted: LedgerAppendStep[] } {
  const history: LedgerEvent[] = [...stored];
  const problems = new Map<number, Record<string, LocalizedText>>();
  const accepted: LedgerAppendStep[] = [];
  for (const candidate of ledgerOrder(candidates)) {
    const found = checkInvestmentEvent(history, candidate);
    if (Object.keys(found).length) {
      problems.set(candidate.row, found);
      continue;
    }
    const registeredBefore = registeredCapital(history);
    history.push({
      kind: candidate.kind,
      eventDate: candidate.eventDate,
      amount: candidate.amount,
      currency: candidate.currency,
    });
    accepted.push({ row: candidate.row, registeredBefore, registeredAfter: registeredCapital(history) });
  }
  return { problems, accepted };
}

/** "von-dau-tu-2026-11-21.xlsx" */
export function investmentEventExportFileName(isoDate: string, extension: 'xlsx' | 'csv'): string {
  return `von-dau-tu-${isoDate}.${extension}`;
}

export const investmentEventTemplateFileName = 'mau-nhap-von-dau-tu.xlsx';
export const investmentEventSheetName = 'Sự kiện vốn đầu tư';

/** GET /api/investment-events/export.*: one project's ledger, or every event in scope, narrowed. */
export const investmentEventExportQuerySchema = z.object({
  /** One project's ledger (its code). */
  project: z.string().trim().toUpperCase().max(64).optional(),
  /** The projects of one zone (its code). */
  zone: z.string().trim().toUpperCase().max(64).optional(),
  /** The projects of one investor (organisation code). */
  investor: z.string().trim().toUpperCase().max(64).optional(),
  kind: z.enum(investmentEventKinds).optional(),
  /** Events dated from / up to (inclusive), yyyy-mm-dd. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type InvestmentEventExportQuery = z.infer<typeof investmentEventExportQuerySchema>;
