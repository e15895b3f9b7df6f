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
  ZoneDetail,
  ZoneKind,
  ZoneSummary,
} from '../../../../domain/zone/zone.schema';
import { api, type Page } from '../../../lib/api';
import type { AreaGeometry, FeatureCollection, MapGeometry } from '../../../geometry/geo';
import type { AuditEntry } from '../../audit/api/audit-api';
import type { ProjectSummary } from '../../../../domain/project/project.schema';
import type { Organisation } from '../../../../domain/organisation/organisation.schema';

// The registry endpoints (/api/zones…), typed by the contract's zod schemas in src/domain/zone (type-only
// imports: zod stays out of the bundle).

export type {
  LifecycleEventInput,
  UpdateZoneInput,
  ZoneDetail,
  ZoneKind,
  ZoneSummary,
} from '../../../../domain/zone/zone.schema';
export type { LifecycleState } from '../../../../domain/zone/lifecycle';
export type { AuditEntry } from '../../audit/api/audit-api';

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

export type ZoneList = Page<ZoneSummary> & { asOf: string };

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
export type ZoneMapCollection = FeatureCollection<MapGeometry, ZoneMapProperties> & {
  /** Zones with no location at all (not on the map); named so none is silently missing. */
  unplaced?: { code: string; name: string }[];
};

export type OccupancyGroupBy = 'commune' | 'formerDistrict' | 'family' | 'city';

export type CcnType = { code: string; name: string };

/** The body of a 409 on PATCH: the zone as it is now, and the changes made since the version we edited. */
export type ZoneConflict = { current: ZoneDetail; changes: AuditEntry[] };

const zonePath = (code: string) => `/api/zones/${encodeURIComponent(code)}`;

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
    queryFn: ({ signal }) => api.get<ZoneList>('/api/zones', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useZonesMap(filters: ZoneFilters) {
  return useQuery({
    queryKey: zoneKeys.map(filters),
    queryFn: ({ signal }) => api.get<ZoneMapCollection>('/api/zones/map', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOccupancy(groupBy: OccupancyGroupBy, family?: ZoneFamily) {
  return useQuery({
    queryKey: zoneKeys.occupancy(groupBy, family),
    queryFn: ({ signal }) =>
      api.get<{ items: OccupancyGroup[] }>('/api/zones/occupancy', { query: { groupBy, family }, signal }),
  });
}

export function useCcnTypes(enabled = true) {
  return useQuery({
    queryKey: zoneKeys.ccnTypes,
    queryFn: ({ signal }) => api.get<{ items: CcnType[] }>('/api/ccn-types', { signal }),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useZone(code: string) {
  return useQuery({
    queryKey: zoneKeys.detail(code),
    queryFn: ({ signal }) => api.get<ZoneDetail>(zonePath(code), { signal }),
  });
}

export function useZoneLifecycle(code: string) {
  return useQuery({
    queryKey: zoneKeys.lifecycle(code),
    queryFn: ({ signal }) => api.get<{ items: LifecycleEvent[] }>(`${zonePath(code)}/lifecycle`, { signal }),
    select: (data) => data.items,
  });
}

export function useZoneHistory(code: string) {
  return useQuery({
    queryKey: zoneKeys.history(code),
    queryFn: ({ signal }) => api.get<{ items: AuditEntry[] }>(`${zonePath(code)}/history`, { signal }),
    select: (data) => data.items,
  });
}

export function useZoneProjects(code: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: zoneKeys.projects(code, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<Page<ZoneProject>>(`${zonePath(code)}/projects`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Infrastructure developers for a picker: GET /api/organisations?role=developer, searched on the server. */
export function useDevelopers(q: string, enabled = true) {
  return useQuery({
    queryKey: zoneKeys.developers(q),
    queryFn: ({ signal }) =>
      api.get<Page<Organisation>>('/api/organisations', {
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
    mutationFn: (input: UpdateZoneInput) => api.patch<ZoneDetail>(zonePath(code), input),
    onSuccess: written,
  });
}

export function useAddLifecycleEvent(code: string) {
  const written = useZoneWritten(code);
  return useMutation({
    mutationFn: (input: LifecycleEventInput) =>
      api.post<LifecycleEvent>(`${zonePath(code)}/lifecycle`, input),
    // The derived state and the version changed: read the detail again.
    onSuccess: () => written(null),
  });
}

export function usePutBoundary(code: string) {
  const written = useZoneWritten(code);
  return useMutation({
    mutationFn: (input: { geometry: AreaGeometry; version: number }) =>
      api.put<ZoneDetail>(`${zonePath(code)}/boundary`, input),
    onSuccess: written,
  });
}

export function useDeleteBoundary(code: string) {
  const written = useZoneWritten(code);
  return useMutation({
    mutationFn: (version: number) =>
      api.delete<ZoneDetail>(`${zonePath(code)}/boundary`, { query: { version } }),
    onSuccess: written,
  });
}
