import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SignInInput } from '../../domain/identity/identity.schema';
import type { Actor, Assignment, Permission, RoleCode, ScopeKind } from '../../domain/identity/roles';
import { AppError, validationError } from '../../domain/shared/errors';
import { checkPassword, passwordReused } from '../../domain/identity/password-rules';
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import {
  findAssignmentGrants,
  type AssignmentGrant,
  findUserById,
  findUserByUsername,
  markSignedIn,
  updateUser,
} from '../user/user.repository';
import type { UserRow } from '../user/user.repository';
import {
  findSessionWithUser,
  insertSession,
  recentFailures,
  recordLoginAttempt,
  revokeSession,
  revokeUserSessions,
  signedInFrom,
  touchSession,
} from './auth.repository';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hash';

export type AuthSettings = {
  sessionSecret: string;
  sessionTtlMinutes: number;
  /** A session unused for this long ends, whatever its absolute expiry (IZIS_SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
};

export type ClientMeta = { ip: string | null; userAgent: string | null };

export type SignedIn = { token: string; csrfToken: string; expiresAt: Date; user: UserRow; actor: Actor };

/** The session id stored in the database: an HMAC of the cookie token under the session secret. */
function sessionId(settings: AuthSettings, token: string): string {
  return createHmac('sha256', settings.sessionSecret).update(token).digest('hex');
}

export async function loadActor(db: Db, user: UserRow): Promise<Actor> {
  return actorOf(user, await findAssignmentGrants(db, user.id));
}

/** The actor of a user with these role assignments: who they are, where, and what they may do. */
function actorOf(user: UserRow, grants: AssignmentGrant[]): Actor {
  return {
    userId: user.id,
    username: user.username,
    assignments: grants.map((g): Assignment => ({
      role: g.roleCode as RoleCode,
      scopeKind: g.scopeKind as ScopeKind,
      scopeRef: g.scopeRef,
    })),
    permissions: new Set(grants.flatMap((g) => g.permissions) as Permission[]),
  };
}

/**
 * Sign-in throttling that slows guessing without locking the real user out (all counts are failures inside the
 * window and after the key's last successful sign-in):
 * - the pair (username, address): after `max` failures the pair waits until its oldest failure leaves the window
 *   (the account alone when the address is unknown);
 * - the account, from any address: from 2 × `max` failures on, each try waits a delay that doubles with every
 *   further failure (30 s, 60 s, … at most the window) after the latest one — a distributed guess slows to a
 *   crawl while the user is delayed, never locked for good;
 * - the address, whatever the username: after 4 × `max` failures it may only try usernames that have signed in
 *   from it before, so a fuzzer or a credential-stuffing run behind a shared address (a proxy, an office NAT)
 *   does not lock out the colleagues who use the same address.
 */
async function throttleCheck(deps: ServiceDeps, username: string, meta: ClientMeta, s: AuthSettings) {
  const now = deps.clock.now().getTime();
  const windowMs = s.loginWindowMinutes * 60_000;
  const since = new Date(now - windowMs);
  const waitUntil: number[] = [];
  // Without a known address the pair is the account itself.
  const pair = await recentFailures(deps.db, { username, ip: meta.ip ?? undefined }, since);
  if (pair.failures >= s.loginMaxFailures && pair.oldest) waitUntil.push(pair.oldest.getTime() + windowMs);
  const account = await recentFailures(deps.db, { username }, since);
  const beyond = account.failures - 2 * s.loginMaxFailures;
  if (beyond >= 0 && account.latest) {
    waitUntil.push(account.latest.getTime() + Math.min(windowMs, 30_000 * 2 ** Math.min(beyond, 20)));
  }
  if (meta.ip) {
    const address = await recentFailures(deps.db, { ip: meta.ip }, since);
    if (
      address.failures >= 4 * s.loginMaxFailures &&
      address.oldest &&
      !(await signedInFrom(deps.db, username, meta.ip))
    ) {
      waitUntil.push(address.oldest.getTime() + windowMs);
    }
  }
  const until = Math.max(0, ...waitUntil);
  if (until > now) {
    const retryAfterSeconds = Math.max(1, Math.ceil((until - now) / 1000));
    deps.log.warn({ username, ip: meta.ip, retryAfterSeconds }, 'sign-in throttled');
    throw new AppError('auth.throttled', { retryAfterSeconds });
  }
}

export async function signIn(
  deps: ServiceDeps,
  input: SignInInput,
  meta: ClientMeta,
  settings: AuthSettings,
): Promise<SignedIn> {
  await throttleCheck(deps, input.username, meta, settings);
  const now = deps.clock.now();
  const user = await findUserByUsername(deps.db, input.username);
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await decoyPasswordHash(), input.password)) && false;
  if (!user || !ok) {
    await recordLoginAttempt(deps.db, { username: input.username, ip: meta.ip, success: false, at: now });
    throw new AppError('auth.invalid_credentials');
  }
  if (user.status !== 'active') {
    await recordLoginAttempt(deps.db, { username: input.username, ip: meta.ip, success: false, at: now });
    throw new AppError('auth.account_disabled');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.sessionTtlMinutes * 60_000);
  const actor = await loadActor(deps.db, user);
  await deps.db.transaction(async (tx) => {
    await recordLoginAttempt(tx, { username: input.username, ip: meta.ip, success: true, at: now });
    await insertSession(tx, {
      id: sessionId(settings, token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    });
    await markSignedIn(tx, user.id, now);
    await recordAudit(
      tx,
      { actor, requestId: deps.requestId },
      {
        action: 'auth.sign_in',
        entityType: 'user',
        entityId: user.id,
        after: { ip: meta.ip, userAgent: meta.userAgent, expiresAt: expiresAt.toISOString() },
      },
    );
  });
  return { token, csrfToken, expiresAt, user, actor };
}

