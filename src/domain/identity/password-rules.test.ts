import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-rules';

describe('password rules', () => {
  it('refuse passwords shorter than 10 characters, in Vietnamese and English', () => {
    expect(checkPassword('abc123', 'lan')?.vi).toContain('ít nhất 10 ký tự');
    expect(checkPassword('abc123', 'lan')?.en).toContain('at least 10');
  });

  it('do not count padding: ten spaces and three characters, or a short password padded, are refused', () => {
    expect(checkPassword('          abc', 'lan')?.vi).toContain('ít nhất 10 ký tự');
    expect(checkPassword(' Cum-cong-nghiep-2026 ', 'lan')?.vi).toContain('khoảng trắng');
    expect(checkPassword('Cum  cong nghiep 2026', 'lan')?.vi).toContain('khoảng trắng');
  });

  it('require letters and digits', () => {
    expect(checkPassword('chichuvakhongso', 'lan')).not.toBeNull();
    expect(checkPassword('12345678901', 'lan')).not.toBeNull();
  });

  it('refuse a password containing the username or the person’s name, diacritics or not', () => {
    expect(checkPassword('nguyenvan2026x', 'nguyenvan')?.vi).toContain('tên đăng nhập');
    expect(
      checkPassword('Thuylinh-cum-2026', { username: 'lan.nt', displayName: 'Nguyễn Thùy Linh' })?.vi,
    ).toContain('họ tên');
  });

  it('refuse common and trivial passwords from the shipped lists: Qwerty123456, Password123, Admin123456', () => {
    for (const password of ['Qwerty123456', 'Password123', 'Admin123456', 'matkhau2026']) {
      expect(checkPassword(password, 'lan')?.en, password).toContain('too common');
    }
  });

  it('accept a long password with letters and digits, Vietnamese letters included', () => {
    expect(checkPassword('Cụm-công-nghiệp-2026', 'lan')).toBeNull();
    expect(
      checkPassword('IzisDemo-2026', { username: 'admin', displayName: 'Quản trị hệ thống' }),
    ).toBeNull();
  });
});
