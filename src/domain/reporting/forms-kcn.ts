import type { LocalizedText } from '../shared/errors';
import type { ComputeRule, FormItem, FormVersion } from './form-types';
import type { DateRule, Schedule } from './periods';

/**
 * Industrial parks (KCN, KCX, KCNC): each tenant's periodic report on the implementation of its project, and
 * the Management Board's quarterly and yearly report compiled from them and from the investment ledger
 * (Decree 35/2022/NĐ-CP, Art. 46; LEGAL-FORMS.md "Parks").
 *
 * Money in these reports is in million USD, the unit the Hanoi Management Board reports in (seed 001:
 * "tổng doanh thu … 4.869 triệu USD; nộp ngân sách 238,5 triệu USD; xuất khẩu 3.124 triệu USD"), so tenants'
 * figures add up without conversion; registered capital keeps USD and VND apart and adds a converted total.
 */

const quarterWindow = {
  start: { kind: 'relative', anchor: 'start', monthOffset: 0, day: 1 },
  end: { kind: 'relative', anchor: 'end', monthOffset: 0, day: 'last' },
} as const satisfies { start: DateRule; end: DateRule };

/** The calendar year: the yearly window of both parks' reports. */
const yearWindow = quarterWindow;

/**
 * Tenants: Decree 31/2021/NĐ-CP, Art. 102 — the quarterly report by the 10th of the first month of the next
 * quarter, the yearly one by 31 March of the next year (confirmed by a provincial notice quoting the rule; not
 * yet read in the decree's own text, hence `verified: false`).
 */
const tenantSchedules: Schedule[] = [
  {
    periodType: 'quarterly',
    window: quarterWindow,
    due: { kind: 'relative', anchor: 'end', monthOffset: 1, day: 10 },
    legalBasis: 'Nghị định 31/2021/NĐ-CP, Điều 102',
    verified: false,
  },
  {
    periodType: 'annual',
    window: yearWindow,
    due: { kind: 'fixed', month: 3, day: 31, yearOffset: 1 },
    legalBasis: 'Nghị định 31/2021/NĐ-CP, Điều 102',
    verified: false,
  },
];

/**
 * The Board's report: LEGAL-FORMS.md names no deadline. Configured after the tenants' deadlines (the 15th of
 * the month after the quarter; 15 April for the year, after the tenants' 31 March) — an assumption, flagged.
 */
const boardSchedules: Schedule[] = [
  {
    periodType: 'quarterly',
    window: quarterWindow,
    due: { kind: 'relative', anchor: 'end', monthOffset: 1, day: 15 },
    legalBasis: 'Nghị định 35/2022/NĐ-CP, Điều 46 (thời hạn: cấu hình)',
    verified: false,
  },
  {
    periodType: 'annual',
    window: yearWindow,
    due: { kind: 'fixed', month: 4, day: 15, yearOffset: 1 },
    legalBasis: 'Nghị định 35/2022/NĐ-CP, Điều 46 (thời hạn: cấu hình)',
    verified: false,
  },
];

const board: LocalizedText = {
  vi: 'Ban Quản lý các khu công nghiệp và chế xuất',
  en: 'Industrial and Export Processing Zones Authority',
};

const tenantForm: FormVersion = {
  code: 'KCN_TENANT',
  version: '2021-03-26',
  effectiveFrom: '2021-03-26',
  effectiveTo: null,
  title: {
    vi: 'Báo cáo tình hình thực hiện dự án đầu tư trong khu công nghiệp',
    en: 'Report on a project in an industrial park',
  },
  shortTitle: { vi: 'Báo cáo dự án KCN', en: 'Park tenant report' },
  legalBasis: 'Nghị định 31/2021/NĐ-CP, Điều 102',
  family: 'KCN',
  kind: 'filed',
  reporterKind: 'project',
  recipients: [board],
  // Every project holding an investment registration certificate reports until it is terminated.
  obligation: {
    kind: 'tenant_project',
    zoneKinds: ['KCN', 'KCX', 'KCNC'],
    projectStatuses: ['licensed', 'building', 'operating', 'stopped', 'proposed_revocation'],
  },
  schedules: tenantSchedules,
  comparison: 'same_period_last_year',
  outlierPct: 50,
  context: [],
  sections: [],
  items: [
    { no: '1', indicator: 'revenue_usd', required: true },
    { no: '2', indicator: 'export_usd', required: true },
    { no: '3', indicator: 'import_usd', required: true },
    { no: '4', indicator: 'state_budget_usd', required: true },
    { no: '5', indicator: 'workers', required: true },
  ],
  rules: [
    {
      kind: 'compare',
      id: 'export_vs_revenue',
      item: 'export_usd',
      left: { item: 'export_usd' },
      op: '<=',
      right: { item: 'revenue_usd' },
      severity: 'warning',
      message: {
        vi: 'Kim ngạch xuất khẩu lớn hơn doanh thu: kiểm tra lại số liệu và đơn vị (triệu USD).',
        en: 'Exports exceed revenue: check the figures and the unit (million USD).',
      },
    },
  ],
};

