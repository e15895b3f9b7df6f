import type { LocalizedText } from '../shared/errors';

/**
 * The sections of the quarterly briefing (báo cáo giao ban) and their default sentence templates. A section
 * belongs to a family, whose figures its placeholders read; the stored templates (briefing_template) replace
 * these defaults, and each briefing keeps its own edited copy. Progress, obstacles and inspections join as
 * sections once the monitoring modules are merged.
 */
export type SectionKey =
  'parks_investment' | 'parks_projects' | 'parks_business' | 'clusters_overview' | 'clusters_business';

export type SectionDefinition = {
  key: SectionKey;
  family: 'KCN' | 'CCN';
  /** The part (I, II) and the heading of the section within it. */
  part: LocalizedText;
  heading: LocalizedText;
  template: string;
};

const PARKS: LocalizedText = { vi: 'I. CÁC KHU CÔNG NGHIỆP, KHU CHẾ XUẤT', en: 'I. INDUSTRIAL PARKS' };
const CLUSTERS: LocalizedText = { vi: 'II. CÁC CỤM CÔNG NGHIỆP', en: 'II. INDUSTRIAL CLUSTERS' };

export const briefingSections: readonly SectionDefinition[] = [
  {
    key: 'parks_investment',
    family: 'KCN',
    part: PARKS,
    heading: { vi: '1. Thu hút đầu tư', en: '1. Investment attracted' },
    template:
      'Lũy kế {period}, các KCN, KCX thu hút {new_projects} dự án mới vốn đăng ký {new_capital_usd} và ' +
      '{new_capital_vnd}; {expansion_projects} dự án đầu tư mở rộng vốn đăng ký {expansion_capital_usd} và ' +
      '{expansion_capital_vnd}. Tổng mức thu hút đầu tư {capital_attracted_usd} quy đổi, đạt ' +
      '{capital_attracted_usd:plan_pct} kế hoạch năm {year} ({capital_attracted_usd:target}), bằng ' +
      '{capital_attracted_usd:ratio} so với cùng kỳ năm {previous_year} ({capital_attracted_usd:previous}).',
  },
  {
    key: 'parks_projects',
    family: 'KCN',
    part: PARKS,
    heading: { vi: '2. Dự án đang triển khai, hoạt động', en: '2. Projects in force' },
    template:
      'Đến hết {period}, các KCN, KCX có {tenant_projects} dự án còn hiệu lực, trong đó {tenant_projects_fdi} ' +
      'dự án FDI và {tenant_projects_domestic} dự án trong nước; vốn đăng ký lũy kế {registered_capital_usd} và ' +
      '{registered_capital_vnd} (quy đổi {registered_capital_converted_usd}).',
  },
  {
    key: 'parks_business',
    family: 'KCN',
    part: PARKS,
    heading: { vi: '3. Sản xuất kinh doanh', en: '3. Production and business' },
    template:
      'Theo báo cáo đã được chấp nhận của các doanh nghiệp, doanh thu {kcn_revenue_usd} ' +
      '({kcn_revenue_usd:change_pct} so với cùng kỳ), xuất khẩu {kcn_export_usd}, nộp ngân sách ' +
      '{kcn_budget_usd}; sử dụng {kcn_workers} lao động.',
  },
  {
    key: 'clusters_overview',
    family: 'CCN',
    part: CLUSTERS,
    heading: { vi: '1. Tình hình phát triển các cụm', en: '1. Development of the clusters' },
    template:
      'Đến hết {period}, thành phố có {zones} cụm công nghiệp với tổng diện tích {area_ha}, trong đó ' +
      '{zones_established} cụm đã có quyết định thành lập, {zones_developing} cụm đang đầu tư hạ tầng và ' +
      '{zones_operating} cụm đang hoạt động; tỷ lệ lấp đầy bình quân {occupancy_pct}; {wwtp_compliant_pct} số ' +
      'cụm đang hoạt động có trạm xử lý nước thải tập trung đạt chuẩn.',
  },
  {
    key: 'clusters_business',
    family: 'CCN',
    part: CLUSTERS,
    heading: { vi: '2. Sản xuất kinh doanh', en: '2. Production and business' },
    template:
      'Theo Biểu 01 đã được chấp nhận, các cơ sở trong cụm đạt doanh thu {ccn_revenue_vnd}, nộp ngân sách ' +
      '{ccn_budget_vnd}, sử dụng {ccn_workers} lao động.',
  },
];

export const TASKS_HEADING: LocalizedText = {
  vi: 'III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
  en: 'III. TASKS FOR THE NEXT PERIOD',
};

export function sectionByKey(key: string): SectionDefinition | undefined {
  return briefingSections.find((s) => s.key === key);
}

/** The families a briefing's scope covers. */
export function familiesOf(scope: 'city' | 'KCN' | 'CCN'): ('KCN' | 'CCN')[] {
  return scope === 'city' ? ['KCN', 'CCN'] : [scope];
}
