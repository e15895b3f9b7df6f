import { describe, expect, it } from 'vitest';
import {
  compileClusterReport,
  liveClusterReport,
  type AcceptedFiling,
  type CompiledItem,
  type CompiledReport,
} from './aggregate';
import { exactSum } from './decimal';
import { filing, filings2025, projects, sourceId, sourceWeight, zones } from './testing';

/**
 * Biểu 03 of commune C1 and Biểu 04 of the province for the year 2025 (data window 15/12/2024 – 14/12/2025),
 * checked item by item against figures worked out by hand from `testing.ts`:
 *
 *   z1 CCN An Khánh   general, established 2019, detailed plan, infra project, operating; developer D1
 *                     (private enterprise); plan 50 ha, area 48.5, industrial land 35; B02 accepted
 *   z2 CCN Bát Tràng  craft village, operating without establishment since 2005; developer D2 (agency);
 *                     plan 20 ha, area 16.2, industrial land 12, leased 9, approved 0; NO B02 (registry)
 *   z3 CCN Phú Thị    specialised, established 10/3/2025 (in the window), detailed plan 1/9/2025; developer
 *                     D3 (FDI); plan 30, area 30.5, industrial land 22; B02 accepted
 *   z4                only in the plan (25 ha)
 *   z5                removed from the plan on 1/6/2024 — counts nowhere
 *   z6 CCN Ninh Hiệp  (commune C2) established 2012, operating; developer D4 (state enterprise); plan 45,
 *                     area 45, industrial land 40; B02 accepted
 *   k1, k2            parks — never in Biểu 03/04
 * Tenants: p1 (FDI), p2 operating in z1 with B01; p3 building and p4 terminated in z1 (owe nothing);
 * p5 operating in z2 with B01; p6 operating in z2 WITHOUT B01; p7 operating in z6 with B01.
 */

const c1 = compileClusterReport({
  formCode: 'B03',
  period: '2025',
  scope: { kind: 'commune', id: 'C1' },
  zones,
  projects,
  filings: filings2025,
});
const city = compileClusterReport({
  formCode: 'B04',
  period: '2025',
  scope: { kind: 'province' },
  zones,
  projects,
  filings: filings2025,
});

const item = (report: CompiledReport, no: string): CompiledItem => {
  const found = report.items.find((i) => i.no === no);
  if (!found) throw new Error(`no item ${no}`);
  return found;
};
const value = (report: CompiledReport, no: string) => item(report, no).value;
const zonesOf = (report: CompiledReport, no: string) => item(report, no).sources.map(sourceId);

