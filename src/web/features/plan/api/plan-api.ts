import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PlanYearView } from '../../../../domain/plan/plan.schema';
import { api, buildUrl } from '../../../lib/api';

// /api/plans: the year's plans with live actuals and the Decree 32 gates, typed by the contracts in
// src/domain/plan (type-only imports: zod stays out of the bundle).

export type { PlanYearView } from '../../../../domain/plan/plan.schema';
export type PlanView = PlanYearView['plans'][number];
export type TargetProgress = PlanView['targets'][number];
export type ZoneProgress = TargetProgress['zones'][number];
export type GateRow = PlanYearView['gates']['communes'][number];
export type PlanFamily = 'KCN' | 'CCN';

export const planKeys = {
  year: (year: number, family: PlanFamily) => ['plans', year, family] as const,
};

/** Computed on every request: never served stale from the cache. */
export function usePlanYear(year: number, family: PlanFamily) {
  return useQuery({
    queryKey: planKeys.year(year, family),
    queryFn: ({ signal }) => api.get('/api/plans', { query: { year, family }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export const planExportUrl = (year: number, family: PlanFamily) =>
  buildUrl('/api/plans/export.xlsx', { year, family });
