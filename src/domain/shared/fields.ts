import { z } from 'zod';

/**
 * Field schemas every contract shares, so that what the database can store is said once: a calendar date
 * the date arithmetic and PostgreSQL both handle, a UUID before it is compared with a uuid column, and text
 * without the characters PostgreSQL cannot store.
 */

/** The years a date field accepts: wide enough for any legal event, narrow enough for month arithmetic. */
export const DATE_YEARS = { min: 1900, max: 2999 } as const;

/** A calendar date `YYYY-MM-DD` between 1900-01-01 and 2999-12-31. */
export const isoDate = z.iso.date().refine(
  (value) => {
    const year = Number(value.slice(0, 4));
    return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
  },
  { message: 'date_range' },
);

/** An id compared with a uuid column: anything else is a field error, not a database error. */
export const uuidField = z.uuid({ message: 'uuid' });

/**
 * Characters PostgreSQL cannot store in text: NUL, and UTF-16 surrogates that are not part of a pair
 * (they have no UTF-8 encoding).
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * The path (`a.b.0.c`) of the first string — or object key — in a parsed value that PostgreSQL cannot store,
 * or null. Bounded by the value's own size (a JSON body is already limited in bytes).
 */
export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return hasUnstorableText(value) ? path.join('.') || '_' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (hasUnstorableText(key)) return [...path, key.replace(UNSTORABLE_ALL, '\uFFFD')].join('.');
      const found = findUnstorableText(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
