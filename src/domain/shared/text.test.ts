import { describe, expect, it } from 'vitest';
import { foldVietnamese, foldedLikePattern } from './text';

describe('foldVietnamese', () => {
  it('lets "thang long" find "Thăng Long" and "dong anh" find "Đông Anh"', () => {
    expect(foldVietnamese('KCN Thăng Long')).toContain('thang long');
    expect(foldVietnamese('Xã Đông Anh')).toBe('xa dong anh');
    expect(foldVietnamese('  Phường   Hà Đông ')).toBe('phuong ha dong');
  });

  it('folds composed and decomposed Unicode the same way', () => {
    expect(foldVietnamese('Ứng Hòa'.normalize('NFC'))).toBe(foldVietnamese('Ứng Hòa'.normalize('NFD')));
  });

  it('escapes LIKE wildcards typed by the user', () => {
    expect(foldedLikePattern('50%_x')).toBe('%50\\%\\_x%');
  });
});
