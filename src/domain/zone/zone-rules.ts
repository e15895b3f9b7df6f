import { formatNumber } from '../format/format';
import type { LocalizedText } from '../shared/errors';
import type { ZoneKind } from './zone.schema';

/** The figures the registry's cross-field rules look at; null means "not known". */
export type ZoneRuleInput = {
  code?: string | null;
  kind: ZoneKind | null | undefined;
  ccnTypeCode?: string | null;
  phaseOfCode?: string | null;
  declaredAreaHa?: number | null;
  industrialLandHa?: number | null;
  leasedHa?: number | null;
  approvedHa?: number | null;
  lat?: number | null;
  lon?: number | null;
};

const ha = (value: number) => `${formatNumber(value, { maxFractionDigits: 4 })} ha`;
const haEn = (value: number) => `${value} ha`;
const EPSILON = 1e-9;

/**
 * The registry's cross-field rules, one place for the zone editor (API) and the spreadsheet import: a cluster
 * type only for clusters; leased + approved land within the industrial land, industrial land within the total;
 * a marker needs both coordinates; a zone is not a phase of itself. Returns problems by field name.
 */
export function zoneRuleProblems(zone: ZoneRuleInput): Record<string, LocalizedText> {
  const problems: Record<string, LocalizedText> = {};
  if (zone.ccnTypeCode && zone.kind !== 'CCN') {
    problems.ccnTypeCode = {
      vi: 'Chỉ cụm công nghiệp mới có loại CCN.',
      en: 'Only clusters have a cluster type.',
    };
  }
  const land = zone.industrialLandHa ?? null;
  const occupied = (zone.leasedHa ?? 0) + (zone.approvedHa ?? 0);
  if (land !== null && occupied > land + EPSILON) {
    problems.leasedHa = {
      vi: `Đất đã cho thuê cộng đất đã có chủ trương đầu tư (${ha(occupied)}) vượt diện tích đất công nghiệp (${ha(land)}).`,
      en: `Leased plus approved land (${haEn(occupied)}) exceeds the industrial land (${haEn(land)}).`,
    };
  }
  const total = zone.declaredAreaHa ?? null;
  if (land !== null && total !== null && land > total + EPSILON) {
    problems.industrialLandHa = {
      vi: `Đất công nghiệp (${ha(land)}) lớn hơn tổng diện tích (${ha(total)}).`,
      en: `Industrial land (${haEn(land)}) exceeds the total area (${haEn(total)}).`,
    };
  }
  if (zone.lat !== undefined || zone.lon !== undefined) {
    if (((zone.lat ?? null) === null) !== ((zone.lon ?? null) === null)) {
      problems[(zone.lat ?? null) === null ? 'lat' : 'lon'] = {
        vi: 'Cần cả vĩ độ và kinh độ.',
        en: 'Both latitude and longitude are needed.',
      };
    }
  }
  if (zone.phaseOfCode && zone.code && zone.phaseOfCode === zone.code) {
    problems.phaseOfCode = {
      vi: 'Khu/cụm không thể là giai đoạn của chính nó.',
      en: 'A zone cannot be a phase of itself.',
    };
  }
  return problems;
}
