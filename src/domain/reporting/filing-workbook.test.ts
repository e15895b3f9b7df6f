import { describe, expect, it } from 'vitest';
import { formForPeriod } from './catalogue';
import {
  bulkColumnKey,
  fieldErrorsOnRows,
  parseBulkSheet,
  parseSingleSheet,
  readFigure,
  sameFigures,
  SINGLE_COLUMNS,
  type SheetGrid,
} from './filing-workbook';
import type { FormVersion } from './form-types';
import { validateFiling } from './validation';

const b01 = formForPeriod('B01', '2026-H1')!;
const b02 = formForPeriod('B02', '2026-H1')!;
const item = (form: FormVersion, indicator: string) => form.items.find((i) => i.indicator === indicator)!;

/** A row of the reporter's sheet: value in column E, explanation in F, key in G. */
const singleRow = (row: number, key: string, value: unknown, explanation: unknown = null) => {
  const cells: unknown[] = [];
  cells[SINGLE_COLUMNS.no - 1] = row;
  cells[SINGLE_COLUMNS.value - 1] = value;
  cells[SINGLE_COLUMNS.explanation - 1] = explanation;
  cells[SINGLE_COLUMNS.key - 1] = key;
  return { row, cells: cells as never };
};

describe('reading a figure', () => {
  it('takes numbers as they are, and text the Vietnamese way or plainly', () => {
    const revenue = item(b01, 'revenue_vnd');
    expect(readFigure(revenue, 12.5)).toEqual({ ok: true, value: 12.5 });
    expect(readFigure(revenue, '1.347,5')).toEqual({ ok: true, value: 1347.5 });
    expect(readFigure(revenue, '12,5')).toEqual({ ok: true, value: 12.5 });
    expect(readFigure(revenue, '  ')).toEqual({ ok: true, value: null });
    expect(readFigure(revenue, null)).toEqual({ ok: true, value: null });
    // A formula's binary noise is not a fourth decimal.
    expect(readFigure(revenue, 0.1 + 0.2)).toEqual({ ok: true, value: 0.3 });
  });

  it('refuses text that is not a number, and an ambiguous "1.347", saying why in Vietnamese', () => {
    const revenue = item(b01, 'revenue_vnd');
    const words = readFigure(revenue, 'mười hai');
    expect(words.ok).toBe(false);
    expect(!words.ok && words.message.vi).toContain('không phải là số');
    const ambiguous = readFigure(revenue, '1.347');
    expect(!ambiguous.ok && ambiguous.message.vi).toContain('không rõ');
  });

  it('reads a yes/no item as có/không too', () => {
    const wwtp = item(b02, 'wwtp_built');
    expect(readFigure(wwtp, 'Có')).toEqual({ ok: true, value: 1 });
    expect(readFigure(wwtp, 'không')).toEqual({ ok: true, value: 0 });
    expect(readFigure(wwtp, 1)).toEqual({ ok: true, value: 1 });
  });
});

describe('the reporter’s sheet', () => {
  const grid = (rows: ReturnType<typeof singleRow>[]): SheetGrid => ({ name: 'Biểu 01', rows });

  it('finds each item by its key, whatever the order, with its explanation', () => {
    const result = parseSingleSheet(
      b01,
      grid([
        singleRow(14, 'avg_income_vnd', 8.5),
        singleRow(11, 'revenue_vnd', '12,5', '  Đơn hàng xuất khẩu tăng mạnh.  '),
        singleRow(12, 'state_budget_vnd', 1.2),
        singleRow(13, 'workers', 85),
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.values).toEqual({
      revenue_vnd: 12.5,
      state_budget_vnd: 1.2,
      workers: 85,
      avg_income_vnd: 8.5,
    });
    expect(result.explanations).toEqual({ revenue_vnd: 'Đơn hàng xuất khẩu tăng mạnh.' });
    expect(result.rowOf.workers).toBe(13);
  });

  it('names the row and item of a bad cell, a row twice, a foreign row and a missing row', () => {
    const result = parseSingleSheet(
      b01,
      grid([
        singleRow(11, 'revenue_vnd', 'abc'),
        singleRow(12, 'revenue_vnd', 3),
        singleRow(13, 'occupancy_pct', 50),
        singleRow(14, 'workers', 85, 'x'.repeat(2001)),
        singleRow(15, 'avg_income_vnd', 8),
      ]),
    );
    const text = result.problems.map((p) => [p.row, p.field, p.message.vi]);
    expect(text).toEqual([
      [
        11,
        'revenue_vnd',
        'Dòng 11: Mục 1 (Doanh thu của dự án trong kỳ), cột "Số liệu kỳ này": "abc" không phải là số.',
      ],
      [
        12,
        'revenue_vnd',
        'Dòng 12: Mục 1 (Doanh thu của dự án trong kỳ) xuất hiện hai lần (đã có ở dòng 11).',
      ],
      [
        13,
        'occupancy_pct',
        'Dòng 13: chỉ tiêu "occupancy_pct" không có trong Biểu 01 (phiên bản 2025-07-01).',
      ],
      [14, 'workers', 'Dòng 14: Mục 3 (Số lao động có hợp đồng lao động): giải trình dài quá 2000 ký tự.'],
      [
        null,
        'state_budget_vnd',
        'Thiếu dòng của Mục 2 (Nộp ngân sách nhà nước của dự án trong kỳ): hãy dùng tệp mẫu tải từ hệ thống, không xoá dòng.',
      ],
    ]);
  });

  it('puts the form’s own rule messages on the item’s row', () => {
    const errors = validateFiling(b01, { revenue_vnd: 1, workers: 10, avg_income_vnd: 0 }, {}, 'submit');
    const rows: Record<string, number> = {
      revenue_vnd: 11,
      state_budget_vnd: 12,
      workers: 13,
      avg_income_vnd: 14,
    };
    const problems = fieldErrorsOnRows(b01, 'Biểu 01', errors, (i) => rows[i] ?? null);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [12, 'state_budget_vnd'],
      [14, 'avg_income_vnd'],
    ]);
    expect(problems[1]!.message.vi).toBe(
      'Dòng 14: Mục 4 (Thu nhập bình quân của người lao động): Có người lao động thì phải ghi thu nhập bình quân (lớn hơn 0).',
    );
  });
});

