import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import type { CreateUserInput, UserSummary } from '../domain/identity/identity.schema';
import { systemActor, type Actor } from '../domain/identity/roles';
import { importReorganisation } from './admin-unit/admin-unit.service';
import { loadActor } from './auth/auth.service';
import { systemClock, type Clock, type ServiceDeps } from './deps';
import { syncRoleCatalogue } from './system/catalogue';
import { hanoiReorganisationFile } from './system/demo-seed';
import { silentLogger } from './system/logger';
import { findUserById } from './user/user.repository';
import { createUser } from './user/user.service';

/** Test helpers for the services tier: reference data, factories with overrides, deps. */

/** Roles and Hanoi's administrative units: what every test database starts with. */
export async function prepareReferenceData(db: Db): Promise<void> {
  await syncRoleCatalogue(db);
  await importReorganisation(testDeps(db, systemActor('test:setup')), hanoiReorganisationFile(), {
    source: 'test template',
  });
}

export function testDeps(db: Db, actor: Actor | null, clock: Clock = systemClock): ServiceDeps {
  return { db, actor, clock, log: silentLogger, requestId: 'test' };
}

/** A fixed clock that tests move by hand. */
export function manualClock(start = new Date('2026-06-20T03:00:00Z')): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export const testPassword = 'Kiem-tra-2026-an-toan';

/** Hanoi codes the tests use: Xã Đông Anh and Xã Thạch Thất (2025 units). */
export const communes = { dongAnh: '00454', thachThat: '09955' } as const;

let counter = 0;

export async function makeUser(
  db: Db,
  overrides: Partial<CreateUserInput> = {},
): Promise<{ user: UserSummary; password: string; actor: Actor }> {
  counter += 1;
  const input: CreateUserInput = {
    username: `u${counter}-${randomBytes(3).toString('hex')}`,
    displayName: `Người dùng thử ${counter}`,
    email: null,
    password: testPassword,
    role: 'system_admin',
    scopeKind: 'all',
    scopeRef: null,
    family: null,
    ...overrides,
  };
  const user = await createUser(testDeps(db, systemActor('test:factory')), input, 'vi');
  const row = await findUserById(db, user.id);
  return { user, password: input.password, actor: await loadActor(db, row!) };
}
