import type { ProjectStatus } from '../project/project.schema';
import type { ColumnDef, EnumOption } from './cells';

/**
 * The tenant-project sheet: columns shared by templates, imports and exports, the record an import row
 * becomes, and how records compare. The capital ledger has a sheet of its own (investment-event-import.ts).
 */

export const projectStatusOptions: readonly EnumOption[] = [
  {
    value: 'licensed',
    vi: 'Đã cấp phép',
    en: 'Licensed',
    aliases: ['Đã cấp GCN', 'Được cấp phép', 'Đã cấp giấy chứng nhận đăng ký đầu tư'],
  },
  { value: 'building', vi: 'Đang xây dựng', en: 'Building', aliases: ['Đang triển khai'] },
  { value: 'operating', vi: 'Đang hoạt động', en: 'Operating', aliases: ['Đã đi vào hoạt động'] },
  { value: 'stopped', vi: 'Ngừng hoạt động', en: 'Stopped', aliases: ['Tạm ngừng hoạt động'] },
  {
    value: 'proposed_revocation',
    vi: 'Đề nghị thu hồi',
    en: 'Proposed for revocation',
    aliases: ['Đề xuất thu hồi'],
  },
  { value: 'terminated', vi: 'Đã chấm dứt', en: 'Terminated', aliases: ['Chấm dứt hoạt động'] },
];

/** The record an import row becomes: every writable fact of a project (null when unknown). */
export type ProjectRecord = {
  code: string;
  name: string;
  zoneCode: string;
  investorCode: string;
  certificateNo: string | null;
  certificateDate: string | null;
  vsicCode: string | null;
  leasedHa: number | null;
  lot: string | null;
  workers: number | null;
  status: ProjectStatus;
};

export const projectRecordFields = [
  'code',
  'name',
  'zoneCode',
  'investorCode',
  'certificateNo',
  'certificateDate',
  'vsicCode',
  'leasedHa',
  'lot',
  'workers',
  'status',
] as const satisfies readonly (keyof ProjectRecord)[];

/** The columns of the project sheet, in template order. */
export function projectColumns(): ColumnDef[] {
  return [
    {
      field: 'code',
      vi: 'Mã dự án',
      en: 'code',
      column: { type: 'text', upperCase: true },
      required: 'always',
      help: {
        meaning:
          'Mã ổn định của dự án, không đổi khi đổi tên. Dòng có mã đã có trong hệ thống sẽ cập nhật dự án đó; mã mới sẽ tạo dự án mới.',
        allowed: 'Chữ in hoa không dấu, chữ số và dấu gạch ngang, tối đa 64 ký tự',
        example: 'DA-TL-0001',
      },
      width: 20,
    },
    {
      field: 'name',
      vi: 'Tên dự án',
      en: 'name',
      column: { type: 'text' },
      required: 'create',
      help: {
        meaning: 'Tên dự án theo giấy chứng nhận đăng ký đầu tư.',
        example: 'Nhà máy sản xuất linh kiện điện tử',
      },
      width: 44,
    },
    {
      field: 'zoneCode',
      vi: 'Mã khu/cụm',
      en: 'zoneCode',
      column: { type: 'text', upperCase: true },
      required: 'create',
      help: {
        meaning:
          'Mã khu/cụm công nghiệp nơi đặt dự án (phải có trong hệ thống và thuộc phạm vi bạn được giao).',
        example: 'KCN-THANG-LONG',
      },
      width: 22,
    },
    {
      field: 'investorCode',
      vi: 'Mã nhà đầu tư',
      en: 'investorCode',
      column: { type: 'text', upperCase: true },
      required: 'create',
      help: {
        meaning: 'Mã tổ chức là nhà đầu tư (phải có trong danh mục tổ chức; nhập tổ chức trước nếu chưa có).',
        example: 'DN-0100109106',
      },
      width: 22,
    },
    {
      field: 'certificateNo',
      vi: 'Số giấy chứng nhận đăng ký đầu tư',
      en: 'certificateNo',
      column: { type: 'text' },
      help: {
        meaning: 'Số giấy chứng nhận đăng ký đầu tư (hoặc quyết định chủ trương).',
        example: '8765432101',
      },
      width: 24,
    },
    {
      field: 'certificateDate',
      vi: 'Ngày cấp',
      en: 'certificateDate',
      column: { type: 'date' },
      help: { meaning: 'Ngày cấp lần đầu của giấy chứng nhận đăng ký đầu tư.', example: '14/03/2018' },
      width: 14,
    },
    {
      field: 'vsicCode',
      vi: 'Mã ngành VSIC',
      en: 'vsicCode',
      column: { type: 'text', upperCase: true },
      help: {
        meaning: 'Ngành kinh tế chính theo VSIC 2018 (Quyết định 27/2018/QĐ-TTg).',
        allowed: 'Một chữ cái A–U (cấp 1) hoặc 2–5 chữ số (cấp 2–5)',
        example: '2610',
      },
      width: 12,
    },
    {
      field: 'leasedHa',
      vi: 'Diện tích đất thuê (ha)',
      en: 'leasedHa',
      column: { type: 'number', maxDecimals: 4 },
      help: { meaning: 'Diện tích đất công nghiệp dự án thuê hoặc thuê lại.', unit: 'ha', example: '2,5' },
      width: 14,
    },
    {
      field: 'lot',
      vi: 'Lô đất',
      en: 'lot',
      column: { type: 'text' },
      help: { meaning: 'Ký hiệu lô đất trong khu/cụm.', example: 'CN-05' },
      width: 14,
    },
    {
      field: 'workers',
      vi: 'Số lao động',
      en: 'workers',
      column: { type: 'number', integer: true },
      help: { meaning: 'Số lao động đang làm việc tại dự án.', unit: 'người', example: '350' },
      width: 12,
    },
    {
      field: 'status',
      vi: 'Trạng thái',
      en: 'status',
      column: { type: 'enum', options: projectStatusOptions },
      help: {
        meaning:
          'Tình trạng hoạt động của dự án. Để trống: "Đã cấp phép" khi tạo mới, giữ nguyên khi cập nhật.',
        example: 'Đang hoạt động',
      },
      width: 18,
    },
  ];
}

/** Fields whose values differ between two records. */
export function projectRecordDiff(before: ProjectRecord, after: ProjectRecord): string[] {
  return projectRecordFields.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}

/** The audit view of a project: the same names and units as the project service records for API edits. */
export function projectAuditView(record: ProjectRecord, version: number) {
  return {
    code: record.code,
    zoneCode: record.zoneCode,
    investorCode: record.investorCode,
    name: record.name,
    certificateNo: record.certificateNo,
    certificateDate: record.certificateDate,
    vsicCode: record.vsicCode,
    leasedHa: record.leasedHa,
    lot: record.lot,
    workers: record.workers,
    status: record.status,
    version,
  };
}

/** "du-an-2026-11-21.xlsx" */
export function projectExportFileName(isoDate: string, extension: 'xlsx' | 'csv'): string {
  return `du-an-${isoDate}.${extension}`;
}

export const projectTemplateFileName = 'mau-nhap-du-an.xlsx';
export const projectSheetName = 'Dự án';