describe('the bulk sheet', () => {
  const keys = [
    'no',
    'project',
    'name',
    ...b01.items.map((i) => bulkColumnKey.value(i.indicator)),
    ...b01.items.map((i) => bulkColumnKey.explanation(i.indicator)),
    'version',
  ];
  const row = (r: number, cells: unknown[]) => ({ row: r, cells: cells as never });

  it('reads each project row by the hidden key row, skipping the header; blank rows are marked', () => {
    const result = parseBulkSheet(b01, {
      name: 'Biểu 01 - nộp hộ',
      rows: [
        row(1, ['BIỂU 01 — …']),
        row(6, keys),
        row(7, ['STT', 'Mã dự án', 'Tên dự án']),
        row(8, [1, 'DA-1', 'Nhà máy 1', 12.5, '1,2', 85, 8.5, '', '', '', '', 3]),
        row(9, [2, 'DA-2', 'Nhà máy 2', null, null, null, null, null, null, null, null, 0]),
        row(10, [3, 'DA-3', 'Nhà máy 3', 'x', 1, 2, 3, 'Tăng do mở rộng xưởng', '', '', '', '']),
      ],
    });
    expect(result.problems).toEqual([]);
    const [one, two, three] = result.rows;
    expect(one).toMatchObject({
      row: 8,
      projectCode: 'DA-1',
      version: 3,
      blank: false,
      values: { revenue_vnd: 12.5, state_budget_vnd: 1.2, workers: 85, avg_income_vnd: 8.5 },
      problems: [],
    });
    expect(two).toMatchObject({ projectCode: 'DA-2', version: 0, blank: true });
    expect(three!.explanations).toEqual({ revenue_vnd: 'Tăng do mở rộng xưởng' });
    expect(three!.version).toBeNull();
    expect(three!.problems.map((p) => p.message.vi)).toEqual([
      'Dòng 10: dự án DA-3, Mục 1 (Doanh thu của dự án trong kỳ): "x" không phải là số.',
    ]);
  });

  it('refuses a sheet that lost its key row or a column', () => {
    expect(parseBulkSheet(b01, { name: 'S', rows: [row(1, ['STT', 'Mã dự án'])] }).problems[0]!.field).toBe(
      'file',
    );
    const missing = parseBulkSheet(b01, {
      name: 'S',
      rows: [
        row(
          6,
          keys.filter((k) => k !== 'v:workers'),
        ),
      ],
    });
    expect(missing.problems.map((p) => p.field)).toEqual(['workers']);
  });
});

describe('equal figures', () => {
  it('compare values and trimmed explanations item by item; absent equals null', () => {
    const saved = { values: { revenue_vnd: 1, workers: null }, explanations: { revenue_vnd: 'Lý do tăng.' } };
    expect(
      sameFigures(b01, { values: { revenue_vnd: 1 }, explanations: { revenue_vnd: ' Lý do tăng. ' } }, saved),
    ).toBe(true);
    expect(sameFigures(b01, { values: { revenue_vnd: 1.1 }, explanations: {} }, saved)).toBe(false);
    expect(sameFigures(b01, { values: { revenue_vnd: 1 }, explanations: {} }, saved)).toBe(false);
  });
});
