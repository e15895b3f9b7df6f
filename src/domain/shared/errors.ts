/**
 * The one error vocabulary of IZIS. Every failure that reaches a user has a stable `code` and a message in
 * Vietnamese (default) and English. The server maps `AppError` to HTTP in one place.
 */
export type Locale = 'vi' | 'en';

export const errorCatalog = {
  validation: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The input is not valid.' },
  'auth.required': { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  'auth.invalid_credentials': {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'The username or password is incorrect.',
  },
  'auth.session_expired': {
    status: 401,
    vi: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has expired. Please sign in again.',
  },
  'auth.throttled': {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {retryAfterSeconds} giây.',
    en: 'Too many failed sign-ins. Try again in {retryAfterSeconds} seconds.',
  },
  'auth.account_disabled': {
    status: 401,
    vi: 'Tài khoản đã bị khóa. Liên hệ quản trị hệ thống.',
    en: 'This account is disabled. Contact the system administrator.',
  },
  'auth.wrong_password': {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is incorrect.',
  },
  'csrf.failed': {
    status: 403,
    vi: 'Yêu cầu bị từ chối vì không xác thực được nguồn gửi (CSRF).',
    en: 'The request was refused because its origin could not be verified (CSRF).',
  },
  forbidden: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  not_found: { status: 404, vi: 'Không tìm thấy dữ liệu.', en: 'Not found.' },
  conflict: {
    status: 409,
    vi: 'Dữ liệu đã bị người khác thay đổi hoặc đã tồn tại.',
    en: 'The record was changed by someone else or already exists.',
  },
  'user.username_taken': {
    status: 409,
    vi: 'Tên đăng nhập "{username}" đã được sử dụng.',
    en: 'The username "{username}" is already taken.',
  },
  'request.too_large': {
    status: 413,
    vi: 'Nội dung gửi lên vượt giới hạn kích thước của máy chủ.',
    en: 'The request exceeds the server’s size limit.',
  },
  'request.unsupported_media_type': {
    status: 415,
    vi: 'Kiểu nội dung (Content-Type) không được chấp nhận ở đây.',
    en: 'This Content-Type is not accepted here.',
  },
  'request.method_not_allowed': {
    status: 405,
    vi: 'Phương thức HTTP này không được hỗ trợ ở đây.',
    en: 'This HTTP method is not supported here.',
  },
  'import.busy': {
    status: 429,
    vi: 'Bạn đang có một lượt nhập dữ liệu chưa xong; mỗi người chỉ chạy một lượt nhập một lúc. Vui lòng thử lại sau khi lượt trước kết thúc.',
    en: 'You already have an import running; one import per user at a time. Try again when it has finished.',
  },
  'import.invalid': {
    status: 400,
    vi: 'Tệp nhập có lỗi; không có dữ liệu nào được ghi.',
    en: 'The import file has errors; nothing was saved.',
  },
  'report.invalid_transition': {
    status: 409,
    vi: 'Thao tác không hợp lệ với trạng thái hiện tại của báo cáo.',
    en: 'This action is not possible in the report’s current state.',
  },
  'report.frozen': {
    status: 409,
    vi: 'Báo cáo đã được chấp nhận hoặc đã ký nên không thể thay đổi; hãy tạo bản sửa đổi.',
    en: 'The report was accepted or signed and cannot change; file a correction instead.',
  },
  'report.form_not_in_force': {
    status: 400,
    vi: 'Không có biểu mẫu {formCode} áp dụng cho kỳ báo cáo {period}.',
    en: 'No version of form {formCode} applies to the period {period}.',
  },
  'report.not_signed': {
    status: 409,
    vi: 'Biểu {formCode} kỳ {period} chưa có bản đã ký.',
    en: 'Form {formCode} for {period} has no signed version.',
  },
  'exchange.unsupported_version': {
    status: 422,
    vi: 'Gói trao đổi có định dạng "{format}" phiên bản {version}; IZIS nhận định dạng "{expectedFormat}" phiên bản {supported}.',
    en: 'The exchange package is format "{format}" version {version}; IZIS accepts format "{expectedFormat}" version {supported}.',
  },
  'exchange.checksum_mismatch': {
    status: 422,
    vi: 'Mã kiểm tra SHA-256 của gói không khớp với nội dung (gói ghi {declared}, nội dung cho {actual}): gói đã bị sửa hoặc hỏng.',
    en: 'The package’s SHA-256 checksum does not match its content (declared {declared}, content gives {actual}): it was altered or damaged.',
  },
  'exchange.figures_differ': {
    status: 422,
    vi: 'Số liệu trong gói không khớp với số liệu tính lại từ danh sách cụm kèm theo: {summary}',
    en: 'The package’s figures differ from those recomputed from its own registry rows: {summaryEn}',
  },
  'exchange.registry_changed': {
    status: 409,
    vi: 'Bản ký số {versionNo} được ký trước khi IZIS lưu kèm danh sách cụm, và danh sách hiện nay không cho lại đúng số liệu đã ký; hãy ký lại báo cáo để xuất gói trao đổi.',
    en: 'Version {versionNo} was signed before IZIS kept the registry with it, and today’s registry no longer gives the signed figures; sign the report again to export a package.',
  },
  'exchange.conflicting_package': {
    status: 409,
    vi: 'Đã nhận một gói khác cho cùng tỉnh {provinceCode}, kỳ {period}, bản ký số {versionNo}; bản sửa phải được ký thành phiên bản mới.',
    en: 'A different package was already received for province {provinceCode}, period {period}, signed version {versionNo}; a correction must be signed as a new version.',
  },
  'output.pdf_unavailable': {
    status: 503,
    vi: 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản Word hoặc Excel.',
    en: 'LibreOffice is not installed on the server, so no PDF can be made; download the Word or Excel file.',
  },
  rate_limited: {
    status: 429,
    vi: 'Quá nhiều yêu cầu từ địa chỉ của bạn. Vui lòng thử lại sau {retryAfterSeconds} giây.',
    en: 'Too many requests from your address. Try again in {retryAfterSeconds} seconds.',
  },
  'database.unavailable': {
    status: 503,
    vi: 'Tạm thời không kết nối được cơ sở dữ liệu (có thể đang chuyển sang máy chủ dự phòng). Vui lòng thử lại sau {retryAfterSeconds} giây.',
    en: 'The database cannot be reached for the moment (perhaps switching to its standby). Please retry in {retryAfterSeconds} seconds.',
  },
  internal: {
    status: 500,
    vi: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị kèm mã yêu cầu.',
    en: 'Internal error. Please retry or report it with the request id.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorCatalog[this.code].status;
  }
}

/** Field-level validation failure; `fields` maps a field name to its message in each locale. */
export function validationError(fields: Record<string, LocalizedText>): AppError {
  return new AppError('validation', { fields });
}

export type LocalizedText = { vi: string; en: string };

export function errorMessage(code: ErrorCode, locale: Locale, details?: Record<string, unknown>): string {
  const template = errorCatalog[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = details?.[key];
    return value === undefined ? whole : String(value);
  });
}

/** Resolves localized leaves inside `details` (e.g. field messages) to one locale. */
export function localizeDetails(details: unknown, locale: Locale): unknown {
  if (Array.isArray(details)) return details.map((item) => localizeDetails(item, locale));
  if (details && typeof details === 'object') {
    const record = details as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 2 && typeof record.vi === 'string' && typeof record.en === 'string') {
      return record[locale];
    }
    return Object.fromEntries(keys.map((key) => [key, localizeDetails(record[key], locale)]));
  }
  return details;
}

export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
