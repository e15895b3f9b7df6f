import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tooltip, type TableColumnType, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { Key, ReactNode } from 'react';
import { useFormat } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { ErrorAlert } from '../ui/error-alert';
import type { SortDirection, TableState } from './use-table-state';

/** A column; `sortKey` makes it sortable on the server under that name (the list's `sort` parameter). */
export type DataTableColumn<T, S extends string = never> = TableColumnType<T> & { sortKey?: S };

/** What a list query gives the table: a page of rows, or an error, and whether a request is running. */
export type DataTableQuery<T> = {
  data?: { items: T[]; total: number } | undefined;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
};

/** A download of the whole filtered list (not only this page), e.g. `/api/projects/export.xlsx?…`. */
export type ExportLink = { format: 'xlsx' | 'csv' | 'geojson'; href: string };

type PassThrough<T> = Pick<TableProps<T>, 'size' | 'expandable' | 'summary' | 'footer' | 'scroll'>;

export type DataTableProps<T, S extends string = never> = PassThrough<T> & {
  state: Pick<TableState<string, S>, 'page' | 'pageSize' | 'sort' | 'order' | 'pageSizeOptions'> & {
    setPaging: (page: number, pageSize: number) => void;
    setSort?: (sort: S | null, order: SortDirection) => void;
  };
  query: DataTableQuery<T>;
  columns: DataTableColumn<T, S>[];
  rowKey: string | ((row: T) => Key);
  /** What an empty list says: with filters, "nothing matches"; without, "nothing yet". */
  emptyText?: ReactNode;
  /** Left of the bar above the table (a date, a count, a note). */
  toolbar?: ReactNode;
  /** Download buttons right of the bar above the table. */
  exports?: ExportLink[];
  /** A click anywhere on a row (links inside the row should stop the event). */
  onRowClick?: (row: T) => void;
  /** Hide the pager when everything fits on one page. */
  hideOnSinglePage?: boolean;
  testId?: string;
};

const EXPORT_LABELS = {
  xlsx: 'table.export.xlsx',
  csv: 'table.export.csv',
  geojson: 'table.export.geojson',
} as const;

/** The export buttons of a list: plain links, so the browser downloads with the session cookie. */
export function ExportButtons({
  exports,
  size = 'small',
}: {
  exports: ExportLink[];
  size?: 'small' | 'middle';
}) {
  const t = useT();
  return (
    <Flex gap={8} wrap data-testid="table-exports">
      {exports.map((link) => (
        <Tooltip key={link.format} title={t('table.export.hint')}>
          <Button size={size} icon={<DownloadOutlined aria-hidden />} href={link.href}>
            {t(EXPORT_LABELS[link.format])}
          </Button>
        </Tooltip>
      ))}
    </Flex>
  );
}

/**
 * A server-paged list: antd's Table with the page, page size and order taken from and written to the URL
 * (`useTableState`), the error shown above with a retry, "loading" while a request runs (the previous page
 * stays visible meanwhile), an empty text, and optional export buttons.
 */
export function DataTable<T extends object, S extends string = never>({
  state,
  query,
  columns,
  rowKey,
  emptyText,
  toolbar,
  exports,
  onRowClick,
  hideOnSinglePage,
  testId,
  size,
  expandable,
  summary,
  footer,
  scroll = { x: 'max-content' },
}: DataTableProps<T, S>) {
  const t = useT();
  const format = useFormat();
  const sortOrder = (key: S): SortOrder =>
    state.sort === key ? (state.order === 'asc' ? 'ascend' : 'descend') : null;
  const tableColumns: TableColumnType<T>[] = columns.map(({ sortKey, ...column }) =>
    sortKey === undefined
      ? column
      : { ...column, key: column.key ?? sortKey, sorter: true, sortOrder: sortOrder(sortKey) },
  );
  const hasBar = Boolean(toolbar) || (exports?.length ?? 0) > 0;

  return (
    <>
      {query.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert
            error={query.error}
            action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
          />
        </div>
      ) : null}
      {hasBar ? (
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <div>{toolbar}</div>
          {exports && exports.length > 0 ? <ExportButtons exports={exports} /> : null}
        </Flex>
      ) : null}
      <Table<T>
        data-testid={testId}
        rowKey={rowKey}
        size={size}
        columns={tableColumns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={scroll}
        expandable={expandable}
        summary={summary}
        footer={footer}
        // No "nothing here" while the first answer is on its way: the spinner alone says it is loading.
        locale={
          query.data === undefined && query.isFetching
            ? { emptyText: ' ' }
            : emptyText === undefined
              ? undefined
              : { emptyText }
        }
        onRow={
          onRowClick ? (row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } }) : undefined
        }
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: state.pageSizeOptions,
          hideOnSinglePage,
          showTotal: (total) => t('table.total', { total: format.number(total) }),
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const column = columns.find(
              (candidate) => (candidate.key ?? candidate.sortKey) === one?.columnKey,
            );
            state.setSort?.(
              one?.order && column?.sortKey !== undefined ? column.sortKey : null,
              one?.order === 'descend' ? 'desc' : 'asc',
            );
            return;
          }
          state.setPaging(pagination.current ?? 1, pagination.pageSize ?? state.pageSize);
        }}
      />
    </>
  );
}
