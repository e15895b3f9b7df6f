import { describe, expect, it } from 'vitest';
import { createUserInputSchema } from '../identity/identity.schema';
import { issuesToFields } from './zod-messages';

describe('validation messages', () => {
  it('name each bad field with a Vietnamese message', () => {
    const result = createUserInputSchema.safeParse({
      username: 'Bad Name!',
      displayName: '',
      email: 'not-an-email',
      password: 'x',
      role: 'king',
      scopeKind: 'all',
    });
    expect(result.success).toBe(false);
    const fields = issuesToFields(result.error!.issues);
    expect(fields.username?.vi).toContain('Tên đăng nhập chỉ gồm');
    expect(fields.displayName?.vi).toBe('Trường này là bắt buộc.');
    expect(fields.email?.vi).toBe('Địa chỉ email không hợp lệ.');
    expect(fields.role?.vi).toContain('chọn một trong');
  });
});
