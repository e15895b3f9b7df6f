import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { testDeps } from '../testing';
import { getZone, listZones } from '../zone/zone.service';
import { lifecycleFromSource, parseEstablished, seedDemoZones, zoneCodeFromName } from './demo-zones';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoZones(testDeps(database.db, systemActor('test')));
});
afterAll(() => database?.cleanup());

const deps = () => testDeps(database.db, systemActor('test'));
const query = { sort: 'code', order: 'asc', page: 1, pageSize: 500 } as const;

describe('the demo registry from src/db/seed/data/hanoi-zones.json', () => {
  it('holds the 61 real zones: 16 parks, 2 hi-tech parks and 43 clusters', async () => {
    const all = await listZones(deps(), query);
    expect(all.total).toBe(61);
    const byKind = all.items.reduce<Record<string, number>>(
      (acc, z) => ({ ...acc, [z.kind]: (acc[z.kind] ?? 0) + 1 }),
      {},
    );
    expect(byKind).toEqual({ KCN: 16, KCNC: 2, CCN: 43 });
    expect(all.items.every((z) => !z.isSynthetic)).toBe(true);
  });

  it('keeps each zone’s sources and the source’s own status words', async () => {
    const zone = await getZone(deps(), 'KCN-THANG-LONG');
    expect(zone.name).toBe('KCN Thăng Long');
    expect(zone.sources.length).toBeGreaterThan(0);
    expect(zone.sourceStatusText).toBe('operating');
    expect(zone.declaredAreaHa).toBe(274);
    expect(zone.formerDistrictName).toBe('Huyện Đông Anh');
    expect(zone.lifecycle).toMatchObject({ state: 'operating', established: { date: '1997-02-22' } });
  });

  it('invents nothing: a zone whose source gives no date has no lifecycle state, and no area stays empty', async () => {
    const zone = await getZone(deps(), 'KCN-BAC-THANG-LONG');
    expect(zone.lifecycle.state).toBeNull();
    expect(zone.declaredAreaHa).toBeNull();
    expect(zone.industrialLandHa).toBeNull();
    expect(zone.occupancy).toBeNull();
  });

  it('places a zone with coordinates in today’s commune, saying the commune was inferred', async () => {
    const zone = await getZone(deps(), 'KCN-QUANG-MINH');
    expect(zone.communeName).toBe('Xã Quang Minh');
    expect(zone.notes).toContain('suy ra từ toạ độ gần đúng');
  });

  it('finds "thang long" without diacritics', async () => {
    const found = await listZones(deps(), { ...query, q: 'thang long' });
    expect(found.items.map((z) => z.code)).toEqual([
      'KCN-BAC-THANG-LONG',
      'KCN-NAM-THANG-LONG',
      'KCN-THANG-LONG',
    ]);
  });
});

describe('reading the source file', () => {
  it('makes stable codes from names', () => {
    expect(zoneCodeFromName('KCN Thăng Long (Thang Long Industrial Park, TLIP)')).toBe('KCN-THANG-LONG');
    expect(zoneCodeFromName('Khu công nghệ cao Hòa Lạc (Hoa Lac Hi-Tech Park)')).toBe('KCNC-HOA-LAC');
    expect(zoneCodeFromName('CCN làng nghề Ngọc Mỹ - Thạch Thán')).toBe('CCN-LANG-NGHE-NGOC-MY-THACH-THAN');
  });

  it('reads dates of establishment, and refuses investment-policy and ground-breaking dates', () => {
    expect(parseEstablished('1997-02-22')).toEqual({ date: '1997-02-22', precision: 'day' });
    expect(parseEstablished('2017-12')).toEqual({ date: '2017-12-01', precision: 'month' });
    expect(parseEstablished('1994')).toEqual({ date: '1994-01-01', precision: 'year' });
    expect(parseEstablished('2012-12-17 (groundbreaking)')).toBeNull();
    expect(parseEstablished('2024-03 (investment policy, Decision 221/QĐ-TTg)')).toBeNull();
    expect(parseEstablished('20/7 (year not in excerpt)')).toBeNull();
  });

  it('notes how precise a date was', () => {
    const events = lifecycleFromSource({
      kind: 'CCN',
      name: 'x',
      formerDistrict: null,
      areaHa: null,
      investor: null,
      established: '2017-12',
      status: 'established',
      lat: null,
      lon: null,
      sources: [],
      notes: null,
    });
    expect(events).toEqual([
      { state: 'established', eventDate: '2017-12-01', note: 'Nguồn chỉ ghi tháng: "2017-12".' },
    ]);
  });
});
