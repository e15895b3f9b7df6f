import type { LocalizedText } from '../shared/errors';
import { familyOfKind, type ZoneKind } from '../zone/zone.schema';
import type { ColumnDef, EnumOption } from './cells';

/**
 * The zone sheet: its columns (templates, imports and exports share them, so an export edited in Excel
 * imports back), the record an import row becomes, and the cross-field rules of the registry.
 */

export const zoneKindOptions: readonly EnumOption[] = [
  { value: 'KCN', vi: 'Khu công nghiệp', en: 'Industrial park' },
  { value: 'KCX', vi: 'Khu chế xuất', en: 'Export-processing zone' },
  { value: 'KCNC', vi: 'Khu công nghệ cao', en: 'Hi-tech park' },
  { value: 'CCN', vi: 'Cụm công nghiệp', en: 'Industrial cluster' },
];

export const wwtpStatusOptions: readonly EnumOption[] = [
  { value: 'none', vi: 'Chưa có', en: 'None' },
  { value: 'building', vi: 'Đang xây dựng', en: 'Under construction' },
  { value: 'operating', vi: 'Đang vận hành', en: 'Operating' },
  {
    value: 'compliant',
    vi: 'Đang vận hành, đạt QCVN',
    en: 'Operating, meets QCVN',
    aliases: ['Đạt QCVN', 'Đạt quy chuẩn'],
  },
];

export const fireSafetyOptions: readonly EnumOption[] = [
  { value: 'none', vi: 'Chưa đáp ứng', en: 'Not met' },
  { value: 'partial', vi: 'Đáp ứng một phần', en: 'Partly met' },
  { value: 'accepted', vi: 'Đã nghiệm thu', en: 'Accepted' },
];

/** The record an import row becomes: every writable fact of a zone, normalised (null when unknown). */
export type ZoneRecord = {
  code: string;
  name: string;
  kind: ZoneKind;
  ccnTypeCode: string | null;
  phaseOfCode: string | null;
  phaseNo: number | null;
  communeCode: string | null;
  formerDistrictCode: string | null;
  formerCommuneCode: string | null;
  declaredAreaHa: number | null;
  industrialLandHa: number | null;
  infrastructureCompleteHa: number | null;
  leasedHa: number | null;
  approvedHa: number | null;
  priorityReservedHa: number | null;
  developerCode: string | null;
  managingAuthority: string | null;
  infraInvestmentApprovedVnd: string | null;
  infraInvestmentPaidVnd: string | null;
  wwtpStatus: 'none' | 'building' | 'operating' | 'compliant' | null;
  wwtpCapacityM3Day: number | null;
  fireSafetyStatus: 'none' | 'partial' | 'accepted' | null;
  lat: number | null;
  lon: number | null;
  sourceStatusText: string | null;
  notes: string | null;
  sources: string[];
};

const hectares = (meaning: string, example: string) => ({
  column: { type: 'number', maxDecimals: 4 } as const,
  help: { meaning, unit: 'ha', example },
  width: 16,
});

