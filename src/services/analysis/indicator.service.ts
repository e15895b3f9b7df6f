import { registryFacts, type FactRow } from '../../domain/analysis/facts';
import type { Breakdown, IndicatorDefinition, IndicatorSource } from '../../domain/analysis/indicators';
import type { DateRange } from '../../domain/analysis/period-range';
import { periodsWithin, reportFacts } from '../../domain/analysis/report-facts';
import type { CapitalReport } from '../../domain/project/capital';
import type { FormCode } from '../../domain/reporting/form-types';
import type { ServiceDeps } from '../deps';
import { computeCapital } from '../project/capital.service';
import type { ProjectVisibility } from '../project/project.policy';
import { resolveTargetScope, targetValues } from '../reporting/plan-target.service';
import type { ZoneVisibility } from '../zone/zone.policy';
import {
  loadAcceptedFigures,
  loadRegistry,
  loadTargetsAsOf,
  type Labels,
  type RegistrySnapshot,
} from './analysis.repository';

/**
 * Computes the catalogue's indicators by calling each source's module: the capital service for the ledger,
 * the registry and the accepted reports through this module's repository (scope and "as of" in SQL), the
 * year's targets through the plan-target service (or its audit trail for a past instant). A monitoring source
 * plugs in here as one more case of `rowsOf` calling its service.
 */

export type ComputeScope = {
  zones: ZoneVisibility;
  projects: ProjectVisibility;
  family: 'KCN' | 'CCN' | null;
  /** Compute as the history stood at this instant; null for now. */
  recordedBy: Date | null;
};

const MILLION = 1e6;
const BILLION = 1e9;

function amount(
  section: CapitalReport['attracted'],
  currency: string,
  key: 'newAmount' | 'increaseAmount',
): number {
  const row = section.byCurrency.find((c) => c.currency === currency);
  return row ? Number(row[key]) : 0;
}

function ledgerRows(report: CapitalReport, family: string | null): FactRow[] {
  const rows: FactRow[] = [];
  for (const ownership of ['fdi', 'domestic', 'unknown'] as const) {
    const s = report.byOwnership[ownership];
    rows.push({
      dims: { family, ownership },
      measures: {
        new_projects: s.newProjects,
        new_capital_usd: amount(s, 'USD', 'newAmount') / MILLION,
        new_capital_vnd: amount(s, 'VND', 'newAmount') / BILLION,
        expansion_projects: s.increases,
        expansion_capital_usd: amount(s, 'USD', 'increaseAmount') / MILLION,
        expansion_capital_vnd: amount(s, 'VND', 'increaseAmount') / BILLION,
        capital_attracted_usd: Number(s.convertedUsd.attracted) / MILLION,
      },
    });
  }
  const registered = (currency: string) =>
    Number(report.registered.byCurrency.find((c) => c.currency === currency)?.amount ?? 0);
  rows.push({
    dims: { family, ownership: null },
    measures: {
      registered_capital_usd: registered('USD') / MILLION,
      registered_capital_vnd: registered('VND') / BILLION,
      registered_capital_converted_usd: Number(report.registered.convertedUsd) / MILLION,
      missing_rate_events: report.missingRates.reduce((s, m) => s + m.events, 0),
    },
  });
  return rows;
}

/** A request's sources: the registry snapshot is read once and reused for every range. */
export class IndicatorSources {
  private registry: Promise<RegistrySnapshot> | null = null;

  constructor(
    private readonly deps: ServiceDeps,
    readonly scope: ComputeScope,
  ) {}

  private snapshot(): Promise<RegistrySnapshot> {
    this.registry ??= loadRegistry(this.deps.db, {
      visibility: this.scope.zones,
      family: this.scope.family,
      recordedBy: this.scope.recordedBy,
    });
    return this.registry;
  }

  async labels(): Promise<Labels> {
    return (await this.snapshot()).labels;
  }

  /** Fact rows of one source over a range; `by` says which split the caller needs. */
  async rowsOf(source: IndicatorSource, range: DateRange, by: Breakdown): Promise<FactRow[]> {
    switch (source) {
      case 'ledger': {
        const families = this.scope.family
          ? [this.scope.family]
          : by === 'family'
            ? (['KCN', 'CCN'] as const)
            : [null];
        const rows: FactRow[] = [];
        // One after another: inside a transaction the statements share one connection.
        for (const family of families) {
          const report = await computeCapital(
            this.deps,
            this.scope.projects,
            { from: range.from, to: range.to, ...(family ? { family } : {}) },
            { recordedBy: this.scope.recordedBy },
          );
          rows.push(...ledgerRows(report, family));
        }
        return rows;
      }
      case 'registry': {
        const snapshot = await this.snapshot();
        return registryFacts(snapshot.zones, snapshot.projects, range.to);
      }
      case 'reports': {
        const forms: FormCode[] =
          this.scope.family === 'KCN'
            ? ['KCN_TENANT']
            : this.scope.family === 'CCN'
              ? ['B01']
              : ['KCN_TENANT', 'B01'];
        const periods = Object.fromEntries(forms.map((f) => [f, periodsWithin(f, range)]));
        const figures = await loadAcceptedFigures(
          this.deps.db,
          { visibility: this.scope.zones, family: this.scope.family, recordedBy: this.scope.recordedBy },
          forms.map((form) => ({ form, periods: periods[form]!.map((p) => p.id) })),
        );
        return reportFacts(figures, periods);
      }
      case 'completeness':
      case 'monitoring':
        // Not a fact-row source: completeness is read by the dashboard from the reporting service; monitoring
        // indicators join the catalogue when their modules are merged.
        return [];
    }
  }

  /** The rows every indicator given needs, each source read once. */
  async rowsFor(
    indicators: readonly IndicatorDefinition[],
    range: DateRange,
    by: Breakdown,
  ): Promise<FactRow[]> {
    const sources = [...new Set(indicators.map((i) => i.source))];
    const rows: FactRow[] = [];
    for (const source of sources) rows.push(...(await this.rowsOf(source, range, by)));
    return rows;
  }

  /**
   * The year's plan figures of a family by plan indicator (the city's targets): now through the plan-target
   * service; as of a past instant, the value its audit trail recorded by then.
   */
  async targets(year: number, family: 'KCN' | 'CCN'): Promise<Record<string, number>> {
    if (this.scope.recordedBy) return loadTargetsAsOf(this.deps.db, year, family, this.scope.recordedBy);
    return targetValues(this.deps, await resolveTargetScope(this.deps, year, family, null));
  }
}
