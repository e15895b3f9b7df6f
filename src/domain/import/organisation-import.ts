import type { OrganisationRole, Ownership } from '../organisation/organisation.schema';
import type { ColumnDef, EnumOption } from './cells';

/**
 * The organisation sheet: its columns (templates, imports and exports share them, so an export edited in
 * Excel imports back), the record an import row becomes, and how records compare.
 */

export const ownershipOptions: readonly EnumOption[] = [
  {
    value: 'fdi',
    vi: 'Có vốn đầu tư nước ngoài (FDI)',
    en: 'Foreign-invested (FDI)',
    aliases: ['FDI', 'Nước ngoài', 'Vốn nước ngoài'],
  },
  {
    value: 'domestic_state',
    vi: 'Trong nước — nhà nước',
    en: 'Domestic — state',
    aliases: ['Nhà nước', 'Doanh nghiệp nhà nước', 'DNNN'],
  },
  {
    value: 'domestic_private',
    vi: 'Trong nước — tư nhân',
    en: 'Domestic — private',
    aliases: ['Tư nhân', 'Ngoài nhà nước', 'Trong nước'],
  },
  { value: 'household', vi: 'Hộ kinh doanh', en: 'Household business' },
  { value: 'agency', vi: 'Cơ quan nhà nước', en: 'Public agency' },
];

export const organisationRoleOptions: readonly EnumOption[] = [
  { value: 'developer', vi: 'Chủ đầu tư hạ tầng', en: 'Infrastructure developer' },
  {
    value: 'tenant',
    vi: 'Nhà đầu tư thứ cấp',
    en: 'Tenant investor',
    aliases: [
      'Doanh nghiệp thứ cấp',
      'DN thứ cấp',
      'Doanh nghiệp thuê đất',
      'Nhà đầu tư',
      'Doanh nghiệp',
      'Tenant',
    ],
  },
  { value: 'agency', vi: 'Cơ quan quản lý', en: 'Agency', aliases: ['Cơ quan'] },
];

/** The record an import row becomes: every writable fact of an organisation (null when unknown). */
export type OrganisationRecord = {
  code: string;
  name: string;
  nameEn: string | null;
  /** Normalised: "0100109106" or "0100109106-001". */
  taxCode: string | null;
  country: string;
  ownership: Ownership | null;
  roles: OrganisationRole[];
  address: string | null;
  sources: string[];
};

export const organisationRecordFields = [
  'code',
  'name',
  'nameEn',
  'taxCode',
  'country',
  'ownership',
  'roles',
  'address',
  'sources',
] as const satisfies readonly (keyof OrganisationRecord)[];