function boardItem(
  no: string,
  indicator: string,
  section: string,
  compute: ComputeRule,
  hasTarget = false,
): FormItem {
  return { no, indicator, section, compute, required: true, outlierPct: null, hasTarget };
}

const tenants = (indicator: string): ComputeRule => ({
  kind: 'tenant_reports',
  filter: {},
  report: { form: 'KCN_TENANT', indicator },
});

const boardForm: FormVersion = {
  code: 'KCN_BOARD',
  version: '2022-05-28',
  effectiveFrom: '2022-05-28',
  effectiveTo: null,
  title: {
    vi: 'Báo cáo tình hình xây dựng và phát triển các khu công nghiệp',
    en: 'Report on the construction and development of industrial parks',
  },
  shortTitle: { vi: 'Báo cáo định kỳ KCN', en: 'Parks’ periodic report' },
  legalBasis: 'Nghị định 35/2022/NĐ-CP, Điều 46',
  family: 'KCN',
  kind: 'compiled',
  reporterKind: 'management_board',
  // The ministry in charge changed twice since 2025: recipients are configuration.
  recipients: [
    { vi: 'Ủy ban nhân dân thành phố', en: 'City People’s Committee' },
    { vi: 'Bộ Tài chính', en: 'Ministry of Finance' },
  ],
  obligation: { kind: 'province', reporterKind: 'management_board' },
  schedules: boardSchedules,
  comparison: 'same_period_last_year',
  outlierPct: 50,
  context: [],
  sections: [
    { code: 'I', title: { vi: 'Thu hút đầu tư', en: 'Investment attracted' } },
    { code: 'II', title: { vi: 'Sản xuất kinh doanh', en: 'Production and business' } },
    { code: 'III', title: { vi: 'Bảo vệ môi trường', en: 'Environmental protection' } },
  ],
  items: [
    boardItem('1', 'new_projects', 'I', { kind: 'capital', measure: 'new_count' }),
    boardItem('2', 'new_capital_usd', 'I', { kind: 'capital', measure: 'new_amount', currency: 'USD' }),
    boardItem('3', 'new_capital_vnd', 'I', { kind: 'capital', measure: 'new_amount', currency: 'VND' }),
    boardItem('4', 'expansion_projects', 'I', { kind: 'capital', measure: 'increase_count' }),
    boardItem('5', 'expansion_capital_usd', 'I', {
      kind: 'capital',
      measure: 'increase_amount',
      currency: 'USD',
    }),
    boardItem('6', 'expansion_capital_vnd', 'I', {
      kind: 'capital',
      measure: 'increase_amount',
      currency: 'VND',
    }),
    boardItem(
      '7',
      'capital_attracted_converted_usd',
      'I',
      { kind: 'capital', measure: 'attracted_converted' },
      true,
    ),
    boardItem('8', 'terminated_projects', 'I', { kind: 'terminated_projects' }),
    boardItem('9', 'revenue_usd', 'II', tenants('revenue_usd'), true),
    boardItem('10', 'export_usd', 'II', tenants('export_usd'), true),
    boardItem('11', 'import_usd', 'II', tenants('import_usd')),
    boardItem('12', 'state_budget_usd', 'II', tenants('state_budget_usd'), true),
    boardItem('13', 'workers', 'II', tenants('workers')),
    boardItem('14', 'parks_wwtp_compliant', 'III', { kind: 'zones_with_wwtp', statuses: ['compliant'] }),
  ],
  rules: [],
};

export const kcnForms: readonly FormVersion[] = [tenantForm, boardForm];
