import { describe, expect, it } from 'vitest';
import {
  formatCell,
  formatCsvCell,
  formatPlainNumber,
  parseCell,
  parseFlexibleDate,
  parseFlexibleNumber,
  type ColumnType,
  type EnumOption,
} from './cells';

const value = (column: ColumnType, raw: Parameters<typeof parseCell>[1]) => {
  const result = parseCell(column, raw);
  if (!result.ok) throw new Error(result.message.vi);
  return result.value;
};
const problem = (column: ColumnType, raw: Parameters<typeof parseCell>[1]) => {
  const result = parseCell(column, raw);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(result.value)}`);
  return result.message.vi;
};

describe('numbers', () => {
  it('reads the Vietnamese way and the plain way', () => {
    expect(parseFlexibleNumber('1.347,4')).toEqual({ value: 1347.4 });
    expect(parseFlexibleNumber('1347,4')).toEqual({ value: 1347.4 });
    expect(parseFlexibleNumber('1347.4')).toEqual({ value: 1347.4 });
    expect(parseFlexibleNumber('1,347.4')).toEqual({ value: 1347.4 });
    expect(parseFlexibleNumber('1.000.000')).toEqual({ value: 1_000_000 });
    expect(parseFlexibleNumber('3 204,31')).toEqual({ value: 3204.31 });
    expect(parseFlexibleNumber('-2,5')).toEqual({ value: -2.5 });
    expect(parseFlexibleNumber('0,347')).toEqual({ value: 0.347 });
    expect(parseFlexibleNumber('12,50')).toEqual({ value: 12.5 });
  });

  it('refuses to guess "1.347" (1347 or 1.347?) and rejects what is not a number', () => {
    expect(parseFlexibleNumber('1.347')).toEqual({ ambiguous: true });
    expect(parseFlexibleNumber('2,500')).toEqual({ ambiguous: true });
    expect(parseFlexibleNumber('21.175', { decimalOnly: true })).toEqual({ value: 21.175 });
    for (const text of ['abc', '1.34.5', '1,2.3,4', '12ha', '', '5.', '1.0000.000']) {
      expect(parseFlexibleNumber(text), text).toBeNull();
    }
    expect(problem({ type: 'number' }, '1.347')).toContain('không rõ là 1347');
    expect(problem({ type: 'number' }, 'mười')).toBe('"mười" không phải là số.');
  });

  it('checks decimals and whole numbers; number cells pass through', () => {
    expect(value({ type: 'number', maxDecimals: 4 }, 12.3456)).toBe(12.3456);
    expect(problem({ type: 'number', maxDecimals: 4 }, '12,34567')).toContain('Tối đa 4 chữ số');
    expect(problem({ type: 'number', integer: true }, 2.5)).toContain('số nguyên');
    expect(value({ type: 'number', integer: true }, '2')).toBe(2);
    // A formula's binary noise in a number cell is not "more decimals".
    expect(value({ type: 'number', maxDecimals: 4 }, 0.1 * 3)).toBe(0.3);
    expect(problem({ type: 'number', maxDecimals: 4 }, 0.30001)).toContain('(đang là 0,30001)');
  });

  it('writes plain numbers a machine reads back, never ambiguous', () => {
    expect(formatPlainNumber(1347.4)).toBe('1347.4');
    expect(formatPlainNumber(1.347)).toBe('1.3470');
    expect(formatPlainNumber(0.347)).toBe('0.347');
    expect(formatPlainNumber(1e-7)).toBe('0.0000001');
    for (const n of [1.347, 1347.4, 0.0001, 99999.9999, 21.175, -1.5]) {
      expect(value({ type: 'number' }, formatPlainNumber(n))).toBe(n);
    }
  });

  it('keeps money as digit strings, with Vietnamese or English digit grouping', () => {
    expect(value({ type: 'integerText' }, '19.000.000.000')).toBe('19000000000');
    expect(value({ type: 'integerText' }, '19,000,000,000')).toBe('19000000000');
    expect(value({ type: 'integerText' }, 250000000000)).toBe('250000000000');
    expect(value({ type: 'integerText' }, '0019')).toBe('19');
    expect(problem({ type: 'integerText' }, '19,5')).toContain('không phải là số nguyên');
    expect(problem({ type: 'integerText' }, 1e18)).toContain('quá lớn');
  });
});

describe('dates', () => {
  it('reads dd/mm/yyyy, ISO, date cells and Excel serials', () => {
    expect(parseFlexibleDate('14/3/2018')).toBe('2018-03-14');
    expect(parseFlexibleDate('14/03/2018')).toBe('2018-03-14');
    expect(parseFlexibleDate('14-03-2018')).toBe('2018-03-14');
    expect(parseFlexibleDate('2018-03-14')).toBe('2018-03-14');
    expect(parseFlexibleDate(new Date(Date.UTC(2018, 2, 14)))).toBe('2018-03-14');
    expect(parseFlexibleDate(43173)).toBe('2018-03-14');
  });

  it('rejects dates that do not exist', () => {
    expect(parseFlexibleDate('31/2/2024')).toBeNull();
    expect(parseFlexibleDate('2024-13-01')).toBeNull();
    expect(problem({ type: 'date' }, '14 tháng 3')).toContain('dd/mm/yyyy');
    expect(formatCell({ type: 'date' }, '2018-03-14')).toBe('14/03/2018');
  });
});

const kinds: EnumOption[] = [
  { value: 'KCN', vi: 'Khu công nghiệp', en: 'Industrial park' },
  { value: 'CCN', vi: 'Cụm công nghiệp', en: 'Industrial cluster' },
];

describe('enumerations and lists', () => {
  it('match the Vietnamese label (any case, with or without diacritics), the English label or the code', () => {
    for (const text of [
      'Cụm công nghiệp',
      'cum cong nghiep',
      'CỤM CÔNG NGHIỆP',
      'Industrial cluster',
      'ccn',
    ]) {
      expect(value({ type: 'enum', options: kinds }, text), text).toBe('CCN');
    }
    expect(problem({ type: 'enum', options: kinds }, 'Khu kinh tế')).toBe(
      'Giá trị "Khu kinh tế" không hợp lệ; chọn một trong: Khu công nghiệp (KCN); Cụm công nghiệp (CCN).',
    );
    expect(formatCell({ type: 'enum', options: kinds }, 'KCN')).toBe('Khu công nghiệp');
  });

  it('split lists by line, and enumeration lists also by ; or ,', () => {
    expect(value({ type: 'list' }, 'Nguồn 1\r\nNguồn 2, có dấu phẩy\n\n')).toEqual([
      'Nguồn 1',
      'Nguồn 2, có dấu phẩy',
    ]);
    expect(value({ type: 'list', options: kinds }, 'KCN; cum cong nghiep')).toEqual(['KCN', 'CCN']);
    expect(value({ type: 'list' }, '')).toEqual([]);
    expect(formatCell({ type: 'list' }, ['a', 'b'])).toBe('a\nb');
  });

  it('read yes/no in Vietnamese', () => {
    expect(value({ type: 'boolean' }, 'Có')).toBe(true);
    expect(value({ type: 'boolean' }, 'khong')).toBe(false);
    expect(problem({ type: 'boolean' }, 'có lẽ')).toContain('"Có" hoặc "Không"');
  });
});

describe('text', () => {
  it('trims, empties to null, restores leading zeros Excel dropped and upper-cases codes', () => {
    expect(value({ type: 'text' }, '  Thụy Lâm ')).toBe('Thụy Lâm');
    expect(value({ type: 'text' }, '   ')).toBeNull();
    expect(value({ type: 'text' }, null)).toBeNull();
    expect(value({ type: 'text', padDigits: 5 }, 454)).toBe('00454');
    expect(value({ type: 'text', padDigits: 5 }, '454')).toBe('00454');
    expect(value({ type: 'text', upperCase: true }, 'ccn-thuy-lam')).toBe('CCN-THUY-LAM');
    expect(value({ type: 'text' }, 'a\u0000b')).toBe('ab');
  });

  it('guards formula-like text in CSV exports and reads it back unchanged', () => {
    const csv = formatCsvCell({ type: 'text' }, '=SUM(A1:A9)');
    expect(csv).toBe("'=SUM(A1:A9)");
    expect(value({ type: 'text' }, csv)).toBe('=SUM(A1:A9)');
    expect(formatCsvCell({ type: 'number' }, -2.5)).toBe('-2.5');
  });
});

describe('exact decimals (money with cents)', () => {
  const money: ColumnType = { type: 'decimalText', maxDecimals: 2, maxIntegerDigits: 18 };

  it('reads text digit by digit, the Vietnamese way or plainly, never through a float', () => {
    expect(value(money, '1.500.000,50')).toBe('1500000.5');
    expect(value(money, '1500000.50')).toBe('1500000.5');
    expect(value(money, '1,500,000.5')).toBe('1500000.5');
    expect(value(money, '123456789012345678.99')).toBe('123456789012345678.99');
    expect(value(money, '007')).toBe('7');
    expect(value(money, '0,00')).toBe('0');
    expect(value(money, '-2,5')).toBe('-2.5');
  });

  it('reads "500.000" as grouping: with at most two decimals it cannot be a decimal point', () => {
    expect(value(money, '500.000')).toBe('500000');
    expect(value(money, '2,500')).toBe('2500');
    expect(problem({ type: 'number' }, '500.000')).toContain('không rõ là 500000');
  });

  it('refuses too many decimals or digits, and number cells it cannot hold exactly', () => {
    expect(problem(money, '12,3456')).toBe('Tối đa 2 chữ số sau dấu thập phân (đang là 12,3456).');
    expect(value(money, '12,3400')).toBe('12.34');
    expect(problem(money, '1234567890123456789')).toBe('Số quá lớn (tối đa 18 chữ số phần nguyên).');
    expect(problem(money, 'năm triệu')).toBe('"năm triệu" không phải là số.');
    expect(value(money, 1500000.5)).toBe('1500000.5');
    expect(value(money, 0.1 * 3)).toBe('0.3');
    expect(problem(money, 0.125)).toContain('Tối đa 2 chữ số');
    expect(problem(money, 2 ** 60)).toContain('định dạng ô là văn bản');
  });

  it('writes a number cell when it holds the amount exactly, else text; CSV plainly', () => {
    expect(formatCell(money, '1500000.50')).toBe(1500000.5);
    expect(formatCell(money, '123456789012345678.99')).toBe('123456789012345678.99');
    expect(formatCsvCell(money, '1500000.50')).toBe('1500000.5');
    expect(formatCsvCell(money, '1.25')).toBe('1.25');
    expect(value(money, formatCsvCell(money, '123456789012345678.99'))).toBe('123456789012345678.99');
  });
});

describe('labels as the templates and the app show them', () => {
  it('reads a country by its Vietnamese or English name, its code, or as the app shows it', () => {
    const country: ColumnType = { type: 'country' };
    expect(value(country, 'Việt Nam')).toBe('VN');
    expect(value(country, 'viet nam')).toBe('VN');
    expect(value(country, 'Vietnam')).toBe('VN');
    expect(value(country, 'vn')).toBe('VN');
    expect(value(country, 'Nhật Bản')).toBe('JP');
    expect(value(country, 'Japan')).toBe('JP');
    expect(value(country, 'Hàn Quốc')).toBe('KR');
    expect(value(country, 'Nhật Bản (JP)')).toBe('JP');
    expect(problem(country, 'Atlantis')).toContain('Không nhận ra quốc gia "Atlantis"');
    expect(problem(country, 'XX')).toContain('mã ISO hai chữ cái');
    // Exported as the code, so an export imports back unchanged.
    expect(formatCell(country, 'VN')).toBe('VN');
  });

  it('reads an enumeration as the guide sheet writes it: "label (code)"', () => {
    const options: EnumOption[] = [
      { value: 'tenant', vi: 'Nhà đầu tư thứ cấp', en: 'Tenant investor', aliases: ['Doanh nghiệp thứ cấp'] },
      { value: 'developer', vi: 'Chủ đầu tư hạ tầng', en: 'Infrastructure developer' },
    ];
    const role: ColumnType = { type: 'list', options };
    expect(value(role, 'Doanh nghiệp thứ cấp')).toEqual(['tenant']);
    expect(value(role, 'Nhà đầu tư thứ cấp (tenant); Chủ đầu tư hạ tầng')).toEqual(['tenant', 'developer']);
    expect(value({ type: 'enum', options }, 'Chủ đầu tư hạ tầng (developer)')).toBe('developer');
    expect(problem({ type: 'enum', options }, 'Khác (other)')).toContain(
      'Giá trị "Khác (other)" không hợp lệ',
    );
  });
});
