import { dueInstant, isOnTime, type IsoDate } from './calendar';
import { formCatalogue, formTerms } from './catalogue';
import { clusterStateAt, matches, type ProjectFacts, type ZoneFacts } from './facts';
import { formCodes, type FormCode, type FormVersion, type ReporterKind } from './form-types';

/**
 * Who owes what — derived from the registry, never typed: a pure function of the zones and projects as they
 * stand at the end of the period's data window, and of each form version's `obligation` rule.
 */

export type Obligation = {
  formCode: FormCode;
  formVersion: string;
  period: string;
  reporter: { kind: ReporterKind; id: string };
  /** The organisation that files: the tenant's investor, or the cluster's developer. */
  organisationId: string | null;
  zoneId: string | null;
  /** The commune (or, before 1/7/2025, the district) whose officer receives it. */
  communeId: string | null;
  districtId: string | null;
  family: 'CCN' | 'KCN';
  window: { start: IsoDate; end: IsoDate };
  dueDate: IsoDate;
  /** End of the due day in Vietnam time (`report_filing.due_at`). */
  dueAt: Date;
  /** `developer_unknown`: the cluster owes Biểu 02 but no developer is recorded to file it. */
  warnings: readonly 'developer_unknown'[];
};

export type ObligationProblem = {
  formCode: FormCode;
  zoneId: string;
  /** A zone whose administrative unit is unknown cannot be assigned to a commune's (district's) Biểu 03. */
  problem: 'no_commune' | 'no_district';
};

export type ObligationInput = {
  period: string;
  zones: readonly ZoneFacts[];
  projects: readonly ProjectFacts[];
  /** Ids of the province-level reporters: the Department of Industry and Trade and the Management Board. */
  province: { department: string; management_board: string };
  forms?: readonly FormCode[];
  catalogue?: readonly FormVersion[];
};

export function obligationsFor(input: ObligationInput): {
  obligations: Obligation[];
  problems: ObligationProblem[];
} {
  const obligations: Obligation[] = [];
  const problems: ObligationProblem[] = [];
  const zonesById = new Map(input.zones.map((z) => [z.id, z]));
  for (const code of input.forms ?? formCodes) {
    const found = formTerms(code, input.period, input.catalogue ?? formCatalogue);
    if (!found) continue;
    const { form, terms } = found;
    const base = {
      formCode: code,
      formVersion: form.version,
      period: terms.period,
      family: form.family,
      window: terms.window,
      dueDate: terms.dueDate,
      dueAt: dueInstant(terms.dueDate),
    };
    const rule = form.obligation;
    const state = (zone: ZoneFacts) => clusterStateAt(zone, terms.window, form.enterpriseOwnerships ?? []);
    switch (rule.kind) {
      case 'tenant_project':
        for (const project of input.projects) {
          const zone = zonesById.get(project.zoneId);
          if (!zone || !rule.zoneKinds.includes(zone.kind) || !rule.projectStatuses.includes(project.status))
            continue;
          obligations.push({
            ...base,
            reporter: { kind: 'project', id: project.id },
            organisationId: project.investorOrgId,
            zoneId: zone.id,
            communeId: zone.communeId,
            districtId: zone.formerDistrictId,
            warnings: [],
          });
        }
        break;
      case 'zone':
        for (const zone of input.zones) {
          if (!rule.zoneKinds.includes(zone.kind) || !matches(state(zone), rule.filter)) continue;
          obligations.push({
            ...base,
            reporter: { kind: 'zone', id: zone.id },
            organisationId: zone.developerOrgId,
            zoneId: zone.id,
            communeId: zone.communeId,
            districtId: zone.formerDistrictId,
            warnings: zone.developerOrgId ? [] : ['developer_unknown'],
          });
        }
        break;
      case 'admin_unit': {
        const units = new Set<string>();
        for (const zone of input.zones) {
          if (!rule.zoneKinds.includes(zone.kind) || !matches(state(zone), rule.filter)) continue;
          const unit = rule.level === 'commune' ? zone.communeId : zone.formerDistrictId;
          if (unit) units.add(unit);
          else
            problems.push({
              formCode: code,
              zoneId: zone.id,
              problem: rule.level === 'commune' ? 'no_commune' : 'no_district',
            });
        }
        for (const unit of [...units].sort()) {
          obligations.push({
            ...base,
            reporter: { kind: rule.level, id: unit },
            organisationId: null,
            zoneId: null,
            communeId: rule.level === 'commune' ? unit : null,
            districtId: rule.level === 'district' ? unit : null,
            warnings: [],
          });
        }
        break;
      }
      case 'province': {
        // The province reports even in a period without zones of the family: a nil report is still due.
        obligations.push({
          ...base,
          reporter: { kind: rule.reporterKind, id: input.province[rule.reporterKind] },
          organisationId: null,
          zoneId: null,
          communeId: null,
          districtId: null,
          warnings: [],
        });
        break;
      }
    }
  }
  return { obligations, problems };
}

export type CompletenessRow = {
  formCode: FormCode;
  period: string;
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
};

/**
 * Completeness and timeliness — expected / received / on time / late / missing — of obligations against the
 * filings received (first submission instants), grouped by a key (commune, zone, …). A filing for an
 * obligation nobody owes is not counted: the registry defines what is expected.
 */
export function completeness(
  obligations: readonly Obligation[],
  submissions: ReadonlyMap<string, Date>,
  groupBy: (o: Obligation) => string = (o) => `${o.formCode}|${o.period}`,
): Map<string, CompletenessRow> {
  const rows = new Map<string, CompletenessRow>();
  for (const o of obligations) {
    const key = groupBy(o);
    const row = rows.get(key) ?? {
      formCode: o.formCode,
      period: o.period,
      expected: 0,
      received: 0,
      onTime: 0,
      late: 0,
      missing: 0,
    };
    row.expected += 1;
    const submittedAt = submissions.get(obligationKey(o));
    if (!submittedAt) row.missing += 1;
    else {
      row.received += 1;
      if (isOnTime(submittedAt, o.dueDate)) row.onTime += 1;
      else row.late += 1;
    }
    rows.set(key, row);
  }
  return rows;
}

/** The natural key of an obligation — the same four columns as `report_filing_key`. */
export function obligationKey(o: Pick<Obligation, 'formCode' | 'period' | 'reporter'>): string {
  return `${o.formCode}|${o.period}|${o.reporter.kind}|${o.reporter.id}`;
}