describe('Biểu 03 of commune C1, year 2025 — each item against the hand-computed figure', () => {
  it('uses the Circular 38 version (compiled by the commune) and the yearly window', () => {
    expect(c1).toMatchObject({ formCode: 'B03', formVersion: '2025-07-01', period: '2025' });
    expect(c1.window).toEqual({ start: '2024-12-15', end: '2025-12-14' });
    expect(c1.items).toHaveLength(35);
  });

  it('I. 1–2: clusters in the plan and their planned area', () => {
    // z1, z2, z3, z4 (z5 was removed on 1/6/2024): 4 clusters; 50 + 20 + 30 + 25 = 125 ha.
    expect(value(c1, '1')).toBe(4);
    expect(zonesOf(c1, '1')).toEqual(['z1', 'z2', 'z3', 'z4']);
    expect(value(c1, '2')).toBe(125);
  });

  it('II. 3–6: clusters established, in total and in the period', () => {
    // Established and not revoked: z1, z3 (z2 operates without a decision): 2; 48.5 + 30.5 = 79 ha.
    expect(value(c1, '3')).toBe(2);
    expect(value(c1, '4')).toBe(79);
    // In the window 15/12/2024–14/12/2025: z3 (10/3/2025): 1 cluster, 30.5 ha.
    expect(value(c1, '5')).toBe(1);
    expect(zonesOf(c1, '5')).toEqual(['z3']);
    expect(value(c1, '6')).toBe(30.5);
  });

  it('II. 7–8: established clusters whose developer is an enterprise', () => {
    // z1 (domestic private) and z3 (FDI); z2's developer is an agency and z2 is not established: 2, 79 ha.
    expect(value(c1, '7')).toBe(2);
    expect(value(c1, '8')).toBe(79);
  });

  it('II. 9–12: approved detailed plans and infrastructure projects', () => {
    // Detailed plan: z1 (2019), z3 (1/9/2025 ≤ 14/12/2025): 2 clusters, 48.5 + 30.5 = 79 ha.
    expect(value(c1, '9')).toBe(2);
    expect(value(c1, '10')).toBe(79);
    // Infrastructure project: z1 only: 1 cluster, 48.5 ha.
    expect(value(c1, '11')).toBe(1);
    expect(value(c1, '12')).toBe(48.5);
  });

  it('II. 13–14: infrastructure investment from Biểu 02, the registry filling in for z2', () => {
    // Approved: z1 B02 452.5 + z3 B02 600 = 1,052.5 bn; z2 has no B02 and no approved figure on record.
    expect(value(c1, '13')).toBe(1052.5);
    expect(item(c1, '13').gaps).toEqual([
      {
        kind: 'filing_missing',
        formCode: 'B02',
        reporterKind: 'zone',
        reporterId: 'z2',
        zoneId: 'z2',
        fallback: 'none',
      },
    ]);
    // Paid: z1 B02 390.25 + z2 registry 25,000,000,000 đ = 25 bn + z3 B02 15.75 = 431 bn.
    expect(value(c1, '14')).toBe(431);
    expect(item(c1, '14').sources.map((s) => [s.kind, sourceId(s), s.contribution])).toEqual([
      ['filing', 'F-B02-2025-z1', 390.25],
      ['zone', 'z2', 25],
      ['filing', 'F-B02-2025-z3', 15.75],
    ]);
    expect(item(c1, '14').gaps[0]).toMatchObject({ reporterId: 'z2', fallback: 'registry' });
  });

  it('III. 15: clusters in operation, established or not, craft-village and specialised', () => {
    // 15.1 z1; 15.2 z2 (legacy); 15 = 1 + 1 = 2; 15.3 craft village operating: z2; 15.4 specialised
    // operating: none (z3 is specialised but not yet operating).
    expect(value(c1, '15.1')).toBe(1);
    expect(value(c1, '15.2')).toBe(1);
    expect(value(c1, '15')).toBe(2);
    expect(zonesOf(c1, '15')).toEqual(['z1', 'z2']);
    expect(value(c1, '15.3')).toBe(1);
    expect(value(c1, '15.4')).toBe(0);
  });

  it('III. 16: their areas with the same breakdown', () => {
    // 16.1 48.5; 16.2 16.2; 16 = 48.5 + 16.2 = 64.7; 16.3 16.2; 16.4 0.
    expect(value(c1, '16.1')).toBe(48.5);
    expect(value(c1, '16.2')).toBe(16.2);
    expect(value(c1, '16')).toBe(64.7);
    expect(value(c1, '16.3')).toBe(16.2);
    expect(value(c1, '16.4')).toBe(0);
  });

  it('III. 17–19: industrial land, land leased and area-weighted occupancy of operating clusters', () => {
    // 17: 35 + 12 = 47 ha.
    expect(value(c1, '17')).toBe(47);
    // 18: z1 B02 29.5 + z2 registry 9 = 38.5 ha.
    expect(value(c1, '18')).toBe(38.5);
    // 19: z1 90 % on 35 ha; z2 registry (9 + 0) ÷ 12 = 75 % on 12 ha → (90×35 + 75×12) ÷ 47 = 4050 ÷ 47
    //     = 86.1702… → 86.17 %.
    expect(value(c1, '19')).toBe(86.17);
    expect(item(c1, '19').sources.map((s) => [sourceId(s), s.contribution, sourceWeight(s)])).toEqual([
      ['F-B02-2025-z1', 90, 35],
      ['z2', 75, 12],
    ]);
  });

  it('III. 20–22: projects, FDI projects and operating projects', () => {
    // 20: z1 B02 3 + z2 registry 2 (p5, p6) + z3 B02 0 = 5.
    expect(value(c1, '20')).toBe(5);
    expect(
      item(c1, '20')
        .sources.filter((s) => s.kind === 'project')
        .map((s) => s.id),
    ).toEqual(['p5', 'p6']);
    // 21: z1 1 + z2 0 + z3 0 = 1.
    expect(value(c1, '21')).toBe(1);
    // 22: z1 2 + z2 registry 2 (both operating) + z3 0 = 4.
    expect(value(c1, '22')).toBe(4);
  });

  it('III. 23–25: revenue, budget and workers from tenants’ Biểu 01 and developers’ Biểu 02', () => {
    // 23: p1 120.5 + p2 45 + z1 dev 12.5 + p5 8.4 + z3 dev 0 = 186.4 bn (p6 and z2's developer missing).
    expect(value(c1, '23')).toBe(186.4);
    // 24: 8.25 + 2.5 + 1.2 + 0.35 + 0.05 = 12.35 bn.
    expect(value(c1, '24')).toBe(12.35);
    // 25: 300 + 80 + 15 + 40 + 6 = 441 workers.
    expect(value(c1, '25')).toBe(441);
    // Missing: p6's Biểu 01 (it operates, so it owes one) and z2's Biểu 02; p3 (building) owes nothing.
    expect(
      item(c1, '25').gaps.map((g) => ('reporterId' in g ? `${g.formCode}:${g.reporterId}` : g.kind)),
    ).toEqual(['B01:p6', 'B02:z2']);
    // The 2024 filing of p1 is not counted.
    expect(item(c1, '23').sources.some((s) => sourceId(s) === 'F-B01-2024-p1')).toBe(false);
  });

  it('III. 26–27: clusters with a wastewater plant built or building, and compliant', () => {
    // 26: z1 B02 1 + z2 registry "building" → 1 + z3 B02 0 = 2.
    expect(value(c1, '26')).toBe(2);
    // 27: z1 B02 1 + z2 registry 0 + z3 B02 0 = 1.
    expect(value(c1, '27')).toBe(1);
  });

  it('drills down: every sum equals the sum of its sources’ contributions', () => {
    for (const i of c1.items) {
      if (i.no === '19') continue; // an average: contributions are rates with weights
      expect(
        exactSum(
          i.sources.map((s) => s.contribution),
          4,
        ),
        `item ${i.no}`,
      ).toBe(i.value);
    }
  });
});

