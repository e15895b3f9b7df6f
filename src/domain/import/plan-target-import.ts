import { z } from 'zod';
import type { TargetInput, TargetKind, TargetMeasure } from '../plan/plan.schema';
import { lifecycleLabels, lifecycleStates } from '../zone/lifecycle';
import { foldLabel, type ColumnDef, type EnumOption } from './cells';

/**
 * The plan-target sheet: one target of a yearly plan per row. The plan (kế hoạch) is found by family, year and
 * number and must be recorded already; a target is identified within it by its kind and — a report figure —
 * its indicator, or else its title (ignoring case and diacritics), counted by occurrence. Re-importing a file
 * therefore finds every target it wrote and changes nothing; a changed value, measure or list of zones
 * updates the target, as editing it on the plan page does.
 */

export const planFamilyOptions: readonly EnumOption[] = [
  { value: 'KCN', vi: 'Khu công nghiệp', en: 'Industrial parks', aliases: ['KCN'] },
  { value: 'CCN', vi: 'Cụm công nghiệp', en: 'Industrial clusters', aliases: ['CCN'] },
];

export const targetKindOptions: readonly (EnumOption & { value: TargetKind })[] = [
  { value: 'count', vi: 'Theo danh sách khu/cụm', en: 'Named zones', aliases: ['Danh sách'] },
  { value: 'rule', vi: 'Theo quy tắc', en: 'Registry rule', aliases: ['Quy tắc'] },
  { value: 'figure', vi: 'Chỉ số báo cáo', en: 'Report figure', aliases: ['Chỉ số'] },
  { value: 'task', vi: 'Nhiệm vụ', en: 'Task' },
];

export const targetMeasureOptions: readonly (EnumOption & { value: TargetMeasure })[] = [
  { value: 'step_reached', vi: 'Đạt bước', en: 'Step reached' },
  { value: 'occupancy_at_least', vi: 'Tỷ lệ lấp đầy tối thiểu', en: 'Occupancy at least' },
  { value: 'established_or_expanded', vi: 'Thành lập hoặc mở rộng', en: 'Established or expanded' },
  {
    value: 'new_with_compliant_wwtp',
    vi: 'Cụm mới có xử lý nước thải đạt chuẩn',
    en: 'New clusters with a compliant WWTP',
  },
];

const stepOptions: readonly EnumOption[] = lifecycleStates.map((s) => ({
  value: s,
  vi: lifecycleLabels[s].vi,
  en: lifecycleLabels[s].en,
}));

/** "CCN-A: UBND xã Đông Anh; CCN-B" → the zones of a count target, each with its responsible agency. */
export function parseTargetZones(text: string | null | undefined): TargetInput['zones'] {
  return (text ?? '')
    .split(/[;\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':');
      const code = (at < 0 ? entry : entry.slice(0, at)).trim().toUpperCase();
      const responsible = at < 0 ? '' : entry.slice(at + 1).trim();
      return { code, responsible: responsible || null };
    });
}

/** The zones of a count target as the sheet writes them (the inverse of `parseTargetZones`). */
export function formatTargetZones(zones: TargetInput['zones']): string | null {
  return zones.map((z) => (z.responsible ? `${z.code}: ${z.responsible}` : z.code)).join('; ') || null;
}

/** The fields of the natural key (a figure's indicator stands for its title). */
export const planTargetKeyFields = ['planFamily', 'planYear', 'planNumber', 'kind', 'title'] as const;

/** A plan's key: family, year and number (case ignored). */
export function planKey(family: string, year: number, number: string): string {
  return [family, year, number.trim().toUpperCase()].join('|');
}

/** The natural key of a target within its plan (without the occurrence number). */
export function planTargetKey(
  plan: string,
  t: { kind: string; indicator: string | null; title: string },
): string {
  return [plan, t.kind, t.kind === 'figure' && t.indicator ? t.indicator : foldLabel(t.title)].join('|');
}

