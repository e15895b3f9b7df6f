import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdminUnitLevel } from '../../../../domain/admin-unit/admin-unit.schema';
import { adminUnitKeys, fetchAdminUnits, type AdminUnitListParams } from '../../../lib/admin-units';
import { api } from '../../../lib/api';

// GET /api/admin-units and GET /api/admin-units/:id, typed by the contract's schemas in src/domain.

export type { AdminUnitDetail, AdminUnitLevel } from '../../../../domain/admin-unit/admin-unit.schema';
// The communes for pickers and labels live in lib/ (several features use them).
export {
  adminUnitKeys,
  adminUnitLabel,
  fetchAdminUnits,
  useAllAdminUnits,
  type AdminUnit,
  type AdminUnitLink,
  type AdminUnitListParams,
} from '../../../lib/admin-units';

/** Province → district (until 30/6/2025) → commune/ward. (The schema module's own list would bring zod along.) */
export const ADMIN_UNIT_LEVELS = [
  'province',
  'district',
  'commune',
] as const satisfies readonly AdminUnitLevel[];

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
