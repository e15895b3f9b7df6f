import { count } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser } from '../../db/schema/identity';

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.select({ n: count() }).from(appUser);
  return Number(rows[0]?.n ?? 0);
}
