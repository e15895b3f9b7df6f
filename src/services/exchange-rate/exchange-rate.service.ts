import { checkExchangeRate, type ExchangeRate, type ExchangeRateInput } from '../../domain/project/capital';
import { AppError, validationError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { canManageExchangeRates, canReadExchangeRates } from './exchange-rate.policy';
import {
  findExchangeRates,
  findOverlapping,
  insertExchangeRate,
  lockCurrency,
  type ExchangeRateRow,
} from './exchange-rate.repository';

function toRate(row: ExchangeRateRow): ExchangeRate {
  return {
    id: row.id,
    currency: row.currency,
    validFrom: row.validFrom,
    validTo: row.validTo,
    vndPerUnit: row.vndPerUnit,
    source: row.source,
  };
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export async function listExchangeRates(deps: ServiceDeps, currency: string | undefined) {
  const actor = requireActor(deps);
  if (!canReadExchangeRates(actor)) throw new AppError('forbidden');
  return { items: (await findExchangeRates(deps.db, currency)).map(toRate) };
}

/**
 * Configures the rate of a currency for a period (VND per unit). Periods of one currency never overlap:
 * an overlapping period is refused with 409, naming the period already configured.
 */
export async function createExchangeRate(deps: ServiceDeps, input: ExchangeRateInput): Promise<ExchangeRate> {
  const actor = requireActor(deps);
  if (!canManageExchangeRates(actor)) throw new AppError('forbidden');
  const problems = checkExchangeRate(input);
  if (Object.keys(problems).length) throw validationError(problems);
  return deps.db.transaction(async (tx) => {
    await lockCurrency(tx, input.currency);
    const overlapping = await findOverlapping(tx, input.currency, input.validFrom, input.validTo);
    if (overlapping) {
      throw new AppError('conflict', {
        fields: {
          validFrom: {
            vi: `Khoảng ${viDate(input.validFrom)}–${viDate(input.validTo)} trùng với tỷ giá ${input.currency} đã có từ ${viDate(overlapping.validFrom)} đến ${viDate(overlapping.validTo)} (${overlapping.vndPerUnit} đồng).`,
            en: `${input.validFrom}–${input.validTo} overlaps the ${input.currency} rate already set for ${overlapping.validFrom}–${overlapping.validTo}.`,
          },
        },
        current: toRate(overlapping),
      });
    }
    const row = await insertExchangeRate(tx, {
      currency: input.currency,
      validFrom: input.validFrom,
      validTo: input.validTo,
      vndPerUnit: input.vndPerUnit,
      source: input.source || null,
    });
    const created = toRate(row);
    await recordAudit(tx, deps, {
      action: 'exchange_rate.create',
      entityType: 'exchange_rate',
      entityId: row.id,
      after: created,
    });
    return created;
  });
}
