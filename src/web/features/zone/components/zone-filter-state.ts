import { lifecycleStates } from '../../../../domain/zone/lifecycle';
import {
  ZONE_FAMILIES,
  ZONE_KINDS,
  type LifecycleState,
  type ZoneFamily,
  type ZoneFilters,
  type ZoneKind,
} from '../api/zone-api';

/** The last day of the districts: they were abolished on 1/7/2025 (docs/PRODUCT.md §1). */
export const LAST_DISTRICT_DAY = '2025-06-30';

/** The URL keys of the registry filters, shared by the list (`/zones`) and the map (`/map`). */
export const FILTER_KEYS = [
  'q',
  'family',
  'kind',
  'ccnType',
  'state',
  'commune',
  'formerDistrict',
  'developer',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

function oneOf<T extends string>(values: readonly T[], text: string): T | undefined {
  return (values as readonly string[]).includes(text) ? (text as T) : undefined;
}

/** Reads the filters from URL values, dropping anything malformed rather than sending it to the server. */
export function filtersFromUrl(state: Record<FilterKey, string>): ZoneFilters {
  return {
    q: state.q.trim() || undefined,
    family: oneOf<ZoneFamily>(ZONE_FAMILIES, state.family),
    kind: oneOf<ZoneKind>(ZONE_KINDS, state.kind),
    ccnType: state.ccnType || undefined,
    state: oneOf<LifecycleState | 'none'>([...lifecycleStates, 'none'], state.state),
    commune: /^\d{5}$/.test(state.commune) ? state.commune : undefined,
    formerDistrict: /^\d{3}$/.test(state.formerDistrict) ? state.formerDistrict : undefined,
    developer: state.developer.trim() || undefined,
  };
}

export function hasFilters(filters: ZoneFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** Clears every filter (and the page, which a filter change resets). */
export const CLEARED_FILTERS: Record<FilterKey | 'page', null> = {
  q: null,
  family: null,
  kind: null,
  ccnType: null,
  state: null,
  commune: null,
  formerDistrict: null,
  developer: null,
  page: null,
};
