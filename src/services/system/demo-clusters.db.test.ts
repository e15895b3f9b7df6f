import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { obligationsFor } from '../../domain/reporting/obligations';
import { loadClusterFacts, loadProjectFacts } from '../reporting/compilation.repository';
import { saveDraft } from '../reporting/filing.service';
import { communes, makeUser, testDeps } from '../testing';
import { listZones } from '../zone/zone.service';
import { demoCluster, seedDemoClusters } from './demo-clusters';

let database: TestDatabase;
let result: Awaited<ReturnType<typeof seedDemoClusters>>;
beforeAll(async () => {
  database = await createTestDatabase();
  result = await seedDemoClusters(testDeps(database.db, systemActor('test')));
});
afterAll(() => database?.cleanup());

describe('the synthetic demo cluster', () => {
  it('is marked synthetic everywhere and says so in every name', async () => {
    const rows = await database.query<{ synthetic: boolean; name: string }>(
      `select is_synthetic as synthetic, name from zone
        union all select is_synthetic, name from organisation
        union all select is_synthetic, name from project`,
    );
    expect(rows).toHaveLength(result.zones + result.organisations + result.projects);
    expect(rows.every((r) => r.synthetic && r.name.includes('dữ liệu tổng hợp'))).toBe(true);
  });

  it('is an operating cluster of Xã Đông Anh with its developer and land figures', async () => {
    const { items } = await listZones(testDeps(database.db, systemActor('test')), {
      state: 'operating',
      sort: 'code',
      order: 'asc',
      page: 1,
      pageSize: 50,
    });
    expect(items.map((z) => z.code)).toEqual([demoCluster.code]);
    const [zone] = await database.query<{ commune: string; developer: string; leased: string }>(
      `select a.code as commune, o.code as developer, z.leased_ha::float8::text as leased from zone z
        join admin_unit a on a.id = z.commune_id join organisation o on o.id = z.developer_id`,
    );
    expect(zone).toEqual({ commune: communes.dongAnh, developer: 'DEMO-CDT-0001', leased: '9.3' });
  });

  it('owes four Biểu 01 and one Biểu 02 for the first half of 2026, and its tenant can file', async () => {
    const zones = await loadClusterFacts(database.db, null, null);
    const projects = await loadProjectFacts(database.db, null, null);
    const { obligations } = obligationsFor({
      period: '2026-H1',
      zones,
      projects,
      province: { department: 'department', management_board: 'management_board' },
      forms: ['B01', 'B02'],
    });
    expect(obligations.map((o) => o.formCode).sort()).toEqual(['B01', 'B01', 'B01', 'B01', 'B02']);
    const tenant = await makeUser(database.db, {
      role: 'enterprise',
      scopeKind: 'organisation',
      scopeRef: 'DEMO-CCN-ORG-01',
    });
    const draft = await saveDraft(testDeps(database.db, tenant.actor), {
      formCode: 'B01',
      period: '2026-H1',
      reporter: { kind: 'project', code: 'DEMO-CCN-PRJ-01' },
      values: { workers: 145 },
    });
    expect(draft).toMatchObject({ status: 'draft', zoneCode: demoCluster.code });
  });
});
