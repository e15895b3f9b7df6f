import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { getPublicZone, listPublicZones } from '../catalogue/catalogue.service';
import { testDeps } from '../testing';
import { demoCluster, seedDemoClusters } from './demo-clusters';
import { seedDemoCatalogue } from './demo-catalogue';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  const deps = testDeps(database.db, systemActor('test'));
  await seedDemoClusters(deps);
  await seedDemoCatalogue(deps);
});
afterAll(() => database?.cleanup());

describe('the demo catalogue', () => {
  it('publishes the operating demo cluster with Vietnamese and English descriptions', async () => {
    const deps = testDeps(database.db, null);
    const list = (await listPublicZones(deps, {})).value;
    expect(list.items.map((i) => i.code)).toContain(demoCluster.code);
    const en = (await getPublicZone(deps, demoCluster.code, 'en')).value;
    expect(en).toMatchObject({
      descriptionLang: 'en',
      translationMissing: false,
      descriptionLangs: ['en', 'vi'],
    });
    expect(en.description).toContain('Hanoi');
    expect(en.freeLandHa).not.toBeNull();
    expect(en.scorecard.scores.map((s) => s.key)).toContain('occupancy');
  });
});
