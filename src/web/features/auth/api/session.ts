import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { z } from 'zod';
import type { sessionResponseSchema, SessionUser } from '../../../../domain/identity/identity.schema';
import { api, ApiError, setCsrfToken } from '../../../lib/api';

// Types come from the contract's zod schemas in src/domain (type-only imports: zod stays out of the bundle).
export type { SessionUser } from '../../../../domain/identity/identity.schema';
export type { ScopeKind } from '../../../../domain/identity/roles';

/** One role assignment; `roleName` and `scopeLabel` are localized by the server. */
export type Assignment = SessionUser['assignments'][number];

export type Session = z.infer<typeof sessionResponseSchema>;

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

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only for components rendered inside the authenticated shell. */
export function useCurrentUser(): SessionUser {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentUser() used outside of an authenticated route');
  return session.user;
}

export function hasPermission(user: SessionUser, permission: string): boolean {
  return user.permissions.includes(permission);
}

export function hasAnyPermission(user: SessionUser, permissions: readonly string[]): boolean {
  return permissions.some((permission) => user.permissions.includes(permission));
}

/** "Cán bộ Sở Công Thương · Cụm công nghiệp" — roles with their scopes, as the server labelled them. */
export function describeAssignments(user: Pick<SessionUser, 'assignments'>): string {
  return user.assignments
    .map((assignment) =>
      assignment.scopeLabel ? `${assignment.roleName} · ${assignment.scopeLabel}` : assignment.roleName,
    )
    .join('; ');
}
