import type { IsoDate } from './calendar';
import { formTerms } from './catalogue';
import { ExactSum, roundTo } from './decimal';
import {
  areaOf,
  clusterStateAt,
  matches,
  registryField,
  registryFigure,
  type ClusterState,
  type ProjectFacts,
  type ZoneFacts,
} from './facts';
import type {
  CapitalMeasure,
  ComputeRule,
  FormCode,
  FormItem,
  FormVersion,
  RegistryFigure,
  ReportRef,
  UnitCode,
} from './form-types';
import { indicatorOf } from './indicators';
import type { FilingValues } from './validation';

/**
 * Biểu 03 (per commune; per district before 1/7/2025) and Biểu 04 (the province), computed — never typed —
 * from the registry and the accepted Biểu 01/02 of the period. Every figure comes with the records behind it
 * (`sources`, each with its contribution) and what is missing (`gaps`), so the officer can drill down from a
 * total to the clusters, projects and filings that make it.
 */

/** The accepted revision of a filing (only accepted revisions feed a compiled report). */
export type AcceptedFiling = {
  id: string;
  formCode: FormCode;
  period: string;
  reporterKind: 'project' | 'zone';
  reporterId: string;
  revisionNo: number;
  values: FilingValues;
};

export type SourceRef =
  | { kind: 'zone'; id: string; code: string; field: string; contribution: number; weight?: number }
  | {
      kind: 'filing';
      id: string;
      formCode: FormCode;
      revisionNo: number;
      reporterKind: 'project' | 'zone';
      reporterId: string;
      zoneId: string;
      indicator: string;
      /** For a weighted average, the reporter's own rate; otherwise its share of the sum. */
      contribution: number;
      weight?: number;
    }
  | { kind: 'project'; id: string; code: string; zoneId: string; contribution: number }
  /** Capital attracted, read from the investment ledger for a date range (drill-down: the capital page). */
  | {
      kind: 'capital';
      from: IsoDate;
      to: IsoDate;
      measure: CapitalMeasure;
      currency: string | null;
      contribution: number;
    };

export type Gap =
  /** An accepted report is missing; `fallback` says whether the registry filled in for it. */
  | {
      kind: 'filing_missing';
      formCode: FormCode;
      reporterKind: 'project' | 'zone';
      reporterId: string;
      zoneId: string;
      fallback: 'registry' | 'none';
    }
  /** The registry lacks a fact the item needs (e.g. a cluster's area). */
  | { kind: 'registry_missing'; zoneId: string; field: string }
  /** Ledger events that could not be converted to USD for want of an exchange rate. */
  | { kind: 'exchange_rate_missing'; events: number; range: 'period' | 'year_to_date' };

export type CompiledItem = {
  no: string;
  indicator: string;
  section: string | null;
  level: 0 | 1;
  unit: UnitCode;
  /** Null only for an average over nothing (no weight). */
  value: number | null;
  sources: SourceRef[];
  gaps: Gap[];
};

export type Scope = { kind: 'commune'; id: string } | { kind: 'district'; id: string } | { kind: 'province' };

export type CompiledReport = {
  formCode: FormCode;
  formVersion: string;
  period: string;
  scope: Scope;
  window: { start: IsoDate; end: IsoDate };
  items: CompiledItem[];
};

export type CompileInput = {
  formCode: 'B03' | 'B04';
  period: string;
  scope: Scope;
  zones: readonly ZoneFacts[];
  projects: readonly ProjectFacts[];
  /** Accepted filings; those of other forms or periods are ignored. */
  filings: readonly AcceptedFiling[];
  catalogue?: readonly FormVersion[];
};

function inScope(zone: ZoneFacts, scope: Scope): boolean {
  if (scope.kind === 'commune') return zone.communeId === scope.id;
  if (scope.kind === 'district') return zone.formerDistrictId === scope.id;
  return true;
}

