import type { LifecycleEvent, LifecycleState } from '../zone/lifecycle';
import type { AcceptedFiling, SourceRef } from './aggregate';
import type { ProjectFacts, ZoneFacts } from './facts';
import type { FormCode } from './form-types';
import type { FilingValues } from './validation';

/**
 * A small hand-made registry for the reporting tests: commune C1 with five clusters (one operating, one
 * legacy craft-village cluster, one established in 2025, one only in the plan, one removed from the plan) and
 * a park; commune C2 with one operating cluster. The expected Biểu 03/04 figures are worked out by hand in
 * `aggregate.test.ts`.
 */

/** A source's record id for assertions (capital sources name their date range instead). */
export const sourceId = (s: SourceRef): string => ('id' in s ? s.id : `capital:${s.from}..${s.to}`);
export const sourceWeight = (s: SourceRef): number | undefined => ('weight' in s ? s.weight : undefined);

let seq = 0;
export const ev = (state: LifecycleState, eventDate: string): LifecycleEvent => ({
  state,
  eventDate,
  seq: ++seq,
});

export function zone(overrides: Partial<ZoneFacts> & Pick<ZoneFacts, 'id'>): ZoneFacts {
  return {
    code: overrides.id.toUpperCase(),
    name: `Zone ${overrides.id}`,
    kind: 'CCN',
    ccnType: 'general',
    communeId: 'C1',
    formerDistrictId: 'D1',
    developerOrgId: null,
    developerOwnership: null,
    planEntries: [],
    areaHa: null,
    industrialLandHa: null,
    leasedHa: null,
    approvedHa: null,
    infraInvestmentApprovedVnd: null,
    infraInvestmentPaidVnd: null,
    wwtpStatus: null,
    lifecycle: [],
    ...overrides,
  };
}

export function project(
  overrides: Partial<ProjectFacts> & Pick<ProjectFacts, 'id' | 'zoneId'>,
): ProjectFacts {
  return {
    code: overrides.id.toUpperCase(),
    investorOrgId: `ORG-${overrides.id}`,
    investorIsFdi: false,
    status: 'operating',
    ...overrides,
  };
}

export function filing(
  formCode: FormCode,
  period: string,
  reporterKind: 'project' | 'zone',
  reporterId: string,
  values: FilingValues,
  revisionNo = 1,
): AcceptedFiling {
  return {
    id: `F-${formCode}-${period}-${reporterId}`,
    formCode,
    period,
    reporterKind,
    reporterId,
    revisionNo,
    values,
  };
}

const planned = (areaHa: number) => [{ change: 'added' as const, areaHa, effectiveDate: '2018-03-14' }];

export const zones: ZoneFacts[] = [
  zone({
    id: 'z1',
    name: 'CCN An Khánh',
    developerOrgId: 'D1',
    developerOwnership: 'domestic_private',
    planEntries: planned(50),
    areaHa: 48.5,
    industrialLandHa: 35,
    leasedHa: 28,
    approvedHa: 2,
    infraInvestmentApprovedVnd: '450000000000',
    infraInvestmentPaidVnd: '380500000000',
    wwtpStatus: 'compliant',
    lifecycle: [
      ev('in_plan', '2018-03-14'),
      ev('established', '2019-05-20'),
      ev('detailed_plan_approved', '2019-10-01'),
      ev('infrastructure_project_approved', '2020-02-01'),
      ev('operating', '2021-06-01'),
    ],
  }),
  zone({
    id: 'z2',
    name: 'CCN làng nghề Bát Tràng',
    ccnType: 'craft_village',
    developerOrgId: 'D2',
    developerOwnership: 'agency',
    planEntries: planned(20),
    areaHa: 16.2,
    industrialLandHa: 12,
    leasedHa: 9,
    approvedHa: 0,
    infraInvestmentPaidVnd: '25000000000',
    wwtpStatus: 'building',
    lifecycle: [ev('operating_without_establishment', '2005-01-01')],
  }),
  zone({
    id: 'z3',
    name: 'CCN Phú Thị',
    ccnType: 'specialised',
    developerOrgId: 'D3',
    developerOwnership: 'fdi',
    planEntries: planned(30),
    areaHa: 30.5,
    industrialLandHa: 22,
    leasedHa: 0,
    approvedHa: 0,
    infraInvestmentApprovedVnd: '600000000000',
    infraInvestmentPaidVnd: '0',
    wwtpStatus: 'none',
    lifecycle: [
      ev('in_plan', '2018-03-14'),
      ev('established', '2025-03-10'),
      ev('detailed_plan_approved', '2025-09-01'),
    ],
  }),
  zone({
    id: 'z4',
    name: 'CCN quy hoạch',
    planEntries: planned(25),
    lifecycle: [ev('in_plan', '2018-03-14')],
  }),
  zone({
    id: 'z5',
    name: 'CCN đã đưa ra khỏi quy hoạch',
    planEntries: [...planned(10), { change: 'removed', areaHa: null, effectiveDate: '2024-06-01' }],
    lifecycle: [ev('in_plan', '2018-03-14'), ev('removed_from_plan', '2024-06-01')],
  }),
  zone({
    id: 'z6',
    name: 'CCN Ninh Hiệp',
    communeId: 'C2',
    formerDistrictId: 'D2',
    developerOrgId: 'D4',
    developerOwnership: 'domestic_state',
    planEntries: planned(45),
    areaHa: 45,
    industrialLandHa: 40,
    leasedHa: 36,
    approvedHa: 0,
    infraInvestmentApprovedVnd: '300000000000',
    infraInvestmentPaidVnd: '300000000000',
    wwtpStatus: 'operating',
    lifecycle: [ev('in_plan', '2010-01-01'), ev('established', '2012-04-01'), ev('operating', '2015-01-01')],
  }),
  zone({
    id: 'k1',
    name: 'KCN Thăng Long',
    kind: 'KCN',
    ccnType: null,
    developerOrgId: 'D5',
    developerOwnership: 'fdi',
    areaHa: 274,
    industrialLandHa: 200,
    wwtpStatus: 'compliant',
    lifecycle: [ev('established', '1997-01-01'), ev('operating', '2000-01-01')],
  }),
  zone({
    id: 'k2',
    name: 'KCN Quang Minh',
    kind: 'KCN',
    ccnType: null,
    developerOrgId: 'D6',
    developerOwnership: 'domestic_private',
    wwtpStatus: 'operating',
    lifecycle: [ev('established', '2003-01-01'), ev('operating', '2005-01-01')],
  }),
];

