import { useCallback } from 'react';
import { positiveInt, useUrlState } from '../../lib/url-state';

export type SortDirection = 'asc' | 'desc';

type Patch<K extends string> = Partial<Record<K, string | number | null | undefined>>;

/** The list's place — filters, page, page size and order — read from the URL and written back to it. */
export type TableState<K extends string, S extends string = never> = {
  /** The raw URL values of the list's own keys (filters, an open drawer…), '' when absent. */
  values: Record<K, string>;
  page: number;
  pageSize: number;
  /** The order asked for, or the default. */
  sort: S;
  order: SortDirection;
  defaultPageSize: number;
  pageSizeOptions: number[];
  /** Changes filters and goes back to page 1. */
  setFilters: (patch: Patch<K>) => void;
  /** Changes any key without touching the page (opening a drawer, a tab). */
  update: (patch: Patch<K | 'page' | 'pageSize' | 'sort' | 'order'>) => void;
  /** The `?search` of this list with `patch` applied, for real links. */
  searchWith: (patch: Patch<K | 'page' | 'pageSize' | 'sort' | 'order'>) => string;
  setPaging: (page: number, pageSize: number) => void;
  /** A new order (null: back to the default), from page 1. */
  setSort: (sort: S | null, order: SortDirection) => void;
};

export type TableStateOptions<K extends string, S extends string> = {
  keys: readonly K[];
  defaultPageSize?: number;
  pageSizeOptions?: number[];
  sorts?: readonly S[];
  defaultSort?: S;
  defaultOrder?: SortDirection;
};

const PAGING_KEYS = ['page', 'pageSize', 'sort', 'order'] as const;

/**
 * URL state of a server-paged list: `?page=2&pageSize=50&sort=name&order=desc` plus the list's own keys.
 * Defaults stay out of the URL, so the plain address is the list's first page in its natural order.
 */
export function useTableState<K extends string, S extends string = never>(
  options: TableStateOptions<K, S>,
): TableState<K, S> {
  const {
    keys,
    defaultPageSize = 20,
    pageSizeOptions = [10, 20, 50, 100],
    sorts = [],
    defaultSort,
    defaultOrder = 'asc',
  } = options;
  const [raw, update, searchWith] = useUrlState<K | (typeof PAGING_KEYS)[number]>([...keys, ...PAGING_KEYS]);
  const values = {} as Record<K, string>;
  for (const key of keys) values[key] = raw[key];
  const page = positiveInt(raw.page, 1);
  const pageSize = positiveInt(raw.pageSize, defaultPageSize);
  const sort = ((sorts as readonly string[]).includes(raw.sort) ? raw.sort : defaultSort) as S;
  const order: SortDirection = raw.order === 'asc' || raw.order === 'desc' ? raw.order : defaultOrder;

  // (TypeScript cannot see that a patch of some keys fits a patch of more keys when K is generic.)
  type AnyPatch = Parameters<typeof update>[0];
  const setFilters = useCallback((patch: Patch<K>) => update({ ...patch, page: null } as AnyPatch), [update]);
  const setPaging = useCallback(
    (nextPage: number, nextPageSize: number) =>
      update({
        page: nextPage === 1 ? null : nextPage,
        pageSize: nextPageSize === defaultPageSize ? null : nextPageSize,
      } as AnyPatch),
    [update, defaultPageSize],
  );
  const setSort = useCallback(
    (nextSort: S | null, nextOrder: SortDirection) =>
      update({
        sort: nextSort === null || nextSort === defaultSort ? null : nextSort,
        order: nextSort === null || nextOrder === defaultOrder ? null : nextOrder,
        page: null,
      } as AnyPatch),
    [update, defaultSort, defaultOrder],
  );

  return {
    values,
    page,
    pageSize,
    sort,
    order,
    defaultPageSize,
    pageSizeOptions,
    setFilters,
    update,
    searchWith,
    setPaging,
    setSort,
  };
}
