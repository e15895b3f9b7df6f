import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import {
  addPlanEntry,
  createMasterPlan,
  listMasterPlans,
  removePlanEntry,
  updateMasterPlan,
  zonePlan,
} from './master-plan.service';
import { createZone, zoneHistory } from './zone.service';

let database: TestDatabase;
let department: Actor;
let kcnDepartment: Actor;
let officer: Actor;
let outsider: Actor;
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
  await createZone(system, {
    code: 'CCN-PHUNG-XA',
    name: 'CCN Phùng Xá',
    kind: 'CCN',
    communeCode: communes.thachThat,
  });
  await createZone(system, { code: 'KCN-THANG-LONG', name: 'KCN Thăng Long', kind: 'KCN' });
  const user = (overrides: Parameters<typeof makeUser>[1]) =>
    makeUser(database.db, overrides).then((u) => u.actor);
  department = await user({
    role: 'department_officer',
    scopeKind: 'family',
    scopeRef: 'CCN',
    family: 'CCN',
  });
  kcnDepartment = await user({
    role: 'department_officer',
    scopeKind: 'family',
    scopeRef: 'KCN',
    family: 'KCN',
  });
  officer = await user({
    role: 'commune_officer',
    scopeKind: 'commune',
    scopeRef: communes.dongAnh,
    family: 'CCN',
  });
  outsider = await user({
    role: 'commune_officer',
    scopeKind: 'commune',
    scopeRef: communes.thachThat,
    family: 'CCN',
  });
});
afterAll(() => database?.cleanup());

