import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { getZoneIncidents } from '../incident/incident.service';
import { getZoneInspections } from '../inspection/inspection.service';
import { inspectionUnremedied } from '../inspection/inspection.watch';
import { getZoneSchedule } from '../schedule/schedule.service';
import { commitmentMissed, scheduleStepLate } from '../schedule/schedule.watch';
import { manualClock, testDeps } from '../testing';
import { demoCluster, seedDemoClusters } from './demo-clusters';
import { seedDemoMonitoring } from './demo-monitoring';

let database: TestDatabase;
const clock = manualClock(new Date('2026-12-06T03:00:00Z'));
const deps = () => testDeps(database.db, systemActor('test'), clock);
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoClusters(deps());
  await seedDemoMonitoring(deps());
});
afterAll(() => database?.cleanup());

describe('the demo cluster’s monitoring content (dữ liệu tổng hợp)', () => {
  it('has a schedule reached late, progress readings for both curves and a missed commitment', async () => {
    const schedule = await getZoneSchedule(deps(), demoCluster.code);
    expect(schedule.steps.every((s) => s.status === 'done_late')).toBe(true);
    expect(schedule.steps.find((s) => s.step === 'infrastructure_complete')).toMatchObject({
      reachedOn: '2021-01-31',
      slippageDays: 123,
    });
    expect(schedule.planned.land_clearance).toHaveLength(2);
    expect(schedule.planned.construction).toHaveLength(2);
    expect(schedule.readings).toHaveLength(7);
    expect(schedule.commitments[0]!.targets.map((t) => t.status)).toEqual(['kept', 'missed']);
    // Reached, if late: nothing of the schedule is on the watch list any more.
    expect(await scheduleStepLate(database.db, { kind: 'all' }, '2026-12-06')).toEqual([]);
    expect(await commitmentMissed(database.db, { kind: 'all' }, '2026-12-06')).toEqual([]);
  });

  it('has a fire-safety inspection with two failed "4 tại chỗ" items past their deadline, and an incident', async () => {
    const inspections = await getZoneInspections(deps(), demoCluster.code);
    const fire = inspections.inspections.find((i) => i.kindCode === 'fire_safety')!;
    expect(fire.results.filter((r) => !r.passed).map((r) => r.itemCode)).toEqual([
      'onsite_forces',
      'onsite_equipment',
    ]);
    expect(fire.findings.every((f) => f.overdue)).toBe(true);
    const watch = await inspectionUnremedied(database.db, { kind: 'all' }, '2026-12-06');
    expect(watch.map((e) => e.zoneCode)).toEqual([demoCluster.code, demoCluster.code]);
    const incidents = await getZoneIncidents(deps(), demoCluster.code);
    expect(incidents.incidents[0]).toMatchObject({ kind: 'fire_explosion', projectCode: 'DEMO-CCN-PRJ-03' });
    expect(incidents.incidents[0]!.description).toContain('dữ liệu tổng hợp');
  });
});
