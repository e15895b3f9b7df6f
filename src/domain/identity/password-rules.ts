import type { LocalizedText } from '../shared/errors';

/**
 * Password rules (NIST 800-63B style, adapted): length matters more than character classes. At least 10
 * characters, at least one letter and one digit, not containing the username, not a well-known password.
 */
export const passwordMinLength = 10;

const commonPasswords = new Set([
  'password123',
  'password1234',
  'matkhau123',
  'matkhau1234',
  '1234567890',
  '0123456789',
  'qwerty1234',
  'abc1234567',
  'admin12345',
  'hanoi12345',
  'vietnam123',
  'izis123456',
  'iloveyou12',
  '1q2w3e4r5t',
]);

export function checkPassword(password: string, username: string): LocalizedText | null {
  if (password.length < passwordMinLength) {
    return {
      vi: `Mật khẩu phải có ít nhất ${passwordMinLength} ký tự.`,
      en: `The password must have at least ${passwordMinLength} characters.`,
    };
  }
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    return {
      vi: 'Mật khẩu phải có cả chữ và số.',
      en: 'The password must contain both letters and digits.',
    };
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return {
      vi: 'Mật khẩu không được chứa tên đăng nhập.',
      en: 'The password must not contain the username.',
    };
  }
  if (commonPasswords.has(password.toLowerCase())) {
    return { vi: 'Mật khẩu quá phổ biến, dễ bị đoán.', en: 'The password is too common and easy to guess.' };
  }
  return null;
}