/** The columns of the zone sheet, in template order. Cluster types come from the configurable catalogue. */
export function zoneColumns(ccnTypes: readonly EnumOption[]): ColumnDef[] {
  return [
    {
      field: 'code',
      vi: 'Mã khu/cụm',
      en: 'code',
      column: { type: 'text', upperCase: true },
      required: 'always',
      help: {
        meaning:
          'Mã ổn định của khu/cụm, không đổi khi đổi tên. Dòng có mã đã có trong hệ thống sẽ cập nhật khu/cụm đó; mã mới sẽ tạo khu/cụm mới.',
        allowed: 'Chữ in hoa không dấu, chữ số và dấu gạch ngang, 2–63 ký tự',
        example: 'CCN-THUY-LAM',
      },
      width: 22,
    },
    {
      field: 'name',
      vi: 'Tên khu/cụm',
      en: 'name',
      column: { type: 'text' },
      required: 'create',
      help: {
        meaning: 'Tên đầy đủ theo quyết định thành lập hoặc quy hoạch.',
        example: 'Cụm công nghiệp Thụy Lâm',
      },
      width: 40,
    },
    {
      field: 'kind',
      vi: 'Loại hình',
      en: 'kind',
      column: { type: 'enum', options: zoneKindOptions },
      required: 'create',
      help: {
        meaning:
          'Khu công nghiệp, khu chế xuất, khu công nghệ cao (Ban Quản lý) hoặc cụm công nghiệp (Sở Công Thương). Không đổi được giữa hai nhóm.',
        example: 'Cụm công nghiệp',
      },
      width: 20,
    },
    {
      field: 'ccnTypeCode',
      vi: 'Loại cụm công nghiệp',
      en: 'ccnType',
      column: { type: 'enum', options: ccnTypes },
      help: {
        meaning: 'Chỉ với cụm công nghiệp: loại cụm theo danh mục cấu hình.',
        example: ccnTypes[0]?.vi ?? '',
      },
      width: 28,
    },
    {
      field: 'phaseOfCode',
      vi: 'Là giai đoạn/mở rộng của (mã)',
      en: 'phaseOf',
      column: { type: 'text', upperCase: true },
      help: {
        meaning:
          'Mã của khu/cụm mà khu/cụm này là giai đoạn sau hoặc phần mở rộng; có thể là mã ở dòng khác trong cùng tệp.',
        example: 'KCN-THANG-LONG',
      },
      width: 22,
    },
    {
      field: 'phaseNo',
      vi: 'Giai đoạn số',
      en: 'phaseNo',
      column: { type: 'number', integer: true },
      help: { meaning: 'Số thứ tự giai đoạn (1–20).', example: '2' },
      width: 12,
    },
    {
      field: 'communeCode',
      vi: 'Mã xã/phường',
      en: 'communeCode',
      column: { type: 'text', padDigits: 5 },
      help: {
        meaning: 'Mã xã/phường hiện hành (từ 1/7/2025) nơi có khu/cụm, theo danh mục đơn vị hành chính.',
        example: '00454',
      },
      width: 14,
    },
    {
      field: 'formerDistrictCode',
      vi: 'Mã quận/huyện cũ',
      en: 'formerDistrictCode',
      column: { type: 'text', padDigits: 3 },
      help: { meaning: 'Mã quận/huyện trước 1/7/2025, để tổng hợp số liệu lịch sử.', example: '017' },
      width: 14,
    },
    {
      field: 'formerCommuneCode',
      vi: 'Mã xã/phường cũ',
      en: 'formerCommuneCode',
      column: { type: 'text', padDigits: 5 },
      help: { meaning: 'Mã xã/phường trước 1/7/2025.', example: '00460' },
      width: 14,
    },
    {
      field: 'declaredAreaHa',
      vi: 'Tổng diện tích (ha)',
      en: 'declaredAreaHa',
      ...hectares('Tổng diện tích theo quyết định thành lập hoặc quy hoạch.', '17,5'),
    },
    {
      field: 'industrialLandHa',
      vi: 'Diện tích đất công nghiệp (ha)',
      en: 'industrialLandHa',
      ...hectares('Đất công nghiệp (đất để cho thuê sản xuất); không lớn hơn tổng diện tích.', '12'),
    },
    {
      field: 'infrastructureCompleteHa',
      vi: 'Đất đã hoàn thành hạ tầng (ha)',
      en: 'infrastructureCompleteHa',
      ...hectares('Đất công nghiệp đã hoàn thành hạ tầng kỹ thuật.', '10'),
    },
    {
      field: 'leasedHa',
      vi: 'Đất công nghiệp đã cho thuê (ha)',
      en: 'leasedHa',
      ...hectares(
        'Đất công nghiệp đã cho thuê, cho thuê lại. Đã cho thuê + đã có chủ trương đầu tư không vượt đất công nghiệp.',
        '3',
      ),
    },
    {
      field: 'approvedHa',
      vi: 'Đất đã có chủ trương đầu tư (ha)',
      en: 'approvedHa',
      ...hectares(
        'Đất công nghiệp của các dự án đã có chủ trương đầu tư nhưng chưa thuê (tính lấp đầy theo Nghị định 32).',
        '1,2',
      ),
    },
    {
      field: 'priorityReservedHa',
      vi: 'Đất dành cho nhà đầu tư ưu tiên (ha)',
      en: 'priorityReservedHa',
      ...hectares('Quỹ đất dành cho nhà đầu tư thuộc diện ưu tiên.', '0,5'),
    },
    {
      field: 'developerCode',
      vi: 'Mã chủ đầu tư hạ tầng',
      en: 'developerCode',
      column: { type: 'text', upperCase: true },
      help: {
        meaning: 'Mã tổ chức là chủ đầu tư hạ tầng (phải có trong danh mục tổ chức).',
        example: 'CDT-0101234567',
      },
      width: 22,
    },
    {
      field: 'managingAuthority',
      vi: 'Cơ quan quản lý',
      en: 'managingAuthority',
      column: { type: 'text' },
      help: { meaning: 'Cơ quan quản lý khu/cụm.', example: 'UBND xã Đông Anh' },
      width: 28,
    },
    {
      field: 'infraInvestmentApprovedVnd',
      vi: 'Vốn đầu tư hạ tầng được duyệt (đồng)',
      en: 'infraInvestmentApprovedVnd',
      column: { type: 'integerText' },
      help: { meaning: 'Tổng mức đầu tư hạ tầng được phê duyệt.', unit: 'đồng', example: '250.000.000.000' },
      width: 22,
    },
    {
      field: 'infraInvestmentPaidVnd',
      vi: 'Vốn đầu tư hạ tầng đã thực hiện (đồng)',
      en: 'infraInvestmentPaidVnd',
      column: { type: 'integerText' },
      help: {
        meaning: 'Vốn đầu tư hạ tầng đã thực hiện (giải ngân) lũy kế.',
        unit: 'đồng',
        example: '120.000.000.000',
      },
      width: 22,
    },
    {
      field: 'wwtpStatus',
      vi: 'Trạm xử lý nước thải tập trung',
      en: 'wwtpStatus',
      column: { type: 'enum', options: wwtpStatusOptions },
      help: { meaning: 'Tình trạng trạm xử lý nước thải tập trung.', example: 'Đang vận hành' },
      width: 24,
    },
    {
      field: 'wwtpCapacityM3Day',
      vi: 'Công suất xử lý nước thải (m³/ngày đêm)',
      en: 'wwtpCapacityM3Day',
      column: { type: 'number', maxDecimals: 2 },
      help: { meaning: 'Công suất thiết kế của trạm xử lý nước thải.', unit: 'm³/ngày đêm', example: '1500' },
      width: 18,
    },
    {
      field: 'fireSafetyStatus',
      vi: 'Phòng cháy, chữa cháy',
      en: 'fireSafetyStatus',
      column: { type: 'enum', options: fireSafetyOptions },
      help: { meaning: 'Mức đáp ứng yêu cầu phòng cháy, chữa cháy của hạ tầng.', example: 'Đã nghiệm thu' },
      width: 20,
    },
    {
      field: 'lat',
      vi: 'Vĩ độ',
      en: 'lat',
      column: { type: 'number', decimalOnly: true },
      help: {
        meaning: 'Vĩ độ điểm vị trí (WGS 84) khi chưa có ranh giới; cần cả vĩ độ và kinh độ.',
        unit: 'độ',
        example: '21,175',
      },
      width: 12,
    },
    {
      field: 'lon',
      vi: 'Kinh độ',
      en: 'lon',
      column: { type: 'number', decimalOnly: true },
      help: { meaning: 'Kinh độ điểm vị trí (WGS 84).', unit: 'độ', example: '105,86' },
      width: 12,
    },
    {
      field: 'sourceStatusText',
      vi: 'Tình trạng theo nguồn',
      en: 'sourceStatus',
      column: { type: 'text' },
      help: { meaning: 'Tình trạng như nguồn tài liệu ghi (nguyên văn).', example: 'Đang hoạt động' },
      width: 28,
    },
    {
      field: 'notes',
      vi: 'Ghi chú',
      en: 'notes',
      column: { type: 'text' },
      help: { meaning: 'Ghi chú tự do.', example: '' },
      width: 40,
    },
    {
      field: 'sources',
      vi: 'Nguồn',
      en: 'sources',
      column: { type: 'list' },
      help: {
        meaning: 'Nguồn của số liệu (văn bản, đường dẫn), mỗi nguồn một dòng trong ô.',
        example: 'Quyết định 1292/QĐ-UBND ngày 14/3/2018',
      },
      width: 40,
    },
  ];
}

