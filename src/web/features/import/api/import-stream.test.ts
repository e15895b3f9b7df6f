import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../../domain/import/import.schema';
import { ApiError } from '../../../lib/api';
import { badRowCount, canCommit, LineReader, parseStreamLine, progressPercent } from './import-stream';

const result = (over: Partial<ImportResult> = {}): ImportResult => ({
  entity: 'zones',
  mode: 'dry-run',
  committed: false,
  rows: 3,
  toCreate: 1,
  toUpdate: 1,
  unchanged: 1,
  errors: [],
  changes: [],
  durationMs: 12,
  ...over,
});

describe('reading the streamed import answer', () => {
  it('hands out each line once it is complete, and keeps a partial line until the rest arrives', () => {
    const reader = new LineReader();
    let text = '{"type":"progress","phase":"validate","done":500,"total":1000}\n{"type":"pro';
    expect(reader.read(text)).toEqual(['{"type":"progress","phase":"validate","done":500,"total":1000}']);
    text += 'gress","phase":"validate","done":1000,"total":1000}\n';
    expect(reader.read(text)).toEqual(['{"type":"progress","phase":"validate","done":1000,"total":1000}']);
    expect(reader.read(text)).toEqual([]);
    text += '{"type":"result"}';
    expect(reader.read(text)).toEqual([]);
    expect(reader.read(text, true)).toEqual(['{"type":"result"}']);
  });

  it('tells progress, the result and a failure apart, and skips what is not its own', () => {
    expect(parseStreamLine('{"type":"progress","phase":"write","done":7,"total":10}', null)).toEqual({
      kind: 'progress',
      progress: { stage: 'write', done: 7, total: 10 },
    });
    const line = parseStreamLine(JSON.stringify({ type: 'result', ...result({ rows: 42 }) }), null);
    expect(line).toEqual({ kind: 'result', result: result({ rows: 42 }) });
    const failure = parseStreamLine(
      JSON.stringify({ type: 'error', code: 'forbidden', message: 'Bạn không có quyền.', requestId: 'r-1' }),
      null,
    );
    expect(failure?.kind).toBe('error');
    const error = failure?.kind === 'error' ? failure.error : null;
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.message).toBe('Bạn không có quyền.');
    expect(error?.requestId).toBe('r-1');
    expect(parseStreamLine('not json', null)).toBeNull();
    expect(parseStreamLine('{"type":"progress","done":"x"}', null)).toBeNull();
  });
});

describe('what the page shows', () => {
  it('measures the upload in bytes and the server in rows, with no measure while the file is read', () => {
    expect(progressPercent({ stage: 'upload', loaded: 512, total: 2048 })).toBe(25);
    expect(progressPercent({ stage: 'read' })).toBeNull();
    expect(progressPercent({ stage: 'validate', done: 2_000, total: 20_000 })).toBe(10);
    expect(progressPercent({ stage: 'write', done: 20_000, total: 20_000 })).toBe(100);
    expect(progressPercent({ stage: 'upload', loaded: 0, total: 0 })).toBe(0);
  });

  it('counts a row with several bad cells once', () => {
    const problem = (row: number, field: string | null) => ({
      row,
      field,
      message: { vi: 'Sai.', en: 'Wrong.' },
    });
    expect(badRowCount([problem(3, 'Tổng diện tích (ha)'), problem(3, 'Loại hình'), problem(5, null)])).toBe(
      2,
    );
  });

  it('offers to write only a file with no problem and something to write', () => {
    expect(canCommit(result())).toBe(true);
    expect(
      canCommit(result({ errors: [{ row: 2, field: 'Mã khu/cụm', message: { vi: 'Sai.', en: 'Wrong.' } }] })),
    ).toBe(false);
    expect(canCommit(result({ toCreate: 0, toUpdate: 0, unchanged: 3 }))).toBe(false);
  });
});
