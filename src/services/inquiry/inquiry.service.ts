import { randomInt } from 'node:crypto';
import {
  consentText,
  DEFAULT_INQUIRY_RETENTION_MONTHS,
  holdReason,
  INQUIRY_CONSENT_VERSION,
  nextInquiryStatus,
  type InquiryAction,
  type InquiryLanguage,
  type InquiryStatus,
  type InquiryTimeframe,
} from '../../domain/inquiry/inquiry';
import { newInquiryNotice, replyMail } from '../../domain/inquiry/inquiry-notices';
import type {
  InquiryChallenge,
  InquiryDetail,
  InquiryInputParsed,
  InquiryList,
  InquiryListQuery,
  InquiryReceipt,
  InquiryReplyInput,
  InquiryStepInput,
  InquiryView,
} from '../../domain/inquiry/inquiry.schema';
import type { ZoneFamily } from '../../domain/identity/roles';
import { AppError, validationError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { findPublishedZone } from '../catalogue/catalogue.service';
import { requireActor, type ServiceDeps } from '../deps';
import { MAIL_LINK_BASE, notifiableUsers, notifyUsers } from '../notification/notification.service';
import { queueMail } from '../notification/notification.repository';
import type { ZoneFacts } from '../zone/zone.policy';
import { findZoneScopeById } from '../zone/zone-facts.repository';
import { DEFAULT_POW_BITS } from '../../domain/inquiry/proof-of-work';
import { checkProof, issueChallenge, reusedChallengeProblem, type ProofSettings } from './inquiry-proof';
import {
  canReadInquiries,
  canTakeInquiryAction,
  inquiryActionsFor,
  inquiryVisibility,
  receivesInquiry,
} from './inquiry.policy';
import {
  findInquiries,
  findInquiry,
  findInquiryEvents,
  insertInquiry,
  insertInquiryEvent,
  replyMailKeyPrefix,
  updateInquiry,
  useChallenge,
  type InquiryRow,
} from './inquiry.repository';

/**
 * Investor inquiries: sent from a published zone's public page (no sign-in, spam held off by a proof of work,
 * a honeypot and the route's rate limit), routed to the officers responsible for the zone and its developer,
 * answered (the reply e-mailed to the investor), closed, and erased of personal data after the retention
 * period (inquiry-retention.service.ts). Every step writes an `inquiry_event` and an audit row — neither with
 * personal data, which lives only on the inquiry row, so erasing it there is enough.
 */

export type InquirySettings = ProofSettings & { retentionMonths: number };

/** What the inquiry routes take from the configuration (AppDeps.inquiry); tests set a tiny difficulty. */
export type InquiryOptions = {
  /** Leading zero bits of the proof of work (IZIS_INQUIRY_POW_BITS). */
  powBits: number;
  /** Months personal data is kept after closing (IZIS_INQUIRY_RETENTION_MONTHS), stated in the notice. */
  retentionMonths: number;
  /** Inquiries per client address and window (challenges, fetched when a form is first used: ten times as many). */
  rateLimit: { limit: number; windowMs: number };
};

export const defaultInquiryOptions: InquiryOptions = {
  powBits: DEFAULT_POW_BITS,
  retentionMonths: DEFAULT_INQUIRY_RETENTION_MONTHS,
  rateLimit: { limit: 5, windowMs: 10 * 60_000 },
};

/** A fresh signed challenge and the consent notice the form shows. */
export function issueInquiryChallenge(
  deps: Pick<ServiceDeps, 'clock'>,
  settings: InquirySettings,
): InquiryChallenge {
  const issued = issueChallenge(settings, deps.clock.now());
  return {
    challenge: issued.challenge,
    difficulty: issued.difficulty,
    algorithm: 'SHA-256',
    expiresAt: issued.expiresAt.toISOString(),
    consent: {
      version: INQUIRY_CONSENT_VERSION,
      text: consentText(settings.retentionMonths),
      retentionMonths: settings.retentionMonths,
    },
  };
}

/** `YC-` + 8 characters without look-alikes (0/O, 1/I/L). */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function newReference(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `YC-${s}`;
}

const zoneFacts = (
  row: Pick<InquiryRow, 'zoneCode' | 'family' | 'communeCode' | 'developerCode'>,
): ZoneFacts => ({
  code: row.zoneCode,
  family: row.family as ZoneFamily,
  communeCode: row.communeCode,
  developerCode: row.developerCode,
});

/**
 * Stores an investor's inquiry on a published zone (404 otherwise) and tells the responsible officers and the
 * developer, in one transaction. The proof must be valid and unused (400 naming `proof`); an inquiry whose
 * honeypot is filled, or that is mostly links, is stored as `held` and told to no one — and answered 201 like
 * any other, so a robot learns nothing.
 */
export async function submitInquiry(
  deps: ServiceDeps,
  settings: InquirySettings,
  zoneCode: string,
  input: InquiryInputParsed,
): Promise<InquiryReceipt> {
  // Sent by the public: whoever may be signed in in the same browser, the inquiry is the investor's.
  deps = { ...deps, actor: null };
  const zoneId = await findPublishedZone(deps.db, zoneCode.toUpperCase());
  if (!zoneId) throw new AppError('not_found');
  const zone = await findZoneScopeById(deps.db, { kind: 'all' }, zoneId);
  if (!zone) throw new AppError('not_found');
  const now = deps.clock.now();
  const proof = checkProof(settings, input.proof, now);
  if (!proof.ok) throw validationError({ proof: proof.problem });
  const held = holdReason({ honeypot: input.website, purpose: input.purpose, message: input.message });
  const status: InquiryStatus = held ? 'held' : 'new';
  const reference = newReference();
  const consent = consentText(settings.retentionMonths);
  const id = await deps.db.transaction(async (tx) => {
    if (!(await useChallenge(tx, proof.id, proof.expiresAt)))
      throw validationError({ proof: reusedChallengeProblem });
    const id = await insertInquiry(tx, {
      reference,
      zoneId: zone.id,
      status,
      heldReason: held,
      purpose: input.purpose,
      sector: input.sector ?? null,
      landHa: input.landHa === null || input.landHa === undefined ? null : String(input.landHa),
      timeframe: input.timeframe,
      message: input.message ?? null,
      contactName: input.contact.name,
      organisation: input.contact.organisation ?? null,
      email: input.contact.email.toLowerCase(),
      phone: input.contact.phone || null,
      country: input.contact.country,
      language: input.language,
      consentVersion: input.consentVersion,
      consentText: `${consent.vi}\n\n${consent.en}`,
      consentAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await insertInquiryEvent(tx, {
      inquiryId: id,
      at: now,
      actorName: 'public',
      action: held ? 'hold' : 'submit',
      fromStatus: null,
      toStatus: status,
      text: null,
    });
    await recordAudit(tx, deps, {
      action: held ? 'inquiry.hold' : 'inquiry.submit',
      entityType: 'inquiry',
      entityId: id,
      after: { reference, zone: zone.code, status, heldReason: held },
    });
    if (!held) {
      await noticeNewInquiry(
        { ...deps, db: tx },
        {
          id,
          reference,
          zoneName: zone.name,
          purpose: input.purpose,
          landHa: input.landHa ?? null,
          timeframe: input.timeframe,
        },
        zone,
      );
    }
    return id;
  });
  deps.log.info({ inquiry: id, reference, zone: zone.code, status }, 'inquiry received');
  return { reference };
}

/** Tells the officers responsible for the zone and its developer's users, once per inquiry. */
async function noticeNewInquiry(
  deps: ServiceDeps,
  facts: {
    id: string;
    reference: string;
    zoneName: string;
    purpose: string;
    landHa: string | number | null;
    timeframe: InquiryTimeframe;
  },
  zone: ZoneFacts,
): Promise<void> {
  const recipients = (await notifiableUsers(deps)).filter((u) => receivesInquiry(u.actor, zone));
  await notifyUsers(deps, {
    key: `inquiry:${facts.id}:new`,
    kind: 'inquiry.new',
    recipients,
    ...newInquiryNotice(facts, MAIL_LINK_BASE),
    audit: { inquiry: facts.reference, zone: zone.code },
  });
}

function toView(deps: ServiceDeps, row: InquiryRow): InquiryView {
  const actor = requireActor(deps);
  const status = row.status as InquiryStatus;
  return {
    id: row.id,
    reference: row.reference,
    zone: { code: row.zoneCode, name: row.zoneName },
    status,
    heldReason: row.heldReason,
    purpose: row.purpose,
    sector: row.sector,
    landHa: row.landHa === null ? null : Number(row.landHa),
    timeframe: row.timeframe as InquiryTimeframe,
    contactName: row.contactName,
    organisation: row.organisation,
    country: row.country,
    language: row.language as InquiryLanguage,
    createdAt: row.createdAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    erasedAt: row.erasedAt?.toISOString() ?? null,
    version: row.version,
    actions: inquiryActionsFor(actor, zoneFacts(row), status),
  };
}

function reader(deps: ServiceDeps) {
  const actor = requireActor(deps);
  if (!canReadInquiries(actor)) throw new AppError('forbidden');
  return { actor, visibility: inquiryVisibility(actor) };
}

/** The inquiries of the reader's zones, newest first, paged in SQL, with the counts per status. */
export async function listInquiries(
  deps: ServiceDeps,
  query: Partial<InquiryListQuery>,
): Promise<InquiryList> {
  const { visibility } = reader(deps);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const { rows, total, counts } = await findInquiries(deps.db, visibility, query, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    items: rows.map((r) => toView(deps, r)),
    total,
    page,
    pageSize,
    counts: { held: 0, new: 0, answered: 0, closed: 0, ...counts },
  };
}

async function load(deps: ServiceDeps, id: string, lock = false): Promise<InquiryRow> {
  const { visibility } = reader(deps);
  const row = await findInquiry(deps.db, visibility, id, lock);
  if (!row) throw new AppError('not_found');
  return row;
}

async function detail(deps: ServiceDeps, row: InquiryRow): Promise<InquiryDetail> {
  const events = await findInquiryEvents(deps.db, row.id);
  return {
    ...toView(deps, row),
    message: row.message,
    email: row.email,
    phone: row.phone,
    consent: { version: row.consentVersion, text: row.consentText, at: row.consentAt.toISOString() },
    history: events.map((e) => ({
      at: e.at.toISOString(),
      actorName: e.actorName,
      action: e.action,
      fromStatus: (e.fromStatus as InquiryStatus | null) ?? null,
      toStatus: (e.toStatus as InquiryStatus | null) ?? null,
      text: e.text,
    })),
  };
}

export async function getInquiry(deps: ServiceDeps, id: string): Promise<InquiryDetail> {
  return detail(deps, await load(deps, id));
}

/**
 * One step of the state machine (reply, close, release), version-checked (409 with the current inquiry),
 * with its history row and audit row in one transaction. A reply is stored in the history and queued as an
 * e-mail to the investor (sent when SMTP is set); a release tells the responsible people as a new inquiry.
 */
async function step(
  deps: ServiceDeps,
  id: string,
  action: InquiryAction,
  input: { version: number; text: string | null },
): Promise<InquiryDetail> {
  const actor = requireActor(deps);
  await load(deps, id);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    const row = await load(txDeps, id, true);
    if (row.version !== input.version) throw new AppError('conflict', { current: await detail(txDeps, row) });
    const from = row.status as InquiryStatus;
    const to = nextInquiryStatus(from, action);
    if (to === null) {
      throw validationError({
        action: {
          vi: `Không thể thực hiện "${action}" với yêu cầu đang ở trạng thái "${from}".`,
          en: `Cannot ${action} an inquiry that is ${from}.`,
        },
      });
    }
    if (!canTakeInquiryAction(actor, zoneFacts(row), from, action)) throw new AppError('forbidden');
    await updateInquiry(tx, id, row.version, {
      status: to,
      updatedAt: now,
      ...(action === 'reply' ? { answeredAt: now } : {}),
      ...(action === 'close' ? { closedAt: now } : {}),
    });
    await insertInquiryEvent(tx, {
      inquiryId: id,
      at: now,
      actorId: actor.userId || null,
      actorName: actor.username,
      action,
      fromStatus: from,
      toStatus: to,
      text: input.text,
    });
    await recordAudit(tx, deps, {
      action: `inquiry.${action}`,
      entityType: 'inquiry',
      entityId: id,
      before: { status: from },
      after: { status: to, reference: row.reference },
    });
    if (action === 'reply' && row.email && input.text) {
      const mail = replyMail({
        reference: row.reference,
        zoneName: row.zoneName,
        contactName: row.contactName ?? '',
        reply: input.text,
      });
      await queueMail(tx, {
        toAddress: row.email,
        subject: mail.subject,
        body: mail.text,
        dedupeKey: `${replyMailKeyPrefix(id)}${row.version}`,
      });
    }
    if (action === 'release') {
      await noticeNewInquiry(
        txDeps,
        {
          id,
          reference: row.reference,
          zoneName: row.zoneName,
          purpose: row.purpose,
          landHa: row.landHa,
          timeframe: row.timeframe as InquiryTimeframe,
        },
        zoneFacts(row),
      );
    }
  });
  return getInquiry(deps, id);
}

/** Answers the investor: stored, e-mailed when SMTP is set; the status becomes answered. */
export function replyToInquiry(deps: ServiceDeps, id: string, input: InquiryReplyInput) {
  return step(deps, id, 'reply', { version: input.version, text: input.text });
}

export function closeInquiry(deps: ServiceDeps, id: string, input: InquiryStepInput) {
  return step(deps, id, 'close', { version: input.version, text: input.note ?? null });
}

/** A held inquiry judged genuine: it becomes new and is told to the responsible people. */
export function releaseInquiry(deps: ServiceDeps, id: string, input: InquiryStepInput) {
  return step(deps, id, 'release', { version: input.version, text: input.note ?? null });
}