export type ResolvedSession = {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
  actor: Actor;
};

/**
 * Resolves a cookie token to its session. Unknown → `auth.required`; expired, revoked or belonging to a
 * disabled user → `auth.session_expired`.
 */
export async function resolveSession(
  deps: ServiceDeps,
  token: string,
  settings: AuthSettings,
): Promise<ResolvedSession> {
  const id = sessionId(settings, token);
  const found = await findSessionWithUser(deps.db, id);
  if (!found) throw new AppError('auth.required');
  const { session, user, grants } = found;
  const now = deps.clock.now();
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (
    session.revokedAt ||
    session.expiresAt.getTime() <= now.getTime() ||
    idleSince > settings.sessionIdleMinutes * 60_000
  ) {
    throw new AppError('auth.session_expired');
  }
  if (!user || user.status !== 'active') throw new AppError('auth.session_expired');
  if (idleSince > 60_000) await touchSession(deps.db, id, now);
  return {
    sessionId: id,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    user,
    actor: actorOf(user, grants),
  };
}

export function csrfTokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function signOut(deps: ServiceDeps, session: ResolvedSession): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, session.sessionId, now);
    await recordAudit(tx, deps, { action: 'auth.sign_out', entityType: 'user', entityId: session.user.id });
  });
}

export async function signOutEverywhere(deps: ServiceDeps, session: ResolvedSession): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const revoked = await revokeUserSessions(tx, session.user.id, now);
    await recordAudit(tx, deps, {
      action: 'auth.sign_out_everywhere',
      entityType: 'user',
      entityId: session.user.id,
      after: { sessionsRevoked: revoked },
    });
    return revoked;
  });
}

/** Changes the signed-in user's password and signs out every other session of theirs. */
export async function changeOwnPassword(
  deps: ServiceDeps,
  input: { currentPassword: string; newPassword: string },
  currentSessionId: string,
): Promise<void> {
  const actor = requireActor(deps);
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('auth.required');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw validationError({
      currentPassword: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is incorrect.' },
    });
  }
  const problem =
    checkPassword(input.newPassword, user) ??
    ((await verifyPassword(user.passwordHash, input.newPassword)) ? passwordReused : null);
  if (problem) throw validationError({ newPassword: problem });
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const updated = await updateUser(tx, user.id, user.version, { passwordHash, passwordChangedAt: now });
    if (!updated) throw new AppError('conflict');
    await revokeUserSessions(tx, user.id, now, currentSessionId);
    await recordAudit(tx, deps, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      before: { version: user.version },
      after: { version: updated.version },
    });
  });
}
