import type { Db } from '../db/client';
import type { Actor } from '../domain/identity/roles';
import { AppError } from '../domain/shared/errors';
import type { Logger } from './system/logger';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** The real time moved by whole days — for the e2e harness's test clock only (IZIS_TEST_CLOCK_OFFSET_DAYS). */
export function offsetClock(days: number): Clock {
  return days ? { now: () => new Date(Date.now() + days * 86_400_000) } : systemClock;
}

/**
 * What every use case receives: the database (or the open transaction), who is acting, the time, a logger
 * and the request id that ties log lines and audit rows together. No DI container.
 */
export type ServiceDeps = {
  db: Db;
  actor: Actor | null;
  clock: Clock;
  log: Logger;
  requestId: string | null;
};

/** Throws `auth.required` unless someone is signed in; returns the actor. */
export function requireActor(deps: Pick<ServiceDeps, 'actor'>): Actor {
  if (!deps.actor) throw new AppError('auth.required');
  return deps.actor;
}
