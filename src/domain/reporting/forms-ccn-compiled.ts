import type { LocalizedText } from '../shared/errors';
import type { ClusterArea, ClusterFilter, ComputeRule, FormItem, FormVersion } from './form-types';
import {
  circular14Schedules,
  clustersWithDeveloper,
  communePc,
  department,
  districtPc,
  fixedDate,
  TT14_EFFECTIVE,
  TT14_LAST_DAY,
  TT38_EFFECTIVE,
} from './forms-ccn';

/**
 * Biểu 03 (commune; district before 01/7/2025) and Biểu 04 (province): the same 27 cumulative items
 * (Circular 14/2024, Appendix I), items 15 and 16 with four sub-items each — 35 lines. Every line is
 * computed (`compute`) from the registry and accepted Biểu 01/02 by `aggregate.ts`; the choices below are
 * the product's reading of the form, each explained where it is not obvious.
 */

const inPlan: ClusterFilter = { all: ['in_plan'] };
const established: ClusterFilter = { all: ['established'] };
const operating: ClusterFilter = { all: ['operating'] };

const count = (filter: ClusterFilter): ComputeRule => ({ kind: 'count_clusters', filter });
const area = (filter: ClusterFilter, which: ClusterArea = 'area'): ComputeRule => ({
  kind: 'sum_area',
  filter,
  area: which,
});

function item(
  no: string,
  indicator: string,
  section: string,
  compute: ComputeRule,
  level: 0 | 1 = 0,
): FormItem {
  return { no, indicator, section, compute, level, required: true, outlierPct: null };
}

/** Item types configured as craft-village and specialised clusters (the `ccn_type` list). */
export const CRAFT_VILLAGE_TYPES = ['craft_village'] as const;
export const SPECIALISED_TYPES = ['specialised'] as const;

