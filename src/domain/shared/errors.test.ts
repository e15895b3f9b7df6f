import { describe, expect, it } from 'vitest';
import { AppError, errorMessage, localizeDetails, pickLocale } from './errors';

describe('error messages', () => {
  it('are Vietnamese by default and English when the client asks for it', () => {
    expect(pickLocale(undefined)).toBe('vi');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(errorMessage('auth.invalid_credentials', 'vi')).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(errorMessage('auth.invalid_credentials', 'en')).toBe('The username or password is incorrect.');
  });

  it('fill in details such as the wait time of a throttled sign-in', () => {
    expect(errorMessage('auth.throttled', 'vi', { retryAfterSeconds: 42 })).toContain('42 giây');
  });

  it('resolve localized field messages in details to the requested language', () => {
    const details = { fields: { password: { vi: 'Quá ngắn', en: 'Too short' } }, count: 2 };
    expect(localizeDetails(details, 'en')).toEqual({ fields: { password: 'Too short' }, count: 2 });
    expect(localizeDetails(details, 'vi')).toEqual({ fields: { password: 'Quá ngắn' }, count: 2 });
  });

  it('carry the HTTP status of their code', () => {
    expect(new AppError('auth.throttled').status).toBe(429);
    expect(new AppError('csrf.failed').status).toBe(403);
  });
});
