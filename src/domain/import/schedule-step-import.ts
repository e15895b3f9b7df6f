import { z } from 'zod';
import { isoDate } from '../shared/fields';
import {
  scheduleSourceKindLabels,
  scheduleSourceKinds,
  scheduleStepLabels,
  scheduleSteps,
  type ScheduleSourceKind,
  type ScheduleStep,
} from '../schedule/schedule';
import type { ColumnDef, EnumOption } from './cells';

/**
 * The schedule sheet: a zone's planned steps, one per row — the planned date, the agency responsible and the
 * document it comes from. A row is identified by zone and step: a planned step is revised, a new one set.
 * The date a step was actually reached is never imported: it is read from the zone's lifecycle events.
 */

export const scheduleStepOptions: readonly EnumOption[] = scheduleSteps.map((value) => ({
  value,
  vi: scheduleStepLabels[value].vi,
  en: scheduleStepLabels[value].en,
}));

export const scheduleSourceKindOptions: readonly EnumOption[] = scheduleSourceKinds.map((value) => ({
  value,
  vi: scheduleSourceKindLabels[value].vi,
  en: scheduleSourceKindLabels[value].en,
}));

/** What an import row sets on a zone's step. */
export type ScheduleStepRecord = {
  zoneCode: string;
  step: ScheduleStep;
  plannedDate: string;
  agency: string;
  sourceKind: ScheduleSourceKind;
  sourceRef: string;
  note: string | null;
};

export const scheduleStepRecordFields = ['plannedDate', 'agency', 'sourceKind', 'sourceRef', 'note'] as const;

/** The fields of the key: one planned date per zone and step. */
export const scheduleStepKeyFields = ['zoneCode', 'step'] as const;

export function scheduleStepKey(s: { zoneCode: string; step: string }): string {
  return `${s.zoneCode}|${s.step}`;
}

/** The columns of the schedule sheet, in template order. */
export function scheduleStepColumns(): ColumnDef[] {
  return [
    {
      field: 'zoneCode',
      vi: 'Mã khu/cụm',
      en: 'zoneCode',
      column: { type: 'text', upperCase: true },
      required: 'always',
      help: {
        meaning: 'Mã của khu, cụm công nghiệp (phải thuộc phạm vi bạn được giao).',
        example: 'CCN-PX',
      },
      width: 16,
    },
    {
      field: 'step',
      vi: 'Bước',
      en: 'step',
      column: { type: 'enum', options: scheduleStepOptions },
      required: 'always',
      help: {
        meaning: 'Bước trong tiến độ của khu/cụm; mỗi khu/cụm có một ngày kế hoạch cho mỗi bước.',
        example: 'Khởi công xây dựng hạ tầng',
      },
      width: 34,
    },
    {
      field: 'plannedDate',
      vi: 'Ngày kế hoạch',
      en: 'plannedDate',
      column: { type: 'date' },
      required: 'create',
      help: { meaning: 'Ngày phải hoàn thành bước theo văn bản căn cứ.', example: '30/06/2027' },
      width: 14,
    },
    {
      field: 'agency',
      vi: 'Cơ quan chịu trách nhiệm',
      en: 'agency',
      column: { type: 'text' },
      required: 'create',
      help: {
        meaning: 'Cơ quan, đơn vị chịu trách nhiệm về bước này.',
        example: 'Công ty CP Phát triển CCN',
      },
      width: 32,
    },
    {
      field: 'sourceKind',
      vi: 'Loại văn bản căn cứ',
      en: 'sourceKind',
      column: { type: 'enum', options: scheduleSourceKindOptions },
      required: 'create',
      help: { meaning: 'Văn bản quy định ngày kế hoạch.', example: 'Quyết định thành lập' },
      width: 24,
    },
    {
      field: 'sourceRef',
      vi: 'Số, ngày văn bản',
      en: 'sourceRef',
      column: { type: 'text' },
      required: 'create',
      help: { meaning: 'Số và ngày của văn bản căn cứ.', example: 'QĐ 1234/QĐ-UBND ngày 14/03/2025' },
      width: 32,
    },
    {
      field: 'note',
      vi: 'Ghi chú',
      en: 'note',
      column: { type: 'text' },
      help: { meaning: 'Ghi chú (tối đa 2000 ký tự); ô trống xoá ghi chú đã có.' },
      width: 36,
    },
  ];
}

/** "tien-do-ke-hoach-2026-11-21.xlsx" */
export function scheduleStepExportFileName(day: string, extension: 'xlsx' | 'csv'): string {
  return `tien-do-ke-hoach-${day}.${extension}`;
}

export const scheduleStepTemplateFileName = 'mau-nhap-tien-do-ke-hoach.xlsx';
export const scheduleStepSheetName = 'Tiến độ kế hoạch';

/** GET /api/schedule-steps/export.*: the planned steps of the zones in scope, narrowed. */
export const scheduleStepExportQuerySchema = z.object({
  /** One zone's schedule (its code). */
  zone: z.string().trim().toUpperCase().max(64).optional(),
  step: z.enum(scheduleSteps).optional(),
  /** Steps planned from / up to (inclusive), yyyy-mm-dd. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ScheduleStepExportQuery = z.infer<typeof scheduleStepExportQuerySchema>;
