import { toIsoDate } from '../../domain/format/format';
import { hasPermission } from '../../domain/identity/roles';
import { AppError, validationError } from '../../domain/shared/errors';
import {
  currentPrices,
  planPricePeriod,
  type Price,
  type PriceInput,
  type PriceKind,
  type PriceUnit,
  type PriceUpdate,
  type ZonePrices,
} from '../../domain/zone/price';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import type { Db } from '../../db/client';
import {
  deletePrice,
  findPrice,
  findPrices,
  insertPrice,
  updatePrice,
  type PriceRow,
} from './price.repository';
import { canEditZone, zoneVisibility } from './zone.policy';
import { findZoneScopeByCode, lockZone, type ZoneScopeRow } from './zone-facts.repository';

/**
 * Sublease and shared-service prices of a zone, each valid for a period. Writes lock the zone's row, so the
 * "no two prices of a kind on one day" rule (domain/zone/price.ts) is checked one writer at a time; every
 * write leaves an audit row on the zone, so its history tab shows it.
 */

/** Amounts come back from numeric(20,4) as "45000.0000": shown without the padding. */
function amountText(amount: string): string {
  const [int = '0', frac = ''] = amount.split('.');
  const whole = int.replace(/^0+(?=\d)/, '');
  const fraction = frac.replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** A price as the audit trail records it: flat, with the names the zone's history tab knows. */
function auditView(price: Price) {
  return {
    priceId: price.id,
    priceKind: price.kind,
    amount: price.amount,
    currency: price.currency,
    priceUnit: price.unit,
    validFrom: price.validFrom,
    validTo: price.validTo,
    note: price.note,
    version: price.version,
  };
}

function toPrice(row: PriceRow): Price {
  return {
    id: row.id,
    kind: row.kind as PriceKind,
    amount: amountText(row.amount),
    currency: row.currency,
    unit: row.unit as PriceUnit,
    validFrom: row.validFrom,
    validTo: row.validTo,
    note: row.note,
    version: row.version,
  };
}

async function loadZone(deps: ServiceDeps, code: string): Promise<ZoneScopeRow> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  const zone = await findZoneScopeByCode(deps.db, zoneVisibility(actor), code.toUpperCase());
  if (!zone) throw new AppError('not_found');
  return zone;
}

async function loadEditable(deps: ServiceDeps, code: string): Promise<ZoneScopeRow> {
  const zone = await loadZone(deps, code);
  if (!canEditZone(requireActor(deps), zone)) throw new AppError('forbidden');
  return zone;
}

/** The zone's prices: the one of each kind valid on `at` (today in Vietnam by default) and the full history. */
export async function listPrices(deps: ServiceDeps, code: string, at?: string): Promise<ZonePrices> {
  const zone = await loadZone(deps, code);
  const asOf = at ?? toIsoDate(deps.clock.now());
  const items = (await findPrices(deps.db, zone.id)).map(toPrice);
  return {
    asOf,
    current: currentPrices(items, asOf),
    items,
    canEdit: canEditZone(requireActor(deps), zone),
  };
}

function checkPeriod(
  existing: PriceRow[],
  next: { id: string | null; kind: PriceKind; validFrom: string; validTo: string | null },
) {
  const plan = planPricePeriod(
    existing.map((p) => ({
      id: p.id,
      kind: p.kind as PriceKind,
      validFrom: p.validFrom,
      validTo: p.validTo,
    })),
    next,
  );
  if (!plan.ok) throw validationError({ [plan.field]: plan.problem });
  return plan.close;
}

/**
 * Adds a price. If it starts after the open-ended price of its kind, that one ends the day before (and the
 * answer says so in `closed`); any other overlap is refused with the period it collides with.
 */
export async function addPrice(
  deps: ServiceDeps,
  code: string,
  input: PriceInput,
): Promise<{ price: Price; closed: Price | null }> {
  const zone = await loadEditable(deps, code);
  return deps.db.transaction(async (tx) => {
    await lockZone(tx, zone.id);
    const existing = await findPrices(tx, zone.id);
    const close = checkPeriod(existing, {
      id: null,
      kind: input.kind,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
    });
    let closed: Price | null = null;
    if (close) {
      const previous = existing.find((p) => p.id === close.id)!;
      const row = await updatePrice(tx, previous.id, previous.version, { validTo: close.validTo });
      closed = toPrice(row!);
      await recordAudit(tx, deps, {
        action: 'zone.price_update',
        entityType: 'zone',
        entityId: zone.id,
        before: auditView(toPrice(previous)),
        after: auditView(closed),
      });
    }
    const price = toPrice(
      await insertPrice(tx, {
        zoneId: zone.id,
        kind: input.kind,
        amount: input.amount,
        currency: input.currency,
        unit: input.unit,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        note: input.note?.trim() || null,
      }),
    );
    await recordAudit(tx, deps, {
      action: 'zone.price_add',
      entityType: 'zone',
      entityId: zone.id,
      after: auditView(price),
    });
    return { price, closed };
  });
}

async function conflict(db: Db, zoneId: string, id: string): Promise<never> {
  const current = await findPrice(db, zoneId, id);
  if (!current) throw new AppError('not_found');
  throw new AppError('conflict', { current: toPrice(current) });
}

/** Corrects a price (amount, unit, currency, validity, note); `version` must be the one read, else 409. */
export async function changePrice(
  deps: ServiceDeps,
  code: string,
  id: string,
  input: PriceUpdate,
): Promise<Price> {
  const zone = await loadEditable(deps, code);
  return deps.db.transaction(async (tx) => {
    await lockZone(tx, zone.id);
    const row = await findPrice(tx, zone.id, id);
    if (!row) throw new AppError('not_found');
    if (row.version !== input.version) await conflict(tx, zone.id, id);
    const before = toPrice(row);
    const next = {
      amount: input.amount === undefined ? before.amount : amountText(input.amount),
      currency: input.currency ?? before.currency,
      unit: input.unit ?? before.unit,
      validFrom: input.validFrom ?? before.validFrom,
      validTo: input.validTo === undefined ? before.validTo : input.validTo,
      note: input.note === undefined ? before.note : input.note?.trim() || null,
    };
    // Saving an unchanged form writes no version and no audit entry.
    if ((Object.keys(next) as (keyof typeof next)[]).every((key) => next[key] === before[key])) return before;
    checkPeriod(await findPrices(tx, zone.id), {
      id: row.id,
      kind: before.kind,
      validFrom: next.validFrom,
      validTo: next.validTo,
    });
    const updated = await updatePrice(tx, row.id, row.version, next);
    if (!updated) return conflict(tx, zone.id, id);
    const after = toPrice(updated);
    await recordAudit(tx, deps, {
      action: 'zone.price_update',
      entityType: 'zone',
      entityId: zone.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Removes a price entered by mistake (the audit trail keeps what it was); `version` must be current. */
export async function removePrice(
  deps: ServiceDeps,
  code: string,
  id: string,
  version: number,
): Promise<void> {
  const zone = await loadEditable(deps, code);
  await deps.db.transaction(async (tx) => {
    await lockZone(tx, zone.id);
    const row = await findPrice(tx, zone.id, id);
    if (!row) throw new AppError('not_found');
    if (row.version !== version || !(await deletePrice(tx, row.id, version))) await conflict(tx, zone.id, id);
    await recordAudit(tx, deps, {
      action: 'zone.price_remove',
      entityType: 'zone',
      entityId: zone.id,
      before: auditView(toPrice(row)),
    });
  });
}
