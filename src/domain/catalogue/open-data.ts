import type { LocalizedText } from '../shared/errors';
import type { PublishableFieldKey } from './catalogue.schema';
import { isPublic, publicCard, publicPrices, type CatalogueRecord } from './public-zone';

/**
 * Open data of the registry (issue 14): the published fields of the published zones, as CSV, XLSX, GeoJSON and
 * JSON at stable addresses (`/api/open-data/zones.*`), under CC BY 4.0. A cell of a field not published for a
 * zone is empty (CSV, XLSX) or absent (JSON, GeoJSON) — never the value.
 */
export const openDataLicence = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Hệ thống thông tin khu, cụm công nghiệp Hà Nội (IZIS)',
} as const;

export const openDataFormats = ['csv', 'xlsx', 'geojson', 'json'] as const;
export type OpenDataFormat = (typeof openDataFormats)[number];

export type OpenDataColumn = {
  key: string;
  label: LocalizedText;
  /** The publishable field it belongs to; null for identity columns (always public with the zone). */
  field: PublishableFieldKey | null;
};

/** The columns of the tables, in order. */
export const openDataColumns: readonly OpenDataColumn[] = [
  { key: 'code', label: { vi: 'Mã', en: 'Code' }, field: null },
  { key: 'name', label: { vi: 'Tên', en: 'Name' }, field: null },
  { key: 'kind', label: { vi: 'Loại', en: 'Kind' }, field: null },
  { key: 'family', label: { vi: 'Nhóm', en: 'Family' }, field: null },
  { key: 'communeCode', label: { vi: 'Mã xã, phường', en: 'Commune code' }, field: null },
  { key: 'communeName', label: { vi: 'Xã, phường', en: 'Commune' }, field: null },
  { key: 'formerDistrictCode', label: { vi: 'Mã quận, huyện cũ', en: 'Former district code' }, field: null },
  { key: 'formerDistrictName', label: { vi: 'Quận, huyện cũ', en: 'Former district' }, field: null },
  {
    key: 'freeLandHa',
    label: { vi: 'Đất công nghiệp chưa cho thuê (ha)', en: 'Unleased industrial land (ha)' },
    field: 'freeLand',
  },
  {
    key: 'declaredAreaHa',
    label: { vi: 'Diện tích quy hoạch (ha)', en: 'Planned area (ha)' },
    field: 'area',
  },
  {
    key: 'industrialLandHa',
    label: { vi: 'Đất công nghiệp (ha)', en: 'Industrial land (ha)' },
    field: 'area',
  },
  { key: 'occupancy', label: { vi: 'Tỷ lệ lấp đầy', en: 'Occupancy rate' }, field: 'occupancy' },
  { key: 'lifecycleState', label: { vi: 'Giai đoạn', en: 'Stage' }, field: 'status' },
  { key: 'ready', label: { vi: 'Sẵn sàng', en: 'Readiness' }, field: 'status' },
  {
    key: 'infrastructureCompleteHa',
    label: { vi: 'Hạ tầng đã hoàn thành (ha)', en: 'Infrastructure completed (ha)' },
    field: 'infrastructure',
  },
  { key: 'wwtpStatus', label: { vi: 'Trạm xử lý nước thải', en: 'WWTP status' }, field: 'wwtp' },
  {
    key: 'wwtpCapacityM3Day',
    label: { vi: 'Công suất XLNT (m³/ngày)', en: 'WWTP capacity (m³/day)' },
    field: 'wwtp',
  },
  { key: 'fireSafetyStatus', label: { vi: 'Phòng cháy chữa cháy', en: 'Fire safety' }, field: 'fireSafety' },
  { key: 'sectors', label: { vi: 'Ngành thu hút (VSIC)', en: 'Sectors welcomed (VSIC)' }, field: 'sectors' },
  { key: 'subleasePrice', label: { vi: 'Giá thuê lại đất', en: 'Sublease price' }, field: 'prices' },
  { key: 'subleaseCurrency', label: { vi: 'Tiền tệ', en: 'Currency' }, field: 'prices' },
  { key: 'subleaseUnit', label: { vi: 'Đơn vị', en: 'Unit' }, field: 'prices' },
  {
    key: 'sharedServicePrice',
    label: { vi: 'Phí dịch vụ dùng chung', en: 'Shared-service fee' },
    field: 'prices',
  },
  { key: 'developer', label: { vi: 'Chủ đầu tư hạ tầng', en: 'Developer' }, field: 'developer' },
  { key: 'lat', label: { vi: 'Vĩ độ', en: 'Latitude' }, field: 'location' },
  { key: 'lon', label: { vi: 'Kinh độ', en: 'Longitude' }, field: 'location' },
  {
    key: 'locationApproximate',
    label: { vi: 'Vị trí gần đúng', en: 'Approximate location' },
    field: 'location',
  },
];

export type OpenDataRow = Record<string, string | number | boolean | null>;

/** One zone as an open-data row: only the columns of its published fields (and identity). */
export function openDataRow(record: CatalogueRecord, today: string): OpenDataRow {
  const card = publicCard(record, { today, lang: 'vi' });
  const all: OpenDataRow = {
    code: card.code,
    name: card.name,
    kind: card.kind,
    family: card.family,
    communeCode: card.commune?.code ?? null,
    communeName: card.commune?.name ?? null,
    formerDistrictCode: card.formerDistrict?.code ?? null,
    formerDistrictName: card.formerDistrict?.name ?? null,
    freeLandHa: card.freeLandHa,
    declaredAreaHa: record.declaredAreaHa,
    industrialLandHa: record.industrialLandHa,
    occupancy:
      card.occupancy === undefined || card.occupancy === null
        ? null
        : Math.round(card.occupancy * 10_000) / 10_000,
    lifecycleState: card.lifecycleState ?? null,
    ready: card.ready ?? null,
    infrastructureCompleteHa: record.infrastructureCompleteHa,
    wwtpStatus: record.wwtpStatus,
    wwtpCapacityM3Day: record.wwtpCapacityM3Day,
    fireSafetyStatus: record.fireSafetyStatus,
    sectors: record.sectors.join(' '),
    subleasePrice: null,
    subleaseCurrency: null,
    subleaseUnit: null,
    sharedServicePrice: null,
    developer: record.developerName,
    lat: record.lat,
    lon: record.lon,
    locationApproximate: record.placement === null ? null : record.placement !== 'exact',
  };
  if (isPublic(record, 'prices')) {
    const prices = publicPrices(record, today);
    all.subleasePrice = prices.sublease?.amount ?? null;
    all.subleaseCurrency = prices.sublease?.currency ?? null;
    all.subleaseUnit = prices.sublease?.unit ?? null;
    all.sharedServicePrice = prices.sharedService
      ? `${prices.sharedService.amount} ${prices.sharedService.currency}/${prices.sharedService.unit}`
      : null;
  }
  const row: OpenDataRow = {};
  for (const column of openDataColumns) {
    if (column.field === null || isPublic(record, column.field)) row[column.key] = all[column.key] ?? null;
  }
  return row;
}
