import type { Locale } from '../shared/errors';

/**
 * What the registry fields that compiled reports cite are called for people: a source line "Cụm CCN-01 · hồ sơ:
 * vốn đầu tư hạ tầng đã thực hiện" instead of the column name. The keys are the `field` values that
 * `aggregate.ts`, `facts.ts` (`registryField`) and `parks-report.ts` put into sources and gaps.
 */
const LABELS: Record<string, { vi: string; en: string }> = {
  lifecycle: { vi: 'quá trình hình thành (các bước pháp lý)', en: 'lifecycle (legal steps)' },
  areaHa: { vi: 'diện tích', en: 'area' },
  'planEntries.areaHa': { vi: 'diện tích theo quy hoạch', en: 'planned area' },
  industrialLandHa: { vi: 'diện tích đất công nghiệp', en: 'industrial land' },
  leasedHa: { vi: 'diện tích đất đã cho thuê', en: 'land leased' },
  'leasedHa+approvedHa/industrialLandHa': {
    vi: 'tỷ lệ lấp đầy (đất đã cho thuê và đã có chủ trương đầu tư / đất công nghiệp)',
    en: 'occupancy (land leased and approved / industrial land)',
  },
  infraInvestmentApprovedVnd: {
    vi: 'vốn đầu tư hạ tầng được phê duyệt',
    en: 'infrastructure investment approved',
  },
  infraInvestmentPaidVnd: { vi: 'vốn đầu tư hạ tầng đã thực hiện', en: 'infrastructure investment paid' },
  projects: { vi: 'các dự án thứ cấp', en: 'tenant projects' },
  wwtpStatus: { vi: 'trạng thái nhà máy xử lý nước thải', en: 'wastewater plant state' },
};

/** The registry field's name in the given language; an unknown field is shown as it is. */
export function registryFieldLabel(field: string, locale: Locale): string {
  return LABELS[field]?.[locale] ?? field;
}
