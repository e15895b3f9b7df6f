import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MasterPlanInput, PlanEntryInput, PlanStatus } from '../../../../domain/zone/master-plan';
import type { PriceInput, PriceKind, PriceUnit } from '../../../../domain/zone/price';
import { api } from '../../../lib/api';

// A zone's place in the master plans (GET /api/zones/{code}/master-plan, entries under it), the plan versions
// (/api/master-plans) and the zone's prices (/api/zones/{code}/prices). Type-only imports of the contracts.

export type {
  MasterPlan,
  MasterPlanInput,
  PlanEntryInput,
  PlanEntryView,
  PlanStatus,
  ZonePlan,
} from '../../../../domain/zone/master-plan';
export type { Price, PriceInput, PriceKind, PriceUnit, ZonePrices } from '../../../../domain/zone/price';
export type PlanChange = PlanEntryInput['change'];

/** (The schema modules' own lists would bring zod along.) */
export const PLAN_CHANGES = ['added', 'area_changed', 'removed'] as const satisfies readonly PlanChange[];
export const PRICE_KINDS = ['sublease', 'shared_service'] as const satisfies readonly PriceKind[];
export const PRICE_UNITS = ['m2_year', 'm2_month', 'm2_term', 'm3'] as const satisfies readonly PriceUnit[];
export const PRICE_CURRENCIES = ['VND', 'USD'] as const satisfies readonly PriceInput['currency'][];
export type PlanStatusKind = PlanStatus['status'];

export const planKeys = {
  zone: (code: string, at: string | undefined) =>
    ['zones', 'detail', code, 'master-plan', at ?? null] as const,
  zoneAll: (code: string) => ['zones', 'detail', code, 'master-plan'] as const,
  prices: (code: string) => ['zones', 'detail', code, 'prices'] as const,
  plans: ['master-plans'] as const,
};

export function useZonePlan(code: string, at?: string) {
  return useQuery({
    queryKey: planKeys.zone(code, at),
    queryFn: ({ signal }) =>
      api.get('/api/zones/{code}/master-plan', { params: { code }, query: { at }, signal }),
  });
}

export function useZonePrices(code: string) {
  return useQuery({
    queryKey: planKeys.prices(code),
    queryFn: ({ signal }) => api.get('/api/zones/{code}/prices', { params: { code }, signal }),
  });
}

function useWritten(code: string) {
  const queryClient = useQueryClient();
  return (what: 'plan' | 'prices') => {
    if (what === 'plan') {
      void queryClient.invalidateQueries({ queryKey: planKeys.zoneAll(code) });
      void queryClient.invalidateQueries({ queryKey: planKeys.plans });
    } else void queryClient.invalidateQueries({ queryKey: planKeys.prices(code) });
    void queryClient.invalidateQueries({ queryKey: ['zones', 'detail', code, 'history'] });
  };
}

export function useAddPlanEntry(code: string) {
  const written = useWritten(code);
  return useMutation({
    mutationFn: (input: PlanEntryInput) =>
      api.post('/api/zones/{code}/master-plan/entries', input, { params: { code } }),
    onSuccess: () => written('plan'),
  });
}

export function useRemovePlanEntry(code: string) {
  const written = useWritten(code);
  return useMutation({
    mutationFn: (id: string) =>
      api.delete('/api/zones/{code}/master-plan/entries/{id}', { params: { code, id } }),
    onSuccess: () => written('plan'),
  });
}

/** A new plan version (the family's department); the zone's plan view is read again. */
export function useCreateMasterPlan(code: string) {
  const written = useWritten(code);
  return useMutation({
    mutationFn: (input: MasterPlanInput) => api.post('/api/master-plans', input),
    onSuccess: () => written('plan'),
  });
}

export function useAddPrice(code: string) {
  const written = useWritten(code);
  return useMutation({
    mutationFn: (input: PriceInput) => api.post('/api/zones/{code}/prices', input, { params: { code } }),
    onSuccess: () => written('prices'),
  });
}

export function useRemovePrice(code: string) {
  const written = useWritten(code);
  return useMutation({
    mutationFn: (price: { id: string; version: number }) =>
      api.delete('/api/zones/{code}/prices/{id}', {
        params: { code, id: price.id },
        query: { version: price.version },
      }),
    onSuccess: () => written('prices'),
  });
}
