import type { LocalizedText } from '../shared/errors';

/**
 * The leaders' indicator catalogue — chỉ tiêu tổng hợp. Each indicator is a formula over base measures that
 * one source computes by calling its module's service:
 * - `ledger`: the capital service (attracted in the range, registered at its end, converted at the configured
 *   exchange rates) — `services/project/capital.service.ts`;
 * - `registry`: zones with their lifecycle derived at the range's end, areas and occupancy (Decree 32), tenant
 *   projects — `domain/zone`;
 * - `reports`: the accepted revisions of the tenants' reports (KCN_TENANT, Biểu 01) of the statutory periods
 *   inside the range — `domain/reporting`;
 * - `completeness`: the reporting module's completeness of a period (dashboard only);
 * - `monitoring`: the watch list, obstacles, inspections — one entry each, added when that module lands.
 * Breakdowns a source cannot split are not offered (the analysis refuses them, naming the field).
 */

export const breakdowns = [
  'none',
  'family',
  'state',
  'commune',
  'former_district',
  'zone',
  'sector',
  'ownership',
] as const;
export type Breakdown = (typeof breakdowns)[number];

export const breakdownLabels: Record<Breakdown, LocalizedText> = {
  none: { vi: 'Toàn thành phố', en: 'City total' },
  family: { vi: 'Loại (KCN/CCN)', en: 'Family (parks/clusters)' },
  state: { vi: 'Trạng thái', en: 'State' },
  commune: { vi: 'Xã/phường', en: 'Commune' },
  former_district: { vi: 'Quận/huyện cũ', en: 'Former district' },
  zone: { vi: 'Khu/cụm', en: 'Zone' },
  sector: { vi: 'Ngành (VSIC)', en: 'Sector (VSIC)' },
  ownership: { vi: 'Nguồn vốn (FDI/trong nước)', en: 'Ownership (FDI/domestic)' },
};

export const indicatorSources = ['ledger', 'registry', 'reports', 'completeness', 'monitoring'] as const;
export type IndicatorSource = (typeof indicatorSources)[number];

/** How a value is written in a sentence and a table. */
export const indicatorUnits = ['count', 'usd_m', 'bn_vnd', 'ha', 'pct', 'person'] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

/** The base measures the sources return, summed over rows before an indicator's formula is applied. */
export type Measures = Readonly<Record<string, number>>;

export type IndicatorDefinition = {
  code: string;
  name: LocalizedText;
  unit: IndicatorUnit;
  /** flow: over the range (attracted, revenue); stock: at the range's end (registered, zones, workers). */
  measure: 'flow' | 'stock';
  source: IndicatorSource;
  /** The family whose zones it counts; null for both. */
  family: 'KCN' | 'CCN' | null;
  /** How it is computed, in words (shown beside the figure). */
  how: LocalizedText;
  breakdowns: readonly Breakdown[];
  /** The plan_target indicator of the family's compiled report holding the year's plan figure, if any. */
  target?: { family: 'KCN' | 'CCN'; indicator: string };
  /** The list or drill-down behind the figure (a web path with the range's placeholders {from} {to}). */
  drill: string;
  value(m: Measures): number | null;
};

const LEDGER_BREAKDOWNS: readonly Breakdown[] = ['none', 'family', 'ownership'];
const REGISTRY_BREAKDOWNS: readonly Breakdown[] = [
  'none',
  'family',
  'state',
  'commune',
  'former_district',
  'zone',
];
const PROJECT_BREAKDOWNS: readonly Breakdown[] = [...REGISTRY_BREAKDOWNS, 'sector', 'ownership'];

const m = (key: string) => (x: Measures) => x[key] ?? 0;
const ratioPct = (num: string[], den: string) => (x: Measures) => {
  const d = x[den] ?? 0;
  if (d <= 0) return null;
  return (num.reduce((s, k) => s + (x[k] ?? 0), 0) / d) * 100;
};

