import type { LocalizedText } from '../shared/errors';
import type { Aggregation, Indicator, UnitCode, ValueType } from './form-types';

/**
 * The indicator catalogue — danh mục chỉ tiêu. An indicator is a measured quantity with its unit and how it
 * combines across reporters; a form item points at one. Codes are stable across form versions, so a filing
 * under a new circular still compares with the previous period's.
 */

export const units: Record<UnitCode, LocalizedText> = {
  bn_vnd: { vi: 'tỷ đồng', en: 'bn VND' },
  m_usd: { vi: 'triệu USD', en: 'M USD' },
  person: { vi: 'người', en: 'persons' },
  m_vnd_person_month: { vi: 'triệu đồng/người/tháng', en: 'M VND/person/month' },
  ha: { vi: 'ha', en: 'ha' },
  percent: { vi: '%', en: '%' },
  project: { vi: 'dự án', en: 'projects' },
  cluster: { vi: 'cụm', en: 'clusters' },
  park: { vi: 'khu', en: 'parks' },
  plant: { vi: 'nhà máy', en: 'plants' },
};

const sum: Aggregation = { kind: 'sum' };
const BIG = 10_000_000;

function indicator(
  code: string,
  name: LocalizedText,
  unit: UnitCode,
  options: {
    type?: ValueType;
    decimals?: number;
    measure?: 'flow' | 'stock';
    aggregation?: Aggregation;
    max?: number;
  } = {},
): Indicator {
  const valueType = options.type ?? 'decimal';
  return {
    code,
    name,
    unit,
    valueType,
    decimals: valueType === 'decimal' ? (options.decimals ?? 3) : 0,
    measure: options.measure ?? 'stock',
    aggregation: options.aggregation ?? (valueType === 'flag' ? { kind: 'count_true' } : sum),
    min: 0,
    max: valueType === 'flag' ? 1 : (options.max ?? BIG),
  };
}

const count = (code: string, name: LocalizedText, unit: UnitCode, measure: 'flow' | 'stock' = 'stock') =>
  indicator(code, name, unit, { type: 'integer', measure, max: 1_000_000 });
const area = (code: string, name: LocalizedText, measure: 'flow' | 'stock' = 'stock') =>
  indicator(code, name, 'ha', { decimals: 4, measure, max: 1_000_000 });

