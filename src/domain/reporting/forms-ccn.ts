import type { LocalizedText } from '../shared/errors';
import type { ClusterFilter, FormVersion, RelationRule } from './form-types';
import type { DateRule, Schedule } from './periods';

/**
 * Circular 14/2024/TT-BCT (in force 01/10/2024), Art. 3 and Appendix I: Biểu 01 (each tenant project in a
 * cluster) and Biểu 02 (each cluster's infrastructure developer), six-monthly and yearly. Circular 38/2025/
 * TT-BCT (in force 01/7/2025) moved the district People's Committee's role to the commune: the second version
 * of each form differs only in its recipients (consolidated text 55/VBHN-BCT, 24/10/2025).
 */

const fixed = (month: number, day: number, yearOffset = 0): DateRule => ({
  kind: 'fixed',
  month,
  day,
  yearOffset,
});

export const TT14_BASIS = 'Thông tư 14/2024/TT-BCT, Điều 3';
export const TT14_EFFECTIVE = '2024-10-01';
export const TT38_EFFECTIVE = '2025-07-01';
export const TT14_LAST_DAY = '2025-06-30';

/**
 * Circular 14, Art. 3: data from 15/12 of the previous year to 14/6 (six-month report) or to 14/12 (yearly);
 * due "trước ngày 20 tháng 6 / 20 tháng 12" for Biểu 01/02, 25/6 and 25/12 for Biểu 03, 30/6 and 31/12 for
 * Biểu 04. We read "trước ngày 20" as "by the 20th" (the due day itself is on time), as the product brief and
 * Decree 09/2019's "chậm nhất" wording do; a stricter reading would be `day - 1` here — a data change.
 */
export function circular14Schedules(h1Due: DateRule, yearDue: DateRule): Schedule[] {
  return [
    {
      periodType: 'semiannual',
      subPeriods: [1],
      window: { start: fixed(12, 15, -1), end: fixed(6, 14) },
      due: h1Due,
      legalBasis: TT14_BASIS,
      verified: true,
    },
    {
      periodType: 'annual',
      window: { start: fixed(12, 15, -1), end: fixed(12, 14) },
      due: yearDue,
      legalBasis: TT14_BASIS,
      verified: true,
    },
  ];
}

const statisticsOfficeDistrict: LocalizedText = {
  vi: 'Cơ quan thống kê cấp huyện',
  en: 'District statistics office',
};
const statisticsOffice: LocalizedText = { vi: 'Cơ quan thống kê', en: 'Statistics office' };
const districtPc: LocalizedText = { vi: 'Ủy ban nhân dân cấp huyện', en: 'District People’s Committee' };
const communePc: LocalizedText = { vi: 'Ủy ban nhân dân cấp xã', en: 'Commune/ward People’s Committee' };
const department: LocalizedText = { vi: 'Sở Công Thương', en: 'Department of Industry and Trade' };

/** Clusters that have an infrastructure developer: established, or operating from before the 2009 rules. */
export const clustersWithDeveloper: ClusterFilter = {
  any: ['established', 'operating_without_establishment'],
};

/** Rules shared by every report of a business's activity (Biểu 01, Biểu 02 items 11–12). */
const workforceRules: RelationRule[] = [
  {
    kind: 'implies',
    id: 'income_needs_workers',
    item: 'workers',
    if: { item: 'avg_income_vnd', op: '>', value: 0 },
    then: { item: 'workers', op: '>', value: 0 },
    severity: 'error',
    message: {
      vi: 'Đã ghi thu nhập bình quân thì số lao động phải lớn hơn 0.',
      en: 'An average income is given, so the number of workers must be above 0.',
    },
  },
  {
    kind: 'implies',
    id: 'workers_need_income',
    item: 'avg_income_vnd',
    if: { item: 'workers', op: '>', value: 0 },
    then: { item: 'avg_income_vnd', op: '>', value: 0 },
    severity: 'error',
    message: {
      vi: 'Có người lao động thì phải ghi thu nhập bình quân (lớn hơn 0).',
      en: 'There are workers, so their average income must be given (above 0).',
    },
  },
  {
    kind: 'compare',
    id: 'income_unit',
    item: 'avg_income_vnd',
    left: { item: 'avg_income_vnd' },
    op: '<=',
    right: { value: 200 },
    severity: 'warning',
    message: {
      vi: 'Thu nhập bình quân trên 200 triệu đồng/người/tháng: kiểm tra lại đơn vị (triệu đồng).',
      en: 'Average income above 200 M VND per person per month: check the unit (million VND).',
    },
  },
  {
    kind: 'compare',
    id: 'budget_vs_revenue',
    item: 'state_budget_vnd',
    left: { item: 'state_budget_vnd' },
    op: '<=',
    right: { item: 'revenue_vnd' },
    severity: 'warning',
    message: {
      vi: 'Số nộp ngân sách lớn hơn doanh thu: kiểm tra lại đơn vị (tỷ đồng).',
      en: 'State budget paid exceeds revenue: check the unit (billion VND).',
    },
  },
];