const ledger = (
  code: string,
  name: LocalizedText,
  unit: IndicatorUnit,
  measure: 'flow' | 'stock',
  how: LocalizedText,
  extra: Partial<IndicatorDefinition> = {},
): IndicatorDefinition => ({
  code,
  name,
  unit,
  measure,
  source: 'ledger',
  family: null,
  how,
  breakdowns: LEDGER_BREAKDOWNS,
  drill: '/capital?from={from}&to={to}',
  value: m(code),
  ...extra,
});

const ATTRACTED_HOW: LocalizedText = {
  vi: 'Sổ vốn đầu tư: cấp mới và tăng vốn có ngày trong kỳ, quy đổi USD theo tỷ giá cấu hình của ngày sự kiện.',
  en: 'Investment ledger: new registrations and increases dated in the range, converted to USD at the configured rate of the event’s date.',
};

const reportHow = (form: string): LocalizedText => ({
  vi: `Các báo cáo ${form} đã được chấp nhận của các kỳ nằm trọn trong khoảng thời gian (bản sửa đổi được chấp nhận gần nhất).`,
  en: `Accepted ${form} reports of the statutory periods lying wholly in the range (the latest accepted revision).`,
});

export const indicatorCatalogue: readonly IndicatorDefinition[] = [
  // Investment attracted — the capital ledger, through the capital service.
  ledger('new_projects', { vi: 'Số dự án cấp mới', en: 'New projects' }, 'count', 'flow', ATTRACTED_HOW),
  ledger(
    'new_capital_usd',
    { vi: 'Vốn cấp mới (USD)', en: 'New capital (USD)' },
    'usd_m',
    'flow',
    ATTRACTED_HOW,
  ),
  ledger(
    'new_capital_vnd',
    { vi: 'Vốn cấp mới (VNĐ)', en: 'New capital (VND)' },
    'bn_vnd',
    'flow',
    ATTRACTED_HOW,
  ),
  ledger(
    'expansion_projects',
    { vi: 'Số lượt tăng vốn (mở rộng)', en: 'Expansions' },
    'count',
    'flow',
    ATTRACTED_HOW,
  ),
  ledger(
    'expansion_capital_usd',
    { vi: 'Vốn tăng thêm (USD)', en: 'Expansion capital (USD)' },
    'usd_m',
    'flow',
    ATTRACTED_HOW,
  ),
  ledger(
    'expansion_capital_vnd',
    { vi: 'Vốn tăng thêm (VNĐ)', en: 'Expansion capital (VND)' },
    'bn_vnd',
    'flow',
    ATTRACTED_HOW,
  ),
  ledger(
    'capital_attracted_usd',
    { vi: 'Tổng vốn thu hút (quy đổi USD)', en: 'Capital attracted (converted to USD)' },
    'usd_m',
    'flow',
    ATTRACTED_HOW,
    { target: { family: 'KCN', indicator: 'capital_attracted_converted_usd' } },
  ),
  ledger(
    'registered_capital_usd',
    { vi: 'Vốn đăng ký lũy kế (USD)', en: 'Registered capital (USD)' },
    'usd_m',
    'stock',
    {
      vi: 'Sổ vốn đầu tư: tổng có dấu của mọi sự kiện đến cuối kỳ, phần bằng USD.',
      en: 'Investment ledger: the signed sum of every event up to the range’s end, the part in USD.',
    },
    { breakdowns: ['none', 'family'] },
  ),
  ledger(
    'registered_capital_vnd',
    { vi: 'Vốn đăng ký lũy kế (VNĐ)', en: 'Registered capital (VND)' },
    'bn_vnd',
    'stock',
    {
      vi: 'Sổ vốn đầu tư: tổng có dấu của mọi sự kiện đến cuối kỳ, phần bằng VNĐ.',
      en: 'Investment ledger: the signed sum of every event up to the range’s end, the part in VND.',
    },
    { breakdowns: ['none', 'family'] },
  ),
  ledger(
    'registered_capital_converted_usd',
    { vi: 'Vốn đăng ký lũy kế (quy đổi USD)', en: 'Registered capital (converted to USD)' },
    'usd_m',
    'stock',
    {
      vi: 'Sổ vốn đầu tư đến cuối kỳ, quy đổi USD theo tỷ giá của ngày từng sự kiện.',
      en: 'Investment ledger up to the range’s end, converted at each event’s date.',
    },
    { breakdowns: ['none', 'family'] },
  ),
  // The registry — zones with their lifecycle derived at the range's end.
  registry('zones', { vi: 'Số khu, cụm', en: 'Zones' }, 'count', m('zones'), {
    vi: 'Khu, cụm có trong sổ (trạng thái suy ra từ lịch sử pháp lý đến cuối kỳ), trừ đã thu hồi/đưa ra khỏi quy hoạch.',
    en: 'Zones on record (state derived from the legal history up to the range’s end), less revoked/removed ones.',
  }),
  registry(
    'zones_operating',
    { vi: 'Số khu, cụm đang hoạt động', en: 'Operating zones' },
    'count',
    m('zones_operating'),
    {
      vi: 'Khu, cụm có trạng thái "đang hoạt động" (kể cả hoạt động chưa có quyết định thành lập) ở cuối kỳ.',
      en: 'Zones whose state at the range’s end is operating (with or without an establishment decision).',
    },
  ),
  registry(
    'zones_established',
    { vi: 'Số khu, cụm đã thành lập', en: 'Established zones' },
    'count',
    m('zones_established'),
    {
      vi: 'Khu, cụm có quyết định thành lập đến cuối kỳ, chưa bị thu hồi.',
      en: 'Zones with an establishment decision by the range’s end, not revoked.',
    },
  ),
  registry(
    'zones_developing',
    { vi: 'Số khu, cụm đang đầu tư hạ tầng', en: 'Zones under development' },
    'count',
    m('zones_developing'),
    {
      vi: 'Khu, cụm đã thành lập, đang lập quy hoạch chi tiết, giải phóng mặt bằng hoặc xây dựng hạ tầng ở cuối kỳ.',
      en: 'Zones established and in detailed planning, land clearance or construction at the range’s end.',
    },
  ),
  registry('area_ha', { vi: 'Tổng diện tích', en: 'Total area' }, 'ha', m('area_ha'), {
    vi: 'Diện tích theo quyết định của các khu, cụm (sổ đăng ký).',
    en: 'Declared area of the zones (registry).',
  }),
  registry(
    'industrial_land_ha',
    { vi: 'Diện tích đất công nghiệp', en: 'Industrial land' },
    'ha',
    m('industrial_ha'),
    {
      vi: 'Diện tích đất công nghiệp theo quy hoạch chi tiết (sổ đăng ký).',
      en: 'Industrial land of the detailed plans (registry).',
    },
  ),
  registry(
    'occupancy_pct',
    { vi: 'Tỷ lệ lấp đầy (bình quân theo diện tích)', en: 'Occupancy (area-weighted)' },
    'pct',
    ratioPct(['occupied_ha'], 'occupancy_base_ha'),
    {
      vi: 'Nghị định 32/2024: (đất đã cho thuê + đã giao) ÷ đất công nghiệp, cộng dồn theo diện tích các khu có đất công nghiệp.',
      en: 'Decree 32/2024: (leased + allocated land) ÷ industrial land, summed by area over zones with industrial land.',
    },
  ),
  registry(
    'wwtp_compliant_pct',
    { vi: 'Tỷ lệ có trạm XLNT đạt chuẩn', en: 'Share with a compliant WWTP' },
    'pct',
    ratioPct(['wwtp_compliant'], 'zones_operating'),
    {
      vi: 'Khu, cụm đang hoạt động có trạm xử lý nước thải tập trung đạt QCVN ÷ khu, cụm đang hoạt động.',
      en: 'Operating zones whose central wastewater plant meets QCVN ÷ operating zones.',
    },
  ),
  project(
    'tenant_projects',
    { vi: 'Số dự án thứ cấp còn hiệu lực', en: 'Tenant projects in force' },
    m('projects'),
  ),
  project('tenant_projects_fdi', { vi: 'Dự án FDI', en: 'FDI projects' }, m('projects_fdi')),
  project(
    'tenant_projects_domestic',
    { vi: 'Dự án trong nước', en: 'Domestic projects' },
    m('projects_domestic'),
  ),
  // Business figures — accepted reports only.
  report(
    'kcn_revenue_usd',
    { vi: 'Doanh thu các KCN', en: 'Parks’ revenue' },
    'usd_m',
    'flow',
    'KCN',
    'revenue_usd',
  ),
  report(
    'kcn_export_usd',
    { vi: 'Xuất khẩu các KCN', en: 'Parks’ exports' },
    'usd_m',
    'flow',
    'KCN',
    'export_usd',
  ),
  report(
    'kcn_budget_usd',
    { vi: 'Nộp ngân sách các KCN', en: 'Parks’ budget contributions' },
    'usd_m',
    'flow',
    'KCN',
    'state_budget_usd',
  ),
  report(
    'kcn_workers',
    { vi: 'Lao động các KCN', en: 'Parks’ workers' },
    'person',
    'stock',
    'KCN',
    'workers',
  ),
  report(
    'ccn_revenue_vnd',
    { vi: 'Doanh thu các CCN', en: 'Clusters’ revenue' },
    'bn_vnd',
    'flow',
    'CCN',
    'revenue_vnd',
  ),
  report(
    'ccn_budget_vnd',
    { vi: 'Nộp ngân sách các CCN', en: 'Clusters’ budget contributions' },
    'bn_vnd',
    'flow',
    'CCN',
    'state_budget_vnd',
  ),
  report(
    'ccn_workers',
    { vi: 'Lao động các CCN', en: 'Clusters’ workers' },
    'person',
    'stock',
    'CCN',
    'workers',
  ),
];

