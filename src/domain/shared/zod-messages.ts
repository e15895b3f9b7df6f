import type { LocalizedText } from './errors';

/** The parts of a zod issue we need, without importing zod's internals. */
export type IssueLike = {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  expected?: string;
  input?: unknown;
  values?: unknown[];
};

/** A Vietnamese (and English) message for a validation issue, for the field it names. */
export function localizeIssue(issue: IssueLike): LocalizedText {
  const isString = issue.origin === 'string';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { vi: 'Trường này là bắt buộc.', en: 'This field is required.' }
        : {
            vi: `Sai kiểu dữ liệu (cần ${issue.expected ?? 'giá trị khác'}).`,
            en: `Wrong type (expected ${issue.expected ?? 'another value'}).`,
          };
    case 'too_small':
      return isString
        ? Number(issue.minimum) <= 1
          ? { vi: 'Trường này là bắt buộc.', en: 'This field is required.' }
          : {
              vi: `Phải có ít nhất ${issue.minimum} ký tự.`,
              en: `Must have at least ${issue.minimum} characters.`,
            }
        : { vi: `Giá trị phải từ ${issue.minimum} trở lên.`, en: `Must be at least ${issue.minimum}.` };
    case 'too_big':
      return isString
        ? {
            vi: `Không được quá ${issue.maximum} ký tự.`,
            en: `Must have at most ${issue.maximum} characters.`,
          }
        : { vi: `Giá trị không được lớn hơn ${issue.maximum}.`, en: `Must be at most ${issue.maximum}.` };
    case 'invalid_format':
      if (issue.format === 'email')
        return { vi: 'Địa chỉ email không hợp lệ.', en: 'The e-mail address is not valid.' };
      if (issue.format === 'uuid')
        return { vi: 'Mã định danh không hợp lệ (cần dạng UUID).', en: 'Invalid id (expected a UUID).' };
      if (issue.format === 'date')
        return { vi: 'Ngày không hợp lệ (cần dạng YYYY-MM-DD).', en: 'Invalid date (expected YYYY-MM-DD).' };
      if (issue.message === 'username') {
        return {
          vi: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số và các ký tự . _ -',
          en: 'Usernames use lower-case letters without diacritics, digits and . _ - only.',
        };
      }
      return { vi: 'Định dạng không hợp lệ.', en: 'Invalid format.' };
    case 'invalid_value':
      return {
        vi: `Giá trị không hợp lệ; chọn một trong: ${(issue.values ?? []).join(', ')}.`,
        en: `Invalid value; choose one of: ${(issue.values ?? []).join(', ')}.`,
      };
    case 'custom':
      if (issue.message === 'date_range')
        return {
          vi: 'Ngày phải trong khoảng 01/01/1900 – 31/12/2999.',
          en: 'The date must be between 1900-01-01 and 2999-12-31.',
        };
      return { vi: `Giá trị không hợp lệ (${issue.message}).`, en: issue.message };
    default:
      return { vi: `Giá trị không hợp lệ (${issue.message}).`, en: issue.message };
  }
}

/** Field-name → message map for a list of issues (first issue per field wins). */
export function issuesToFields(issues: readonly IssueLike[]): Record<string, LocalizedText> {
  const fields: Record<string, LocalizedText> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= localizeIssue(issue);
  }
  return fields;
}