const list: Indicator[] = [
  // Activity of a business — Biểu 01, Biểu 02 (items 9–12)
  indicator('revenue_vnd', { vi: 'Doanh thu', en: 'Revenue' }, 'bn_vnd', { measure: 'flow' }),
  indicator('state_budget_vnd', { vi: 'Nộp ngân sách nhà nước', en: 'State budget paid' }, 'bn_vnd', {
    measure: 'flow',
  }),
  count('workers', { vi: 'Số lao động có hợp đồng lao động', en: 'Workers with labour contracts' }, 'person'),
  indicator(
    'avg_income_vnd',
    { vi: 'Thu nhập bình quân của người lao động', en: 'Average income of a worker' },
    'm_vnd_person_month',
    { decimals: 2, aggregation: { kind: 'weighted_average', weight: 'workers' }, max: 10_000 },
  ),
  // Cluster infrastructure — Biểu 02 items 1–8, 13–14
  indicator(
    'infra_investment_approved_vnd',
    { vi: 'Tổng vốn đầu tư hạ tầng được phê duyệt', en: 'Approved infrastructure investment' },
    'bn_vnd',
  ),
  indicator(
    'infra_investment_paid_vnd',
    { vi: 'Vốn đầu tư hạ tầng đã thực hiện (lũy kế)', en: 'Infrastructure investment paid (cumulative)' },
    'bn_vnd',
  ),
  area('land_ready_ha', {
    vi: 'Diện tích đất công nghiệp đã có hạ tầng, sẵn sàng cho thuê',
    en: 'Industrial land with completed infrastructure (ready to lease)',
  }),
  area('land_leased_ha', { vi: 'Diện tích đất công nghiệp đã cho thuê', en: 'Industrial land leased' }),
  indicator('occupancy_pct', { vi: 'Tỷ lệ lấp đầy', en: 'Occupancy rate' }, 'percent', {
    decimals: 2,
    aggregation: { kind: 'weighted_average', weight: 'industrial_land_ha' },
    max: 100,
  }),
  count(
    'projects',
    { vi: 'Số dự án sản xuất kinh doanh đã thuê đất', en: 'Production/business projects that leased land' },
    'project',
  ),
  count(
    'projects_fdi',
    { vi: 'Trong đó: dự án có vốn đầu tư nước ngoài (FDI)', en: 'of which FDI' },
    'project',
  ),
  count('projects_operating', { vi: 'Số dự án đang hoạt động', en: 'Projects in operation' }, 'project'),
  indicator(
    'wwtp_built',
    {
      vi: 'Nhà máy xử lý nước thải tập trung đã xây dựng hoặc đang xây dựng (1: có, 0: không)',
      en: 'Central wastewater plant built or under construction (1 yes, 0 no)',
    },
    'plant',
    { type: 'flag' },
  ),
  indicator(
    'wwtp_compliant',
    {
      vi: 'Nhà máy xử lý nước thải tập trung đạt quy chuẩn môi trường (1: có, 0: không)',
      en: 'Central wastewater plant meets environmental standards (1 yes, 0 no)',
    },
    'plant',
    { type: 'flag' },
  ),
  // Compiled cluster figures — Biểu 03/04
  count('clusters_in_plan', { vi: 'Số CCN theo quy hoạch', en: 'Clusters in the plan' }, 'cluster'),
  area('plan_area_ha', { vi: 'Tổng diện tích CCN theo quy hoạch', en: 'Total area of clusters in the plan' }),
  count('clusters_established', { vi: 'Số CCN đã thành lập', en: 'Clusters established' }, 'cluster'),
  area('established_area_ha', { vi: 'Diện tích CCN đã thành lập', en: 'Area of clusters established' }),
  count(
    'clusters_established_in_period',
    { vi: 'Số CCN thành lập trong kỳ', en: 'Clusters established in the period' },
    'cluster',
    'flow',
  ),
  area(
    'established_in_period_area_ha',
    { vi: 'Diện tích CCN thành lập trong kỳ', en: 'Area of clusters established in the period' },
    'flow',
  ),
  count(
    'clusters_enterprise_developer',
    { vi: 'Số CCN có chủ đầu tư hạ tầng là doanh nghiệp', en: 'Clusters whose developer is an enterprise' },
    'cluster',
  ),
  area('enterprise_developer_area_ha', {
    vi: 'Diện tích CCN có chủ đầu tư hạ tầng là doanh nghiệp',
    en: 'Area of clusters whose developer is an enterprise',
  }),
  count(
    'clusters_detailed_plan',
    { vi: 'Số CCN đã được phê duyệt quy hoạch chi tiết', en: 'Clusters with an approved detailed plan' },
    'cluster',
  ),
  area('detailed_plan_area_ha', {
    vi: 'Diện tích CCN đã được phê duyệt quy hoạch chi tiết',
    en: 'Area of clusters with an approved detailed plan',
  }),
  count(
    'clusters_infra_project',
    {
      vi: 'Số CCN đã được phê duyệt dự án đầu tư xây dựng hạ tầng',
      en: 'Clusters with an approved infrastructure investment project',
    },
    'cluster',
  ),
  area('infra_project_area_ha', {
    vi: 'Diện tích CCN đã được phê duyệt dự án đầu tư xây dựng hạ tầng',
    en: 'Area of clusters with an approved infrastructure project',
  }),
  count('clusters_operating', { vi: 'Số CCN đang hoạt động', en: 'Clusters in operation' }, 'cluster'),
  count(
    'clusters_operating_established',
    { vi: 'CCN đã có quyết định thành lập', en: 'with an establishment decision' },
    'cluster',
  ),
  count(
    'clusters_operating_legacy',
    { vi: 'CCN hoạt động chưa có quyết định thành lập', en: 'operating without an establishment decision' },
    'cluster',
  ),
  count(
    'clusters_operating_craft_village',
    { vi: 'Trong đó: CCN làng nghề', en: 'of which craft-village' },
    'cluster',
  ),
  count(
    'clusters_operating_specialised',
    { vi: 'Trong đó: CCN chuyên ngành', en: 'of which specialised' },
    'cluster',
  ),
  area('operating_area_ha', { vi: 'Diện tích CCN đang hoạt động', en: 'Area of clusters in operation' }),
  area('operating_established_area_ha', {
    vi: 'Diện tích CCN đã có quyết định thành lập',
    en: 'with an establishment decision',
  }),
  area('operating_legacy_area_ha', {
    vi: 'Diện tích CCN hoạt động chưa có quyết định thành lập',
    en: 'operating without an establishment decision',
  }),
  area('operating_craft_village_area_ha', { vi: 'Trong đó: CCN làng nghề', en: 'of which craft-village' }),
  area('operating_specialised_area_ha', { vi: 'Trong đó: CCN chuyên ngành', en: 'of which specialised' }),
  area('industrial_land_ha', {
    vi: 'Diện tích đất công nghiệp của các CCN đang hoạt động (theo quy hoạch chi tiết)',
    en: 'Industrial land of operating clusters (per the detailed plan)',
  }),
  count(
    'clusters_wwtp_built',
    {
      vi: 'Số CCN có nhà máy xử lý nước thải tập trung đã xây dựng hoặc đang xây dựng',
      en: 'Clusters with a central wastewater plant built or under construction',
    },
    'cluster',
  ),
  count(
    'clusters_wwtp_compliant',
    {
      vi: 'Số CCN có nhà máy xử lý nước thải tập trung đạt quy chuẩn môi trường',
      en: 'Clusters with a central wastewater plant meeting environmental standards',
    },
    'cluster',
  ),
  // Parks (KCN) — tenants' periodic report and the Management Board's report
  indicator('revenue_usd', { vi: 'Doanh thu', en: 'Revenue' }, 'm_usd', { measure: 'flow' }),
  indicator('export_usd', { vi: 'Kim ngạch xuất khẩu', en: 'Exports' }, 'm_usd', { measure: 'flow' }),
  indicator('import_usd', { vi: 'Kim ngạch nhập khẩu', en: 'Imports' }, 'm_usd', { measure: 'flow' }),
  indicator('state_budget_usd', { vi: 'Nộp ngân sách nhà nước', en: 'State budget paid' }, 'm_usd', {
    measure: 'flow',
  }),
  count('new_projects', { vi: 'Số dự án cấp mới', en: 'New projects' }, 'project', 'flow'),
  indicator(
    'new_capital_usd',
    { vi: 'Vốn đăng ký cấp mới (USD)', en: 'New registered capital (USD)' },
    'm_usd',
    {
      measure: 'flow',
    },
  ),
  indicator(
    'new_capital_vnd',
    { vi: 'Vốn đăng ký cấp mới (VND)', en: 'New registered capital (VND)' },
    'bn_vnd',
    {
      measure: 'flow',
    },
  ),
  count(
    'expansion_projects',
    { vi: 'Số dự án điều chỉnh tăng vốn', en: 'Expansion projects' },
    'project',
    'flow',
  ),
  indicator(
    'expansion_capital_usd',
    { vi: 'Vốn đăng ký tăng thêm (USD)', en: 'Capital increase (USD)' },
    'm_usd',
    { measure: 'flow' },
  ),
  indicator(
    'expansion_capital_vnd',
    { vi: 'Vốn đăng ký tăng thêm (VND)', en: 'Capital increase (VND)' },
    'bn_vnd',
    { measure: 'flow' },
  ),
  indicator(
    'capital_attracted_converted_usd',
    { vi: 'Tổng vốn đầu tư thu hút (quy đổi USD)', en: 'Capital attracted (converted to USD)' },
    'm_usd',
    { measure: 'flow' },
  ),
  count(
    'terminated_projects',
    { vi: 'Số dự án chấm dứt hoạt động, thu hồi', en: 'Projects terminated or revoked' },
    'project',
    'flow',
  ),
  count(
    'parks_wwtp_compliant',
    {
      vi: 'Số KCN có nhà máy xử lý nước thải tập trung đạt quy chuẩn',
      en: 'Parks with a compliant central wastewater plant',
    },
    'park',
  ),
];

export const indicators: ReadonlyMap<string, Indicator> = new Map(list.map((i) => [i.code, i]));

export function indicatorOf(code: string): Indicator {
  const found = indicators.get(code);
  if (!found) throw new RangeError(`Unknown indicator: ${code}`);
  return found;
}