const items: FormItem[] = [
  // I. Development plan
  item('1', 'clusters_in_plan', 'I', count(inPlan)),
  item('2', 'plan_area_ha', 'I', area(inPlan, 'plan_area')),
  // II. Establishment and infrastructure investment (cumulative at the end of the data window)
  item('3', 'clusters_established', 'II', count(established)),
  item('4', 'established_area_ha', 'II', area(established)),
  item('5', 'clusters_established_in_period', 'II', count({ all: ['established_in_window'] })),
  item('6', 'established_in_period_area_ha', 'II', area({ all: ['established_in_window'] })),
  item('7', 'clusters_enterprise_developer', 'II', count({ all: ['established', 'enterprise_developer'] })),
  item('8', 'enterprise_developer_area_ha', 'II', area({ all: ['established', 'enterprise_developer'] })),
  item('9', 'clusters_detailed_plan', 'II', count({ all: ['detailed_plan'] })),
  item('10', 'detailed_plan_area_ha', 'II', area({ all: ['detailed_plan'] })),
  item('11', 'clusters_infra_project', 'II', count({ all: ['infra_project'] })),
  item('12', 'infra_project_area_ha', 'II', area({ all: ['infra_project'] })),
  // Money figures come from the developer's accepted Biểu 02 for the period; a cluster without one is
  // counted from the registry, and the source says so (drill-down shows which clusters were filled in).
  item('13', 'infra_investment_approved_vnd', 'II', {
    kind: 'cluster_report',
    filter: clustersWithDeveloper,
    report: { form: 'B02', indicator: 'infra_investment_approved_vnd' },
    fallback: 'infra_investment_approved',
  }),
  item('14', 'infra_investment_paid_vnd', 'II', {
    kind: 'cluster_report',
    filter: clustersWithDeveloper,
    report: { form: 'B02', indicator: 'infra_investment_paid_vnd' },
    fallback: 'infra_investment_paid',
  }),
  // III. Operation
  item('15', 'clusters_operating', 'III', { kind: 'sum_items', items: ['15.1', '15.2'] }),
  item('15.1', 'clusters_operating_established', 'III', count({ all: ['operating_established'] }), 1),
  item('15.2', 'clusters_operating_legacy', 'III', count({ all: ['operating_without_establishment'] }), 1),
  item(
    '15.3',
    'clusters_operating_craft_village',
    'III',
    count({ ...operating, ccnTypes: CRAFT_VILLAGE_TYPES }),
    1,
  ),
  item(
    '15.4',
    'clusters_operating_specialised',
    'III',
    count({ ...operating, ccnTypes: SPECIALISED_TYPES }),
    1,
  ),
  item('16', 'operating_area_ha', 'III', { kind: 'sum_items', items: ['16.1', '16.2'] }),
  item('16.1', 'operating_established_area_ha', 'III', area({ all: ['operating_established'] }), 1),
  item('16.2', 'operating_legacy_area_ha', 'III', area({ all: ['operating_without_establishment'] }), 1),
  item(
    '16.3',
    'operating_craft_village_area_ha',
    'III',
    area({ ...operating, ccnTypes: CRAFT_VILLAGE_TYPES }),
    1,
  ),
  item(
    '16.4',
    'operating_specialised_area_ha',
    'III',
    area({ ...operating, ccnTypes: SPECIALISED_TYPES }),
    1,
  ),
  item('17', 'industrial_land_ha', 'III', area(operating, 'industrial_land')),
  item('18', 'land_leased_ha', 'III', {
    kind: 'cluster_report',
    filter: operating,
    report: { form: 'B02', indicator: 'land_leased_ha' },
    fallback: 'land_leased',
  }),
  // Decree 32/2024, Art. 2: occupancy of an area is weighted by industrial land (docs/PRODUCT.md §3).
  item('19', 'occupancy_pct', 'III', {
    kind: 'cluster_weighted_average',
    filter: operating,
    report: { form: 'B02', indicator: 'occupancy_pct' },
    fallback: 'occupancy',
    weight: 'industrial_land',
  }),
  // Projects (20–22) and business figures (23–25) cover every cluster with a developer, not only those
  // formally "in operation": tenants of a cluster still building its shared infrastructure already
  // produce and file Biểu 01, and leaving them out would lose figures the commune received.
  item('20', 'projects', 'III', {
    kind: 'cluster_report',
    filter: clustersWithDeveloper,
    report: { form: 'B02', indicator: 'projects' },
    fallback: 'projects',
  }),
  item(
    '21',
    'projects_fdi',
    'III',
    {
      kind: 'cluster_report',
      filter: clustersWithDeveloper,
      report: { form: 'B02', indicator: 'projects_fdi' },
      fallback: 'projects_fdi',
    },
    1,
  ),
  item('22', 'projects_operating', 'III', {
    kind: 'cluster_report',
    filter: clustersWithDeveloper,
    report: { form: 'B02', indicator: 'projects_operating' },
    fallback: 'projects_operating',
  }),
  // Revenue, budget and workers of the clusters: every tenant's Biểu 01 plus the developer's own figures
  // from Biểu 02 (items 9–11) — the infrastructure project is a business in the cluster too.
  item('23', 'revenue_vnd', 'III', {
    kind: 'tenant_reports',
    filter: clustersWithDeveloper,
    report: { form: 'B01', indicator: 'revenue_vnd' },
    developerReport: { form: 'B02', indicator: 'revenue_vnd' },
  }),
  item('24', 'state_budget_vnd', 'III', {
    kind: 'tenant_reports',
    filter: clustersWithDeveloper,
    report: { form: 'B01', indicator: 'state_budget_vnd' },
    developerReport: { form: 'B02', indicator: 'state_budget_vnd' },
  }),
  item('25', 'workers', 'III', {
    kind: 'tenant_reports',
    filter: clustersWithDeveloper,
    report: { form: 'B01', indicator: 'workers' },
    developerReport: { form: 'B02', indicator: 'workers' },
  }),
  // A plant under construction is typical of a cluster not yet operating, so 26–27 count every cluster
  // with a developer (restricting them to operating clusters would hide exactly the plants being built).
  item('26', 'clusters_wwtp_built', 'III', {
    kind: 'cluster_report',
    filter: clustersWithDeveloper,
    report: { form: 'B02', indicator: 'wwtp_built' },
    fallback: 'wwtp_built',
  }),
  item('27', 'clusters_wwtp_compliant', 'III', {
    kind: 'cluster_report',
    filter: clustersWithDeveloper,
    report: { form: 'B02', indicator: 'wwtp_compliant' },
    fallback: 'wwtp_compliant',
  }),
];