/** The columns of the organisation sheet, in template order. */
export function organisationColumns(): ColumnDef[] {
  return [
    {
      field: 'code',
      vi: 'Mã tổ chức',
      en: 'code',
      column: { type: 'text', upperCase: true },
      required: 'always',
      help: {
        meaning:
          'Mã ổn định của tổ chức, không đổi khi đổi tên. Dòng có mã đã có trong hệ thống sẽ cập nhật tổ chức đó; mã mới sẽ tạo tổ chức mới.',
        allowed: 'Chữ in hoa không dấu, chữ số và dấu gạch ngang, tối đa 64 ký tự',
        example: 'DN-0100109106',
      },
      width: 22,
    },
    {
      field: 'name',
      vi: 'Tên tổ chức',
      en: 'name',
      column: { type: 'text' },
      required: 'create',
      help: {
        meaning: 'Tên đầy đủ theo giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập.',
        example: 'Công ty TNHH Điện tử Đông Anh',
      },
      width: 44,
    },
    {
      field: 'nameEn',
      vi: 'Tên tiếng Anh',
      en: 'nameEn',
      column: { type: 'text' },
      help: { meaning: 'Tên giao dịch bằng tiếng Anh (nếu có).', example: 'Dong Anh Electronics Co., Ltd' },
      width: 36,
    },
    {
      field: 'taxCode',
      vi: 'Mã số thuế',
      en: 'taxCode',
      column: { type: 'text' },
      help: {
        meaning:
          'Mã số thuế (MST): 10 chữ số, chữ số cuối là chữ số kiểm tra; đơn vị phụ thuộc thêm 3 chữ số (0100109106-001). Mỗi mã số thuế chỉ thuộc một tổ chức.',
        allowed: '10 chữ số, hoặc 10 chữ số - 3 chữ số; định dạng ô là văn bản để giữ số 0 ở đầu',
        example: '0100109106',
      },
      width: 18,
    },
    {
      field: 'country',
      vi: 'Quốc gia',
      en: 'country',
      column: { type: 'country' },
      help: {
        meaning:
          'Quốc gia của nhà đầu tư: tên nước (Việt Nam, Nhật Bản…) hoặc mã ISO 3166-1 hai chữ cái (VN, JP, KR, CN, SG…). Để trống: VN khi tạo mới, giữ nguyên khi cập nhật.',
        example: 'VN',
      },
      width: 10,
    },
    {
      field: 'ownership',
      vi: 'Loại hình sở hữu',
      en: 'ownership',
      column: { type: 'enum', options: ownershipOptions },
      help: {
        meaning: 'FDI hay trong nước (nhà nước, tư nhân), hộ kinh doanh, cơ quan. Để trống khi chưa rõ.',
        example: 'Trong nước — tư nhân',
      },
      width: 28,
    },
    {
      field: 'roles',
      vi: 'Vai trò',
      en: 'roles',
      column: { type: 'list', options: organisationRoleOptions },
      required: 'create',
      help: {
        meaning: 'Vai trò của tổ chức trong khu, cụm công nghiệp; một tổ chức có thể có nhiều vai trò.',
        example: 'Nhà đầu tư thứ cấp',
      },
      width: 24,
    },
    {
      field: 'address',
      vi: 'Địa chỉ',
      en: 'address',
      column: { type: 'text' },
      help: { meaning: 'Địa chỉ trụ sở.', example: 'Xã Đông Anh, Hà Nội' },
      width: 40,
    },
    {
      field: 'sources',
      vi: 'Nguồn',
      en: 'sources',
      column: { type: 'list' },
      help: {
        meaning: 'Nguồn của thông tin (văn bản, đường dẫn), mỗi nguồn một dòng trong ô.',
        example: 'Cổng thông tin quốc gia về đăng ký doanh nghiệp',
      },
      width: 40,
    },
  ];
}

/** Fields whose values differ between two records (lists compared item by item, in order). */
export function organisationRecordDiff(before: OrganisationRecord, after: OrganisationRecord): string[] {
  return organisationRecordFields.filter((field) => {
    const a = before[field];
    const b = after[field];
    if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) !== JSON.stringify(b ?? []);
    return (a ?? null) !== (b ?? null);
  });
}

/** The audit view of an organisation: the same names as the organisation service records for API edits. */
export function organisationAuditView(record: OrganisationRecord, version: number) {
  return {
    code: record.code,
    name: record.name,
    nameEn: record.nameEn,
    taxCode: record.taxCode,
    country: record.country,
    ownership: record.ownership,
    roles: record.roles,
    address: record.address,
    sources: record.sources,
    version,
  };
}

/**
 * A tax code as typed or as a spreadsheet number cell left it: spaces and dots removed, and the leading
 * zero a number cell drops put back (100109106 → 0100109106; 100109106001 → 0100109106-001).
 */
export function taxCodeFromCell(text: string): string {
  const compact = text.replace(/[\s.]/g, '');
  if (/^\d{9}$/.test(compact) || /^\d{12}$/.test(compact)) return `0${compact}`;
  return compact;
}

/** "to-chuc-2026-11-21.xlsx" */
export function organisationExportFileName(isoDate: string, extension: 'xlsx' | 'csv'): string {
  return `to-chuc-${isoDate}.${extension}`;
}

export const organisationTemplateFileName = 'mau-nhap-to-chuc.xlsx';
export const organisationSheetName = 'Tổ chức';