describe('Biểu 04 of the province, year 2025 — C1 plus commune C2 (z6)', () => {
  const expected: [string, number][] = [
    ['1', 5], // + z6
    ['2', 170], // 125 + 45
    ['3', 3],
    ['4', 124], // 79 + 45
    ['5', 1],
    ['6', 30.5],
    ['7', 3], // z6's developer is a state enterprise
    ['8', 124],
    ['9', 3], // z6 operating: a detailed plan is implied by the legal order
    ['10', 124],
    ['11', 2],
    ['12', 93.5], // 48.5 + 45
    ['13', 1352.5], // 1052.5 + 300
    ['14', 731], // 431 + 300
    ['15', 3],
    ['15.1', 2],
    ['15.2', 1],
    ['15.3', 1],
    ['15.4', 0],
    ['16', 109.7], // 64.7 + 45
    ['16.1', 93.5],
    ['16.2', 16.2],
    ['16.3', 16.2],
    ['16.4', 0],
    ['17', 87], // 47 + 40
    ['18', 76.5], // 38.5 + 38
    ['19', 90.23], // (3150 + 900 + 95×40) ÷ 87 = 7850 ÷ 87 = 90.2298…
    ['20', 15], // 5 + 10
    ['21', 4], // 1 + 3
    ['22', 13], // 4 + 9
    ['23', 406.4], // 186.4 + p7 200 + z6 dev 20
    ['24', 24.35], // 12.35 + 10 + 2
    ['25', 966], // 441 + 500 + 25
    ['26', 3], // 2 + z6 1
    ['27', 1], // z6's plant is not compliant
  ];

  it.each(expected)('item %s = %d', (no, figure) => {
    expect(value(city, no)).toBe(figure);
  });

  it('is filed by the department with its own deadline', () => {
    expect(city).toMatchObject({ formCode: 'B04', formVersion: '2024-10-01', scope: { kind: 'province' } });
  });
});