const sections = [
  { code: 'I', title: { vi: 'Quy hoạch phát triển cụm công nghiệp', en: 'Development plan' } },
  {
    code: 'II',
    title: {
      vi: 'Thành lập, đầu tư xây dựng hạ tầng kỹ thuật',
      en: 'Establishment and infrastructure investment',
    },
  },
  { code: 'III', title: { vi: 'Tình hình hoạt động', en: 'Operation' } },
] as const;

const provincialPc: LocalizedText = { vi: 'Ủy ban nhân dân cấp tỉnh', en: 'Provincial People’s Committee' };
const ministry: LocalizedText = { vi: 'Bộ Công Thương', en: 'Ministry of Industry and Trade' };
/** Clusters whose territory makes a commune (or district) owe Biểu 03. */
const onRecord: ClusterFilter = { all: ['on_record'] };

const b03v1: FormVersion = {
  code: 'B03',
  version: TT14_EFFECTIVE,
  effectiveFrom: TT14_EFFECTIVE,
  effectiveTo: TT14_LAST_DAY,
  title: { vi: 'Tình hình cụm công nghiệp trên địa bàn', en: 'Industrial clusters in the area' },
  shortTitle: { vi: 'Biểu 03', en: 'Form 03' },
  legalBasis: 'Thông tư 14/2024/TT-BCT, Phụ lục I, Biểu số 03',
  family: 'CCN',
  kind: 'compiled',
  reporterKind: 'district',
  recipients: [provincialPc, department],
  obligation: { kind: 'admin_unit', level: 'district', zoneKinds: ['CCN'], filter: onRecord },
  schedules: circular14Schedules(fixedDate(6, 25), fixedDate(12, 25)),
  comparison: 'same_period_last_year',
  outlierPct: 50,
  context: [],
  sections,
  items,
  rules: [],
  enterpriseOwnerships: ['fdi', 'domestic_state', 'domestic_private'],
};

/** Circular 38/2025: from 01/7/2025 the commune/ward People's Committee compiles Biểu 03. */
const b03v2: FormVersion = {
  ...b03v1,
  version: TT38_EFFECTIVE,
  effectiveFrom: TT38_EFFECTIVE,
  effectiveTo: null,
  legalBasis: `${b03v1.legalBasis} (sửa đổi bởi Thông tư 38/2025/TT-BCT)`,
  reporterKind: 'commune',
  obligation: { kind: 'admin_unit', level: 'commune', zoneKinds: ['CCN'], filter: onRecord },
};

const b04: FormVersion = {
  ...b03v1,
  code: 'B04',
  version: TT14_EFFECTIVE,
  effectiveFrom: TT14_EFFECTIVE,
  effectiveTo: null,
  title: { vi: 'Tình hình cụm công nghiệp trên địa bàn tỉnh', en: 'Industrial clusters in the province' },
  shortTitle: { vi: 'Biểu 04', en: 'Form 04' },
  legalBasis: 'Thông tư 14/2024/TT-BCT, Phụ lục I, Biểu số 04',
  reporterKind: 'department',
  recipients: [provincialPc, ministry],
  obligation: { kind: 'province', reporterKind: 'department' },
  schedules: circular14Schedules(fixedDate(6, 30), fixedDate(12, 31)),
};

export const ccnCompiledForms: readonly FormVersion[] = [b03v1, b03v2, b04];
/** Recipients referenced by tests and documents. */
export const compiledRecipients = { provincialPc, ministry, department, districtPc, communePc };