const b01v1: FormVersion = {
  code: 'B01',
  version: TT14_EFFECTIVE,
  effectiveFrom: TT14_EFFECTIVE,
  effectiveTo: TT14_LAST_DAY,
  title: {
    vi: 'Tình hình hoạt động của dự án đầu tư sản xuất kinh doanh trong cụm công nghiệp',
    en: 'Activity of an investment project in an industrial cluster',
  },
  shortTitle: { vi: 'Biểu 01', en: 'Form 01' },
  legalBasis: 'Thông tư 14/2024/TT-BCT, Phụ lục I, Biểu số 01',
  family: 'CCN',
  kind: 'filed',
  reporterKind: 'project',
  recipients: [statisticsOfficeDistrict, districtPc],
  // "Each organisation/individual with a production or business project in a cluster": a project owes the
  // report once it operates (its items are revenue, budget, workers, income of the period).
  obligation: { kind: 'tenant_project', zoneKinds: ['CCN'], projectStatuses: ['operating'] },
  schedules: circular14Schedules(fixed(6, 20), fixed(12, 20)),
  comparison: 'same_period_last_year',
  outlierPct: 50,
  context: [],
  sections: [],
  items: [
    {
      no: '1',
      indicator: 'revenue_vnd',
      label: { vi: 'Doanh thu của dự án trong kỳ', en: 'Revenue in the period' },
      required: true,
    },
    {
      no: '2',
      indicator: 'state_budget_vnd',
      label: { vi: 'Nộp ngân sách nhà nước của dự án trong kỳ', en: 'State budget paid in the period' },
      required: true,
    },
    { no: '3', indicator: 'workers', required: true },
    { no: '4', indicator: 'avg_income_vnd', required: true },
  ],
  rules: workforceRules,
};

