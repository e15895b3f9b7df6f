import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { RecordEditDrawer, type StaleEdit } from './record-edit-drawer';

type Values = { name: string; note: string };
type Zone = { code: string; version: number; name: string; note: string };

const zone: Zone = { code: 'CCN-A', version: 3, name: 'CCN Thụy Lâm', note: '' };

function renderDrawer(update: (changes: Partial<Values>, version: number) => Promise<Zone>) {
  const onSaved = vi.fn();
  const renderConflict = vi.fn((stale: StaleEdit<Values>) => (
    <div>
      <span>Đã bị sửa bởi người khác</span>
      <button type="button" onClick={stale.onReapply}>
        Giữ thay đổi của tôi
      </button>
    </div>
  ));
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <RecordEditDrawer<Values, Zone>
          open
          onClose={vi.fn()}
          record={zone}
          title={() => 'Sửa khu/cụm'}
          size={480}
          formName="zone"
          saveTestId="save"
          fields={['name', 'note']}
          editFields={['name', 'note']}
          valuesOf={(z) => ({ name: z.name, note: z.note })}
          empty={{ name: '', note: '' }}
          update={update}
          pending={false}
          messages={{ saved: 'Đã lưu', conflictTitle: 'Có xung đột' }}
          detailKey={(code) => ['zone', code]}
          fieldLabel={(field) => field}
          renderConflict={renderConflict}
          onSaved={onSaved}
        >
          {() => (
            <>
              <Form.Item name="name" label="Tên">
                <Input />
              </Form.Item>
              <Form.Item name="note" label="Ghi chú">
                <Input />
              </Form.Item>
            </>
          )}
        </RecordEditDrawer>
      </App>
    </QueryClientProvider>,
  );
  return { onSaved, renderConflict };
}

async function rename(to: string) {
  const input = await screen.findByLabelText('Tên');
  await userEvent.clear(input);
  await userEvent.type(input, to);
  await userEvent.click(screen.getByTestId('save'));
}

describe('RecordEditDrawer', () => {
  it('sends only the changed fields, normalised, with the version the drawer was opened on', async () => {
    const update = vi.fn(async (changes: Partial<Values>) => ({ ...zone, ...changes, version: 4 }));
    const { onSaved } = renderDrawer(update);
    await rename('  CCN Thụy Lâm mở rộng  ');
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update).toHaveBeenCalledWith({ name: 'CCN Thụy Lâm mở rộng' }, 3);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('puts the server’s message about a field beside its input, and keeps the others above the form', async () => {
    const update = vi.fn(() =>
      Promise.reject(
        new ApiError({
          status: 400,
          code: 'validation',
          message: 'Dữ liệu không hợp lệ.',
          details: { fields: { name: 'Tên đã được dùng.', developerCode: 'Không có tổ chức này.' } },
        }),
      ),
    );
    renderDrawer(update);
    await rename('CCN Phùng Xá');
    expect(await screen.findByText('Tên đã được dùng.')).toBeTruthy();
    expect(screen.getByText(/developerCode: Không có tổ chức này\./)).toBeTruthy();
  });

  it('on a stale edit shows who changed what and overwrites nothing until the user chooses', async () => {
    const update = vi.fn(() =>
      Promise.reject(
        new ApiError({
          status: 409,
          code: 'conflict',
          message: 'Dữ liệu đã bị người khác thay đổi.',
          details: { current: { ...zone, version: 5, name: 'CCN Thụy Lâm (mới)' }, changes: [] },
        }),
      ),
    );
    const { onSaved, renderConflict } = renderDrawer(update);
    await rename('Tên của tôi');
    expect(await screen.findByText('Có xung đột')).toBeTruthy();
    expect(renderConflict).toHaveBeenLastCalledWith(
      expect.objectContaining({ mine: { name: 'Tên của tôi' }, overlap: new Set(['name']) }),
    );
    expect(onSaved).not.toHaveBeenCalled();
    // Keeping mine rebases on the current version: the next save names version 5.
    await userEvent.click(screen.getByRole('button', { name: 'Giữ thay đổi của tôi' }));
    update.mockImplementation(() => Promise.resolve({ ...zone, version: 6, name: 'Tên của tôi' }) as never);
    await userEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(update).toHaveBeenLastCalledWith({ name: 'Tên của tôi' }, 5));
  });
});