describe('master plans', () => {
  it('are created by the family’s department only', async () => {
    const input = {
      code: 'qh-ccn-2018',
      name: 'Quy hoạch phát triển CCN Hà Nội đến 2020, định hướng 2030',
      family: 'CCN' as const,
      decisionNo: '1292/QĐ-UBND',
      decisionDate: '2018-03-14',
      validFrom: '2018-03-14',
    };
    await expect(createMasterPlan(deps(officer), input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createMasterPlan(deps(kcnDepartment), input)).rejects.toMatchObject({ code: 'forbidden' });
    const plan = await createMasterPlan(deps(department), input);
    expect(plan).toMatchObject({
      code: 'QH-CCN-2018',
      validTo: null,
      supersedes: null,
      entries: 0,
      version: 1,
    });
    await expect(createMasterPlan(deps(department), input)).rejects.toMatchObject({
      details: { fields: { code: { vi: 'Mã quy hoạch "QH-CCN-2018" đã tồn tại.' } } },
    });
  });

  it('place a zone through dated entries, from which its status derives', async () => {
    expect((await zonePlan(deps(officer), 'CCN-THUY-LAM')).status).toEqual({ status: 'not_in_plan' });
    await addPlanEntry(deps(officer), 'CCN-THUY-LAM', {
      planCode: 'QH-CCN-2018',
      change: 'added',
      areaHa: 50,
      effectiveDate: '2018-03-14',
    });
    const plan = await addPlanEntry(deps(officer), 'CCN-THUY-LAM', {
      planCode: 'QH-CCN-2018',
      change: 'area_changed',
      areaHa: 62.5,
      effectiveDate: '2020-06-01',
      amendmentDecisionNo: '3300/QĐ-UBND',
    });
    expect(plan.status).toMatchObject({
      status: 'area_changed',
      areaHa: 62.5,
      previousAreaHa: 50,
      decisionNo: '3300/QĐ-UBND',
      plan: { code: 'QH-CCN-2018' },
    });
    expect(plan.entries.map((e) => [e.change, e.areaHa, e.plannedName])).toEqual([
      ['added', 50, 'CCN Thụy Lâm'],
      ['area_changed', 62.5, 'CCN Thụy Lâm'],
    ]);
    expect(plan).toMatchObject({ canEdit: true, canManagePlans: false });
    expect((await zonePlan(deps(officer), 'CCN-THUY-LAM', '2019-01-01')).status).toMatchObject({
      status: 'in_plan',
      areaHa: 50,
      decisionNo: '1292/QĐ-UBND',
    });
    await addPlanEntry(deps(outsider), 'CCN-PHUNG-XA', {
      planCode: 'QH-CCN-2018',
      change: 'added',
      areaHa: 10,
      effectiveDate: '2018-03-14',
    });
    const actions = (await zoneHistory(deps(officer), 'CCN-THUY-LAM')).items.map((r) => r.action);
    expect(actions.filter((a) => a === 'zone.plan_entry_add')).toHaveLength(2);
  });

  it('refuse an entry that makes no sense, out of scope, or of the other family’s plan', async () => {
    await expect(
      addPlanEntry(deps(officer), 'CCN-THUY-LAM', {
        planCode: 'QH-CCN-2018',
        change: 'added',
        areaHa: 5,
        effectiveDate: '2021-01-01',
      }),
    ).rejects.toMatchObject({
      details: { fields: { change: { vi: expect.stringContaining('đã có trong quy hoạch') } } },
    });
    await expect(
      addPlanEntry(deps(officer), 'CCN-THUY-LAM', {
        planCode: 'QH-CCN-2018',
        change: 'removed',
        effectiveDate: '2010-01-01',
      }),
    ).rejects.toMatchObject({ details: { fields: { effectiveDate: expect.anything() } } });
    await expect(
      addPlanEntry(deps(outsider), 'CCN-THUY-LAM', {
        planCode: 'QH-CCN-2018',
        change: 'removed',
        effectiveDate: '2022-01-01',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await createMasterPlan(deps(kcnDepartment), {
      code: 'QH-KCN-2021',
      name: 'Quy hoạch KCN',
      family: 'KCN',
      validFrom: '2021-01-01',
    });
    await expect(
      addPlanEntry(deps(department), 'CCN-THUY-LAM', {
        planCode: 'QH-KCN-2021',
        change: 'removed',
        effectiveDate: '2022-01-01',
      }),
    ).rejects.toMatchObject({
      details: { fields: { planCode: { vi: expect.stringContaining('không áp dụng cho CCN-THUY-LAM') } } },
    });
  });

  it('a new version supersedes the old one, which ends the day before; zones in it are carried over', async () => {
    const next = await createMasterPlan(deps(department), {
      code: 'QH-CCN-2025',
      name: 'Quy hoạch Thủ đô 2021–2030',
      family: 'CCN',
      decisionNo: '1569/QĐ-TTg',
      validFrom: '2025-01-01',
      supersedesCode: 'QH-CCN-2018',
      carryOver: true,
    });
    expect(next).toMatchObject({ supersedes: { code: 'QH-CCN-2018' }, entries: 2 });
    const plans = await listMasterPlans(deps(officer), 'CCN');
    expect(plans.items.map((p) => [p.code, p.validFrom, p.validTo])).toEqual([
      ['QH-CCN-2025', '2025-01-01', null],
      ['QH-CCN-2018', '2018-03-14', '2024-12-31'],
    ]);
    const plan = await zonePlan(deps(officer), 'CCN-THUY-LAM');
    expect(plan.status).toMatchObject({
      status: 'in_plan',
      areaHa: 62.5,
      since: '2025-01-01',
      plan: { code: 'QH-CCN-2025' },
    });
    expect(plan.plans.map((p) => p.code)).toEqual(['QH-CCN-2025', 'QH-CCN-2018']);
    // The old plan cannot take entries after its end any more.
    await expect(
      addPlanEntry(deps(officer), 'CCN-THUY-LAM', {
        planCode: 'QH-CCN-2018',
        change: 'removed',
        effectiveDate: '2025-02-01',
      }),
    ).rejects.toMatchObject({
      details: { fields: { effectiveDate: { vi: expect.stringContaining('31/12/2024') } } },
    });
  });

  it('removal from the plan, and taking back an entry made by mistake', async () => {
    const removed = await addPlanEntry(deps(officer), 'CCN-THUY-LAM', {
      planCode: 'QH-CCN-2025',
      change: 'removed',
      effectiveDate: '2026-02-01',
      amendmentDecisionNo: '88/QĐ-UBND',
    });
    expect(removed.status).toMatchObject({
      status: 'removed',
      decisionNo: '88/QĐ-UBND',
      since: '2026-02-01',
    });
    const first2025 = removed.entries.find((e) => e.plan.code === 'QH-CCN-2025' && e.change === 'added')!;
    await expect(removePlanEntry(deps(officer), 'CCN-THUY-LAM', first2025.id)).rejects.toMatchObject({
      details: { fields: { entry: expect.anything() } },
    });
    const removal = removed.entries.find((e) => e.change === 'removed')!;
    const back = await removePlanEntry(deps(officer), 'CCN-THUY-LAM', removal.id);
    expect(back.status).toMatchObject({ status: 'in_plan' });
    await expect(removePlanEntry(deps(officer), 'CCN-THUY-LAM', removal.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('corrections of a plan carry its version; a stale one gets 409', async () => {
    const plan = (await listMasterPlans(deps(department), 'CCN')).items[0]!;
    const updated = await updateMasterPlan(deps(department), plan.code, {
      version: plan.version,
      decisionDate: '2024-12-12',
    });
    expect(updated).toMatchObject({ decisionDate: '2024-12-12', version: plan.version + 1 });
    await expect(
      updateMasterPlan(deps(department), plan.code, { version: plan.version, name: 'x' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      updateMasterPlan(deps(department), plan.code, { version: updated.version, validTo: '2024-06-01' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      updateMasterPlan(deps(officer), plan.code, { version: updated.version, name: 'x' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
