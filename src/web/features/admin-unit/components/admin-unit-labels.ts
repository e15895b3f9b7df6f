import type { MessageKey, Translate } from '../../../lib/i18n';
import type { Formatters } from '../../../lib/format';
import type { AdminUnit, AdminUnitLevel } from '../api/admin-unit-api';

export const LEVEL_LABELS: Record<AdminUnitLevel, MessageKey> = {
  province: 'adminUnit.level.province',
  district: 'adminUnit.level.district',
  commune: 'adminUnit.level.commune',
};

/** "1/7/2025 – nay", "14/3/2018 – 30/6/2025": the dates as the server holds them. */
export function validityText(
  unit: Pick<AdminUnit, 'validFrom' | 'validTo'>,
  t: Translate,
  format: Formatters,
): string {
  const { validFrom, validTo } = unit;
  if (validFrom && validTo) return `${format.date(validFrom)} – ${format.date(validTo)}`;
  if (validFrom) return t('adminUnit.validity.since', { from: format.date(validFrom) });
  if (validTo) return t('adminUnit.validity.until', { to: format.date(validTo) });
  return t('adminUnit.validity.unknown');
}

export type ValidityStatus = 'current' | 'ended' | 'future';

/** Whether the unit is in force on `today` ('YYYY-MM-DD'; such strings compare in date order). */
export function validityStatus(
  unit: Pick<AdminUnit, 'validFrom' | 'validTo'>,
  today: string,
): ValidityStatus {
  if (unit.validFrom && unit.validFrom > today) return 'future';
  if (unit.validTo && unit.validTo < today) return 'ended';
  return 'current';
}

export const STATUS_LABELS: Record<ValidityStatus, MessageKey> = {
  current: 'adminUnit.status.current',
  ended: 'adminUnit.status.ended',
  future: 'adminUnit.status.future',
};

export const STATUS_COLORS: Record<ValidityStatus, string> = {
  current: 'success',
  ended: 'default',
  future: 'processing',
};
