import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AdminUnit as AdminUnitContract,
  AdminUnitDetail,
  AdminUnitLevel,
} from '../../../../domain/admin-unit/admin-unit.schema';
import { api } from '../../../lib/api';

// GET /api/admin-units and GET /api/admin-units/:id, typed by the contract's schemas in src/domain.

export type { AdminUnitDetail, AdminUnitLevel } from '../../../../domain/admin-unit/admin-unit.schema';

/** Province → district (until 30/6/2025) → commune/ward. (The schema module's own list would bring zod along.) */
export const ADMIN_UNIT_LEVELS = [
  'province',
  'district',
  'commune',
] as const satisfies readonly AdminUnitLevel[];

/** A predecessor or successor; `partial` when only part of the territory passed over. */
export type AdminUnitLink = AdminUnitDetail['successors'][number];

/** A unit as listed; the list does not carry the links yet, but they are shown if the server adds them. */
export type AdminUnit = AdminUnitContract & { predecessors?: AdminUnitLink[]; successors?: AdminUnitLink[] };

export type AdminUnitListParams = {
  level?: AdminUnitLevel | undefined;
  q?: string | undefined;
  validOn?: string | undefined;
  page: number;
  pageSize: number;
};

export const adminUnitKeys = {
  all: ['admin-units'] as const,
  list: (params: AdminUnitListParams) => ['admin-units', 'list', params] as const,
  detail: (id: string) => ['admin-units', 'detail', id] as const,
  allOfLevel: (level: AdminUnitLevel, validOn: string) => ['admin-units', 'all', level, validOn] as const,
};

export function fetchAdminUnits(params: AdminUnitListParams, signal?: AbortSignal) {
  return api.get('/api/admin-units', { query: params, signal });
}

export function useAdminUnits(params: AdminUnitListParams) {
  return useQuery({
    queryKey: adminUnitKeys.list(params),
    queryFn: ({ signal }) => fetchAdminUnits(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAdminUnit(id: string | null) {
  return useQuery({
    queryKey: adminUnitKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get('/api/admin-units/{id}', { params: { id: id ?? '' }, signal }),
    enabled: id !== null,
  });
}

/** The contract's largest page (GET /api/admin-units `pageSize` ≤ 1000): Hanoi's communes in one request. */
const PAGE_SIZE_FOR_ALL = 1000;
const MAX_PAGES = 50;

/**
 * Every unit of a level valid on a date (e.g. Hanoi's 126 communes and wards), read page by page so that it
 * works whatever page size the server allows.
 */
export function useAllAdminUnits(level: AdminUnitLevel, validOn: string, enabled = true) {
  return useQuery({
    queryKey: adminUnitKeys.allOfLevel(level, validOn),
    queryFn: async ({ signal }) => {
      const items: AdminUnit[] = [];
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const result = await fetchAdminUnits({ level, validOn, page, pageSize: PAGE_SIZE_FOR_ALL }, signal);
        items.push(...result.items);
        if (result.items.length === 0 || items.length >= result.total) break;
      }
      return items;
    },
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** "Phường Ba Đình". */
export function adminUnitLabel(unit: Pick<AdminUnit, 'kind' | 'name'>): string {
  return unit.kind ? `${unit.kind} ${unit.name}` : unit.name;
}
