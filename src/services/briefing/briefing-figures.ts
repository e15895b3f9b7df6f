import { evaluate, sumBy } from '../../domain/analysis/facts';
import { indicatorByCode, type IndicatorDefinition } from '../../domain/analysis/indicators';
import { planYear, sameRangeLastYear, yearToDate, type DateRange } from '../../domain/analysis/period-range';
import type { FigureView } from '../../domain/briefing/briefing.schema';
import { derived, placeholdersOf } from '../../domain/briefing/template';
import type { ServiceDeps } from '../deps';
import { IndicatorSources } from '../analysis/indicator.service';

/**
 * The figures a briefing's sentences read, per family: every indicator its templates name, over the period,
 * the same period last year and the year to date, with the year's plan figure — computed through the
 * indicator sources (capital service, registry, accepted reports, targets), "as of" the instant given.
 */

export type ZoneAnnexRow = {
  code: string;
  name: string;
  family: string;
  areaHa: number | null;
  industrialHa: number | null;
  occupancyPct: number | null;
  projects: number | null;
};

export type BriefingFigures = {
  figures: Record<string, Record<string, FigureView>>;
  zones: ZoneAnnexRow[];
};

/** The indicator codes the templates of a family name (context placeholders are not indicators). */
export function indicatorsNamed(templates: readonly string[]): IndicatorDefinition[] {
  const codes = new Set(templates.flatMap((t) => placeholdersOf(t).map((p) => p.code)));
  return [...codes].map(indicatorByCode).filter((i): i is IndicatorDefinition => i !== undefined);
}

async function valuesOver(
  sources: IndicatorSources,
  indicators: readonly IndicatorDefinition[],
  range: DateRange,
): Promise<Record<string, number | null>> {
  const measures = sumBy(await sources.rowsFor(indicators, range, 'none'), 'none').get('');
  return Object.fromEntries(indicators.map((i) => [i.code, evaluate(i, measures)]));
}

export async function computeBriefingFigures(
  deps: ServiceDeps,
  input: {
    range: DateRange;
    families: readonly ('KCN' | 'CCN')[];
    templates: Readonly<Record<'KCN' | 'CCN', readonly string[]>>;
    /** Compute as the history stood at this instant; null for everything recorded so far. */
    recordedBy: Date | null;
  },
): Promise<BriefingFigures> {
  const figures: BriefingFigures['figures'] = {};
  const zones: ZoneAnnexRow[] = [];
  const previousRange = sameRangeLastYear(input.range);
  const ytdRange = yearToDate(input.range);
  for (const family of input.families) {
    const sources = new IndicatorSources(deps, {
      zones: { kind: 'all' },
      projects: { kind: 'all' },
      family,
      recordedBy: input.recordedBy,
    });
    const indicators = indicatorsNamed(input.templates[family]);
    const value = await valuesOver(sources, indicators, input.range);
    const previous = await valuesOver(sources, indicators, previousRange);
    const flows = indicators.filter((i) => i.measure === 'flow');
    const sameAsPeriod = ytdRange.from === input.range.from;
    const ytd = sameAsPeriod ? value : await valuesOver(sources, flows, ytdRange);
    const targets = indicators.some((i) => i.target?.family === family)
      ? await sources.targets(planYear(input.range), family)
      : {};
    figures[family] = Object.fromEntries(
      indicators.map((i) => {
        const f = {
          value: value[i.code] ?? null,
          previous: previous[i.code] ?? null,
          ytd: i.measure === 'flow' ? (ytd[i.code] ?? null) : (value[i.code] ?? null),
          target: i.target && i.target.family === family ? (targets[i.target.indicator] ?? null) : null,
        };
        return [i.code, { ...f, ...derived(f) }];
      }),
    );
    // Annex: the zones of the family at the period's end.
    const labels = await sources.labels();
    const byZone = sumBy(await sources.rowsOf('registry', input.range, 'zone'), 'zone');
    const occupancy = indicatorByCode('occupancy_pct')!;
    for (const [code, m] of byZone) {
      zones.push({
        code,
        name: labels.zone[code] ?? code,
        family,
        areaHa: m.area_ha ?? null,
        industrialHa: m.industrial_ha ?? null,
        occupancyPct: evaluate(occupancy, m),
        projects: m.projects ?? 0,
      });
    }
  }
  return {
    figures,
    zones: zones.sort((a, b) => a.family.localeCompare(b.family) || a.code.localeCompare(b.code)),
  };
}
