import { createContext, useContext } from 'react';
import type { z } from 'zod';
import type { sessionResponseSchema, SessionUser } from '../../domain/identity/identity.schema';

// Who is signed in and what they may do: read by the shell and by every feature, so it lives beside the HTTP
// client and i18n rather than in one feature. Fetching the session is the auth feature's (features/auth/api).
// Types come from the contract's zod schemas in src/domain (type-only imports: zod stays out of the bundle).
export type { SessionUser } from '../../domain/identity/identity.schema';
export type { ScopeKind } from '../../domain/identity/roles';

/** One role assignment; `roleName` and `scopeLabel` are localized by the server. */
export type Assignment = SessionUser['assignments'][number];

export type Session = z.infer<typeof sessionResponseSchema>;

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