const b02v1: FormVersion = {
  code: 'B02',
  version: TT14_EFFECTIVE,
  effectiveFrom: TT14_EFFECTIVE,
  effectiveTo: TT14_LAST_DAY,
  title: {
    vi: 'Tình hình hoạt động của dự án đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp',
    en: 'Activity of the cluster’s infrastructure project',
  },
  shortTitle: { vi: 'Biểu 02', en: 'Form 02' },
  legalBasis: 'Thông tư 14/2024/TT-BCT, Phụ lục I, Biểu số 02',
  family: 'CCN',
  kind: 'filed',
  // One report per cluster: the form reports ONE infrastructure project (its occupancy, its wastewater
  // plant), and a developer of several clusters runs one infrastructure project in each.
  reporterKind: 'zone',
  recipients: [statisticsOfficeDistrict, districtPc, department],
  obligation: { kind: 'zone', zoneKinds: ['CCN'], filter: clustersWithDeveloper },
  schedules: circular14Schedules(fixed(6, 20), fixed(12, 20)),
  comparison: 'same_period_last_year',
  outlierPct: 50,
  context: [
    {
      key: 'industrial_land_ha',
      label: {
        vi: 'Diện tích đất công nghiệp theo quy hoạch chi tiết',
        en: 'Industrial land per the detailed plan',
      },
    },
  ],
  sections: [],
  items: [
    { no: '1', indicator: 'infra_investment_approved_vnd', required: true },
    { no: '2', indicator: 'infra_investment_paid_vnd', required: true },
    { no: '3', indicator: 'land_ready_ha', required: true },
    { no: '4', indicator: 'land_leased_ha', required: true },
    {
      no: '5',
      indicator: 'occupancy_pct',
      label: { vi: 'Tỷ lệ lấp đầy của CCN', en: 'Occupancy of the cluster' },
      required: true,
    },
    { no: '6', indicator: 'projects', required: true },
    { no: '7', indicator: 'projects_fdi', level: 1, required: true },
    { no: '8', indicator: 'projects_operating', required: true },
    {
      no: '9',
      indicator: 'revenue_vnd',
      label: { vi: 'Doanh thu của dự án hạ tầng trong kỳ', en: 'Revenue of the infrastructure project' },
      required: true,
    },
    {
      no: '10',
      indicator: 'state_budget_vnd',
      label: {
        vi: 'Nộp ngân sách nhà nước của dự án hạ tầng trong kỳ',
        en: 'State budget paid by the infrastructure project',
      },
      required: true,
    },
    { no: '11', indicator: 'workers', required: true },
    { no: '12', indicator: 'avg_income_vnd', required: true },
    { no: '13', indicator: 'wwtp_built', required: true, outlierPct: null },
    { no: '14', indicator: 'wwtp_compliant', required: true, outlierPct: null },
  ],
  rules: [
    ...workforceRules,
    {
      kind: 'compare',
      id: 'paid_vs_approved',
      item: 'infra_investment_paid_vnd',
      left: { item: 'infra_investment_paid_vnd' },
      op: '<=',
      right: { item: 'infra_investment_approved_vnd' },
      severity: 'warning',
      message: {
        vi: 'Vốn đã thực hiện vượt tổng vốn được phê duyệt: kiểm tra quyết định điều chỉnh dự án.',
        en: 'Investment paid exceeds the approved total: check for an amended approval.',
      },
    },
    {
      kind: 'compare',
      id: 'ready_vs_land',
      item: 'land_ready_ha',
      left: { item: 'land_ready_ha' },
      op: '<=',
      right: { context: 'industrial_land_ha' },
      severity: 'error',
      message: {
        vi: 'Diện tích đã có hạ tầng không thể lớn hơn diện tích đất công nghiệp của cụm.',
        en: 'Land with completed infrastructure cannot exceed the cluster’s industrial land.',
      },
    },
    {
      kind: 'compare',
      id: 'leased_vs_land',
      item: 'land_leased_ha',
      left: { item: 'land_leased_ha' },
      op: '<=',
      right: { context: 'industrial_land_ha' },
      severity: 'error',
      message: {
        vi: 'Diện tích đã cho thuê không thể lớn hơn diện tích đất công nghiệp của cụm.',
        en: 'Land leased cannot exceed the cluster’s industrial land.',
      },
    },
    {
      kind: 'implies',
      id: 'leased_needs_occupancy',
      item: 'occupancy_pct',
      if: { item: 'land_leased_ha', op: '>', value: 0 },
      then: { item: 'occupancy_pct', op: '>', value: 0 },
      severity: 'error',
      message: {
        vi: 'Đã có đất cho thuê thì tỷ lệ lấp đầy phải lớn hơn 0.',
        en: 'Land has been leased, so the occupancy rate must be above 0.',
      },
    },
    {
      kind: 'compare',
      id: 'fdi_within_projects',
      item: 'projects_fdi',
      left: { item: 'projects_fdi' },
      op: '<=',
      right: { item: 'projects' },
      severity: 'error',
      message: {
        vi: 'Số dự án FDI không thể lớn hơn tổng số dự án.',
        en: 'FDI projects cannot outnumber all projects.',
      },
    },
    {
      kind: 'compare',
      id: 'operating_within_projects',
      item: 'projects_operating',
      left: { item: 'projects_operating' },
      op: '<=',
      right: { item: 'projects' },
      severity: 'error',
      message: {
        vi: 'Số dự án đang hoạt động không thể lớn hơn tổng số dự án.',
        en: 'Operating projects cannot outnumber all projects.',
      },
    },
    {
      kind: 'implies',
      id: 'projects_need_land',
      item: 'land_leased_ha',
      if: { item: 'projects', op: '>', value: 0 },
      then: { item: 'land_leased_ha', op: '>', value: 0 },
      severity: 'warning',
      message: {
        vi: 'Có dự án đã thuê đất nhưng diện tích đã cho thuê bằng 0.',
        en: 'Projects have leased land but the land leased is 0.',
      },
    },
    {
      kind: 'compare',
      id: 'compliant_needs_plant',
      item: 'wwtp_compliant',
      left: { item: 'wwtp_compliant' },
      op: '<=',
      right: { item: 'wwtp_built' },
      severity: 'error',
      message: {
        vi: 'Nhà máy xử lý nước thải đạt quy chuẩn thì phải đã được xây dựng (mục 13 = 1).',
        en: 'A plant that meets the standards must have been built (item 13 = 1).',
      },
    },
  ],
};

/** Circular 38/2025: from 01/7/2025 reports go to the commune People's Committee, not the district's. */
const b01v2: FormVersion = {
  ...b01v1,
  version: TT38_EFFECTIVE,
  effectiveFrom: TT38_EFFECTIVE,
  effectiveTo: null,
  legalBasis: `${b01v1.legalBasis} (sửa đổi bởi Thông tư 38/2025/TT-BCT)`,
  recipients: [statisticsOffice, communePc],
};

const b02v2: FormVersion = {
  ...b02v1,
  version: TT38_EFFECTIVE,
  effectiveFrom: TT38_EFFECTIVE,
  effectiveTo: null,
  legalBasis: `${b02v1.legalBasis} (sửa đổi bởi Thông tư 38/2025/TT-BCT)`,
  recipients: [statisticsOffice, communePc, department],
};

export const ccnFiledForms: readonly FormVersion[] = [b01v1, b01v2, b02v1, b02v2];
export { fixed as fixedDate, districtPc, communePc, department };
