import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExchangeRateInput } from '../../../../domain/project/capital';
import { api } from '../../../lib/api';

// /api/exchange-rates, typed by the contract's zod schemas in src/domain/project/capital.ts.

export type { ExchangeRate, ExchangeRateInput } from '../../../../domain/project/capital';

export const exchangeRateKeys = {
  all: ['exchange-rates'] as const,
};

/** Every configured rate (VND per unit, per period), newest period first. */
export function useExchangeRates(enabled = true) {
  return useQuery({
    queryKey: exchangeRateKeys.all,
    queryFn: ({ signal }) => api.get('/api/exchange-rates', { signal }),
    select: (data) =>
      [...data.items].sort(
        (a, b) => b.validFrom.localeCompare(a.validFrom) || a.currency.localeCompare(b.currency),
      ),
    enabled,
  });
}

/** A new rate changes converted totals: capital figures are read again. */
export function useCreateExchangeRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExchangeRateInput) => api.post('/api/exchange-rates', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: exchangeRateKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['capital'] });
    },
  });
}
