import { z } from 'zod';
import { COUNTRY_CODES } from '../shared/countries';
import {
  inquiryActions,
  inquiryLanguages,
  inquiryStatuses,
  inquiryTimeframes,
  INQUIRY_CONSENT_VERSION,
} from './inquiry';
import { NONCE_PATTERN } from './proof-of-work';

/** Contracts of investor inquiries: the public form and challenge, and the staff API. */

const localized = z.object({ vi: z.string(), en: z.string() });

/** The signed proof-of-work challenge the public form fetches before sending. */
export const inquiryChallengeSchema = z.object({
  /** `<id>.<difficulty>.<expiresAtMs>.<signature>`; send it back unchanged. */
  challenge: z.string(),
  /** Leading zero bits SHA-256(challenge + nonce) must have. */
  difficulty: z.number().int(),
  algorithm: z.literal('SHA-256'),
  expiresAt: z.string(),
  /** The personal-data notice to show beside the consent box, and its version to send back. */
  consent: z.object({ version: z.string(), text: localized, retentionMonths: z.number().int() }),
});
export type InquiryChallenge = z.infer<typeof inquiryChallengeSchema>;

/** What an investor sends from a zone's public page (no sign-in). */
export const inquiryInputSchema = z.object({
  /** What the investor wants to do there (product, activity). */
  purpose: z.string().trim().min(1).max(300),
  /** The sector, in the investor's words (e.g. "điện tử", "food processing"). */
  sector: z.string().trim().max(200).nullish(),
  /** Land needed, in hectares. */
  landHa: z.number().positive().max(100_000).nullish(),
  /** When the land is needed. */
  timeframe: z.enum(inquiryTimeframes),
  message: z.string().trim().max(4000).nullish(),
  contact: z.object({
    name: z.string().trim().min(1).max(200),
    organisation: z.string().trim().max(300).nullish(),
    email: z.email().max(254),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[+0-9 ().-]*$/, 'phone')
      .nullish(),
    /** ISO 3166-1 alpha-2. */
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => COUNTRY_CODES.includes(c), 'country'),
  }),
  /** The catalogue language the investor wrote from (replies are best written in it). */
  language: z.enum(inquiryLanguages).default('vi'),
  /** The investor ticked the personal-data notice (Decree 13/2023): required. */
  consent: z.literal(true, 'consent'),
  /** The version of the notice shown (from the challenge). */
  consentVersion: z.literal(INQUIRY_CONSENT_VERSION, 'consent_version'),
  /** Left empty by people (hidden in the form); a robot that fills it gets its inquiry held. */
  website: z.string().max(2000).nullish(),
  proof: z.object({
    challenge: z.string().max(300),
    nonce: z.string().regex(NONCE_PATTERN, 'nonce'),
  }),
});
export type InquiryInput = z.input<typeof inquiryInputSchema>;
export type InquiryInputParsed = z.output<typeof inquiryInputSchema>;

/** The answer to a sent inquiry: its reference, to quote in any later contact. */
export const inquiryReceiptSchema = z.object({ reference: z.string() });
export type InquiryReceipt = z.infer<typeof inquiryReceiptSchema>;

export const inquirySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  zone: z.object({ code: z.string(), name: z.string() }),
  status: z.enum(inquiryStatuses),
  /** Why it was held (`honeypot`, `links`), while held or after. */
  heldReason: z.string().nullable(),
  purpose: z.string(),
  sector: z.string().nullable(),
  landHa: z.number().nullable(),
  timeframe: z.enum(inquiryTimeframes),
  /** Personal fields: null once erased after the retention period. */
  contactName: z.string().nullable(),
  organisation: z.string().nullable(),
  country: z.string(),
  language: z.enum(inquiryLanguages),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** When its personal data was erased (Decree 13/2023); null while kept. */
  erasedAt: z.string().nullable(),
  version: z.number().int(),
  /** What the reader may do now (state machine and policy together). */
  actions: z.array(z.enum(inquiryActions)),
});
export type InquiryView = z.infer<typeof inquirySchema>;

export const inquiryEventSchema = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  fromStatus: z.enum(inquiryStatuses).nullable(),
  toStatus: z.enum(inquiryStatuses).nullable(),
  /** The reply or note; null once erased. */
  text: z.string().nullable(),
});
export type InquiryEvent = z.infer<typeof inquiryEventSchema>;

export const inquiryDetailSchema = inquirySchema.extend({
  message: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  consent: z.object({ version: z.string(), text: z.string(), at: z.string() }),
  history: z.array(inquiryEventSchema),
});
export type InquiryDetail = z.infer<typeof inquiryDetailSchema>;

export const inquiryListQuerySchema = z.object({
  status: z.enum(inquiryStatuses).optional(),
  zone: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type InquiryListQuery = z.infer<typeof inquiryListQuerySchema>;

export const inquiryListSchema = z.object({
  items: z.array(inquirySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Counts per status within the reader's scope (the tabs). */
  counts: z.record(z.enum(inquiryStatuses), z.number().int()),
});
export type InquiryList = z.infer<typeof inquiryListSchema>;

export const inquiryReplyInputSchema = z.object({
  text: z.string().trim().min(1).max(8000),
  version: z.number().int().min(1),
});
export type InquiryReplyInput = z.infer<typeof inquiryReplyInputSchema>;

export const inquiryStepInputSchema = z.object({
  /** A note kept in the history (why it is closed or released). */
  note: z.string().trim().max(2000).nullish(),
  version: z.number().int().min(1),
});
export type InquiryStepInput = z.infer<typeof inquiryStepInputSchema>;