describe('compiling across the Circular 38 change and with changing facts', () => {
  it('compiles the first half of 2025 per former district (Biểu 03 before 1/7/2025)', () => {
    const h1 = compileClusterReport({
      formCode: 'B03',
      period: '2025-H1',
      scope: { kind: 'district', id: 'D1' },
      zones,
      projects,
      filings: [],
    });
    expect(h1.formVersion).toBe('2024-10-01');
    expect(h1.window).toEqual({ start: '2024-12-15', end: '2025-06-14' });
    // On 14/6/2025 z3 is established (10/3) but its detailed plan (1/9/2025) is still to come.
    expect(value(h1, '5')).toBe(1);
    expect(value(h1, '9')).toBe(1);
    // No filings at all: every B02 figure comes from the registry, every B01 one is missing.
    // 14: z1 380.5 + z2 25 + z3 0 = 405.5.
    expect(value(h1, '14')).toBe(405.5);
    // 19: z1 (28 + 2) ÷ 35 = 85.714… % on 35 ha, z2 75 % on 12 ha → (85.71×35 + 75×12) ÷ 47 = 82.98 %.
    expect(value(h1, '19')).toBe(82.98);
    expect(value(h1, '23')).toBe(0);
    // Missing: p1, p2 and z1's developer; p5, p6 and z2's; z3's developer (z3 has no tenants yet) = 7.
    expect(item(h1, '23').gaps).toHaveLength(7);
  });

  it('counts a later accepted revision instead of the registry, and never a filing of another period', () => {
    const corrected = filing('B02', '2025', 'zone', 'z2', {
      infra_investment_approved_vnd: 80,
      infra_investment_paid_vnd: 30,
      land_ready_ha: 12,
      land_leased_ha: 10,
      occupancy_pct: 83.33,
      projects: 2,
      projects_fdi: 0,
      projects_operating: 2,
      revenue_vnd: 1,
      state_budget_vnd: 0.1,
      workers: 4,
      avg_income_vnd: 7,
      wwtp_built: 1,
      wwtp_compliant: 0,
    });
    const report = compileClusterReport({
      formCode: 'B03',
      period: '2025',
      scope: { kind: 'commune', id: 'C1' },
      zones,
      projects,
      filings: [...filings2025, corrected],
    });
    // 13: 452.5 + 80 + 600 = 1132.5; 18: 29.5 + 10 = 39.5; 19: (90×35 + 83.33×12) ÷ 47 = 4149.96 ÷ 47 = 88.30.
    expect(value(report, '13')).toBe(1132.5);
    expect(value(report, '18')).toBe(39.5);
    expect(value(report, '19')).toBe(88.3);
    expect(item(report, '13').gaps).toEqual([]);
  });

  it('refuses a period the form is not due for', () => {
    expect(() =>
      compileClusterReport({
        formCode: 'B03',
        period: '2025-H2',
        scope: { kind: 'province' },
        zones,
        projects,
        filings: [],
      }),
    ).toThrow(RangeError);
  });
});

describe('a live report updated with the filings that changed equals one computed afresh', () => {
  const input = (list: readonly AcceptedFiling[]) =>
    ({
      formCode: 'B04',
      period: '2025',
      scope: { kind: 'province' },
      zones,
      projects,
      filings: list,
    }) as const;
  const b01 = (id: string, revenue: number, revisionNo = 1) =>
    filing(
      'B01',
      '2025',
      'project',
      id,
      { revenue_vnd: revenue, state_budget_vnd: 0.5, workers: 12, avg_income_vnd: 8 },
      revisionNo,
    );
  const b02z2 = filing('B02', '2025', 'zone', 'z2', {
    revenue_vnd: 3.25,
    workers: 7,
    occupancy_pct: 55,
    projects: 2,
  });

  it('after an acceptance, a revision, a removal and a filing of another period, to the last source', () => {
    const live = liveClusterReport(input(filings2025));
    expect(live.report).toEqual(compileClusterReport(input(filings2025)));
    let current = [...filings2025];
    const step = (removed: string[], upserted: AcceptedFiling[]) => {
      const gone = new Set([...removed, ...upserted.map((f) => f.id)]);
      current = [...current.filter((f) => !gone.has(f.id)), ...upserted];
      const updated = live.update({ removed, upserted });
      expect(updated).toEqual(compileClusterReport(input(current)));
      return updated;
    };
    // p6 had no Biểu 01 (a gap of item 23): accepted now.
    const accepted = step([], [b01('p6', 41.125)]);
    expect(accepted).not.toEqual(compileClusterReport(input(filings2025)));
    // Its revision 2 is accepted: the old contribution goes, the new one comes.
    step([], [b01('p6', 40, 2)]);
    // z2's developer files Biểu 02: the registry fallback gives way to the report.
    step([], [b02z2]);
    // A filing leaves (returned, deleted): back to the gap.
    step([b01('p6', 0).id, b02z2.id], []);
    // Another period's filing changes nothing; an unknown id is ignored.
    const before = live.report;
    expect(
      live.update({
        removed: ['nobody'],
        upserted: [filing('B01', '2024', 'project', 'p7', { revenue_vnd: 1 })],
      }),
    ).toBe(before);
    // Every tenant filing removed at once.
    step(
      current.filter((f) => f.formCode === 'B01').map((f) => f.id),
      [],
    );
  });
});
