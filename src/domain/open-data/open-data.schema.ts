import { z } from 'zod';
import { writeCsv } from '../import/csv';
import { formatPeriod } from '../reporting/periods';

/**
 * Open data of the signed statutory aggregates (issue 14): every signed Biểu 04 (the city) and Biểu 03 (per
 * commune) as CSV, XLSX and JSON at stable addresses, the items only — no record behind them — under CC BY 4.0.
 * The parks' report has no signing (it is computed, never frozen), so it is not an aggregate to publish.
 */

export const openDataForms = ['B04', 'B03'] as const;
export type OpenDataForm = (typeof openDataForms)[number];
export const openDataFormats = ['csv', 'xlsx', 'json'] as const;
export type OpenDataFormat = (typeof openDataFormats)[number];

export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

export const formTitles: Record<OpenDataForm, { vi: string; en: string }> = {
  B04: {
    vi: 'Biểu 04 — Tình hình cụm công nghiệp trên địa bàn tỉnh/thành phố (Thông tư 14/2024/TT-BCT)',
    en: 'Form 04 — Industrial clusters of the province (Circular 14/2024/TT-BCT)',
  },
  B03: {
    vi: 'Biểu 03 — Tình hình cụm công nghiệp trên địa bàn cấp xã (Thông tư 14/2024/TT-BCT)',
    en: 'Form 03 — Industrial clusters of a commune (Circular 14/2024/TT-BCT)',
  },
};

/** The file part of the address: `2026-H1.csv`, `2025.json`. */
export const openDataFileSchema = z
  .string()
  .max(32)
  .regex(/^\d{4}(-(H[12]|Q[1-4]|M(0[1-9]|1[0-2])))?\.(csv|xlsx|json)$/, {
    message: 'Dạng kỳ.định dạng, ví dụ 2026-H1.csv / period.format, e.g. 2026-H1.csv',
  });

export function parseOpenDataFile(file: string): { period: string; format: OpenDataFormat } {
  const dot = file.lastIndexOf('.');
  return { period: file.slice(0, dot), format: file.slice(dot + 1) as OpenDataFormat };
}

const localized = z.object({ vi: z.string(), en: z.string() });

export const openDataItemSchema = z.object({
  /** Item number on the form: "1"…"27", "15.1"…"16.4". */
  code: z.string(),
  label: localized,
  unit: z.string(),
  value: z.number().nullable(),
});

/** One signed report in the dataset: the city (Biểu 04) or one commune (Biểu 03), its latest signed version. */
export const openDataReportSchema = z.object({
  scope: z.object({ kind: z.enum(['city', 'commune']), code: z.string(), name: z.string() }),
  versionNo: z.number(),
  docNo: z.string().nullable(),
  signedAt: z.string(),
  formVersion: z.string(),
  items: z.array(openDataItemSchema),
});

export const openDataDatasetSchema = z.object({
  id: z.string(),
  title: localized,
  form: z.enum(openDataForms),
  period: z.string(),
  periodLabel: localized,
  /** The latest signing among the reports: the figures are as of then. */
  asOf: z.string(),
  publisher: z.string(),
  licence: z.object({ id: z.string(), name: z.string(), url: z.string() }),
  reports: z.array(openDataReportSchema),
});

export type OpenDataDataset = z.infer<typeof openDataDatasetSchema>;

/** One signed aggregate as the catalogue lists it. */
export type SignedAggregate = { form: OpenDataForm; period: string; asOf: string; reports: number };

export function datasetId(form: OpenDataForm, period: string): string {
  return `${form.toLowerCase()}-${period}`;
}

export function periodLabel(period: string): { vi: string; en: string } {
  try {
    return { vi: formatPeriod(period, 'vi'), en: formatPeriod(period, 'en') };
  } catch {
    return { vi: period, en: period };
  }
}

export const CSV_HEADER = [
  'Mã biểu / Form',
  'Kỳ / Period',
  'Phạm vi / Scope',
  'Mã đơn vị / Unit code',
  'Đơn vị / Unit',
  'Bản ký / Signed version',
  'Số văn bản / Document no.',
  'Thời điểm ký / Signed at',
  'Chỉ tiêu số / Item',
  'Chỉ tiêu',
  'Item',
  'Đơn vị tính / Measure',
  'Giá trị / Value',
] as const;

