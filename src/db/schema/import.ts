import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Running spreadsheet imports, one row per user (migration 0010): the row is the lock that keeps a user to
 * one import at a time across every IZIS process on the database.
 */
export const importRun = pgTable('import_run', {
  userId: uuid('user_id').primaryKey(),
  token: uuid('token').notNull(),
  entity: text('entity').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
});