/** The fields of a zone record, in column order. */
export const zoneRecordFields = [
  'code',
  'name',
  'kind',
  'ccnTypeCode',
  'phaseOfCode',
  'phaseNo',
  'communeCode',
  'formerDistrictCode',
  'formerCommuneCode',
  'declaredAreaHa',
  'industrialLandHa',
  'infrastructureCompleteHa',
  'leasedHa',
  'approvedHa',
  'priorityReservedHa',
  'developerCode',
  'managingAuthority',
  'infraInvestmentApprovedVnd',
  'infraInvestmentPaidVnd',
  'wwtpStatus',
  'wwtpCapacityM3Day',
  'fireSafetyStatus',
  'lat',
  'lon',
  'sourceStatusText',
  'notes',
  'sources',
] as const satisfies readonly (keyof ZoneRecord)[];

/** Fields whose values differ between two records (lists compared item by item). */
export function zoneRecordDiff(before: ZoneRecord, after: ZoneRecord): string[] {
  return zoneRecordFields.filter((field) => {
    const a = before[field];
    const b = after[field];
    if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) !== JSON.stringify(b ?? []);
    return (a ?? null) !== (b ?? null);
  });
}

/** A family change (KCN ↔ CCN) is refused, as in the zone editor. */
export function familyChangeProblem(before: ZoneRecord, after: ZoneRecord): LocalizedText | null {
  return familyOfKind(before.kind) === familyOfKind(after.kind)
    ? null
    : {
        vi: 'Không thể chuyển khu/cụm sang họ khác (KCN ↔ CCN).',
        en: 'A zone cannot change family (KCN ↔ CCN).',
      };
}

