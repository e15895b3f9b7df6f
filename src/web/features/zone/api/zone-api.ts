import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LifecycleState } from '../../../../domain/zone/lifecycle';
import type {
  fireSafetyStatuses,
  LifecycleEventInput,
  lifecycleEventSchema,
  occupancyGroupSchema,
  UpdateZoneInput,
  wwtpStatuses,
  ZoneKind,
} from '../../../../domain/zone/zone.schema';
import { api, type ApiResponse } from '../../../lib/api';
import type { AreaGeometry, FeatureCollection, MapGeometry } from '../../../geometry/geo';
import type { AuditEntry } from '../../../components/record-history/record-history';
import type { ProjectSummary } from '../../../../domain/project/project.schema';

// The registry endpoints (/api/zones…), typed by the contract's zod schemas in src/domain/zone (type-only
// imports: zod stays out of the bundle).

export type { LifecycleEventInput, UpdateZoneInput, ZoneKind } from '../../../../domain/zone/zone.schema';

/** A zone as GET /api/zones/{code} answers it. */
export type ZoneDetail = ApiResponse<'/api/zones/{code}', 'get'>;
export type ZoneList = ApiResponse<'/api/zones', 'get'>;
/** A zone of the list (GET /api/zones). */
export type ZoneSummary = ZoneList['items'][number];
export type { LifecycleState } from '../../../../domain/zone/lifecycle';
export type { AuditEntry } from '../../../components/record-history/record-history';

export type ZoneFamily = ZoneSummary['family'];
export type WwtpStatus = (typeof wwtpStatuses)[number];
export type FireSafetyStatus = (typeof fireSafetyStatuses)[number];
export type LifecycleEvent = z.infer<typeof lifecycleEventSchema>;
export type OccupancyGroup = z.infer<typeof occupancyGroupSchema>;

/** (The schema module's own lists would bring zod along.) */
export const ZONE_KINDS = ['KCN', 'KCX', 'KCNC', 'CCN'] as const satisfies readonly ZoneKind[];
export const ZONE_FAMILIES = ['KCN', 'CCN'] as const satisfies readonly ZoneFamily[];
export const WWTP_STATUSES = [
  'none',
  'building',
  'operating',
  'compliant',
] as const satisfies readonly WwtpStatus[];
export const FIRE_SAFETY_STATUSES = [
  'none',
  'partial',
  'accepted',
] as const satisfies readonly FireSafetyStatus[];
export const ZONE_SORTS = ['code', 'name', 'area', 'occupancy', 'commune'] as const;
export type ZoneSort = (typeof ZONE_SORTS)[number];

/** The filters shared by the list, the map and the occupancy summary. */
export type ZoneFilters = {
  q?: string | undefined;
  family?: ZoneFamily | undefined;
  kind?: ZoneKind | undefined;
  ccnType?: string | undefined;
  state?: LifecycleState | 'none' | undefined;
  commune?: string | undefined;
  formerDistrict?: string | undefined;
  developer?: string | undefined;
};

