import type { wwtpStatuses, ZoneKind } from '../zone/zone.schema';
import type { LocalizedText } from '../shared/errors';
import type { Ownership } from '../organisation/organisation.schema';
import type { ProjectStatus } from '../project/project.schema';
import type { IsoDate } from './calendar';
import type { Comparison, Schedule } from './periods';

/**
 * The shape of the indicator catalogue and of form definitions. Everything a regulation fixes — items, units,
 * bounds, cross-item rules, who owes the form, its periods, data windows and deadlines, and how a compiled
 * form is computed — is data of a dated form version, so a new circular is a new version, not new code.
 */

export type FormCode = 'B01' | 'B02' | 'B03' | 'B04' | 'KCN_TENANT' | 'KCN_BOARD';
export const formCodes: readonly FormCode[] = ['B01', 'B02', 'B03', 'B04', 'KCN_TENANT', 'KCN_BOARD'];

/**
 * Who files: a tenant project (Biểu 01, the parks' tenant report), a cluster through its infrastructure
 * developer (Biểu 02), an administrative unit (Biểu 03: the commune, or the district before 1/7/2025), the
 * Department of Industry and Trade (Biểu 04) or the parks' Management Board.
 */
export type ReporterKind = 'project' | 'zone' | 'commune' | 'district' | 'department' | 'management_board';

export type UnitCode =
  | 'bn_vnd'
  | 'm_usd'
  | 'person'
  | 'm_vnd_person_month'
  | 'ha'
  | 'percent'
  | 'project'
  | 'cluster'
  | 'park'
  | 'plant';

export type ValueType = 'decimal' | 'integer' | 'flag';

/** How values of an indicator combine across reporters. */
export type Aggregation =
  | { kind: 'sum' }
  /** Area- or head-count-weighted: Σ(value × weight) ÷ Σ weight. */
  | { kind: 'weighted_average'; weight: string }
  /** 0/1 flags combine to the count of reporters with 1. */
  | { kind: 'count_true' };

export type Indicator = {
  code: string;
  name: LocalizedText;
  unit: UnitCode;
  valueType: ValueType;
  /** Decimal places allowed (and kept in sums); 0 for integers and flags. */
  decimals: number;
  /** `flow`: in the period (revenue); `stock`: at the end of the period (workers, land leased). */
  measure: 'flow' | 'stock';
  aggregation: Aggregation;
  /** Natural bounds, e.g. 0–100 for a percentage. */
  min: number;
  max: number;
};

// ---------------------------------------------------------------------------------------------------------
// Validation rules between items

/** An operand: another item of the filing, a registry fact given as context, or a constant. */
export type Operand = { item: string } | { context: string } | { value: number };
export type CompareOp = '<=' | '<' | '>=' | '>' | '=';

export type RelationRule =
  | {
      kind: 'compare';
      id: string;
      /** The item the message is attached to. */
      item: string;
      left: Operand;
      op: CompareOp;
      right: Operand;
      severity: 'error' | 'warning';
      message: LocalizedText;
    }
  | {
      /** When `if` holds, `then` must hold (e.g. workers > 0 ⇒ average income > 0). */
      kind: 'implies';
      id: string;
      item: string;
      if: { item: string; op: CompareOp; value: number };
      then: { item: string; op: CompareOp; value: number };
      severity: 'error' | 'warning';
      message: LocalizedText;
    };

// ---------------------------------------------------------------------------------------------------------
// Compiled forms (Biểu 03/04, the parks' report): how each item is computed

/** Facts about a cluster at the end of the data window (see `facts.ts`). */
export type ClusterPredicate =
  | 'on_record'
  | 'in_plan'
  | 'established'
  | 'established_in_window'
  | 'enterprise_developer'
  | 'detailed_plan'
  | 'infra_project'
  | 'operating'
  | 'operating_established'
  | 'operating_without_establishment';

/**
 * Clusters for which every `all` predicate holds, at least one `any` predicate holds (when given), and whose
 * type is listed in `ccnTypes` (when given; the type list is configurable).
 */
export type ClusterFilter = {
  all?: readonly ClusterPredicate[];
  any?: readonly ClusterPredicate[];
  ccnTypes?: readonly string[];
};

export type ClusterArea = 'plan_area' | 'area' | 'industrial_land';

/** Per-cluster figures the registry can supply when no accepted developer report (Biểu 02) exists. */
export type RegistryFigure =
  | 'infra_investment_approved'
  | 'infra_investment_paid'
  | 'land_leased'
  | 'occupancy'
  | 'projects'
  | 'projects_fdi'
  | 'projects_operating'
  | 'wwtp_built'
  | 'wwtp_compliant';

export type ReportRef = { form: FormCode; indicator: string };

