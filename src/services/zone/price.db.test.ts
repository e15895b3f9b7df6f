import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { manualClock, communes, makeUser, testDeps } from '../testing';
import { zoneHistory, createZone } from './zone.service';
import { addPrice, changePrice, listPrices, removePrice } from './price.service';

let database: TestDatabase;
let officer: Actor;
let outsider: Actor;
let leader: Actor;
// 20/6/2026 in Vietnam.
const clock = manualClock(new Date('2026-06-20T03:00:00Z'));
const deps = (actor: Actor) => testDeps(database.db, actor, clock);

beforeAll(async () => {
  database = await createTestDatabase();
  const system = deps(systemActor('test'));
  await createZone(system, {
    code: 'CCN-THUY-LAM',
    name: 'CCN Thụy Lâm',
    kind: 'CCN',
    communeCode: communes.dongAnh,
  });
  officer = (
    await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
      family: 'CCN',
    })
  ).actor;
  outsider = (
    await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.thachThat,
      family: 'CCN',
    })
  ).actor;
  leader = (await makeUser(database.db, { role: 'leader', scopeKind: 'all', scopeRef: null })).actor;
});
afterAll(() => database?.cleanup());

const sublease = { kind: 'sublease', currency: 'VND', unit: 'm2_term' } as const;

describe('zone prices', () => {
  it('adds prices; a new price list ends the open-ended one the day before; the current one is today’s', async () => {
    const first = await addPrice(deps(officer), 'CCN-THUY-LAM', {
      ...sublease,
      amount: '1500000',
      validFrom: '2024-01-01',
    });
    expect(first).toMatchObject({ price: { amount: '1500000', validTo: null }, closed: null });
    const second = await addPrice(deps(officer), 'ccn-thuy-lam', {
      ...sublease,
      amount: '1850000.50',
      validFrom: '2026-01-01',
      note: 'Bảng giá 2026',
    });
    expect(second.closed).toMatchObject({ id: first.price.id, validTo: '2025-12-31', version: 2 });
    await addPrice(deps(officer), 'CCN-THUY-LAM', {
      kind: 'shared_service',
      amount: '12000',
      currency: 'VND',
      unit: 'm2_year',
      validFrom: '2025-01-01',
      validTo: '2026-06-19',
    });
    const prices = await listPrices(deps(officer), 'CCN-THUY-LAM');
    expect(prices.asOf).toBe('2026-06-20');
    expect(prices.current.sublease).toMatchObject({ amount: '1850000.5', note: 'Bảng giá 2026' });
    expect(prices.current.shared_service).toBeNull();
    expect(prices.items.map((p) => [p.kind, p.validFrom])).toEqual([
      ['shared_service', '2025-01-01'],
      ['sublease', '2026-01-01'],
      ['sublease', '2024-01-01'],
    ]);
    expect((await listPrices(deps(officer), 'CCN-THUY-LAM', '2025-03-01')).current.sublease?.amount).toBe(
      '1500000',
    );
    expect(prices.canEdit).toBe(true);
  });

  it('refuses an overlapping period, naming the price it collides with', async () => {
    await expect(
      addPrice(deps(officer), 'CCN-THUY-LAM', {
        ...sublease,
        amount: '1',
        validFrom: '2025-06-01',
        validTo: '2025-07-01',
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      details: { fields: { validFrom: { vi: expect.stringContaining('(1/1/2024 – 31/12/2025)') } } },
    });
  });

  it('corrects a price with the version read; a stale correction gets 409 with the current price', async () => {
    const { items } = await listPrices(deps(officer), 'CCN-THUY-LAM');
    const service = items.find((p) => p.kind === 'shared_service')!;
    const changed = await changePrice(deps(officer), 'CCN-THUY-LAM', service.id, {
      version: service.version,
      validTo: null,
    });
    expect(changed).toMatchObject({ validTo: null, version: service.version + 1 });
    await expect(
      changePrice(deps(officer), 'CCN-THUY-LAM', service.id, { version: service.version, amount: '13000' }),
    ).rejects.toMatchObject({ code: 'conflict', details: { current: { version: service.version + 1 } } });
    // Unchanged: no new version.
    expect(
      await changePrice(deps(officer), 'CCN-THUY-LAM', service.id, {
        version: changed.version,
        amount: '12000.00',
      }),
    ).toMatchObject({
      version: changed.version,
    });
    // A correction may not overlap either.
    const old = items.find((p) => p.kind === 'sublease' && p.validFrom === '2024-01-01')!;
    await expect(
      changePrice(deps(officer), 'CCN-THUY-LAM', old.id, { version: old.version, validTo: '2026-02-01' }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('removes a mistaken price with the version read, and the history shows every price change', async () => {
    const added = await addPrice(deps(officer), 'CCN-THUY-LAM', {
      kind: 'shared_service',
      amount: '9',
      currency: 'USD',
      unit: 'm2_month',
      validFrom: '2030-01-01',
    });
    await expect(removePrice(deps(officer), 'CCN-THUY-LAM', added.price.id, 99)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(added.closed).toMatchObject({ validTo: '2029-12-31' });
    await removePrice(deps(officer), 'CCN-THUY-LAM', added.price.id, added.price.version);
    expect((await listPrices(deps(officer), 'CCN-THUY-LAM')).items.some((p) => p.id === added.price.id)).toBe(
      false,
    );
    const actions = (await zoneHistory(deps(officer), 'CCN-THUY-LAM')).items.map((r) => r.action);
    expect(actions.filter((a) => a.startsWith('zone.price_'))).toEqual(
      expect.arrayContaining(['zone.price_add', 'zone.price_update', 'zone.price_remove']),
    );
  });

  it('follows the zone’s scope: others are told it does not exist, leaders read but do not edit', async () => {
    await expect(listPrices(deps(outsider), 'CCN-THUY-LAM')).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      addPrice(deps(outsider), 'CCN-THUY-LAM', { ...sublease, amount: '1', validFrom: '2040-01-01' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await listPrices(deps(leader), 'CCN-THUY-LAM')).canEdit).toBe(false);
    await expect(
      addPrice(deps(leader), 'CCN-THUY-LAM', { ...sublease, amount: '1', validFrom: '2040-01-01' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
