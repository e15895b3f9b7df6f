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
import type { AppEnv } from '../context';

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
  else {
    c.get('log')?.error({ err: error }, 'unhandled error');
    appError = new AppError('internal');
  }
  let code: ErrorCode = appError.code;
  // A request that came with an expired session is told so, not merely "please sign in".
  if (code === 'auth.required' && c.get('sessionProblem')) code = c.get('sessionProblem')!;
  const locale = c.get('locale') ?? 'vi';
  if (code === 'auth.throttled' && appError.details?.retryAfterSeconds) {
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
