import type { Db } from '../../db/client';
import { systemActor, type Actor } from '../../domain/identity/roles';
import type { Clock } from '../deps';
import { createOrganisation } from '../organisation/organisation.service';
import { createProject } from '../project/project.service';
import { acceptFiling, saveDraft, submitFiling } from '../reporting/filing.service';
import { communes, testDeps } from '../testing';
import { addLifecycleEvent, createZone } from '../zone/zone.service';

/**
 * Test fixture of the exchange tests: two clusters in Đông Anh (one operating since 2023 with an FDI tenant,
 * one established in the first half of 2026) and their developer.
 */
export async function clusterRegistry(db: Db, clock: Clock): Promise<void> {
  const admin = testDeps(db, systemActor('test'), clock);
  await createOrganisation(admin, {
    code: 'CDT-TD',
    name: 'Công ty hạ tầng Trao Đổi',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['developer'],
  });
  await createOrganisation(admin, {
    code: 'DN-TD',
    name: 'Công ty điện tử',
    country: 'VN',
    ownership: 'fdi',
    roles: ['tenant'],
  });
  for (const [code, area, land, leased] of [
    ['CCN-TD1', 48.5, 36, 20],
    ['CCN-TD2', 30, 22.5, 5.25],
  ] as const) {
    await createZone(admin, {
      code,
      name: `Cụm công nghiệp ${code}`,
      kind: 'CCN',
      communeCode: communes.dongAnh,
      developerCode: 'CDT-TD',
      declaredAreaHa: area,
      industrialLandHa: land,
      leasedHa: leased,
    });
  }
  for (const [zone, state, eventDate] of [
    ['CCN-TD1', 'in_plan', '2019-05-01'],
    ['CCN-TD1', 'established', '2021-03-01'],
    ['CCN-TD1', 'operating', '2023-01-15'],
    ['CCN-TD2', 'in_plan', '2020-01-01'],
    ['CCN-TD2', 'established', '2026-02-01'],
  ] as const) {
    await addLifecycleEvent(admin, zone, { state, eventDate });
  }
  await createProject(admin, {
    code: 'DA-TD',
    zoneCode: 'CCN-TD1',
    investorCode: 'DN-TD',
    name: 'Nhà máy linh kiện',
    status: 'operating',
  });
}

/** The tenant's Biểu 01 for 2026-H1, submitted and accepted: it feeds items 23–25. */
export async function acceptTenantReport(db: Db, tenant: Actor, commune: Actor, clock: Clock): Promise<void> {
  let filing = await saveDraft(testDeps(db, tenant, clock), {
    formCode: 'B01',
    period: '2026-H1',
    reporter: { kind: 'project', code: 'DA-TD' },
    values: { revenue_vnd: 12.5, state_budget_vnd: 1, workers: 40, avg_income_vnd: 9 },
  });
  filing = await submitFiling(testDeps(db, tenant, clock), filing.id, { version: filing.version });
  await acceptFiling(testDeps(db, commune, clock), filing.id, { version: filing.version });
}