type Context = {
  form: FormVersion;
  clusters: ClusterState[];
  projectsByZone: Map<string, ProjectFacts[]>;
  filingOf: (form: FormCode, kind: 'project' | 'zone', id: string) => AcceptedFiling | undefined;
  /** The accepted filings of one form and reporter kind, by reporter id. */
  filingsOf: (form: FormCode, kind: 'project' | 'zone') => ReadonlyMap<string, AcceptedFiling> | undefined;
  /** Tenant projects that owe Biểu 01 this period (missing ones are gaps of items 23–25). */
  owesTenantReport: (project: ProjectFacts) => boolean;
};

/** The filings that changed since a live report was computed: ids gone or changed, and their new state. */
export type FilingChanges = {
  /** Filings no longer accepted, deleted, moved out of scope — or changed (their new state is in `upserted`). */
  removed: Iterable<string>;
  /** Accepted filings as they now are (new ones and changed ones). */
  upserted: readonly AcceptedFiling[];
};

/**
 * A compiled report kept up to date with the filings: `update` takes the filings that changed since and
 * recomputes only what they touch — the clusters they belong to, in the items that read filings — then adds
 * the clusters' contributions up again, in the same order and with the same exact sums as a computation
 * afresh, so the result is equal to `compileClusterReport` on the new filings, to the last source.
 */
export type LiveClusterReport = {
  readonly report: CompiledReport;
  update(changes: FilingChanges): CompiledReport;
};

export function compileClusterReport(input: CompileInput): CompiledReport {
  return liveClusterReport(input).report;
}

/** What one cluster contributes to one item: its exact subtotal, its weighted pair, its sources and gaps. */
type Part = {
  sum: ExactSum;
  /** A weighted average's (value, weight) of this cluster, if it has both. */
  pair: { value: number; weight: number } | null;
  sources: SourceRef[];
  gaps: Gap[];
};

/** An item computed per selected cluster (every rule but `sum_items`). */
type ClusterItem = {
  item: FormItem;
  rule: ComputeRule;
  decimals: number;
  selected: ClusterState[];
  /** Positions in `selected` by zone id. */
  at: Map<string, number>;
  parts: Part[];
};

const readsFilings = (rule: ComputeRule): boolean =>
  rule.kind === 'cluster_report' ||
  rule.kind === 'cluster_weighted_average' ||
  rule.kind === 'tenant_reports';

