import { describe, expect, it } from 'vitest';
import { clusterStateAt, matches, registryFigure } from './facts';
import { ev, project, zone, zones } from './testing';

const year2025 = { start: '2024-12-15', end: '2025-12-14' };
const enterprises = ['fdi', 'domestic_state', 'domestic_private'] as const;
const predicates = (id: string, window = year2025) =>
  [
    ...clusterStateAt(
      zones.find((z) => z.id === id)!,
      window,
      enterprises,
    ).predicates,
  ].sort();

describe('a cluster at the end of a data window', () => {
  it('reads an operating established cluster: every step behind it counts', () => {
    expect(predicates('z1')).toEqual([
      'detailed_plan',
      'enterprise_developer',
      'established',
      'in_plan',
      'infra_project',
      'on_record',
      'operating',
      'operating_established',
    ]);
  });

  it('reads a legacy cluster as operating without an establishment decision', () => {
    expect(predicates('z2')).toEqual([
      'in_plan',
      'on_record',
      'operating',
      'operating_without_establishment',
    ]);
  });

  it('sees only the events up to the window’s end', () => {
    expect(predicates('z3')).toContain('established_in_window');
    expect(predicates('z3')).toContain('detailed_plan');
    const h1 = { start: '2024-12-15', end: '2025-06-14' };
    expect(predicates('z3', h1)).not.toContain('detailed_plan');
    expect(predicates('z3', { start: '2023-12-15', end: '2024-12-14' })).toEqual([
      'enterprise_developer',
      'in_plan',
      'on_record',
    ]);
  });

  it('drops a cluster removed from the plan, and one whose establishment was revoked', () => {
    expect(predicates('z5')).toEqual([]);
    const revoked = zone({
      id: 'r',
      lifecycle: [ev('established', '2019-01-01'), ev('revoked', '2025-01-10')],
    });
    const state = clusterStateAt(revoked, year2025, enterprises);
    expect(state.predicates.has('established')).toBe(false);
    expect(state.predicates.has('in_plan')).toBe(true);
  });

  it('does not count a suspended cluster as operating, and counts it again once resumed', () => {
    const history = [
      ev('established', '2019-01-01'),
      ev('operating', '2020-01-01'),
      ev('suspended', '2025-03-01'),
    ];
    const suspended = zone({ id: 's', lifecycle: history });
    expect(clusterStateAt(suspended, year2025, []).predicates.has('operating')).toBe(false);
    const resumed = zone({ id: 's', lifecycle: [...history, ev('resumed', '2025-09-01')] });
    expect(clusterStateAt(resumed, year2025, []).predicates.has('operating')).toBe(true);
  });

  it('takes the planned area from the latest master-plan entry', () => {
    const amended = zone({
      id: 'a',
      planEntries: [
        { change: 'area_changed', areaHa: 62, effectiveDate: '2023-01-01' },
        { change: 'added', areaHa: 50, effectiveDate: '2018-03-14' },
      ],
    });
    expect(clusterStateAt(amended, year2025, []).planAreaHa).toBe(62);
    expect(clusterStateAt(amended, { start: '2021-12-15', end: '2022-12-14' }, []).planAreaHa).toBe(50);
  });

  it('filters with all/any predicates and the configurable cluster types', () => {
    const z2 = clusterStateAt(
      zones.find((z) => z.id === 'z2')!,
      year2025,
      [],
    );
    expect(matches(z2, { any: ['established', 'operating_without_establishment'] })).toBe(true);
    expect(matches(z2, { all: ['operating'], ccnTypes: ['craft_village'] })).toBe(true);
    expect(matches(z2, { all: ['operating'], ccnTypes: ['specialised'] })).toBe(false);
    expect(matches(z2, { all: ['operating', 'established'] })).toBe(false);
  });
});

describe('registry figures used when a developer report is missing', () => {
  const z = zones.find((x) => x.id === 'z1')!;
  const tenants = [
    project({ id: 'a', zoneId: 'z1', investorIsFdi: true }),
    project({ id: 'b', zoneId: 'z1', status: 'building' }),
    project({ id: 'c', zoneId: 'z1', status: 'terminated' }),
  ];

  it('come in the unit of the Biểu 02 item', () => {
    expect(registryFigure(z, 'infra_investment_paid', [])).toBe(380.5);
    expect(registryFigure(z, 'occupancy', [])).toBeCloseTo((30 / 35) * 100);
    expect(registryFigure(z, 'land_leased', [])).toBe(28);
    expect(registryFigure(z, 'wwtp_built', [])).toBe(1);
    expect(registryFigure(z, 'wwtp_compliant', [])).toBe(1);
  });

  it('count tenants until they are terminated', () => {
    expect(registryFigure(z, 'projects', tenants)).toBe(2);
    expect(registryFigure(z, 'projects_fdi', tenants)).toBe(1);
    expect(registryFigure(z, 'projects_operating', tenants)).toBe(1);
  });

  it('are unknown, not zero, when the registry has no value', () => {
    const blank = zone({ id: 'blank' });
    expect(registryFigure(blank, 'infra_investment_approved', [])).toBeNull();
    expect(registryFigure(blank, 'occupancy', [])).toBeNull();
    expect(registryFigure(blank, 'wwtp_built', [])).toBeNull();
  });
});