export type ComputeRule =
  | { kind: 'count_clusters'; filter: ClusterFilter }
  | { kind: 'sum_area'; filter: ClusterFilter; area: ClusterArea }
  /** Σ over clusters of the accepted developer report's figure, or the registry's when there is none. */
  | { kind: 'cluster_report'; filter: ClusterFilter; report: ReportRef; fallback: RegistryFigure | null }
  /** Σ(rate × weight) ÷ Σ weight over clusters; rate from the developer report or the registry. */
  | {
      kind: 'cluster_weighted_average';
      filter: ClusterFilter;
      report: ReportRef;
      fallback: RegistryFigure | null;
      weight: ClusterArea;
    }
  /** Σ of tenants' accepted reports in the clusters, plus (optionally) the developers' own figure. */
  | { kind: 'tenant_reports'; filter: ClusterFilter; report: ReportRef; developerReport?: ReportRef }
  /** Σ of other items of the same form (item 15 = 15.1 + 15.2). */
  | { kind: 'sum_items'; items: readonly string[] }
  /** Parks: capital attracted in the period from the investment ledger (new registrations, increases). */
  | { kind: 'capital'; measure: CapitalMeasure; currency?: 'USD' | 'VND' }
  /** Parks: projects terminated or revoked in the data window. */
  | { kind: 'terminated_projects' }
  /** Parks: operating parks whose central wastewater plant is in one of these states. */
  | { kind: 'zones_with_wwtp'; statuses: readonly WwtpStatus[] };

export type CapitalMeasure =
  'new_count' | 'new_amount' | 'increase_count' | 'increase_amount' | 'attracted_converted';
export type WwtpStatus = (typeof wwtpStatuses)[number];

// ---------------------------------------------------------------------------------------------------------
// Who owes a form

export type ObligationRule =
  /** Each tenant project in a zone of these kinds whose status (at the period end) is listed. */
  | { kind: 'tenant_project'; zoneKinds: readonly ZoneKind[]; projectStatuses: readonly ProjectStatus[] }
  /** Each zone of these kinds matching the filter (the developer files for it). */
  | { kind: 'zone'; zoneKinds: readonly ZoneKind[]; filter: ClusterFilter }
  /** Each administrative unit with at least one zone of these kinds matching the filter. */
  | {
      kind: 'admin_unit';
      level: 'commune' | 'district';
      zoneKinds: readonly ZoneKind[];
      filter: ClusterFilter;
    }
  /** One reporter for the whole province: the Department or the Management Board. */
  | { kind: 'province'; reporterKind: 'department' | 'management_board' };

// ---------------------------------------------------------------------------------------------------------
// Form versions

export type FormItem = {
  /** The legal numbering printed on the form: '1', '15.1'. */
  no: string;
  /** Key of the value in a filing; also names the indicator. */
  indicator: string;
  /** The form's own wording when it differs from the indicator's name. */
  label?: LocalizedText;
  /** Roman-numbered section of a compiled form ('I', 'II', 'III'). */
  section?: string;
  /** 1 for an "of which" line. */
  level?: 0 | 1;
  required: boolean;
  /** Tighter bounds than the indicator's. */
  min?: number;
  max?: number;
  /** Change against the comparison period (±%) above which the reporter must explain; null: not checked. */
  outlierPct?: number | null;
  /** Compiled forms only. */
  compute?: ComputeRule;
  /** The year's plan figure of this indicator is compared with the year-to-date value (parks' report). */
  hasTarget?: boolean;
};

export type FormSection = { code: string; title: LocalizedText };

export type FormVersion = {
  code: FormCode;
  /** Stable version id stored with each revision: the date it took effect. */
  version: string;
  effectiveFrom: IsoDate;
  /** Inclusive; null while in force. */
  effectiveTo: IsoDate | null;
  title: LocalizedText;
  shortTitle: LocalizedText;
  legalBasis: string;
  family: 'CCN' | 'KCN';
  /** `filed` by reporters and reviewed; `compiled` from the registry and accepted filings, then signed. */
  kind: 'filed' | 'compiled';
  reporterKind: ReporterKind;
  /** Who receives it (configuration: recipients changed with the 2025 reorganisation). */
  recipients: readonly LocalizedText[];
  obligation: ObligationRule;
  schedules: readonly Schedule[];
  comparison: Comparison;
  /** Default outlier threshold (±%) for items that do not set their own. */
  outlierPct: number;
  /** Registry facts the validation rules may use (`{ context: key }`). */
  context: readonly { key: string; label: LocalizedText }[];
  sections: readonly FormSection[];
  items: readonly FormItem[];
  rules: readonly RelationRule[];
  /** Compiled CCN forms: developers whose ownership counts as "an enterprise" (Biểu 03 item 7). */
  enterpriseOwnerships?: readonly Ownership[];
};
