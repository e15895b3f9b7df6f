import { describe, expect, it } from 'vitest';
import { completeness, obligationKey, obligationsFor, type Obligation } from './obligations';
import { ev, project, projects, zone, zones } from './testing';

const province = { department: 'SCT', management_board: 'HEPIZA' };
const of = (list: Obligation[], form: string) =>
  list.filter((o) => o.formCode === form).map((o) => `${o.reporter.kind}:${o.reporter.id}`);

describe('who owes what for the year 2025 (derived from the registry)', () => {
  const { obligations, problems } = obligationsFor({ period: '2025', zones, projects, province });

  it('asks Biểu 01 of every operating tenant project in a cluster, and of nobody else', () => {
    // p3 is building, p4 terminated; k1p1 is in a park.
    expect(of(obligations, 'B01')).toEqual([
      'project:p1',
      'project:p2',
      'project:p5',
      'project:p6',
      'project:p7',
    ]);
    const p1 = obligations.find((o) => o.formCode === 'B01' && o.reporter.id === 'p1')!;
    expect(p1).toMatchObject({
      formVersion: '2025-07-01',
      organisationId: 'ORG-p1',
      zoneId: 'z1',
      communeId: 'C1',
      family: 'CCN',
      window: { start: '2024-12-15', end: '2025-12-14' },
      dueDate: '2025-12-20',
    });
    expect(p1.dueAt.toISOString()).toBe('2025-12-20T16:59:59.999Z');
  });

  it('asks one Biểu 02 per cluster with a developer — established or operating from before 2009', () => {
    // z1, z2 (legacy), z3 (established 2025), z6; not z4 (only planned) nor z5 (removed).
    expect(of(obligations, 'B02')).toEqual(['zone:z1', 'zone:z2', 'zone:z3', 'zone:z6']);
    expect(obligations.find((o) => o.formCode === 'B02' && o.reporter.id === 'z3')!.organisationId).toBe(
      'D3',
    );
  });

  it('asks Biểu 03 of each commune with a cluster on record, Biểu 04 of the department', () => {
    expect(of(obligations, 'B03')).toEqual(['commune:C1', 'commune:C2']);
    expect(obligations.find((o) => o.formCode === 'B03')!.dueDate).toBe('2025-12-25');
    expect(of(obligations, 'B04')).toEqual(['department:SCT']);
    expect(obligations.find((o) => o.formCode === 'B04')!.dueDate).toBe('2025-12-31');
    expect(problems).toEqual([]);
  });

  it('asks the parks’ tenants (until terminated) and the Management Board for their yearly reports', () => {
    expect(of(obligations, 'KCN_TENANT')).toEqual(['project:k1p1', 'project:k1p2', 'project:k2p1']);
    expect(obligations.find((o) => o.formCode === 'KCN_TENANT')!.dueDate).toBe('2026-03-31');
    expect(of(obligations, 'KCN_BOARD')).toEqual(['management_board:HEPIZA']);
  });
});

