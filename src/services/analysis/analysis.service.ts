import ExcelJS from 'exceljs';
import { loadFingerprint } from '../../db/data-version';
import type { Analysis, AnalysisQuery } from '../../domain/analysis/analysis.schema';
import { evaluate, sumBy } from '../../domain/analysis/facts';
import { breakdownLabels, indicatorByCode, indicatorCatalogue } from '../../domain/analysis/indicators';
import { stepRanges } from '../../domain/analysis/period-range';
import { AppError, validationError } from '../../domain/shared/errors';
import { requireActor, type ServiceDeps } from '../deps';
import { canReadLeadersView } from '../dashboard/dashboard.policy';
import { projectVisibility } from '../project/project.policy';
import { memo } from '../system/memo';
import { zoneVisibility } from '../zone/zone.policy';
import { IndicatorSources } from './indicator.service';

const MAX_PERIODS = 120;

const OWNERSHIP: Record<string, string> = { fdi: 'FDI', domestic: 'Trong nước', unknown: 'Chưa rõ' };
const STATE: Record<string, string> = {
  operating: 'Đang hoạt động',
  developing: 'Đang đầu tư',
  planned: 'Quy hoạch',
  suspended: 'Tạm dừng',
  unknown: 'Chưa rõ',
};

/**
 * An indicator over consecutive periods of the range, broken down, over the actor's scope; kept while the
 * records and accepted figures are unchanged (docs/decisions/0029), its "as of" the instant it was computed.
 */
export async function getAnalysis(deps: ServiceDeps, query: AnalysisQuery): Promise<Analysis> {
  const actor = requireActor(deps);
  if (!canReadLeadersView(actor)) throw new AppError('forbidden');
  const version = await loadFingerprint(deps.db, ['records', 'accepted']);
  const key = `analysis|${JSON.stringify(query)}|${JSON.stringify(actor.assignments)}`;
  return memo(deps.db, key, version, () => computeAnalysis(deps, query));
}

async function computeAnalysis(deps: ServiceDeps, query: AnalysisQuery): Promise<Analysis> {
  const actor = requireActor(deps);
  const indicator = indicatorByCode(query.indicator);
  if (!indicator) {
    throw validationError({
      indicator: { vi: `Không có chỉ tiêu "${query.indicator}".`, en: `No indicator "${query.indicator}".` },
    });
  }
  if (!indicator.breakdowns.includes(query.by)) {
    throw validationError({
      by: {
        vi: `Chỉ tiêu "${indicator.name.vi}" không chia được theo ${breakdownLabels[query.by].vi.toLowerCase()}.`,
        en: `"${indicator.name.en}" cannot be broken down by ${breakdownLabels[query.by].en.toLowerCase()}.`,
      },
    });
  }
  if (query.from > query.to) {
    throw validationError({
      to: { vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'The end is before the start.' },
    });
  }
  const periods = stepRanges(query.from, query.to, query.step);
  if (periods.length > MAX_PERIODS) {
    throw validationError({
      step: {
        vi: `Tối đa ${MAX_PERIODS} kỳ; chọn bước dài hơn.`,
        en: `At most ${MAX_PERIODS} periods; choose a longer step.`,
      },
    });
  }
  const sources = new IndicatorSources(deps, {
    zones: zoneVisibility(actor),
    projects: projectVisibility(actor),
    family: indicator.family,
    recordedBy: null,
  });
  // A source's rows partition its whole: the total of a period is the sum of the same rows, not a second read.
  const grouped: Map<string, Record<string, number>>[] = [];
  const totals: (number | null)[] = [];
  for (const period of periods) {
    const rows = await sources.rowsOf(indicator.source, period, query.by);
    grouped.push(sumBy(rows, query.by));
    totals.push(evaluate(indicator, sumBy(rows, 'none').get('')));
  }
  const keys = [...new Set(grouped.flatMap((g) => [...g.keys()]))].sort();
  const labels = await sources.labels();
  const labelOf = (key: string) => {
    if (query.by === 'zone' || query.by === 'commune' || query.by === 'former_district') {
      return labels[query.by][key] ?? (key === '?' ? 'Chưa rõ' : key);
    }
    if (query.by === 'ownership') return OWNERSHIP[key] ?? key;
    if (query.by === 'state') return STATE[key] ?? key;
    if (query.by === 'none') return 'Toàn thành phố';
    return key === '?' ? 'Chưa rõ' : key;
  };
  return {
    indicator: {
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      how: indicator.how,
      breakdowns: [...indicator.breakdowns],
    },
    by: query.by,
    periods: periods.map((p) => ({ label: p.label, from: p.from, to: p.to })),
    series: keys.map((key) => ({
      key,
      label: labelOf(key),
      values: grouped.map((g) => (g.has(key) ? evaluate(indicator, g.get(key)) : null)),
    })),
    total: totals,
    asOf: deps.clock.now().toISOString(),
    catalogue: indicatorCatalogue.map((i) => ({ code: i.code, name: i.name })),
  };
}

/** The analysis as an XLSX table: a row per group, a column per period, the total last. */
export async function exportAnalysis(
  deps: ServiceDeps,
  query: AnalysisQuery,
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const analysis = await getAnalysis(deps, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IZIS';
  const sheet = workbook.addWorksheet('Phân tích');
  sheet.addRow([`${analysis.indicator.name.vi} (${analysis.indicator.unit})`]);
  sheet.addRow([`Tính đến ${analysis.asOf}; ${analysis.indicator.how.vi}`]);
  sheet.addRow([breakdownLabels[query.by].vi, ...analysis.periods.map((p) => p.label)]);
  for (const s of analysis.series) sheet.addRow([s.label, ...s.values.map((v) => v ?? '')]);
  sheet.addRow(['Tổng', ...analysis.total.map((v) => v ?? '')]);
  sheet.getRow(3).font = { bold: true };
  sheet.getColumn(1).width = 40;
  return {
    fileName: `phan-tich-${query.indicator}-${query.by}-${query.from}-${query.to}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
