import { useQuery } from '@tanstack/react-query';
import type {
  AdminUnit as AdminUnitContract,
  AdminUnitDetail,
  AdminUnitLevel,
} from '../../domain/admin-unit/admin-unit.schema';
import { api } from './api';

/**
 * The administrative units as several features need them — the communes of a picker or a label — over the
 * typed client (GET /api/admin-units). The admin-unit feature's own screens (list, detail) build on this.
 */

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