export const projects: ProjectFacts[] = [
  project({ id: 'p1', zoneId: 'z1', investorIsFdi: true }),
  project({ id: 'p2', zoneId: 'z1' }),
  project({ id: 'p3', zoneId: 'z1', status: 'building' }),
  project({ id: 'p4', zoneId: 'z1', status: 'terminated', terminatedOn: '2023-05-01' }),
  project({ id: 'p5', zoneId: 'z2' }),
  project({ id: 'p6', zoneId: 'z2', investorOrgId: 'HKD-6' }),
  project({ id: 'p7', zoneId: 'z6' }),
  project({ id: 'k1p1', zoneId: 'k1', investorIsFdi: true }),
  project({ id: 'k1p2', zoneId: 'k1', status: 'building' }),
  project({ id: 'k1p3', zoneId: 'k1', status: 'terminated', terminatedOn: '2025-08-20' }),
  project({ id: 'k2p1', zoneId: 'k2' }),
];

const b02 = (values: Record<string, number>): FilingValues => values;

/** Accepted filings for 2025 (and one for 2024 that a 2025 report must ignore). */
export const filings2025: AcceptedFiling[] = [
  filing(
    'B02',
    '2025',
    'zone',
    'z1',
    b02({
      infra_investment_approved_vnd: 452.5,
      infra_investment_paid_vnd: 390.25,
      land_ready_ha: 33,
      land_leased_ha: 29.5,
      occupancy_pct: 90,
      projects: 3,
      projects_fdi: 1,
      projects_operating: 2,
      revenue_vnd: 12.5,
      state_budget_vnd: 1.2,
      workers: 15,
      avg_income_vnd: 9.5,
      wwtp_built: 1,
      wwtp_compliant: 1,
    }),
    2,
  ),
  filing(
    'B02',
    '2025',
    'zone',
    'z3',
    b02({
      infra_investment_approved_vnd: 600,
      infra_investment_paid_vnd: 15.75,
      land_ready_ha: 0,
      land_leased_ha: 0,
      occupancy_pct: 0,
      projects: 0,
      projects_fdi: 0,
      projects_operating: 0,
      revenue_vnd: 0,
      state_budget_vnd: 0.05,
      workers: 6,
      avg_income_vnd: 12,
      wwtp_built: 0,
      wwtp_compliant: 0,
    }),
  ),
  filing(
    'B02',
    '2025',
    'zone',
    'z6',
    b02({
      infra_investment_approved_vnd: 300,
      infra_investment_paid_vnd: 300,
      land_ready_ha: 40,
      land_leased_ha: 38,
      occupancy_pct: 95,
      projects: 10,
      projects_fdi: 3,
      projects_operating: 9,
      revenue_vnd: 20,
      state_budget_vnd: 2,
      workers: 25,
      avg_income_vnd: 11,
      wwtp_built: 1,
      wwtp_compliant: 0,
    }),
  ),
  filing('B01', '2025', 'project', 'p1', {
    revenue_vnd: 120.5,
    state_budget_vnd: 8.25,
    workers: 300,
    avg_income_vnd: 10,
  }),
  filing('B01', '2025', 'project', 'p2', {
    revenue_vnd: 45,
    state_budget_vnd: 2.5,
    workers: 80,
    avg_income_vnd: 8.2,
  }),
  filing('B01', '2025', 'project', 'p5', {
    revenue_vnd: 8.4,
    state_budget_vnd: 0.35,
    workers: 40,
    avg_income_vnd: 6.5,
  }),
  filing('B01', '2025', 'project', 'p7', {
    revenue_vnd: 200,
    state_budget_vnd: 10,
    workers: 500,
    avg_income_vnd: 9,
  }),
  filing('B01', '2024', 'project', 'p1', {
    revenue_vnd: 999,
    state_budget_vnd: 99,
    workers: 9,
    avg_income_vnd: 9,
  }),
];
