import type { FormInstance } from 'antd';
import type { AuditEntry } from '../../../domain/audit/audit.schema';
import { ApiError } from '../../lib/api';

/**
 * The pieces every record editor shares (organisations, projects): what changed from the version being
 * edited, the server's field messages put beside their inputs, and the 409 of a stale edit.
 */

/** Empty text is "no value"; text is trimmed; lists drop empty entries; numbers stay numbers. */
export function normaliseValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    const items = value
      .map((item) => (typeof item === 'string' ? item.trim() : item))
      .filter((item) => item !== '' && item !== null && item !== undefined);
    return items;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  return value;
}

export const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(normaliseValue(a)) === JSON.stringify(normaliseValue(b));

/** The fields among `fields` whose value in `values` differs from `base`, normalised: what a PATCH sends. */
export function changesFrom<V extends Record<string, unknown>>(
  fields: readonly (keyof V & string)[],
  base: V,
  values: Partial<V>,
): Partial<V> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in values)) continue;
    if (!sameValue(values[field], base[field])) out[field] = normaliseValue(values[field]);
  }
  return out as Partial<V>;
}

/** A 409 whose body carries the record as it is now and the changes made since (`{current, changes}`). */
export function conflictOf<T extends { version: number }>(
  error: unknown,
): { current: T; changes: AuditEntry[] } | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.details?.['current'];
  if (typeof current !== 'object' || current === null || !('version' in current)) return null;
  const changes = error.details?.['changes'];
  return { current: current as T, changes: Array.isArray(changes) ? (changes as AuditEntry[]) : [] };
}

/**
 * Puts the server's field messages (`details.fields`) beside the form's inputs. Returns the messages about
 * fields the form does not have (to list above it), or null when the error has no field messages at all.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
): [string, string][] | null {
  const entries = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  if (entries.length === 0) return null;
  const fieldOf = (name: string) => name.split('.')[0] ?? name;
  const known = entries.filter(([name]) => fields.includes(fieldOf(name)));
  form.setFields(known.map(([name, text]) => ({ name: fieldOf(name), errors: [text] })));
  if (known.length > 0) form.scrollToField(fieldOf(known[0]![0]), { block: 'center' });
  return entries.filter((entry) => !known.includes(entry));
}
