import { ApiError, CLIENT_ERROR_CODES } from './api';
import type { Translate } from './i18n';

/** The sentence to show for a failed call: the server's own message when it sent one. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (error.code === CLIENT_ERROR_CODES.network) return t('error.network');
    return t('error.server', { status: error.status });
  }
  if (isChunkLoadError(error)) return t('error.chunkLoad');
  return t('error.unexpected');
}

export function requestIdOf(error: unknown): string | null {
  return error instanceof ApiError ? error.requestId : null;
}

/** A lazily loaded page that failed to download (network cut, or a new version was deployed meanwhile). */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}
