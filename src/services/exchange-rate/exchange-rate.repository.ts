import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { exchangeRate } from '../../db/schema/project';

export type ExchangeRateRow = typeof exchangeRate.$inferSelect;

export async function findExchangeRates(db: Db, currency?: string): Promise<ExchangeRateRow[]> {
  return db
    .select()
    .from(exchangeRate)
    .where(currency ? eq(exchangeRate.currency, currency) : undefined)
    .orderBy(asc(exchangeRate.currency), asc(exchangeRate.validFrom));
}

/**
 * Serialises rate writes for one currency until the transaction ends, so two overlapping periods entered at
 * the same moment cannot both pass the overlap check.
 */
export async function lockCurrency(db: Db, currency: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`exchange_rate:${currency}`}))`);
}

/** A period of the same currency that shares at least one day with [from, to]. */
export async function findOverlapping(
  db: Db,
  currency: string,
  from: string,
  to: string,
): Promise<ExchangeRateRow | undefined> {
  const rows = await db
    .select()
    .from(exchangeRate)
    .where(
      and(
        eq(exchangeRate.currency, currency),
        lte(exchangeRate.validFrom, to),
        gte(exchangeRate.validTo, from),
      ),
    )
    .orderBy(asc(exchangeRate.validFrom))
    .limit(1);
  return rows[0];
}

export async function insertExchangeRate(
  db: Db,
  values: typeof exchangeRate.$inferInsert,
): Promise<ExchangeRateRow> {
  const rows = await db.insert(exchangeRate).values(values).returning();
  return rows[0]!;
}
