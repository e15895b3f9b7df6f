import type { LocalizedText } from '../shared/errors';
import { localizeIssue, type IssueLike } from '../shared/zod-messages';

/** Clear messages for the public form's own rules, in Vietnamese and English; the rest are the shared ones. */
const messages: Record<string, LocalizedText> = {
  consent: {
    vi: 'Vui lòng đồng ý với thông báo về xử lý dữ liệu cá nhân để gửi yêu cầu.',
    en: 'Please agree to the personal-data notice to send the inquiry.',
  },
  consent_version: {
    vi: 'Thông báo về dữ liệu cá nhân đã được cập nhật. Vui lòng tải lại trang và đồng ý lại.',
    en: 'The personal-data notice has changed. Please reload the page and agree again.',
  },
  country: { vi: 'Vui lòng chọn quốc gia.', en: 'Please choose a country.' },
  phone: {
    vi: 'Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . -',
    en: 'A phone number has digits, spaces and + ( ) . - only.',
  },
  nonce: {
    vi: 'Lời giải kiểm tra chống thư rác không hợp lệ. Vui lòng gửi lại biểu mẫu.',
    en: 'The anti-spam answer is not valid. Please send the form again.',
  },
};

/** Field → message for the issues of an inquiry (first issue per field wins). */
export function inquiryIssuesToFields(issues: readonly IssueLike[]): Record<string, LocalizedText> {
  const fields: Record<string, LocalizedText> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= messages[issue.message] ?? localizeIssue(issue);
  }
  return fields;
}
