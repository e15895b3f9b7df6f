import { api, setCsrfToken } from '../../../lib/api';
import type { SignInInput } from '../../../../domain/identity/identity.schema';
import type { Locale } from '../../../lib/locale-store';
import type { Session, SessionUser } from './session';

export type { SignInInput } from '../../../../domain/identity/identity.schema';

export async function signIn(input: SignInInput): Promise<Session> {
  // A wrong password is a 401 too: it is shown on the form, not treated as an expired session.
  const session = await api.post('/api/auth/sign-in', input, { skipAuthRedirect: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signOut(everywhere: boolean): Promise<void> {
  await api.post(everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out', undefined, {
    skipAuthRedirect: true,
  });
  setCsrfToken(null);
}

export function updateMyLocale(locale: Locale): Promise<SessionUser> {
  return api.patch('/api/me', { locale });
}

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

/** A wrong current password is a 400 `auth.wrong_password`; a 401 here means the session is gone. */
export function changePassword(input: ChangePasswordInput): Promise<void> {
  return api.post('/api/me/password', input);
}
