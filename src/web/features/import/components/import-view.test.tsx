import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../../domain/import/import.schema';
import { SessionContext, type Session } from '../../../lib/session';
import { ImportView } from './import-view';

/**
 * The network, for the page's upload: an XMLHttpRequest the test answers by hand — upload progress, the
 * server's streamed lines (application/x-ndjson), then the end of the response. The page itself is real.
 */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  responseType = '';
  aborted = false;
  upload: { onprogress: ((e: ProgressEvent) => void) | null; onload: (() => void) | null } = {
    onprogress: null,
    onload: null,
  };
  onprogress: (() => void) | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  getResponseHeader(name: string) {
    return name.toLowerCase() === 'x-request-id' ? 'req-test' : null;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }

  /** The browser reports bytes sent, then that the whole body is on the server. */
  uploaded(loaded: number, total: number, done = false) {
    act(() => {
      this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
      if (done) this.upload.onload?.();
    });
  }
  /** The server streams one line of its answer. */
  line(value: unknown) {
    act(() => {
      this.status = 200;
      this.responseText += `${JSON.stringify(value)}\n`;
      this.onprogress?.();
    });
  }
  /** The response ends. */
  end() {
    act(() => this.onload?.());
  }
}

const session: Session = {
  user: {
    id: 'u1',
    username: 'canbo',
    displayName: 'Cán bộ Sở',
    email: null,
    locale: 'vi',
    assignments: [],
    permissions: ['zone.manage', 'zone.create', 'organisation.manage'],
  },
  csrfToken: 'csrf-1',
  expiresAt: '2099-01-01T00:00:00Z',
};

const result = (overrides: Partial<ImportResult>): ImportResult => ({
  entity: 'zones',
  mode: 'dry-run',
  committed: false,
  rows: 3,
  toCreate: 2,
  toUpdate: 1,
  unchanged: 0,
  errors: [],
  changes: [],
  durationMs: 420,
  ...overrides,
});

const originalXhr = window.XMLHttpRequest;
beforeEach(() => {
  FakeXhr.sent = [];
  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
});
afterEach(() => {
  window.XMLHttpRequest = originalXhr;
});

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  // The lists this user may import, as GET /api/import/lists would answer.
  client.setQueryData(['import', 'lists'], { entities: ['zones', 'organisations'] });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/import']}>
        <SessionContext value={session}>
          <ImportView />
        </SessionContext>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const fileInput = () =>
  screen.getByTestId('import-view').querySelector<HTMLInputElement>('input[type=file]')!;
const workbook = (name = 'khu-cum.xlsx') =>
  new File([new Uint8Array(2 * 1024 * 1024)], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

async function choose(file: File) {
  await userEvent.upload(fileInput(), file);
  await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
  return FakeXhr.sent[0]!;
}

describe('the import page (Nhập dữ liệu)', () => {
  it('names a file of the wrong type at once, without uploading it', async () => {
    renderPage();
    await userEvent.upload(fileInput(), new File(['x'], 'ghi-chu.txt', { type: 'text/plain' }), {
      applyAccept: false,
    });
    expect(await screen.findByText('Chỉ nhận tệp .xlsx hoặc .csv, không nhận "ghi-chu.txt".')).toBeTruthy();
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('uploads the chosen file for a dry run and shows its progress: bytes sent, then rows checked', async () => {
    renderPage();
    const xhr = await choose(workbook());
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/import/zones?mode=dry-run');
    expect(xhr.headers['x-csrf-token']).toBe('csrf-1');
    expect((xhr.body?.get('file') as File).name).toBe('khu-cum.xlsx');
    expect(screen.getByText('Đang kiểm tra tệp khu-cum.xlsx')).toBeTruthy();

    xhr.uploaded(1024 * 1024, 2 * 1024 * 1024);
    expect(screen.getByTestId('import-stage').textContent).toBe('Đang tải tệp lên: 1 MB / 2 MB');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    xhr.uploaded(2 * 1024 * 1024, 2 * 1024 * 1024, true);
    expect(screen.getByTestId('import-stage').textContent).toBe('Máy chủ đang đọc tệp…');
    xhr.line({ type: 'progress', phase: 'validate', done: 1200, total: 3000 });
    expect(screen.getByTestId('import-stage').textContent).toBe('Đã kiểm tra 1.200 / 3.000 dòng');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
  });

  it('lists a dry run’s problems by row and column, and offers no commit', async () => {
    renderPage();
    const xhr = await choose(workbook());
    xhr.uploaded(2 * 1024 * 1024, 2 * 1024 * 1024, true);
    xhr.line({
      type: 'result',
      ...result({
        toCreate: 1,
        errors: [
          {
            row: 3,
            field: 'Diện tích (ha)',
            message: { vi: 'Phải là số', en: 'Must be a number' },
            text: 'Phải là số không âm',
          },
          { row: 5, field: 'Mã xã', message: { vi: 'Không có xã 99999', en: 'No commune 99999' } },
        ],
      }),
    });
    xhr.end();

    const errors = await screen.findByTestId('import-errors');
    const rows = within(errors)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['3', 'Diện tích (ha)', 'Phải là số không âm'],
      ['5', 'Mã xã', 'Không có xã 99999'],
    ]);
    expect(screen.getByText(/Tệp có 2 dòng lỗi/)).toBeTruthy();
    expect(within(screen.getByTestId('import-count-bad')).getByText('2')).toBeTruthy();
    expect(screen.getByTestId('import-commit')).toHaveProperty('disabled', true);
  });

  it('after a clean dry run, the commit sends the same file again and shows what was written', async () => {
    renderPage();
    const dry = await choose(workbook());
    dry.uploaded(2 * 1024 * 1024, 2 * 1024 * 1024, true);
    dry.line({
      type: 'result',
      ...result({ changes: [{ row: 2, key: 'CCN-A', action: 'create', fields: [] }] }),
    });
    dry.end();

    const commit = await screen.findByTestId('import-commit');
    expect(
      screen.getByText(/Tệp hợp lệ\. Bấm "Ghi dữ liệu" để ghi 2 dòng mới và 1 dòng thay đổi/),
    ).toBeTruthy();
    expect(commit).toHaveProperty('disabled', false);
    await userEvent.click(commit);

    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    const write = FakeXhr.sent[1]!;
    expect(write.url).toBe('/api/import/zones?mode=commit');
    expect((write.body?.get('file') as File).name).toBe('khu-cum.xlsx');
    expect(screen.getByText('Đang ghi dữ liệu từ tệp khu-cum.xlsx')).toBeTruthy();
    write.uploaded(2 * 1024 * 1024, 2 * 1024 * 1024, true);
    // A commit checks every row again, then writes: 3 rows are 6 steps, the 5th is the 2nd row written.
    write.line({ type: 'progress', phase: 'write', done: 5, total: 6 });
    expect(screen.getByTestId('import-stage').textContent).toBe('Đã ghi 2 / 3 dòng');
    write.line({ type: 'result', ...result({ mode: 'commit', committed: true }) });
    write.end();

    expect(await screen.findByText('Đã ghi dữ liệu')).toBeTruthy();
    expect(within(screen.getByTestId('import-committed')).getByText('Đã thêm mới')).toBeTruthy();
  });
});