export type ZoneListParams = ZoneFilters & {
  sort: ZoneSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

/** A tenant project of the zone, as GET /api/zones/{code}/projects (and /api/projects) list it. */
export type ZoneProject = ProjectSummary;

export type ZoneMapProperties = {
  code: string;
  name: string;
  kind: ZoneKind;
  family: ZoneFamily;
  lifecycleState: LifecycleState | null;
  occupancy: number | null;
  declaredAreaHa: number | null;
  geometry: 'boundary' | 'point';
  /**
   * Exact (its boundary or marker), or approximate: the rough centre of its commune or former district, or —
   * with no location recorded at all — a point near the city's centre ("city").
   */
  placement: 'exact' | 'commune' | 'former_district' | 'city';
};
/**
 * The contract declares the map's features only as a list (the GeoJSON is built in SQL, zone.repository.ts):
 * their shape is asserted here, once; the rest (`unplaced`, absent from a collection built on this side: the zones with no location at all, so that none
 * is silently missing) is the contract's.
 */
export type ZoneMapCollection = FeatureCollection<MapGeometry, ZoneMapProperties> &
  Partial<Pick<ApiResponse<'/api/zones/map', 'get'>, 'unplaced'>>;

export type OccupancyGroupBy = 'commune' | 'formerDistrict' | 'family' | 'city';

export type CcnType = ApiResponse<'/api/ccn-types', 'get'>['items'][number];

/** The body of a 409 on PATCH: the zone as it is now, and the changes made since the version we edited. */
export type ZoneConflict = { current: ZoneDetail; changes: AuditEntry[] };

export const zoneKeys = {
  all: ['zones'] as const,
  list: (params: ZoneListParams) => ['zones', 'list', params] as const,
  map: (filters: ZoneFilters) => ['zones', 'map', filters] as const,
  occupancy: (groupBy: OccupancyGroupBy, family: ZoneFamily | undefined) =>
    ['zones', 'occupancy', groupBy, family ?? null] as const,
  detail: (code: string) => ['zones', 'detail', code] as const,
  lifecycle: (code: string) => ['zones', 'detail', code, 'lifecycle'] as const,
  history: (code: string) => ['zones', 'detail', code, 'history'] as const,
  projects: (code: string, page: number, pageSize: number) =>
    ['zones', 'detail', code, 'projects', page, pageSize] as const,
  developers: (q: string) => ['organisations', 'developers', q] as const,
  ccnTypes: ['ccn-types'] as const,
};

export function useZones(params: ZoneListParams) {
  return useQuery({
    queryKey: zoneKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/zones', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useZonesMap(filters: ZoneFilters) {
  return useQuery({
    queryKey: zoneKeys.map(filters),
    queryFn: async ({ signal }) =>
      (await api.get('/api/zones/map', { query: filters, signal })) as ZoneMapCollection,
    placeholderData: keepPreviousData,
  });
}

export function useOccupancy(groupBy: OccupancyGroupBy, family?: ZoneFamily) {
  return useQuery({
    queryKey: zoneKeys.occupancy(groupBy, family),
    queryFn: ({ signal }) => api.get('/api/zones/occupancy', { query: { groupBy, family }, signal }),
  });
}

export function useCcnTypes(enabled = true) {
  return useQuery({
    queryKey: zoneKeys.ccnTypes,
    queryFn: ({ signal }) => api.get('/api/ccn-types', { signal }),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useZone(code: string) {
  return useQuery({
    queryKey: zoneKeys.detail(code),
    queryFn: ({ signal }) => api.get('/api/zones/{code}', { params: { code }, signal }),
  });
}

export function useZoneLifecycle(code: string) {
  return useQuery({
    queryKey: zoneKeys.lifecycle(code),
    queryFn: ({ signal }) => api.get('/api/zones/{code}/lifecycle', { params: { code }, signal }),
    select: (data) => data.items,
  });
}

export function useZoneHistory(code: string) {
  return useQuery({
    queryKey: zoneKeys.history(code),
    queryFn: ({ signal }) => api.get('/api/zones/{code}/history', { params: { code }, signal }),
    select: (data) => data.items,
  });
}

export function useZoneProjects(code: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: zoneKeys.projects(code, page, pageSize),
    queryFn: ({ signal }) =>
      api.get('/api/zones/{code}/projects', { params: { code }, query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Infrastructure developers for a picker: GET /api/organisations?role=developer, searched on the server. */
export function useDevelopers(q: string, enabled = true) {
  return useQuery({
    queryKey: zoneKeys.developers(q),
    queryFn: ({ signal }) =>
      api.get('/api/organisations', {
        query: { role: 'developer', q: q || undefined, page: 1, pageSize: 30 },
        signal,
      }),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });
}

/**
 * After a write: the detail is replaced by the server's answer; lists, the map, the occupancy figures and the
 * zone's history are read again.
 */
function useZoneWritten(code: string) {
  const queryClient = useQueryClient();
  return (detail: ZoneDetail | null) => {
    if (detail) queryClient.setQueryData(zoneKeys.detail(code), detail);
    void queryClient.invalidateQueries({
      predicate: (query) => {
        const [root, kind, which] = query.queryKey;
        if (root !== 'zones') return false;
        if (kind === 'detail') return which === code && query.queryKey.length > 3;
        return true;
      },
    });
    if (!detail) void queryClient.invalidateQueries({ queryKey: zoneKeys.detail(code), exact: true });
  };
}

export function useUpdateZone(code: string) {
  const written = useZoneWritten(code);
  return useMutation({
    mutationFn: (input: UpdateZoneInput) => api.patch('/api/zones/{code}', input, { params: { code } }),
    onSuccess: written,
  });
}

export function useAddLifecycleEvent(code: string) {
  const written = useZoneWritten(code);
  return useMutation({
    mutationFn: (input: LifecycleEventInput) =>
      api.post('/api/zones/{code}/lifecycle', input, { params: { code } }),
    // The derived state and the version changed: read the detail again.
    onSuccess: () => written(null),
  });
}

export function usePutBoundary(code: string) {
  const written = useZoneWritten(code);
  return useMutation({
    mutationFn: (input: { geometry: AreaGeometry; version: number }) =>
      api.put('/api/zones/{code}/boundary', input, { params: { code } }),
    onSuccess: written,
  });
}

export function useDeleteBoundary(code: string) {
  const written = useZoneWritten(code);
  return useMutation({
    mutationFn: (version: number) =>
      api.delete('/api/zones/{code}/boundary', { params: { code }, query: { version } }),
    onSuccess: written,
  });
}
