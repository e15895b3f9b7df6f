import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../zone/lifecycle';
import { evaluateTarget, planAsOf, reachedOn, type TargetSpec, type ZoneFact } from './progress';

let seq = 0;
const ev = (state: LifecycleEvent['state'], eventDate: string): LifecycleEvent => ({
  state,
  eventDate,
  seq: ++seq,
});

const zone = (id: string, events: LifecycleEvent[], extra: Partial<ZoneFact> = {}): ZoneFact => ({
  id,
  code: id,
  name: `Cụm ${id}`,
  communeName: 'Xã Đông Anh',
  developerName: null,
  industrialLandHa: 10,
  leasedHa: 5,
  approvedHa: 0,
  wwtpStatus: null,
  isSynthetic: false,
  visible: true,
  events,
  ...extra,
});

const spec = (s: Partial<TargetSpec>): TargetSpec => ({
  kind: 'count',
  measure: 'step_reached',
  step: 'infrastructure_complete',
  thresholdPct: null,
  value: 1,
  maxValue: null,
  zones: [],
  evidenceRef: null,
  ...s,
});

const zones = (...list: ZoneFact[]) => new Map(list.map((z) => [z.id, z]));

describe('plan targets, computed from the lifecycle', () => {
  const a = zone('A', [ev('established', '2020-01-01'), ev('construction', '2024-01-01')]);
  const b = zone('B', [ev('established', '2020-01-01'), ev('infrastructure_complete', '2026-03-01')]);
  const c = zone('C', [ev('established', '2020-01-01')], { visible: false });
  const d = zone('D', [ev('established', '2020-01-01'), ev('operating', '2026-02-01')]);

  it('counts the named zones that reached the step; a later step counts; the rest are on track, at risk or late', () => {
    const named = spec({
      value: 4,
      zones: ['A', 'B', 'C', 'D'].map((zoneId) => ({ zoneId, responsible: null })),
    });
    const mid = evaluateTarget(named, zones(a, b, c, d), 2026, '2026-06-20');
    expect(mid.actual).toBe(2);
    expect(mid.pct).toBe(50);
    // A is one step short with six months left: on track; C is five steps short: at risk; C is not visible.
    expect(mid.zones.map((z) => [z.code, z.state])).toEqual([
      ['A', 'on_track'],
      ['B', 'done'],
      ['D', 'done'],
    ]);
    expect(mid.hiddenZones).toBe(1);
    expect(mid.counts).toEqual({ done: 2, on_track: 1, at_risk: 1, late: 0 });
    expect(mid.zones[0]!.responsible).toBe('UBND Xã Đông Anh');
    // The year over: what was not reached is late. Recording the step changes the figure at once.
    expect(evaluateTarget(named, zones(a, b, c, d), 2026, '2026-12-31').counts.late).toBe(2);
    const done = zone('A', [...a.events, ev('infrastructure_complete', '2026-06-01')]);
    expect(evaluateTarget(named, zones(done, b, c, d), 2026, '2026-06-20').actual).toBe(3);
  });

  it('counts only what happened by the day of the count', () => {
    expect(reachedOn(b.events, 'infrastructure_complete', '2026-02-28')).toBeNull();
    expect(reachedOn(b.events, 'infrastructure_complete', '2026-03-01')).toBe('2026-03-01');
    expect(planAsOf(2025, '2026-06-20')).toBe('2025-12-31');
    expect(planAsOf(2026, '2026-06-20')).toBe('2026-06-20');
  });

  it('rules over the registry: established or expanded in the year (a range), new clusters with a compliant plant', () => {
    const n1 = zone('N1', [ev('established', '2026-02-01')], { wwtpStatus: 'compliant' });
    const n2 = zone('N2', [ev('established', '2026-04-01')], { wwtpStatus: 'building' });
    const x = zone('X', [ev('established', '2015-01-01'), ev('expanded', '2026-05-01')]);
    const all = zones(a, n1, n2, x);
    const range = evaluateTarget(
      spec({ kind: 'rule', measure: 'established_or_expanded', value: 5, maxValue: 10 }),
      all,
      2026,
      '2026-06-20',
    );
    expect(range).toMatchObject({ actual: 3, pct: 60, range: 'below' });
    const wwtp = evaluateTarget(
      spec({ kind: 'rule', measure: 'new_with_compliant_wwtp', value: 100 }),
      all,
      2026,
      '2026-06-20',
    );
    expect(wwtp.actual).toBe(50);
    expect(wwtp.zones.map((z) => z.state)).toEqual(['done', 'on_track']);
    expect(
      evaluateTarget(
        spec({ kind: 'rule', measure: 'new_with_compliant_wwtp', value: 100 }),
        zones(a),
        2026,
        '2026-06-20',
      ).actual,
    ).toBeNull();
  });

  it('occupancy targets use the domain formula; figures and tasks', () => {
    const full = zone('F', [], { industrialLandHa: 20, leasedHa: 15, approvedHa: 5 });
    const half = zone('H', [], { industrialLandHa: 20, leasedHa: 10 });
    const fill = spec({
      measure: 'occupancy_at_least',
      thresholdPct: 100,
      value: 2,
      zones: [
        { zoneId: 'F', responsible: null },
        { zoneId: 'H', responsible: null },
      ],
    });
    const result = evaluateTarget(fill, zones(full, half), 2026, '2026-06-20');
    expect(result.actual).toBe(1);
    expect(result.zones.map((z) => [z.state, z.occupancyPct])).toEqual([
      ['done', 100],
      ['at_risk', 50],
    ]);
    expect(
      evaluateTarget(
        spec({ kind: 'figure', measure: null, value: 400, figureActual: 300 }),
        zones(),
        2026,
        '2026-06-20',
      ).pct,
    ).toBe(75);
    expect(
      evaluateTarget(
        spec({ kind: 'figure', measure: null, value: 400, figureActual: null }),
        zones(),
        2026,
        '2026-06-20',
      ).pct,
    ).toBeNull();
    expect(
      evaluateTarget(
        spec({ kind: 'task', measure: null, evidenceRef: '12/KH-SCT' }),
        zones(),
        2026,
        '2026-06-20',
      ).pct,
    ).toBe(100);
  });
});
