import type { Db } from '../../db/client';
import { systemActor, type Actor } from '../../domain/identity/roles';
import type {
  CreateOrganisationInput,
  OrganisationDetail,
} from '../../domain/organisation/organisation.schema';
import type {
  CreateProjectInput,
  InvestmentEvent,
  InvestmentEventInput,
  ProjectDetail,
} from '../../domain/project/project.schema';
import type { FilingDetail, SaveDraftInputBody } from '../../domain/reporting/filing.schema';
import type { CreateZoneInput, LifecycleEventInput, ZoneDetail } from '../../domain/zone/zone.schema';
import { createOrganisation } from '../organisation/organisation.service';
import { addInvestmentEvent, createProject } from '../project/project.service';
import { acceptFiling, returnFiling, saveDraft, submitFiling } from '../reporting/filing.service';
import { communes, makeUser, testDeps } from '../testing';
import { addLifecycleEvent, createZone } from '../zone/zone.service';

/**
 * Test factories (ENGINEERING.md §10): each builds one record through the service the application uses — so
 * the insert rules, checks and audit rows are the real ones — creating its missing parents with defaults, and
 * returns what the service returned. Overrides are the service's own input fields. Codes are unique within a
 * test database (one per test file), so a factory may be called any number of times.
 */

let sequence = 0;
const next = () => (sequence += 1);

/** The system administrator the factories act as (records are built by whoever may build anything). */
const builder = (db: Db) => testDeps(db, systemActor('test:factory'));

export async function buildOrganisation(
  db: Db,
  overrides: Partial<CreateOrganisationInput> = {},
): Promise<OrganisationDetail> {
  const n = next();
  return createOrganisation(builder(db), {
    code: `ORG-${n}`,
    name: `Công ty thử ${n}`,
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['tenant'],
    ...overrides,
  });
}

/**
 * A zone — a cluster in Xã Đông Anh by default. Without `developerCode` a developer organisation is built for
 * it; `developerCode: null` builds a zone with no developer.
 */
export async function buildZone(db: Db, overrides: Partial<CreateZoneInput> = {}): Promise<ZoneDetail> {
  const n = next();
  const kind = overrides.kind ?? 'CCN';
  const developerCode =
    overrides.developerCode !== undefined
      ? overrides.developerCode
      : (await buildOrganisation(db, { name: `Công ty hạ tầng thử ${n}`, roles: ['developer'] })).code;
  return createZone(builder(db), {
    code: `${kind}-T${n}`,
    name: `${kind === 'CCN' ? 'Cụm công nghiệp' : 'Khu công nghiệp'} thử ${n}`,
    kind,
    communeCode: communes.dongAnh,
    ...overrides,
    developerCode,
  });
}

/** A tenant project; without `zoneCode` or `investorCode` its zone (a cluster) or its investor is built. */
export async function buildProject(
  db: Db,
  overrides: Partial<CreateProjectInput> & { zone?: Partial<CreateZoneInput> } = {},
): Promise<ProjectDetail> {
  const { zone, ...input } = overrides;
  const n = next();
  const zoneCode = input.zoneCode ?? (await buildZone(db, zone)).code;
  const investorCode = input.investorCode ?? (await buildOrganisation(db, { roles: ['tenant'] })).code;
  return createProject(builder(db), {
    code: `DA-T${n}`,
    name: `Dự án thử ${n}`,
    status: 'operating',
    ...input,
    zoneCode,
    investorCode,
  });
}

/** Lifecycle steps of a zone, in the order given (each checked against the ones before, as in the app). */
export async function buildLifecycle(
  db: Db,
  zoneCode: string,
  steps: readonly LifecycleEventInput[],
): Promise<void> {
  for (const step of steps) await addLifecycleEvent(builder(db), zoneCode, step);
}

/** An entry of a project's capital ledger: by default its first registration, 1 M USD on 1/1/2020. */
export async function buildInvestmentEvent(
  db: Db,
  projectCode: string,
  overrides: Partial<InvestmentEventInput> = {},
): Promise<InvestmentEvent> {
  return addInvestmentEvent(builder(db), projectCode, {
    kind: 'new',
    eventDate: '2020-01-01',
    amount: '1000000',
    currency: 'USD',
    ...overrides,
  });
}

export type FilingStatusToBuild = 'draft' | 'submitted' | 'returned' | 'accepted';

/**
 * A filing taken to `status` through the filing service: saved as a draft, submitted, then returned or
 * accepted. Without `reporter` a tenant project (Biểu 01, KCN_TENANT) or a cluster (Biểu 02) is built for
 * it. It is filed by `by` and reviewed by `reviewer` — a system administrator user unless given.
 */
export async function buildFiling(
  db: Db,
  overrides: Partial<Omit<SaveDraftInputBody, 'reporter'>> & {
    reporter?: SaveDraftInputBody['reporter'];
    status?: FilingStatusToBuild;
    by?: Actor;
    reviewer?: Actor;
    reason?: string;
  } = {},
): Promise<FilingDetail> {
  const { status = 'draft', by, reviewer, reason, reporter: given, ...input } = overrides;
  const formCode = input.formCode ?? 'B01';
  const reporter =
    given ??
    (formCode === 'B02'
      ? { kind: 'zone' as const, code: (await buildZone(db, { kind: 'CCN' })).code }
      : {
          kind: 'project' as const,
          code: (await buildProject(db, { zone: { kind: formCode === 'KCN_TENANT' ? 'KCN' : 'CCN' } })).code,
        });
  const admin = by && reviewer ? null : await administrator(db);
  const filer = testDeps(db, by ?? admin!);
  const reviewing = testDeps(db, reviewer ?? admin!);
  let filing = await saveDraft(filer, { formCode, period: '2026-H1', values: {}, ...input, reporter });
  if (status === 'draft') return filing;
  filing = await submitFiling(filer, filing.id, { version: filing.version });
  if (status === 'accepted') return acceptFiling(reviewing, filing.id, { version: filing.version });
  if (status === 'returned') {
    return returnFiling(reviewing, filing.id, { version: filing.version, reason: reason ?? 'Cần bổ sung.' });
  }
  return filing;
}

/** One system administrator user per database: revisions name a real user as their author and reviewer. */
const administrators = new WeakMap<Db, Promise<Actor>>();
function administrator(db: Db): Promise<Actor> {
  let actor = administrators.get(db);
  if (!actor) {
    actor = makeUser(db, { role: 'system_admin', scopeKind: 'all' }).then((u) => u.actor);
    administrators.set(db, actor);
  }
  return actor;
}