export function liveClusterReport(input: CompileInput): LiveClusterReport {
  const found = formTerms(input.formCode, input.period, input.catalogue);
  if (!found) throw new RangeError(`${input.formCode} is not due for ${input.period}`);
  const { form, terms } = found;
  // Indexed once by form and reporter kind, then reporter: the lookups below run once per project and item.
  const filings = new Map<string, Map<string, AcceptedFiling>>();
  const byId = new Map<string, AcceptedFiling>();
  const groupOf = (f: AcceptedFiling) => `${f.formCode}|${f.reporterKind}`;
  const add = (f: AcceptedFiling) => {
    if (f.period !== terms.period) return;
    const group = groupOf(f);
    let byReporter = filings.get(group);
    if (!byReporter) filings.set(group, (byReporter = new Map()));
    const before = byReporter.get(f.reporterId);
    if (before) byId.delete(before.id);
    byReporter.set(f.reporterId, f);
    byId.set(f.id, f);
  };
  for (const f of input.filings) add(f);
  const projectsByZone = new Map<string, ProjectFacts[]>();
  const zoneOfProject = new Map<string, string>();
  for (const p of input.projects) {
    zoneOfProject.set(p.id, p.zoneId);
    const list = projectsByZone.get(p.zoneId);
    if (list) list.push(p);
    else projectsByZone.set(p.zoneId, [p]);
  }
  const tenantRule = formTerms('B01', input.period, input.catalogue)?.form.obligation;
  const ctx: Context = {
    form,
    clusters: input.zones
      .filter((z) => z.kind === 'CCN' && inScope(z, input.scope))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((z) => clusterStateAt(z, terms.window, form.enterpriseOwnerships ?? [])),
    projectsByZone,
    filingOf: (code, kind, id) => filings.get(`${code}|${kind}`)?.get(id),
    filingsOf: (code, kind) => filings.get(`${code}|${kind}`),
    owesTenantReport: (p) =>
      tenantRule?.kind === 'tenant_project' && tenantRule.projectStatuses.includes(p.status),
  };
  const perCluster = new Map<string, ClusterItem>();
  const computed = new Map<string, CompiledItem>();
  // Items that sum other items come after them in the form, but order does not matter: resolve on demand.
  const resolve = (item: FormItem): CompiledItem => {
    const done = computed.get(item.no);
    if (done) return done;
    const rule = item.compute;
    if (!rule) throw new RangeError(`${form.code} item ${item.no} has no compute rule`);
    const indicator = indicatorOf(item.indicator);
    let evaluated: Evaluated;
    if (rule.kind === 'sum_items') {
      evaluated = sumItems(rule.items, indicator.decimals, (no) => {
        const other = form.items.find((i) => i.no === no);
        if (!other) throw new RangeError(`${form.code}: item ${no} does not exist`);
        return resolve(other);
      });
    } else {
      if (rule.kind === 'capital' || rule.kind === 'terminated_projects' || rule.kind === 'zones_with_wwtp') {
        throw new RangeError(`${rule.kind} is a parks' rule; use compileParksReport`);
      }
      let state = perCluster.get(item.no);
      if (!state) {
        const selected = 'filter' in rule ? ctx.clusters.filter((c) => matches(c, rule.filter)) : [];
        state = {
          item,
          rule,
          decimals: indicator.decimals,
          selected,
          at: new Map(selected.map((c, i) => [c.zone.id, i])),
          parts: selected.map((c) => clusterPart(rule, indicator.decimals, ctx, c)),
        };
        perCluster.set(item.no, state);
      }
      evaluated = fold(state.rule, state.decimals, state.parts);
    }
    const result: CompiledItem = {
      no: item.no,
      indicator: item.indicator,
      section: item.section ?? null,
      level: item.level ?? 0,
      unit: indicator.unit,
      ...evaluated,
    };
    computed.set(item.no, result);
    return result;
  };
  const assemble = (): CompiledReport => ({
    formCode: form.code,
    formVersion: form.version,
    period: terms.period,
    scope: input.scope,
    window: terms.window,
    items: form.items.map(resolve),
  });
  let report = assemble();
  const zoneOf = (f: AcceptedFiling): string | undefined =>
    f.reporterKind === 'zone' ? f.reporterId : zoneOfProject.get(f.reporterId);
  return {
    get report() {
      return report;
    },
    update(changes) {
      const touched = new Set<string>();
      const forget = (id: string) => {
        const before = byId.get(id);
        if (!before) return;
        byId.delete(id);
        const byReporter = filings.get(groupOf(before));
        if (byReporter?.get(before.reporterId) === before) byReporter.delete(before.reporterId);
        const zone = zoneOf(before);
        if (zone) touched.add(zone);
      };
      for (const id of changes.removed) forget(id);
      for (const f of changes.upserted) {
        forget(f.id);
        if (f.period !== terms.period) continue;
        // Another accepted filing of the same reporter (not possible under the filings' unique key) is replaced.
        const other = filings.get(groupOf(f))?.get(f.reporterId);
        if (other) forget(other.id);
        add(f);
        const zone = zoneOf(f);
        if (zone) touched.add(zone);
      }
      if (touched.size === 0) return report;
      // Keep the items that read no filing or none of the touched clusters; the sums of items are redone.
      const kept = new Map<string, CompiledItem>();
      for (const [no, result] of computed) {
        const state = perCluster.get(no);
        if (!state) continue;
        let changed = false;
        if (readsFilings(state.rule)) {
          for (const zone of touched) {
            const i = state.at.get(zone);
            if (i === undefined) continue;
            state.parts[i] = clusterPart(state.rule, state.decimals, ctx, state.selected[i]!);
            changed = true;
          }
        }
        if (!changed) kept.set(no, result);
      }
      computed.clear();
      for (const [no, result] of kept) computed.set(no, result);
      report = assemble();
      return report;
    },
  };
}