describe('obligations across the 2025 reorganisation and over time', () => {
  it('has the former district compile Biểu 03 for the first half of 2025', () => {
    const { obligations } = obligationsFor({
      period: '2025-H1',
      zones,
      projects,
      province,
      forms: ['B03', 'B01'],
    });
    expect(of(obligations, 'B03')).toEqual(['district:D1', 'district:D2']);
    expect(obligations.find((o) => o.formCode === 'B03')).toMatchObject({
      districtId: 'D1',
      communeId: null,
      dueDate: '2025-06-25',
    });
    expect(obligations.find((o) => o.formCode === 'B01')!.formVersion).toBe('2024-10-01');
  });

  it('judges a cluster at the end of the data window: z3, established 10/3/2025, owes nothing for 2024', () => {
    const { obligations } = obligationsFor({ period: '2024', zones, projects, province, forms: ['B02'] });
    expect(of(obligations, 'B02')).toEqual(['zone:z1', 'zone:z2', 'zone:z6']);
  });

  it('owes nothing before Circular 14, and parks’ quarterly reports only for quarters', () => {
    expect(
      obligationsFor({ period: '2024-H1', zones, projects, province, forms: ['B01', 'B04'] }).obligations,
    ).toEqual([]);
    const q3 = obligationsFor({ period: '2025-Q3', zones, projects, province }).obligations;
    expect([...new Set(q3.map((o) => o.formCode))]).toEqual(['KCN_TENANT', 'KCN_BOARD']);
    expect(q3.find((o) => o.formCode === 'KCN_TENANT')!.dueDate).toBe('2025-10-10');
  });

  it('flags a cluster without a recorded developer and a cluster without a commune', () => {
    const orphan = zone({ id: 'z9', communeId: null, lifecycle: [ev('established', '2020-01-01')] });
    const { obligations, problems } = obligationsFor({
      period: '2025',
      zones: [orphan],
      projects: [project({ id: 'p9', zoneId: 'z9' })],
      province,
      forms: ['B01', 'B02', 'B03'],
    });
    expect(obligations.find((o) => o.formCode === 'B02')!.warnings).toEqual(['developer_unknown']);
    expect(of(obligations, 'B03')).toEqual([]);
    expect(problems).toEqual([{ formCode: 'B03', zoneId: 'z9', problem: 'no_commune' }]);
  });

  it('keeps asking a suspended cluster’s developer and its operating tenants: Biểu 01 follows the project', () => {
    const suspended = zone({
      id: 'z8',
      lifecycle: [
        ev('established', '2020-01-01'),
        ev('operating', '2021-01-01'),
        ev('suspended', '2025-01-01'),
      ],
    });
    const { obligations } = obligationsFor({
      period: '2025',
      zones: [suspended],
      projects: [project({ id: 'p8', zoneId: 'z8' })],
      province,
      forms: ['B01', 'B02'],
    });
    // The project still operates and reports; the cluster is still established, so its developer reports too.
    expect(of(obligations, 'B01')).toEqual(['project:p8']);
    expect(of(obligations, 'B02')).toEqual(['zone:z8']);
  });
});

describe('completeness and timeliness', () => {
  const { obligations } = obligationsFor({ period: '2025', zones, projects, province, forms: ['B01'] });
  const submitted = new Map<string, Date>([
    [
      obligationKey({ formCode: 'B01', period: '2025', reporter: { kind: 'project', id: 'p1' } }),
      new Date('2025-12-20T16:59:59Z'),
    ],
    [
      obligationKey({ formCode: 'B01', period: '2025', reporter: { kind: 'project', id: 'p2' } }),
      new Date('2025-12-20T17:00:00Z'),
    ],
    [
      obligationKey({ formCode: 'B01', period: '2025', reporter: { kind: 'project', id: 'p7' } }),
      new Date('2025-12-01T03:00:00Z'),
    ],
    // Not owed (p3 is building): not counted.
    [
      obligationKey({ formCode: 'B01', period: '2025', reporter: { kind: 'project', id: 'p3' } }),
      new Date('2025-12-01T03:00:00Z'),
    ],
  ]);

  it('counts expected, received, on time (23:59:59 local), late (00:00 next day) and missing', () => {
    expect([...completeness(obligations, submitted).values()]).toEqual([
      { formCode: 'B01', period: '2025', expected: 5, received: 3, onTime: 2, late: 1, missing: 2 },
    ]);
  });

  it('groups by commune (or zone, or anything else)', () => {
    const byCommune = completeness(obligations, submitted, (o) => o.communeId ?? '-');
    expect(byCommune.get('C1')).toMatchObject({ expected: 4, received: 2, onTime: 1, late: 1, missing: 2 });
    expect(byCommune.get('C2')).toMatchObject({ expected: 1, received: 1, onTime: 1, missing: 0 });
  });
});
