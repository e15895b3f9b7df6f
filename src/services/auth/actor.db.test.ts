import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { roleCatalog } from '../../domain/identity/roles';
import { findUserById } from '../user/user.repository';
import { makeUser } from '../testing';
import { loadActor } from './auth.service';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

/** Scopes that each role accepts in the factory. */
const scopes = {
  system_admin: { scopeKind: 'all', scopeRef: null },
  leader: { scopeKind: 'all', scopeRef: null },
  department_officer: { scopeKind: 'family', scopeRef: 'CCN', family: 'CCN' },
  commune_officer: { scopeKind: 'commune', scopeRef: '00004' },
  developer: { scopeKind: 'organisation', scopeRef: 'DN-KV' },
  enterprise: { scopeKind: 'organisation', scopeRef: 'DN-KV' },
} as const;

describe('the actor of a session', () => {
  it('carries exactly its role’s permissions and its assignment, for every role', async () => {
    for (const definition of roleCatalog) {
      const { user } = await makeUser(database.db, {
        role: definition.code,
        ...scopes[definition.code],
      } as never);
      const actor = await loadActor(database.db, (await findUserById(database.db, user.id))!);
      expect([...actor.permissions].sort(), definition.code).toEqual([...definition.permissions].sort());
      expect(actor.assignments, definition.code).toEqual([
        {
          role: definition.code,
          scopeKind: scopes[definition.code].scopeKind,
          scopeRef: scopes[definition.code].scopeRef,
        },
      ]);
    }
  });
});
