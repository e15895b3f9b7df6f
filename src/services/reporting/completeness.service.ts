import { sql } from 'drizzle-orm';
import { hasPermission } from '../../domain/identity/roles';
import { timeliness, type Timeliness } from '../../domain/reporting/calendar';
import { formCodes, type FormCode } from '../../domain/reporting/form-types';
import { obligationKey, obligationsFor, type Obligation } from '../../domain/reporting/obligations';
import { parsePeriod } from '../../domain/reporting/periods';
import { AppError, validationError } from '../../domain/shared/errors';
import { requireActor, type ServiceDeps } from '../deps';
import { loadClusterFacts, loadProjectFacts } from './compilation.repository';
import { canReadFiling, type FilingFacts } from './filing.policy';

export type CompletenessGroup = 'form' | 'commune' | 'zone';

export type CompletenessQuery = {
  period: string;
  groupBy?: CompletenessGroup;
  formCode?: FormCode;
};

export type CompletenessRowView = {
  formCode: FormCode;
  period: string;
  group: { kind: CompletenessGroup; id: string | null; code: string | null; name: string | null };
  expected: number;
  received: number;
  onTime: number;
  late: number;
  /** Not submitted and the due day is over. */
  overdue: number;
  /** Not submitted yet, still before the deadline. */
  pending: number;
  dueDate: string;
};

export type OutstandingObligation = {
  formCode: FormCode;
  period: string;
  reporter: { kind: string; id: string; code: string | null; name: string | null };
  zoneCode: string | null;
  communeCode: string | null;
  dueDate: string;
  status: Timeliness;
  filingStatus: string | null;
};

export type CompletenessReport = {
  period: string;
  asOf: string;
  rows: CompletenessRowView[];
  /** Expected reports not (yet) submitted, overdue first — the list reminders are sent from. */
  outstanding: OutstandingObligation[];
};

type Lookup = { code: string; name: string };
type Raw = Record<string, unknown>;
const rowsOf = (result: unknown): Raw[] => (result as { rows: Raw[] }).rows;

/**
 * Expected / received / on time / late / overdue / pending per form and commune or zone for a period: the
 * expected reports are derived from the registry (domain/reporting/obligations), the received ones are the
 * filings' first submissions; only what the caller may read is counted.
 */
export async function completenessReport(
  deps: ServiceDeps,
  query: CompletenessQuery,
): Promise<CompletenessReport> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'report.read')) throw new AppError('forbidden');
  if (!parsePeriod(query.period)) {
    throw validationError({
      period: {
        vi: `Kỳ báo cáo "${query.period}" không đúng dạng.`,
        en: `Period "${query.period}" is not valid.`,
      },
    });
  }
  const zones = await loadClusterFacts(deps.db, null, null);
  const projects = await loadProjectFacts(deps.db, null, null);
  const { obligations } = obligationsFor({
    period: query.period,
    zones,
    projects,
    province: { department: 'department', management_board: 'management_board' },
    forms: (query.formCode ? [query.formCode] : formCodes).filter(
      (f) => f === 'B01' || f === 'B02' || f === 'KCN_TENANT',
    ),
  });
  const lookups = await loadLookups(deps, obligations);
  const zonesById = new Map(zones.map((z) => [z.id, z]));
  const factsOf = (o: Obligation): FilingFacts => {
    const zone = o.zoneId ? zonesById.get(o.zoneId) : undefined;
    return {
      family: o.family,
      zoneCode: zone?.code ?? null,
      communeCode: o.communeId ? (lookups.units.get(o.communeId)?.code ?? null) : null,
      reporterOrgCode: o.organisationId ? (lookups.orgs.get(o.organisationId)?.code ?? null) : null,
      developerOrgCode: zone?.developerOrgId ? (lookups.orgs.get(zone.developerOrgId)?.code ?? null) : null,
    };
  };
  const visible = obligations.filter((o) => canReadFiling(actor, factsOf(o)));
  const filings = await loadSubmissions(deps, query.period);
  const now = deps.clock.now();
  const groupBy = query.groupBy ?? 'commune';
  const rows = new Map<string, CompletenessRowView>();
  const outstanding: OutstandingObligation[] = [];
  for (const o of visible) {
    const groupId = groupBy === 'form' ? null : groupBy === 'commune' ? o.communeId : o.zoneId;
    const key = `${o.formCode}|${o.period}|${groupId ?? ''}`;
    const group = groupId
      ? groupBy === 'commune'
        ? lookups.units.get(groupId)
        : zonesById.get(groupId)
      : undefined;
    const row = rows.get(key) ?? {
      formCode: o.formCode,
      period: o.period,
      group: { kind: groupBy, id: groupId, code: group?.code ?? null, name: group?.name ?? null },
      expected: 0,
      received: 0,
      onTime: 0,
      late: 0,
      overdue: 0,
      pending: 0,
      dueDate: o.dueDate,
    };
    const filing = filings.get(obligationKey(o));
    const status = timeliness(o.dueDate, filing?.submittedAt ?? null, now);
    row.expected += 1;
    if (status === 'on_time' || status === 'late') row.received += 1;
    if (status === 'on_time') row.onTime += 1;
    if (status === 'late') row.late += 1;
    if (status === 'overdue') row.overdue += 1;
    if (status === 'pending') row.pending += 1;
    rows.set(key, row);
    if (status === 'overdue' || status === 'pending') {
      const zone = o.zoneId ? zonesById.get(o.zoneId) : undefined;
      const reporter =
        o.reporter.kind === 'project' ? lookups.projects.get(o.reporter.id) : zonesById.get(o.reporter.id);
      outstanding.push({
        formCode: o.formCode,
        period: o.period,
        reporter: {
          kind: o.reporter.kind,
          id: o.reporter.id,
          code: reporter?.code ?? null,
          name: reporter?.name ?? null,
        },
        zoneCode: zone?.code ?? null,
        communeCode: o.communeId ? (lookups.units.get(o.communeId)?.code ?? null) : null,
        dueDate: o.dueDate,
        status,
        filingStatus: filing?.status ?? null,
      });
    }
  }
  outstanding.sort(
    (a, b) =>
      (a.status === 'overdue' ? 0 : 1) - (b.status === 'overdue' ? 0 : 1) ||
      a.dueDate.localeCompare(b.dueDate) ||
      (a.reporter.code ?? '').localeCompare(b.reporter.code ?? ''),
  );
  return {
    period: query.period,
    asOf: now.toISOString(),
    rows: [...rows.values()].sort(
      (a, b) =>
        a.formCode.localeCompare(b.formCode) || (a.group.code ?? '').localeCompare(b.group.code ?? ''),
    ),
    outstanding,
  };
}