/** The audit view of a zone: the same names and units as the zone service records for API edits. */
export function zoneAuditView(record: ZoneRecord, meta: { version: number; hasBoundary: boolean }) {
  return {
    code: record.code,
    name: record.name,
    kind: record.kind,
    ccnTypeCode: record.ccnTypeCode,
    phaseOfCode: record.phaseOfCode,
    phaseNo: record.phaseNo,
    communeCode: record.communeCode,
    formerDistrictCode: record.formerDistrictCode,
    formerCommuneCode: record.formerCommuneCode,
    declaredAreaHa: record.declaredAreaHa,
    industrialLandHa: record.industrialLandHa,
    infrastructureCompleteHa: record.infrastructureCompleteHa,
    leasedHa: record.leasedHa,
    approvedHa: record.approvedHa,
    priorityReservedHa: record.priorityReservedHa,
    developerCode: record.developerCode,
    managingAuthority: record.managingAuthority,
    infraInvestmentApprovedVnd: record.infraInvestmentApprovedVnd,
    infraInvestmentPaidVnd: record.infraInvestmentPaidVnd,
    wwtpStatus: record.wwtpStatus,
    wwtpCapacityM3Day: record.wwtpCapacityM3Day,
    fireSafetyStatus: record.fireSafetyStatus,
    lat: record.lat,
    lon: record.lon,
    hasBoundary: meta.hasBoundary,
    sourceStatusText: record.sourceStatusText,
    notes: record.notes,
    sources: record.sources,
    version: meta.version,
  };
}

/** "khu-cum-cong-nghiep-2026-11-21.xlsx" */
export function zoneExportFileName(isoDate: string, extension: 'xlsx' | 'csv' | 'geojson'): string {
  return `khu-cum-cong-nghiep-${isoDate}.${extension}`;
}

export const zoneTemplateFileName = 'mau-nhap-khu-cum-cong-nghiep.xlsx';
export const zoneSheetName = 'Khu cụm công nghiệp';
