import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { hanoiReorganisationFile } from '../system/demo-seed';
import { makeUser, testDeps } from '../testing';
import { getAdminUnit, importReorganisation, listAdminUnits } from './admin-unit.service';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const admin = () => testDeps(database.db, systemActor('test'));

describe('Hanoi’s administrative units (loaded into every test database from src/db/seed/data)', () => {
  it('hold 1 province, 30 former districts, 526 former communes and 126 new communes/wards', async () => {
    const rows = await database.query<{ level: string; current: boolean; n: number }>(
      `select level, valid_to is null as current, count(*)::int as n from admin_unit group by 1, 2 order by 1, 2`,
    );
    expect(rows).toEqual([
      { level: 'commune', current: false, n: 526 },
      { level: 'commune', current: true, n: 126 },
      { level: 'district', current: false, n: 30 },
      { level: 'province', current: true, n: 1 },
    ]);
  });

  it('answer "which units were in force on a date": districts before 1/7/2025, new communes after', async () => {
    const before = await listAdminUnits(admin(), {
      level: 'district',
      validOn: '2025-06-30',
      page: 1,
      pageSize: 100,
    });
    const after = await listAdminUnits(admin(), {
      level: 'district',
      validOn: '2025-07-01',
      page: 1,
      pageSize: 100,
    });
    expect(before.total).toBe(30);
    expect(after.total).toBe(0);
    const communes = await listAdminUnits(admin(), {
      level: 'commune',
      validOn: '2026-01-01',
      page: 1,
      pageSize: 500,
    });
    expect(communes.total).toBe(126);
  });

  it('are found without diacritics: "dong anh" finds Xã Đông Anh and the former Huyện Đông Anh', async () => {
    const found = await listAdminUnits(admin(), { q: 'dong anh', page: 1, pageSize: 50 });
    const names = found.items.map((u) => `${u.kind} ${u.name}`);
    expect(names).toContain('Xã Đông Anh');
    expect(names).toContain('Huyện Đông Anh');
  });

  it('link each new unit to the former units it was formed from, marking partial successions', async () => {
    const found = await listAdminUnits(admin(), {
      q: 'xa dong anh',
      level: 'commune',
      validOn: '2026-01-01',
      page: 1,
      pageSize: 5,
    });
    const detail = await getAdminUnit(admin(), found.items[0]!.id);
    expect(detail.parentName).toBe('Thành phố Hà Nội');
    expect(detail.predecessors.length).toBeGreaterThan(1);
    const district = detail.predecessors.find((p) => p.kind === 'Huyện');
    expect(district?.name).toBe('Đông Anh');
    expect(district?.partial).toBe(true);
  });

  it('can be re-imported without changing anything', async () => {
    const auditBefore = await database.query<{ n: number }>('select count(*)::int as n from audit_log');
    const summary = await importReorganisation(admin(), hanoiReorganisationFile(), { source: 'again' });
    expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 683 });
    const auditAfter = await database.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(auditAfter[0]!.n).toBe(auditBefore[0]!.n);
  });

  it('refuse a bad file whole, naming every bad place, and write nothing', async () => {
    const file = hanoiReorganisationFile() as {
      units: { newCode: string; formerUnits: { district: string }[] }[];
    };
    const bad = structuredClone(file);
    bad.units[0]!.newCode = 'ABC';
    bad.units[5]!.formerUnits[0]!.district = 'Huyện Không Tồn Tại';
    const count = async () =>
      (await database.query<{ n: number }>('select count(*)::int as n from admin_unit'))[0]!.n;
    const before = await count();
    const error = await importReorganisation(admin(), bad, { source: 'bad' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('import.invalid');
    expect(JSON.stringify((error as AppError).details)).toContain('units.0.newCode');
    const second = structuredClone(file);
    second.units[5]!.formerUnits[0]!.district = 'Huyện Không Tồn Tại';
    const error2 = (await importReorganisation(admin(), second, { source: 'bad' }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(JSON.stringify(error2.details)).toContain('Huyện Không Tồn Tại');
    expect(await count()).toBe(before);
  });

  it('may be imported only by someone with the admin_unit.manage permission', async () => {
    const { actor } = await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
    });
    const error = await importReorganisation(testDeps(database.db, actor), hanoiReorganisationFile(), {
      source: 'x',
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('forbidden');
  });
});