async function loadLookups(deps: ServiceDeps, obligations: readonly Obligation[]) {
  const unitIds = [...new Set(obligations.map((o) => o.communeId).filter((id): id is string => !!id))];
  const projectIds = [
    ...new Set(obligations.filter((o) => o.reporter.kind === 'project').map((o) => o.reporter.id)),
  ];
  const orgIds = [...new Set(obligations.map((o) => o.organisationId).filter((id): id is string => !!id))];
  const idArray = (ids: string[]) =>
    sql`array[${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}]::uuid[]`;
  const map = (rows: Raw[]) =>
    new Map(rows.map((r) => [String(r.id), { code: String(r.code), name: String(r.name) }]));
  const units: Map<string, Lookup> = unitIds.length
    ? map(
        rowsOf(
          await deps.db.execute(
            sql`select id, code, name from admin_unit where id = any(${idArray(unitIds)})`,
          ),
        ),
      )
    : new Map();
  const projects: Map<string, Lookup> = projectIds.length
    ? map(
        rowsOf(
          await deps.db.execute(
            sql`select id, code, name from project where id = any(${idArray(projectIds)})`,
          ),
        ),
      )
    : new Map();
  // Developers too: the zone facts carry their ids.
  const developerIds = rowsOf(
    await deps.db.execute(sql`select distinct developer_id as id from zone where developer_id is not null`),
  ).map((r) => String(r.id));
  const allOrgs = [...new Set([...orgIds, ...developerIds])];
  const orgs: Map<string, Lookup> = allOrgs.length
    ? map(
        rowsOf(
          await deps.db.execute(
            sql`select id, code, name from organisation where id = any(${idArray(allOrgs)})`,
          ),
        ),
      )
    : new Map();
  return { units, projects, orgs };
}

async function loadSubmissions(deps: ServiceDeps, period: string) {
  const rows = rowsOf(
    await deps.db.execute(sql`
      select form_code, period, reporter_kind, reporter_ref, first_submitted_at, status
      from report_filing where period = ${period}`),
  );
  return new Map(
    rows.map((r) => [
      `${String(r.form_code)}|${String(r.period)}|${String(r.reporter_kind)}|${String(r.reporter_ref)}`,
      {
        submittedAt: r.first_submitted_at ? new Date(r.first_submitted_at as string) : null,
        status: String(r.status),
      },
    ]),
  );
}
