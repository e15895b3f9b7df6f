import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-rules';

describe('password rules', () => {
  it('refuse passwords shorter than 10 characters, in Vietnamese and English', () => {
    expect(checkPassword('abc123', 'lan')?.vi).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    expect(checkPassword('abc123', 'lan')?.en).toContain('at least 10');
  });

  it('require letters and digits', () => {
    expect(checkPassword('chichuvakhongso', 'lan')).not.toBeNull();
    expect(checkPassword('12345678901', 'lan')).not.toBeNull();
  });

  it('refuse a password containing the username, and well-known passwords', () => {
    expect(checkPassword('nguyenvan2026x', 'nguyenvan')?.vi).toContain('tên đăng nhập');
    expect(checkPassword('Password123', 'lan')).not.toBeNull();
  });

  it('accept a long password with letters and digits, Vietnamese letters included', () => {
    expect(checkPassword('Cụm-công-nghiệp-2026', 'lan')).toBeNull();
  });
});
