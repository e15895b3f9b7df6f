import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { FeatureCollection, MapGeometry } from '../../../geometry/geo';

export type TerritoryProperties =
  | { layer: 'province' | 'commune'; code: string; name: string; approximate: boolean; source: string | null }
  | { layer: 'label'; code: string; name: string };
export type TerritoryCollection = FeatureCollection<MapGeometry, TerritoryProperties>;

/** The province outline, communes/wards and labels drawn under the zones (GET /api/admin-units/territory). */
export function useTerritory() {
  return useQuery({
    queryKey: ['admin-units', 'territory'],
    // The contract declares the features only as a list (GeoJSON built in SQL): their shape is asserted here.
    queryFn: async ({ signal }) =>
      (await api.get('/api/admin-units/territory', { signal })) as TerritoryCollection,
    staleTime: 10 * 60_000,
  });
}
