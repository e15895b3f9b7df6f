import { describe, expect, it } from 'vitest';
import { formatDay, formatHa, formatRatio, sectorName } from './format';

describe('catalogue formatting', () => {
  it('writes Vietnamese numbers and dates the registry way', () => {
    expect(formatHa('vi', 1347.4)).toBe('1.347,4 ha');
    expect(formatRatio('vi', 0.923)).toBe('92,3 %');
    expect(formatDay('vi', '2026-03-14')).toBe('14/3/2026');
  });

  it('writes the other languages with their own conventions', () => {
    expect(formatHa('en', 1347.4)).toBe('1,347.4 ha');
    expect(formatRatio('en', 0.923)).toBe('92.3%');
    expect(formatDay('en', '2026-03-14')).toBe('Mar 14, 2026');
    expect(formatDay('ja', '2026-03-14')).toBe('2026/03/14');
  });

  it('shows a dash for a missing value', () => {
    expect(formatHa('ja', null)).toBe('—');
    expect(formatDay('ko', null)).toBe('—');
  });

  it('names sectors in Japanese, Korean and Chinese from the catalogue and otherwise from the API', () => {
    const label = { vi: 'Dệt', en: 'Textiles' };
    expect(sectorName('ja', '13', label)).toBe('繊維');
    expect(sectorName('en', '13', label)).toBe('Textiles');
    expect(sectorName('vi', '13', label)).toBe('Dệt');
  });
});