type Evaluated = { value: number | null; sources: SourceRef[]; gaps: Gap[] };

/** Adds the clusters' contributions up in their order: the same sums, sources and gaps as one pass. */
function fold(rule: ComputeRule, decimals: number, parts: readonly Part[]): Evaluated {
  const sum = new ExactSum(decimals);
  const sources: SourceRef[] = [];
  const gaps: Gap[] = [];
  let weighted = 0;
  let weights = 0;
  for (const part of parts) {
    sum.addSum(part.sum);
    if (part.pair) {
      weighted += part.pair.value * part.pair.weight;
      weights += part.pair.weight;
    }
    for (const s of part.sources) sources.push(s);
    for (const g of part.gaps) gaps.push(g);
  }
  if (rule.kind === 'cluster_weighted_average') {
    return { value: weights > 0 ? roundTo(weighted / weights, decimals) : null, sources, gaps };
  }
  return { value: sum.value, sources, gaps };
}

function sumItems(
  items: readonly string[],
  decimals: number,
  other: (no: string) => CompiledItem,
): Evaluated {
  const sum = new ExactSum(decimals);
  const sources: SourceRef[] = [];
  const gaps: Gap[] = [];
  for (const no of items) {
    const part = other(no);
    if (part.value !== null) sum.add(part.value);
    for (const s of part.sources) sources.push(s);
    for (const g of part.gaps) gaps.push(g);
  }
  return { value: sum.value, sources, gaps };
}

/** What one cluster contributes to an item under its rule. */
function clusterPart(rule: ComputeRule, decimals: number, ctx: Context, c: ClusterState): Part {
  const sum = new ExactSum(decimals);
  const sources: SourceRef[] = [];
  const gaps: Gap[] = [];
  let pair: Part['pair'] = null;
  switch (rule.kind) {
    case 'count_clusters':
      sum.add(1);
      sources.push({ kind: 'zone', id: c.zone.id, code: c.zone.code, field: 'lifecycle', contribution: 1 });
      break;
    case 'sum_area': {
      const area = areaOf(c, rule.area);
      const field =
        rule.area === 'plan_area'
          ? 'planEntries.areaHa'
          : rule.area === 'industrial_land'
            ? 'industrialLandHa'
            : 'areaHa';
      if (area === null) {
        gaps.push({ kind: 'registry_missing', zoneId: c.zone.id, field });
        break;
      }
      sum.add(roundTo(area, decimals));
      sources.push({
        kind: 'zone',
        id: c.zone.id,
        code: c.zone.code,
        field,
        contribution: roundTo(area, decimals),
      });
      break;
    }
    case 'cluster_report':
    case 'cluster_weighted_average': {
      const figure = clusterFigure(c, rule.report, rule.fallback, ctx, gaps);
      if (!figure) break;
      const value = roundTo(figure.value, decimals);
      if (rule.kind === 'cluster_report') {
        sum.add(value);
        for (const s of figure.sources) sources.push(s);
        break;
      }
      const weight = areaOf(c, rule.weight);
      if (weight === null || weight <= 0) {
        gaps.push({ kind: 'registry_missing', zoneId: c.zone.id, field: 'industrialLandHa' });
        break;
      }
      pair = { value, weight };
      for (const source of figure.sources)
        sources.push({ ...source, contribution: value, weight } as SourceRef);
      break;
    }
    case 'tenant_reports': {
      const tenantFilings = ctx.filingsOf(rule.report.form, 'project');
      for (const project of ctx.projectsByZone.get(c.zone.id) ?? []) {
        const filing = tenantFilings?.get(project.id);
        const v = filing?.values[rule.report.indicator];
        if (filing && typeof v === 'number') {
          sum.add(v);
          sources.push(filingSource(filing, c.zone.id, rule.report.indicator, v));
        } else if (ctx.owesTenantReport(project)) {
          gaps.push({
            kind: 'filing_missing',
            formCode: rule.report.form,
            reporterKind: 'project',
            reporterId: project.id,
            zoneId: c.zone.id,
            fallback: 'none',
          });
        }
      }
      if (rule.developerReport) {
        const filing = ctx.filingOf(rule.developerReport.form, 'zone', c.zone.id);
        const v = filing?.values[rule.developerReport.indicator];
        if (filing && typeof v === 'number') {
          sum.add(v);
          sources.push(filingSource(filing, c.zone.id, rule.developerReport.indicator, v));
        } else {
          gaps.push({
            kind: 'filing_missing',
            formCode: rule.developerReport.form,
            reporterKind: 'zone',
            reporterId: c.zone.id,
            zoneId: c.zone.id,
            fallback: 'none',
          });
        }
      }
      break;
    }
    case 'sum_items':
      throw new RangeError('sum_items is not computed per cluster');
    case 'capital':
    case 'terminated_projects':
    case 'zones_with_wwtp':
      throw new RangeError(`${rule.kind} is a parks' rule; use compileParksReport`);
  }
  return { sum, pair, sources, gaps };
}