/** The dataset as table rows (CSV and XLSX): one row per report and item; plain numbers, ISO instants. */
export function datasetRows(dataset: OpenDataDataset): (string | number | null)[][] {
  return dataset.reports.flatMap((r) =>
    r.items.map((i) => [
      dataset.form,
      dataset.period,
      r.scope.kind,
      r.scope.code,
      r.scope.name,
      r.versionNo,
      r.docNo,
      r.signedAt,
      i.code,
      i.label.vi,
      i.label.en,
      i.unit,
      i.value,
    ]),
  );
}

/** CSV (UTF-8 with BOM, comma, CRLF) of the dataset, with its licence in the first line's comment-free form: header, rows. */
export function datasetCsv(dataset: OpenDataDataset): string {
  return writeCsv([[...CSV_HEADER], ...datasetRows(dataset)]);
}

export const openDataIndexSchema = z.object({
  title: localized,
  description: localized,
  publisher: z.string(),
  licence: z.object({ id: z.string(), name: z.string(), url: z.string() }),
  catalog: z.string(),
  datasets: z.array(
    z.object({
      id: z.string(),
      title: localized,
      description: localized,
      asOf: z.string().nullable(),
      distributions: z.array(z.object({ format: z.string(), mediaType: z.string(), url: z.string() })),
    }),
  ),
});

export type OpenDataIndex = z.infer<typeof openDataIndexSchema>;

export const mediaTypes: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  geojson: 'application/geo+json',
};

/** The registry datasets served by the public catalogue (server/routes/catalogue): published fields only. */
export const registryDistributions = ['csv', 'xlsx', 'geojson', 'json'] as const;

/**
 * Everything the open-data index and the DCAT catalogue list, with absolute addresses under `base`.
 */
export function openDataIndex(input: {
  base: string;
  publisher: string;
  aggregates: readonly SignedAggregate[];
}): OpenDataIndex {
  const { base } = input;
  return {
    title: { vi: 'Dữ liệu mở IZIS', en: 'IZIS open data' },
    description: {
      vi: `Dữ liệu mở về khu, cụm công nghiệp của ${input.publisher}: danh mục khu/cụm (các trường được công bố) và các biểu tổng hợp đã ký. Giấy phép CC BY 4.0.`,
      en: `Open data on the industrial parks and clusters of ${input.publisher}: the registry (published fields) and the signed statutory aggregates. Licence CC BY 4.0.`,
    },
    publisher: input.publisher,
    licence: { ...LICENCE },
    catalog: `${base}/api/open-data/catalog.jsonld`,
    datasets: [
      {
        id: 'zones',
        title: {
          vi: 'Danh mục khu, cụm công nghiệp (các trường được công bố)',
          en: 'Industrial parks and clusters (published fields)',
        },
        description: {
          vi: 'Các khu, cụm công nghiệp được công bố với những trường cán bộ chọn công khai (diện tích đất công nghiệp chưa cho thuê luôn công khai theo Nghị định 32/2024), đọc trực tiếp từ cơ sở dữ liệu.',
          en: 'The published industrial parks and clusters with the fields officers made public (unleased industrial land is always public, Decree 32/2024), read live from the registry.',
        },
        asOf: null,
        distributions: registryDistributions.map((format) => ({
          format,
          mediaType: mediaTypes[format]!,
          url: `${base}/api/open-data/zones.${format}`,
        })),
      },
      ...input.aggregates.map((a) => ({
        id: datasetId(a.form, a.period),
        title: {
          vi: `${formTitles[a.form].vi}, ${periodLabel(a.period).vi}`,
          en: `${formTitles[a.form].en}, ${periodLabel(a.period).en}`,
        },
        description: {
          vi: `Các chỉ tiêu của ${a.reports > 1 ? `${a.reports} báo cáo` : 'báo cáo'} đã ký (bản ký mới nhất), đúng như khi ký; không kèm số liệu từng doanh nghiệp.`,
          en: `The items of the signed ${a.reports > 1 ? `${a.reports} reports` : 'report'} (latest signed version), exactly as signed; no per-enterprise figures.`,
        },
        asOf: a.asOf,
        distributions: openDataFormats.map((format) => ({
          format,
          mediaType: mediaTypes[format]!,
          url: `${base}/api/open-data/compilations/${a.form}/${a.period}.${format}`,
        })),
      })),
    ],
  };
}
