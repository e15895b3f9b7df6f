import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { loadFingerprint } from '../../db/data-version';
import { canonicalJson } from '../../domain/exchange/canonical';
import { dcatCatalog } from '../../domain/open-data/dcat';
import {
  CSV_HEADER,
  datasetCsv,
  datasetId,
  datasetRows,
  formTitles,
  LICENCE,
  mediaTypes,
  openDataIndex,
  parseOpenDataFile,
  periodLabel,
  type OpenDataDataset,
  type OpenDataForm,
  type OpenDataFormat,
  type OpenDataIndex,
} from '../../domain/open-data/open-data.schema';
import { formVersion } from '../../domain/reporting/catalogue';
import type { FormCode } from '../../domain/reporting/form-types';
import { indicatorOf } from '../../domain/reporting/indicators';
import { AppError } from '../../domain/shared/errors';
import type { ServiceDeps } from '../deps';
import { loadProvince } from '../exchange/exchange.repository';
import { memo } from '../system/memo';
import { loadLatestSigned, loadSignedAggregates } from './open-data.repository';

/**
 * Open data of the signed statutory aggregates, for anyone (no sign-in): only what was signed, only the items —
 * never the sources behind a figure. Computed once per data version (a new signature moves it).
 */

const label = (form: string, version: string, no: string, indicator: string) => {
  const found = formVersion(form as FormCode, version)?.items.find((i) => i.no === no)?.label;
  const name = found ?? indicatorOf(indicator).name;
  return { vi: name.vi, en: name.en };
};

async function loadDataset(
  deps: ServiceDeps,
  form: OpenDataForm,
  period: string,
): Promise<OpenDataDataset | null> {
  const reports = await loadLatestSigned(deps.db, form, period);
  if (!reports.length) return null;
  const province = await loadProvince(deps.db);
  return {
    id: datasetId(form, period),
    title: formTitles[form],
    form,
    period,
    periodLabel: periodLabel(period),
    asOf: new Date(Math.max(...reports.map((r) => r.signedAt.getTime()))).toISOString(),
    publisher: province.name,
    licence: { ...LICENCE },
    reports: reports.map((r) => ({
      scope:
        r.scopeKind === 'city'
          ? { kind: 'city' as const, code: province.code, name: province.name }
          : { kind: 'commune' as const, code: r.scopeCode, name: r.scopeName },
      versionNo: r.versionNo,
      docNo: r.docNo,
      signedAt: r.signedAt.toISOString(),
      formVersion: r.formVersion,
      items: r.items.map((i) => ({
        code: i.no,
        label: label(form, r.formVersion, i.no, i.indicator),
        unit: i.unit,
        value: i.value,
      })),
    })),
  };
}

/** The signed aggregate of a form and period; 404 when nothing of it is signed. */
export async function openDataset(
  deps: ServiceDeps,
  form: OpenDataForm,
  period: string,
): Promise<OpenDataDataset> {
  const version = await loadFingerprint(deps.db, ['records', 'accepted']);
  const dataset = await memo(deps.db, `open-data|${form}|${period}`, version, () =>
    loadDataset(deps, form, period),
  );
  if (!dataset) throw new AppError('not_found');
  return dataset;
}

async function datasetXlsx(dataset: OpenDataDataset): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IZIS';
  workbook.created = new Date(dataset.asOf);
  workbook.modified = new Date(dataset.asOf);
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow([...CSV_HEADER]).font = { bold: true };
  for (const row of datasetRows(dataset)) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, i) => {
    column.width = [8, 10, 10, 12, 28, 10, 16, 26, 10, 60, 60, 14, 14][i] ?? 14;
  });
  const about = workbook.addWorksheet('Giấy phép');
  for (const row of [
    ['Tên / Title', `${dataset.title.vi} — ${dataset.periodLabel.vi}`],
    ['Title (English)', `${dataset.title.en} — ${dataset.periodLabel.en}`],
    ['Đơn vị công bố / Publisher', dataset.publisher],
    ['Số liệu tại thời điểm ký / As of', dataset.asOf],
    ['Giấy phép / Licence', `${LICENCE.name} (${LICENCE.id}) ${LICENCE.url}`],
  ]) {
    about.addRow(row);
  }
  about.getColumn(1).width = 34;
  about.getColumn(2).width = 100;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export type OpenDataFile = {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
  /** Strong: the same figures give the same tag (and, within a process, the same bytes). */
  etag: string;
  asOf: string;
};

/** The dataset as CSV, XLSX or JSON (`file` is `2026-H1.csv`…); the body is kept per data version. */
export async function openDataFile(
  deps: ServiceDeps,
  form: OpenDataForm,
  file: string,
): Promise<OpenDataFile> {
  const { period, format } = parseOpenDataFile(file);
  const dataset = await openDataset(deps, form, period);
  const version = await loadFingerprint(deps.db, ['records', 'accepted']);
  const tag = createHash('sha256')
    .update(`${format}\n${canonicalJson(dataset)}`)
    .digest('hex')
    .slice(0, 32);
  const body = await memo(
    deps.db,
    `open-data-file|${form}|${period}|${format}`,
    `${version}|${tag}`,
    async () =>
      format === 'csv'
        ? datasetCsv(dataset)
        : format === 'xlsx'
          ? datasetXlsx(dataset)
          : JSON.stringify(dataset),
  );
  return {
    body,
    contentType:
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : format === 'json'
          ? 'application/json; charset=utf-8'
          : mediaTypes.xlsx!,
    fileName: `${datasetId(form, period)}.${format satisfies OpenDataFormat}`,
    etag: `"${tag}"`,
    asOf: dataset.asOf,
  };
}

/** The open-data index: the registry datasets and every signed aggregate, with their addresses. */
export async function openDataIndexFor(deps: ServiceDeps, base: string): Promise<OpenDataIndex> {
  const version = await loadFingerprint(deps.db, ['records', 'accepted']);
  const { aggregates, publisher } = await memo(deps.db, 'open-data|aggregates', version, async () => ({
    aggregates: (await loadSignedAggregates(deps.db)).map((a) => ({
      form: a.formCode as OpenDataForm,
      period: a.period,
      asOf: a.asOf.toISOString(),
      reports: a.reports,
    })),
    publisher: (await loadProvince(deps.db)).name,
  }));
  return openDataIndex({ base, publisher, aggregates });
}

/** The DCAT-AP catalogue (JSON-LD) of the same datasets. */
export async function openDataCatalog(deps: ServiceDeps, base: string): Promise<Record<string, unknown>> {
  return dcatCatalog(await openDataIndexFor(deps, base));
}
