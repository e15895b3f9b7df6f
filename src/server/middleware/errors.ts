import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import {
  AppError,
  errorCatalog,
  errorMessage,
  localizeDetails,
  validationError,
  type ErrorCode,
} from '../../domain/shared/errors';
import { issuesToFields } from '../../domain/shared/zod-messages';
import { isDatabaseUnavailable } from '../../db/unavailable';
import type { AppEnv } from '../context';

/** The framework's own refusals keep their status (415 stays 415), in the one error shape. */
const frameworkCodes: Partial<Record<number, ErrorCode>> = {
  401: 'auth.required',
  403: 'forbidden',
  404: 'not_found',
  405: 'request.method_not_allowed',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
};

/**
 * A PostgreSQL data exception (SQLSTATE class 22: a value the column type cannot hold) that slipped past
 * the contracts is the client's input, not a server fault. Contracts name the field; this is the net.
 */
function isDataException(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** What a 503 for a lost database tells the client to wait (a failover takes seconds). */
const DATABASE_RETRY_SECONDS = 5;

/** The one place where failures become HTTP: `{code, message, details, requestId}`. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (error instanceof ZodError) appError = validationError(issuesToFields(error.issues));
  else if (error instanceof HTTPException && error.status === 400)
    appError = new AppError('validation', {
      body: {
        vi: 'Nội dung yêu cầu không đọc được (JSON sai?).',
        en: 'The request body could not be read (malformed JSON?).',
      },
    });
  else if (error instanceof HTTPException && frameworkCodes[error.status])
    appError = new AppError(frameworkCodes[error.status]!);
  else if (isDatabaseUnavailable(error)) {
    // The primary was lost or is being replaced (ADR 0024): retryable, not a fault of IZIS or of the request.
    c.get('log')?.warn({ err: error }, 'database unavailable');
    appError = new AppError('database.unavailable', { retryAfterSeconds: DATABASE_RETRY_SECONDS });
  } else if (isDataException(error)) {
    c.get('log')?.warn({ err: error }, 'data exception from input');
    appError = validationError({
      _: {
        vi: 'Một giá trị gửi lên không lưu được (sai kiểu hoặc ngoài giới hạn).',
        en: 'A value sent cannot be stored (wrong type or out of range).',
      },
    });
  } else {
    c.get('log')?.error({ err: error }, 'unhandled error');
    appError = new AppError('internal');
  }
  let code: ErrorCode = appError.code;
  // A request that came with an expired session is told so, not merely "please sign in".
  if (code === 'auth.required' && c.get('sessionProblem')) code = c.get('sessionProblem')!;
  const locale = c.get('locale') ?? 'vi';
  if (
    (code === 'auth.throttled' || code === 'rate_limited' || code === 'database.unavailable') &&
    appError.details?.retryAfterSeconds
  ) {
    c.header('Retry-After', String(appError.details.retryAfterSeconds));
  }
  return c.json(
    {
      code,
      message: errorMessage(code, locale, appError.details),
      details: (localizeDetails(appError.details ?? {}, locale) as Record<string, unknown>) ?? {},
      requestId: c.get('requestId') ?? null,
    },
    errorCatalog[code].status as 400,
  );
};
