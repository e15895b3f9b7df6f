import { describe, expect, it } from 'vitest';
import type { ColumnDef } from './cells';
import { headerForField, matchHeaders, parseRows } from './table';

const defs: ColumnDef[] = [
  {
    field: 'code',
    vi: 'Mã khu/cụm',
    en: 'code',
    column: { type: 'text' },
    required: 'always',
    help: { meaning: '' },
  },
  {
    field: 'industrialLandHa',
    vi: 'Diện tích đất công nghiệp (ha)',
    en: 'industrialLandHa',
    column: { type: 'number', maxDecimals: 4 },
    help: { meaning: '' },
  },
  { field: 'sources', vi: 'Nguồn', en: 'sources', column: { type: 'list' }, help: { meaning: '' } },
];

describe('matchHeaders', () => {
  it('matches Vietnamese headers or the English alternative, ignoring case, diacritics and a trailing *', () => {
    const map = matchHeaders(['ma khu/cum *', 'INDUSTRIALLANDHA', ''], defs, 1);
    expect(map.issues).toEqual([]);
    expect(map.columns.map((c) => c?.field ?? null)).toEqual(['code', 'industrialLandHa', null]);
    expect(map.headerOf.get('code')).toBe('ma khu/cum *');
  });

  it('names unknown and repeated columns, and a missing key column, on the header row', () => {
    const map = matchHeaders(['Diện tích (ha)', 'Nguồn', 'sources'], defs, 3);
    expect(map.issues.map((i) => [i.row, i.field, i.message.vi])).toEqual([
      [
        3,
        'Diện tích (ha)',
        'Cột "Diện tích (ha)" không có trong mẫu nhập; sửa tên cột theo mẫu hoặc xoá cột này.',
      ],
      [3, 'sources', 'Cột "sources" trùng với cột "Nguồn".'],
      [3, 'Mã khu/cụm', 'Thiếu cột bắt buộc "Mã khu/cụm".'],
    ]);
  });
});

describe('parseRows', () => {
  it('parses each cell for its column and names bad cells by row and header as in the file', () => {
    const table = {
      headerRow: 1,
      headers: ['code', 'Diện tích đất công nghiệp (ha)', ''],
      rows: [
        { row: 2, cells: ['A', '1.347,4', null] },
        { row: 3, cells: ['B', 'nhiều', 'ghi chú lạc'] },
        { row: 4, cells: ['C'] },
      ],
    };
    const map = matchHeaders(table.headers, defs, 1);
    const rows = parseRows(table, map);
    expect(rows[0]!.values).toEqual({ code: 'A', industrialLandHa: 1347.4 });
    expect(rows[1]!.issues.map((i) => [i.row, i.field])).toEqual([
      [3, 'Diện tích đất công nghiệp (ha)'],
      [3, null],
    ]);
    // A short row: the missing cells are empty, i.e. they clear the value.
    expect(rows[2]!.values).toEqual({ code: 'C', industrialLandHa: null });
    expect([...rows[0]!.present]).toEqual(['code', 'industrialLandHa']);
    expect(headerForField('sources.2', map, defs)).toBe('Nguồn');
    expect(headerForField('code', map, defs)).toBe('code');
  });
});
