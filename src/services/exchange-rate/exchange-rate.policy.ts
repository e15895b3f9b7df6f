import { hasPermission, type Actor } from '../../domain/identity/roles';

/** Exchange rates are configuration: readable by whoever reads capital, set by exchange_rate.manage. */
export function canReadExchangeRates(actor: Actor): boolean {
  return hasPermission(actor, 'project.read') || hasPermission(actor, 'exchange_rate.manage');
}

export function canManageExchangeRates(actor: Actor): boolean {
  return hasPermission(actor, 'exchange_rate.manage');
}
