import type { LocalizedText } from '../shared/errors';

/**
 * An investor inquiry — yêu cầu của nhà đầu tư — sent from a published zone's public page. It moves only along
 * `inquiryTransitions`:
 *
 *   held ──release──▶ new ──reply──▶ answered ──reply──▶ answered
 *     │                 │                │
 *     └──close──────────┴──close─────────┴──▶ closed
 *
 * `held` is an inquiry the spam checks doubted (its honeypot was filled, or it reads like link spam): it is
 * stored, never dropped, notified to nobody, and waits for an officer to release it (→ new, notified as if just
 * sent) or close it. There is no reopening: a closed inquiry starts its personal-data retention period, and an
 * investor who writes again sends a new inquiry (with a new consent) — so erasure never races a reopened case.
 */
export const inquiryStatuses = ['held', 'new', 'answered', 'closed'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

export const inquiryActions = ['release', 'reply', 'close'] as const;
export type InquiryAction = (typeof inquiryActions)[number];

export const inquiryTransitions: Record<InquiryStatus, Partial<Record<InquiryAction, InquiryStatus>>> = {
  held: { release: 'new', close: 'closed' },
  new: { reply: 'answered', close: 'closed' },
  answered: { reply: 'answered', close: 'closed' },
  closed: {},
};

/** The status after an action, or null when the state machine does not allow it. */
export function nextInquiryStatus(status: InquiryStatus, action: InquiryAction): InquiryStatus | null {
  return inquiryTransitions[status][action] ?? null;
}

export const inquiryStatusLabels: Record<InquiryStatus, LocalizedText> = {
  held: { vi: 'Bị giữ lại (nghi thư rác)', en: 'Held (suspected spam)' },
  new: { vi: 'Mới', en: 'New' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

/** When the investor needs the land. */
export const inquiryTimeframes = ['now', 'within_6_months', 'within_1_year', 'later'] as const;
export type InquiryTimeframe = (typeof inquiryTimeframes)[number];

export const inquiryTimeframeLabels: Record<InquiryTimeframe, LocalizedText> = {
  now: { vi: 'Ngay bây giờ', en: 'Now' },
  within_6_months: { vi: 'Trong 6 tháng', en: 'Within 6 months' },
  within_1_year: { vi: 'Trong 1 năm', en: 'Within a year' },
  later: { vi: 'Sau 1 năm', en: 'Later than a year' },
};

/** The languages of the public catalogue; the investor's is kept so a reply can be written in it. */
export const inquiryLanguages = ['vi', 'en', 'ja', 'ko', 'zh'] as const;
export type InquiryLanguage = (typeof inquiryLanguages)[number];

/**
 * The personal-data notice the investor consents to (Decree 13/2023/NĐ-CP on personal data protection). Its
 * version and text are stored with every inquiry, with the time of consent; a changed text gets a new version.
 */
export const INQUIRY_CONSENT_VERSION = '2026-12-01';
export const inquiryConsentText: LocalizedText = {
  vi:
    'Tôi đồng ý để cơ quan quản lý khu, cụm công nghiệp của Thành phố Hà Nội và chủ đầu tư hạ tầng của khu/cụm ' +
    'này xử lý họ tên, tổ chức, email, số điện thoại và quốc gia tôi cung cấp, chỉ để trả lời yêu cầu này, theo ' +
    'Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân. Dữ liệu cá nhân được xóa {months} tháng sau khi yêu cầu ' +
    'được đóng; chỉ giữ lại số liệu thống kê không định danh. Tôi có thể yêu cầu xem, sửa hoặc xóa dữ liệu của ' +
    'mình bằng cách trả lời email phản hồi.',
  en:
    "I agree that Hanoi's industrial zone authorities and this zone's infrastructure developer process the name, " +
    'organisation, e-mail, phone and country I give, only to answer this inquiry, under Decree 13/2023/ND-CP on ' +
    'personal data protection. Personal data is erased {months} months after the inquiry is closed; only ' +
    'anonymous statistics are kept. I may ask to see, correct or erase my data by replying to the answer e-mail.',
};

/** The consent text with the configured retention filled in (what is shown and what is stored). */
export function consentText(retentionMonths: number): LocalizedText {
  return {
    vi: inquiryConsentText.vi.replace('{months}', String(retentionMonths)),
    en: inquiryConsentText.en.replace('{months}', String(retentionMonths)),
  };
}

/** Personal data is kept this many months after closing unless configured (IZIS_INQUIRY_RETENTION_MONTHS). */
export const DEFAULT_INQUIRY_RETENTION_MONTHS = 24;

/** The moment a closed inquiry's personal data falls due for erasure: `months` calendar months after closing. */
export function personalDataDueAt(closedAt: Date, months: number): Date {
  const due = new Date(closedAt.getTime());
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + months);
  // The same day of the month, or the month's last day when it is shorter (31 Aug + 6 → 28/29 Feb).
  const last = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, last));
  return due;
}

/**
 * Why an inquiry is held for an officer rather than routed at once, or null when it is not: the honeypot
 * field (invisible to people, filled by form-filling robots) or a text that is mostly links. A real investor's
 * inquiry that trips one is not lost — it waits in "held" for release.
 */
export function holdReason(input: {
  honeypot?: string | null;
  message?: string | null;
  purpose: string;
}): 'honeypot' | 'links' | null {
  if (input.honeypot && input.honeypot.trim() !== '') return 'honeypot';
  const text = `${input.purpose} ${input.message ?? ''}`;
  const links = text.match(/https?:\/\/|www\./gi)?.length ?? 0;
  if (links >= MAX_LINKS) return 'links';
  return null;
}

/** Three links or more in one inquiry reads like spam (an investor rarely needs more than its website). */
export const MAX_LINKS = 3;

export const holdReasonLabels: Record<'honeypot' | 'links', LocalizedText> = {
  honeypot: {
    vi: 'Trường ẩn chống thư rác đã bị điền (thường do máy tự động).',
    en: 'The hidden anti-spam field was filled in (usually by a robot).',
  },
  links: {
    vi: `Nội dung có từ ${MAX_LINKS} đường link trở lên.`,
    en: `The text has ${MAX_LINKS} links or more.`,
  },
};

/** The staff page of one inquiry (in-app notices and e-mails link here). */
export const inquiryLink = (id: string) => `/inquiries/${id}`;