function filingSource(filing: AcceptedFiling, zoneId: string, indicator: string, value: number): SourceRef {
  return {
    kind: 'filing',
    id: filing.id,
    formCode: filing.formCode,
    revisionNo: filing.revisionNo,
    reporterKind: filing.reporterKind,
    reporterId: filing.reporterId,
    zoneId,
    indicator,
    contribution: value,
  };
}

/**
 * A cluster's figure: its developer's accepted report, else the registry (the missing report is recorded as a
 * gap either way), else nothing. Registry counts of projects point at the projects themselves.
 */
function clusterFigure(
  c: ClusterState,
  report: ReportRef,
  fallback: RegistryFigure | null,
  ctx: Context,
  gaps: Gap[],
): { value: number; sources: SourceRef[] } | null {
  const filing = ctx.filingOf(report.form, 'zone', c.zone.id);
  const reported = filing?.values[report.indicator];
  if (filing && typeof reported === 'number') {
    return { value: reported, sources: [filingSource(filing, c.zone.id, report.indicator, reported)] };
  }
  const projects = ctx.projectsByZone.get(c.zone.id) ?? [];
  const registry = fallback ? registryFigure(c.zone, fallback, projects) : null;
  gaps.push({
    kind: 'filing_missing',
    formCode: report.form,
    reporterKind: 'zone',
    reporterId: c.zone.id,
    zoneId: c.zone.id,
    fallback: registry === null ? 'none' : 'registry',
  });
  if (registry === null || !fallback) return null;
  const counted = projectsCounted(fallback, projects);
  if (counted) {
    return {
      value: registry,
      sources: counted.map((p) => ({
        kind: 'project',
        id: p.id,
        code: p.code,
        zoneId: c.zone.id,
        contribution: 1,
      })),
    };
  }
  return {
    value: registry,
    sources: [
      {
        kind: 'zone',
        id: c.zone.id,
        code: c.zone.code,
        field: registryField[fallback],
        contribution: registry,
      },
    ],
  };
}

/** The projects a registry count is made of (the same filters as `registryFigure`), or null for other figures. */
function projectsCounted(figure: RegistryFigure, projects: readonly ProjectFacts[]): ProjectFacts[] | null {
  const live = projects.filter((p) => p.status !== 'terminated');
  if (figure === 'projects') return live;
  if (figure === 'projects_fdi') return live.filter((p) => p.investorIsFdi);
  if (figure === 'projects_operating') return live.filter((p) => p.status === 'operating');
  return null;
}
