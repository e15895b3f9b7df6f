import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DataTable, type DataTableColumn } from './data-table';

type Zone = { code: string; name: string; areaHa: number };
type Sort = 'name' | 'area';

const columns: DataTableColumn<Zone, Sort>[] = [
  { title: 'Mã', dataIndex: 'code', key: 'code' },
  { title: 'Tên', dataIndex: 'name', sortKey: 'name' },
  { title: 'Diện tích', dataIndex: 'areaHa', sortKey: 'area' },
];

const rows: Zone[] = [
  { code: 'CCN-A', name: 'CCN Thụy Lâm', areaHa: 17 },
  { code: 'CCN-B', name: 'CCN Phùng Xá', areaHa: 4.2 },
];

function state(overrides: { pageSize?: number } = {}) {
  return {
    page: 1,
    pageSize: overrides.pageSize ?? 20,
    sort: 'name' as Sort,
    order: 'asc' as const,
    pageSizeOptions: [20, 50, 100],
    setPaging: vi.fn<(page: number, pageSize: number) => void>(),
    setSort: vi.fn<(sort: Sort | null, order: 'asc' | 'desc') => void>(),
  };
}

describe('DataTable', () => {
  it('shows the page’s rows and the whole list’s total in Vietnamese number format', () => {
    render(
      <DataTable
        state={state()}
        query={{ data: { items: rows, total: 1234 }, error: null, isFetching: false, refetch: vi.fn() }}
        columns={columns}
        rowKey="code"
        testId="zones"
      />,
    );
    const table = screen.getByTestId('zones');
    expect(within(table).getByText('CCN Thụy Lâm')).toBeTruthy();
    expect(within(table).getByText('CCN Phùng Xá')).toBeTruthy();
    expect(screen.getByText('Tổng số: 1.234')).toBeTruthy();
  });

  it('asks the server for the order by the column’s sort key when its header is clicked', async () => {
    const s = state();
    render(
      <DataTable
        state={s}
        query={{ data: { items: rows, total: 2 }, error: null, isFetching: false, refetch: vi.fn() }}
        columns={columns}
        rowKey="code"
      />,
    );
    await userEvent.click(screen.getByRole('columnheader', { name: /Diện tích/ }));
    expect(s.setSort).toHaveBeenCalledWith('area', 'asc');
    expect(s.setPaging).not.toHaveBeenCalled();
  });

  it('moves to the page the user picks', async () => {
    const s = state({ pageSize: 2 });
    render(
      <DataTable
        state={s}
        query={{ data: { items: rows, total: 6 }, error: null, isFetching: false, refetch: vi.fn() }}
        columns={columns}
        rowKey="code"
      />,
    );
    await userEvent.click(screen.getByTitle('3'));
    expect(s.setPaging).toHaveBeenCalledWith(3, 2);
  });

  it('shows the error above the table with a retry that asks again', async () => {
    const refetch = vi.fn();
    render(
      <DataTable
        state={state()}
        query={{ data: undefined, error: new Error('boom'), isFetching: false, refetch }}
        columns={columns}
        rowKey="code"
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('offers downloads of the whole filtered list as links carrying the filters', () => {
    render(
      <DataTable
        state={state()}
        query={{ data: { items: rows, total: 2 }, error: null, isFetching: false, refetch: vi.fn() }}
        columns={columns}
        rowKey="code"
        exports={[{ format: 'xlsx', href: '/api/zones/export.xlsx?family=CCN' }]}
      />,
    );
    const link = within(screen.getByTestId('table-exports')).getByRole('link');
    expect(link.getAttribute('href')).toBe('/api/zones/export.xlsx?family=CCN');
  });
});
