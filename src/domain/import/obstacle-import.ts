import { obstacleStatusLabels, obstacleStatuses, type ObstacleStatus } from '../monitoring/obstacle';
import type { ColumnDef, EnumOption } from './cells';

/**
 * The obstacle sheet (vướng mắc). An import only raises new obstacles — never changes a stored one (that is
 * done on the obstacle's page, where its history is kept). Obstacles have no code: a row is identified by
 * zone, title and the day raised, counted by occurrence — the n-th identical row of a file is the n-th
 * identical stored obstacle (in recording order) — so importing a file twice finds every obstacle the first
 * import raised and writes nothing.
 */

export type ObstacleCategoryOption = { code: string; nameVi: string; nameEn: string };

/** The fields of the natural key. */
export const obstacleKeyFields = ['zoneCode', 'title', 'raisedOn'] as const;

/** The natural key of an obstacle (without the occurrence number). */
export function obstacleKey(o: { zoneCode: string; title: string; raisedOn: string }): string {
  return [o.zoneCode, o.title.trim(), o.raisedOn].join('|');
}

export const obstacleStatusOptions: readonly EnumOption[] = obstacleStatuses.map((value) => ({
  value,
  vi: obstacleStatusLabels[value].vi,
  en: obstacleStatusLabels[value].en,
}));

/** The columns an import writes from, in template order (the category options come from the catalogue). */
export function obstacleColumns(categories: readonly ObstacleCategoryOption[]): ColumnDef[] {
  return [
    {
      field: 'zoneCode',
      vi: 'Mã khu/cụm',
      en: 'zoneCode',
      column: { type: 'text', upperCase: true },
      required: 'always',
      help: {
        meaning: 'Mã của khu, cụm công nghiệp có vướng mắc (phải thuộc phạm vi bạn được giao).',
        example: 'CCN-PX',
      },
      width: 16,
    },
    {
      field: 'projectCode',
      vi: 'Mã dự án',
      en: 'projectCode',
      column: { type: 'text', upperCase: true },
      help: {
        meaning: 'Mã dự án thứ cấp của khu/cụm khi vướng mắc là của dự án; để trống nếu là của khu/cụm.',
        example: 'DA-PX-0001',
      },
      width: 16,
    },
    {
      field: 'categoryCode',
      vi: 'Nhóm vướng mắc',
      en: 'category',
      column: {
        type: 'enum',
        options: categories.map((c) => ({ value: c.code, vi: c.nameVi, en: c.nameEn })),
      },
      required: 'create',
      help: { meaning: 'Nhóm vướng mắc theo danh mục của hệ thống.', example: 'Giải phóng mặt bằng' },
      width: 22,
    },
    {
      field: 'title',
      vi: 'Nội dung vướng mắc',
      en: 'title',
      column: { type: 'text' },
      required: 'always',
      help: {
        meaning: 'Vướng mắc là gì, trong một dòng (tối đa 300 ký tự).',
        example: 'Còn 3 hộ chưa nhận tiền bồi thường',
      },
      width: 50,
    },
    {
      field: 'description',
      vi: 'Mô tả chi tiết',
      en: 'description',
      column: { type: 'text' },
      help: { meaning: 'Diễn giải, số liệu, kiến nghị (tối đa 4000 ký tự).' },
      width: 50,
    },
    {
      field: 'agency',
      vi: 'Cơ quan chịu trách nhiệm',
      en: 'agency',
      column: { type: 'text' },
      required: 'create',
      help: { meaning: 'Cơ quan, đơn vị phải xử lý vướng mắc.', example: 'UBND xã Phùng Xá' },
      width: 32,
    },
    {
      field: 'raisedOn',
      vi: 'Ngày phát sinh',
      en: 'raisedOn',
      column: { type: 'date' },
      required: 'always',
      help: { meaning: 'Ngày ghi nhận vướng mắc (không sau hôm nay).', example: '14/03/2026' },
      width: 14,
    },
    {
      field: 'deadline',
      vi: 'Hạn xử lý',
      en: 'deadline',
      column: { type: 'date' },
      help: {
        meaning: 'Hạn xử lý (không trước ngày phát sinh); để trống nếu chưa có.',
        example: '30/06/2026',
      },
      width: 14,
    },
  ];
}

/**
 * The columns an export adds after the template's: what the obstacle has become since it was raised. An
 * import reads them but never writes them: a new obstacle is always raised open.
 */
export function obstacleStateColumns(): ColumnDef[] {
  return [
    {
      field: 'status',
      vi: 'Trạng thái',
      en: 'status',
      column: { type: 'enum', options: obstacleStatusOptions },
      help: {
        meaning:
          'Chỉ có trong tệp xuất. Khi nhập không được ghi: vướng mắc mới luôn ở trạng thái "Mới phát sinh"; chuyển trạng thái trên trang của vướng mắc.',
      },
      width: 20,
    },
    {
      field: 'daysOverdue',
      vi: 'Số ngày quá hạn',
      en: 'daysOverdue',
      column: { type: 'number', integer: true },
      help: { meaning: 'Chỉ có trong tệp xuất (tính tại ngày xuất). Khi nhập được bỏ qua.' },
      width: 12,
    },
    {
      field: 'resolution',
      vi: 'Kết quả xử lý',
      en: 'resolution',
      column: { type: 'text' },
      help: {
        meaning:
          'Chỉ có trong tệp xuất: kết quả hoặc lý do dừng xử lý. Khi nhập không được ghi (vướng mắc mới chưa có kết quả).',
      },
      width: 40,
    },
  ];
}

/** The state a row may give a new obstacle: none, or "open". */
export function isRaisedState(status: unknown): boolean {
  return status === null || status === undefined || (status as ObstacleStatus) === 'open';
}

/** "vuong-mac-2026-11-21.xlsx" */
export function obstacleExportFileName(isoDate: string, extension: 'xlsx' | 'csv'): string {
  return `vuong-mac-${isoDate}.${extension}`;
}

export const obstacleTemplateFileName = 'mau-nhap-vuong-mac.xlsx';
export const obstacleSheetName = 'Vướng mắc';
