import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminUnit } from '../../db/schema/admin-unit';
import { inquiry, inquiryChallengeUsed, inquiryEvent } from '../../db/schema/inquiry';
import { organisation } from '../../db/schema/organisation';
import { zone } from '../../db/schema/zone';
import type { InquiryListQuery } from '../../domain/inquiry/inquiry.schema';
import type { ZoneVisibility } from '../zone/zone.policy';
import { zoneFamilySql, zoneVisibilityFilter } from '../zone/zone.repository';

/** All SQL of investor inquiries. Every staff read joins the zone and applies the reader's visibility. */

const columns = {
  id: inquiry.id,
  reference: inquiry.reference,
  zoneId: inquiry.zoneId,
  zoneCode: zone.code,
  zoneName: zone.name,
  family: zoneFamilySql,
  communeCode: sql<string | null>`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
  developerCode: sql<string | null>`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
  status: inquiry.status,
  heldReason: inquiry.heldReason,
  purpose: inquiry.purpose,
  sector: inquiry.sector,
  landHa: inquiry.landHa,
  timeframe: inquiry.timeframe,
  message: inquiry.message,
  contactName: inquiry.contactName,
  organisation: inquiry.organisation,
  email: inquiry.email,
  phone: inquiry.phone,
  country: inquiry.country,
  language: inquiry.language,
  consentVersion: inquiry.consentVersion,
  consentText: inquiry.consentText,
  consentAt: inquiry.consentAt,
  createdAt: inquiry.createdAt,
  answeredAt: inquiry.answeredAt,
  closedAt: inquiry.closedAt,
  erasedAt: inquiry.erasedAt,
  version: inquiry.version,
};

function selectInquiries(db: Db) {
  return db.select(columns).from(inquiry).innerJoin(zone, eq(zone.id, inquiry.zoneId));
}

export type InquiryRow = Awaited<ReturnType<typeof selectInquiries>>[number];

function filters(q: Partial<InquiryListQuery>): SQL[] {
  const where: SQL[] = [];
  if (q.status) where.push(eq(inquiry.status, q.status));
  if (q.zone) where.push(eq(zone.code, q.zone.toUpperCase()));
  return where;
}

/** A page of the inquiries the reader may see, newest first, with the count and the counts per status. */
export async function findInquiries(
  db: Db,
  visibility: ZoneVisibility,
  q: Partial<InquiryListQuery>,
  paging: { limit: number; offset: number },
): Promise<{ rows: InquiryRow[]; total: number; counts: Record<string, number> }> {
  const scope = zoneVisibilityFilter(visibility);
  const rows = await selectInquiries(db)
    .where(and(scope, ...filters(q)))
    .orderBy(desc(inquiry.createdAt), asc(inquiry.id))
    .limit(paging.limit)
    .offset(paging.offset);
  // Counts per status over the zone filter (not the status filter): the page's tabs.
  const counted = await db
    .select({ status: inquiry.status, n: sql<number>`count(*)::int` })
    .from(inquiry)
    .innerJoin(zone, eq(zone.id, inquiry.zoneId))
    .where(and(scope, ...filters({ zone: q.zone })))
    .groupBy(inquiry.status);
  const counts = Object.fromEntries(counted.map((c) => [c.status, c.n]));
  const total = q.status ? (counts[q.status] ?? 0) : counted.reduce((s, c) => s + c.n, 0);
  return { rows, total, counts };
}

/** One inquiry within the visibility; `lock` holds its row for the rest of the transaction. */
export async function findInquiry(
  db: Db,
  visibility: ZoneVisibility,
  id: string,
  lock = false,
): Promise<InquiryRow | undefined> {
  const q = selectInquiries(db)
    .where(and(eq(inquiry.id, id), zoneVisibilityFilter(visibility)))
    .limit(1);
  const rows = lock ? await q.for('update', { of: inquiry }) : await q;
  return rows[0];
}

export async function insertInquiry(db: Db, values: typeof inquiry.$inferInsert): Promise<string> {
  const rows = await db.insert(inquiry).values(values).returning({ id: inquiry.id });
  return rows[0]!.id;
}

/** Changes an inquiry only if it still has the version the caller read. */
export async function updateInquiry(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof inquiry.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(inquiry)
    .set({ ...values, version: sql`${inquiry.version} + 1` })
    .where(and(eq(inquiry.id, id), eq(inquiry.version, expectedVersion)))
    .returning({ id: inquiry.id });
  return rows.length > 0;
}

export async function insertInquiryEvent(db: Db, values: typeof inquiryEvent.$inferInsert): Promise<void> {
  await db.insert(inquiryEvent).values(values);
}

export async function findInquiryEvents(db: Db, inquiryId: string) {
  return db
    .select()
    .from(inquiryEvent)
    .where(eq(inquiryEvent.inquiryId, inquiryId))
    .orderBy(asc(inquiryEvent.id));
}

/**
 * Marks a challenge used; false when it was used before (the insert found its id). Expired ones are deleted
 * by the retention job, so the table holds at most the challenges of the last half hour.
 */
export async function useChallenge(db: Db, id: string, expiresAt: Date): Promise<boolean> {
  const rows = await db
    .insert(inquiryChallengeUsed)
    .values({ id, expiresAt })
    .onConflictDoNothing()
    .returning({ id: inquiryChallengeUsed.id });
  return rows.length > 0;
}

export async function deleteExpiredChallenges(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(inquiryChallengeUsed)
    .where(sql`${inquiryChallengeUsed.expiresAt} < ${now.toISOString()}::timestamptz`)
    .returning({ id: inquiryChallengeUsed.id });
  return rows.length;
}

/** Closed inquiries whose personal data is due for erasure: closed at least `months` calendar months ago. */
export async function findErasableInquiries(db: Db, now: Date, months: number, limit: number) {
  return db
    .select({ id: inquiry.id, reference: inquiry.reference })
    .from(inquiry)
    .where(
      and(
        eq(inquiry.status, 'closed'),
        sql`${inquiry.erasedAt} is null`,
        sql`${inquiry.closedAt} + make_interval(months => ${Math.trunc(months)}::int) <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(inquiry.closedAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/**
 * Erases the personal data of these inquiries: the contact fields and message, the texts of their history
 * (replies quote the investor), and the address and text of the replies e-mailed to them. What stays is the
 * anonymous statistic (zone, purpose, sector, land, timeframe, country, dates, statuses).
 */
export async function eraseInquiries(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (!ids.length) return;
  await db
    .update(inquiry)
    .set({
      contactName: null,
      organisation: null,
      email: null,
      phone: null,
      message: null,
      erasedAt: now,
      updatedAt: now,
      version: sql`${inquiry.version} + 1`,
    })
    .where(inArray(inquiry.id, [...ids]));
  await db
    .update(inquiryEvent)
    .set({ text: null })
    .where(inArray(inquiryEvent.inquiryId, [...ids]));
  for (const id of ids) {
    await db.execute(sql`
      update outbound_mail set to_address = 'erased:' || id::text, body = null, subject = '—'
      where dedupe_key like ${`${replyMailKeyPrefix(id)}%`}`);
  }
}

/** The outbox key of the replies e-mailed to an inquiry's investor (erased with it). */
export const replyMailKeyPrefix = (inquiryId: string) => `inquiry-reply:${inquiryId}:`;