function registry(
  code: string,
  name: LocalizedText,
  unit: IndicatorUnit,
  value: (x: Measures) => number | null,
  how: LocalizedText,
): IndicatorDefinition {
  return {
    code,
    name,
    unit,
    measure: 'stock',
    source: 'registry',
    family: null,
    how,
    breakdowns: REGISTRY_BREAKDOWNS,
    drill: '/zones',
    value,
  };
}

function project(
  code: string,
  name: LocalizedText,
  value: (x: Measures) => number | null,
): IndicatorDefinition {
  return {
    code,
    name,
    unit: 'count',
    measure: 'stock',
    source: 'registry',
    family: null,
    how: {
      vi: 'Dự án trong sổ đăng ký đến cuối kỳ chưa chấm dứt (sự kiện chấm dứt trong sổ vốn); FDI theo nhà đầu tư.',
      en: 'Projects on record by the range’s end and not terminated (ledger termination); FDI by the investor.',
    },
    breakdowns: PROJECT_BREAKDOWNS,
    drill: '/projects',
    value,
  };
}

/** The measure key of a report indicator: `<FORM>:<item indicator>`. */
export function reportMeasure(form: string, indicator: string): string {
  return `${form}:${indicator}`;
}

function report(
  code: string,
  name: LocalizedText,
  unit: IndicatorUnit,
  measure: 'flow' | 'stock',
  family: 'KCN' | 'CCN',
  item: string,
): IndicatorDefinition {
  const form = family === 'KCN' ? 'KCN_TENANT' : 'B01';
  const planItem = family === 'KCN' && item !== 'workers' ? item : undefined;
  return {
    code,
    name,
    unit,
    measure,
    source: 'reports',
    family,
    how: reportHow(family === 'KCN' ? 'KCN_TENANT' : 'Biểu 01'),
    breakdowns: PROJECT_BREAKDOWNS.filter((b) => b !== 'family' && b !== 'state'),
    ...(planItem && item !== 'import_usd' ? { target: { family, indicator: planItem } } : {}),
    drill: `/reports?form=${form}`,
    // No accepted report in the range is "no data", not zero.
    value: (x) => ((x[`${form}:reports`] ?? 0) > 0 ? (x[reportMeasure(form, item)] ?? 0) : null),
  };
}

export function indicatorByCode(code: string): IndicatorDefinition | undefined {
  return indicatorCatalogue.find((i) => i.code === code);
}
