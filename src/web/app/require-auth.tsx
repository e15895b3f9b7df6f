import { useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../features/auth/api/session';
import { SessionContext } from '../lib/session';
import { PageLoader } from '../components/ui/page-loader';

export const SIGN_IN_PATH = '/sign-in';

export type SignInLocationState = { reason?: 'expired'; signedOut?: boolean } | null;

/** Renders its children for a signed-in user; everyone else goes to the sign-in page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data: session, error, isPending } = useSession();
  // Losing a session this component has seen means it expired (or was ended elsewhere), not a first visit.
  const [hadSession, setHadSession] = useState(false);
  if (session && !hadSession) setHadSession(true);

  if (isPending) return <PageLoader fullScreen />;
  if (error) throw error;
  if (!session) {
    const next = location.pathname + location.search + location.hash;
    const state: SignInLocationState = hadSession ? { reason: 'expired' } : null;
    const search = next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
    return <Navigate to={`${SIGN_IN_PATH}${search}`} replace state={state} />;
  }
  return <SessionContext value={session}>{children}</SessionContext>;
}

/** Only same-site paths are followed after sign-in (no open redirect through `?next=`). */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === SIGN_IN_PATH || next.startsWith(`${SIGN_IN_PATH}?`)) return '/';
  return next;
}
