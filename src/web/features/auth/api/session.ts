import { useQuery } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../../lib/api';
import type { Session } from '../../../lib/session';

// The session's types and the signed-in user's context are lib/session's; re-exported for this feature's calls.
export type { Session, SessionUser } from '../../../lib/session';

export const sessionQueryKey = ['session'] as const;

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get('/api/auth/session', { skipAuthRedirect: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}
