import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { changeLocale } from '../../../lib/i18n';
import { getLocale, type Locale } from '../../../lib/locale-store';
import { updateMyLocale } from './auth-api';
import { sessionQueryKey, type Session } from './session';

/**
 * Switches the language; for a signed-in user the choice is also saved on the server (PATCH /api/me), and
 * lists already loaded are fetched again because the server localizes labels and messages.
 */
export function useChangeLocale(): (locale: Locale) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (locale: Locale) => {
      if (locale === getLocale()) return;
      changeLocale(locale);
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      const session = queryClient.getQueryData<Session | null>(sessionQueryKey);
      if (session && session.user.locale !== locale) void saveLocale(queryClient, locale);
    },
    [queryClient],
  );
}

export async function saveLocale(
  queryClient: ReturnType<typeof useQueryClient>,
  locale: Locale,
): Promise<void> {
  try {
    const user = await updateMyLocale(locale);
    queryClient.setQueryData<Session | null>(sessionQueryKey, (session) =>
      session ? { ...session, user } : session,
    );
  } catch {
    // The language still changes in this browser; the server keeps the previous preference.
  }
}