/** The columns of the plan-target sheet, in template order. */
export function planTargetColumns(): ColumnDef[] {
  return [
    {
      field: 'planFamily',
      vi: 'Khối',
      en: 'family',
      column: { type: 'enum', options: planFamilyOptions },
      required: 'always',
      help: { meaning: 'Kế hoạch của khu công nghiệp (KCN) hay cụm công nghiệp (CCN).', example: 'CCN' },
      width: 18,
    },
    {
      field: 'planYear',
      vi: 'Năm kế hoạch',
      en: 'planYear',
      column: { type: 'number', integer: true },
      required: 'always',
      help: { meaning: 'Năm của kế hoạch (nhận cả các năm trước, từ 2000).', example: '2026' },
      width: 10,
    },
    {
      field: 'planNumber',
      vi: 'Số kế hoạch',
      en: 'planNumber',
      column: { type: 'text' },
      required: 'always',
      help: {
        meaning: 'Số, ký hiệu của kế hoạch đã ghi trong IZIS (trang Chỉ tiêu, kế hoạch).',
        example: '305/KH-UBND',
      },
      width: 18,
    },
    {
      field: 'kind',
      vi: 'Loại chỉ tiêu',
      en: 'kind',
      column: { type: 'enum', options: targetKindOptions },
      required: 'always',
      help: {
        meaning:
          'Theo danh sách khu/cụm (các khu/cụm được nêu đạt một bước hoặc tỷ lệ lấp đầy); theo quy tắc (trên toàn bộ danh mục); chỉ số báo cáo (vốn thu hút, doanh thu…); nhiệm vụ (hoàn thành bằng một văn bản).',
        example: 'Theo danh sách khu/cụm',
      },
      width: 22,
    },
    {
      field: 'title',
      vi: 'Tên chỉ tiêu',
      en: 'title',
      column: { type: 'text' },
      required: 'always',
      help: {
        meaning:
          'Nội dung chỉ tiêu như trong kế hoạch. Cùng với loại chỉ tiêu (chỉ số báo cáo: cùng với chỉ số) dùng để nhận biết chỉ tiêu khi nhập lại.',
        example: 'Hoàn thành hạ tầng 26 cụm công nghiệp',
      },
      width: 50,
    },
    {
      field: 'measure',
      vi: 'Cách đo',
      en: 'measure',
      column: { type: 'enum', options: targetMeasureOptions },
      help: {
        meaning:
          'Bắt buộc với chỉ tiêu theo danh sách (đạt bước; tỷ lệ lấp đầy tối thiểu) và theo quy tắc (cả bốn cách).',
        example: 'Đạt bước',
      },
      width: 24,
    },
    {
      field: 'indicator',
      vi: 'Chỉ số báo cáo',
      en: 'indicator',
      column: { type: 'text' },
      help: {
        meaning: 'Mã chỉ số của báo cáo (chỉ với loại "Chỉ số báo cáo"); mỗi chỉ số một chỉ tiêu trong năm.',
        example: 'capital_fdi_usd',
      },
      width: 22,
    },
    {
      field: 'value',
      vi: 'Giá trị',
      en: 'value',
      column: { type: 'number', maxDecimals: 4 },
      required: 'always',
      help: {
        meaning:
          'Giá trị chỉ tiêu, hoặc cận dưới của khoảng ("5" của "5–10"); số khu/cụm, %, hoặc theo đơn vị của chỉ số.',
        example: '26',
      },
      width: 12,
    },
    {
      field: 'maxValue',
      vi: 'Cận trên',
      en: 'maxValue',
      column: { type: 'number', maxDecimals: 4 },
      help: { meaning: 'Cận trên của khoảng ("10" của "5–10"), nếu có.', example: '10' },
      width: 10,
    },
    {
      field: 'step',
      vi: 'Bước cần đạt',
      en: 'step',
      column: { type: 'enum', options: stepOptions },
      help: {
        meaning: 'Bước của vòng đời cần đạt (cách đo "Đạt bước").',
        example: 'Hoàn thành hạ tầng dùng chung',
      },
      width: 28,
    },
    {
      field: 'thresholdPct',
      vi: 'Tỷ lệ lấp đầy cần đạt (%)',
      en: 'thresholdPct',
      column: { type: 'number', maxDecimals: 2 },
      help: {
        meaning: 'Tỷ lệ lấp đầy cần đạt (cách đo "Tỷ lệ lấp đầy tối thiểu").',
        unit: '%',
        example: '60',
      },
      width: 12,
    },
    {
      field: 'zones',
      vi: 'Khu/cụm',
      en: 'zones',
      column: { type: 'text' },
      help: {
        meaning:
          'Chỉ với chỉ tiêu theo danh sách: mã các khu/cụm, cách nhau bởi dấu ";"; sau mỗi mã có thể ghi cơ quan chịu trách nhiệm sau dấu ":".',
        example: 'CCN-A: UBND xã Đông Anh; CCN-B',
      },
      width: 50,
    },
    {
      field: 'evidenceRef',
      vi: 'Văn bản hoàn thành',
      en: 'evidenceRef',
      column: { type: 'text' },
      help: { meaning: 'Nhiệm vụ: văn bản chứng minh đã hoàn thành.', example: 'Kế hoạch 12/KH-SCT' },
      width: 24,
    },
    {
      field: 'evidenceDate',
      vi: 'Ngày văn bản',
      en: 'evidenceDate',
      column: { type: 'date' },
      help: { meaning: 'Ngày của văn bản hoàn thành nhiệm vụ.', example: '15/03/2026' },
      width: 14,
    },
    {
      field: 'note',
      vi: 'Ghi chú',
      en: 'note',
      column: { type: 'text' },
      help: { meaning: 'Ghi chú.', example: '' },
      width: 30,
    },
  ];
}

export const planTargetTemplateFileName = 'mau-nhap-chi-tieu-ke-hoach.xlsx';
export const planTargetSheetName = 'Chỉ tiêu kế hoạch';

/** "chi-tieu-ke-hoach-2026-11-21.xlsx" */
export function planTargetExportFileName(isoDate: string, extension: 'xlsx' | 'csv'): string {
  return `chi-tieu-ke-hoach-${isoDate}.${extension}`;
}

/** GET /api/plan-targets/export.*: the targets in force of the plans in force, narrowed. */
export const planTargetExportQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  family: z.enum(['KCN', 'CCN']).optional(),
  /** One plan, by its number. */
  plan: z.string().trim().max(64).optional(),
});
export type PlanTargetExportQuery = z.infer<typeof planTargetExportQuerySchema>;
