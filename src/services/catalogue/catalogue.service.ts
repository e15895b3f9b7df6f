import type { Db } from '../../db/client';
import { findPublishedZoneId } from './catalogue.repository';

/**
 * Whether a zone is in the public catalogue: its id when published, null when unknown or unpublished alike
 * (so other modules — investor inquiries — never reveal an unpublished zone). Reads the database every time:
 * an unpublished zone is gone in the very next request.
 */
export async function findPublishedZone(db: Db, code: string): Promise<string | null> {
  if (typeof code !== 'string' || code.length === 0 || code.length > 64) return null;
  return findPublishedZoneId(db, code);
}
