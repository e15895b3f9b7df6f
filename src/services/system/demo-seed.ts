import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemActor, type RoleCode, type ScopeKind, type ZoneFamily } from '../../domain/identity/roles';
import type { Db } from '../../db/client';
import { importReorganisation } from '../admin-unit/admin-unit.service';
import { findCurrentCommuneCode } from '../admin-unit/admin-unit.repository';
import { systemClock, type ServiceDeps } from '../deps';
import { createUser } from '../user/user.service';
import { findAssignments, findUserByUsername } from '../user/user.repository';
import { verifyPassword } from '../auth/password-hash';
import { loadActor } from '../auth/auth.service';
import type { Logger } from './logger';
import { seedDemoZones } from './demo-zones';
import { seedDemoTenants } from './demo-tenants';
import { seedDemoClusters } from './demo-clusters';
import { seedDemoMonitoring } from './demo-monitoring';
import { seedDemoParks } from './demo-parks';
import { seedDemoObstacles } from './demo-obstacles';
import { seedDemoPlans } from './demo-plans';
import { seedDemoCatalogue } from './demo-catalogue';

const dataDir = fileURLToPath(new URL('../../db/seed/data/', import.meta.url));

function readJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${dataDir}${name}`, 'utf8')) as Record<string, unknown>;
}

/** Hanoi's 2025 reorganisation: the shared communes file plus the district codes it lacks. */
export function hanoiReorganisationFile(): Record<string, unknown> {
  const communes = readJson('hanoi-communes-2025.json');
  const districts = readJson('hanoi-districts.json');
  return { ...communes, ...districts, units: communes.units };
}

/** The one password of every demo account — printed in the start-up banner; never use demo data in production. */
export const demoPassword = 'IzisDemo-2026';

type DemoUser = {
  username: string;
  displayName: string;
  role: RoleCode;
  scopeKind: ScopeKind;
  scopeRef: string | null;
  /** For commune scopes: the folded name of the commune/ward in force. */
  communeName?: string;
  family?: ZoneFamily;
};

const demoAccounts: DemoUser[] = [
  {
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    role: 'system_admin',
    scopeKind: 'all',
    scopeRef: null,
  },
  {
    username: 'lanhdao',
    displayName: 'Lãnh đạo UBND Thành phố',
    role: 'leader',
    scopeKind: 'all',
    scopeRef: null,
  },
  {
    username: 'sct',
    displayName: 'Phòng Quản lý Công nghiệp — Sở Công Thương',
    role: 'department_officer',
    scopeKind: 'family',
    scopeRef: 'CCN',
  },
  {
    username: 'bql',
    displayName: 'Ban Quản lý các KCN và CX Hà Nội',
    role: 'department_officer',
    scopeKind: 'family',
    scopeRef: 'KCN',
  },
  // Đông Anh: the commune of KCN Thăng Long and of several clusters in the demo registry.
  {
    username: 'xadonganh',
    displayName: 'UBND xã Đông Anh',
    role: 'commune_officer',
    scopeKind: 'commune',
    scopeRef: null,
    communeName: 'xa dong anh',
  },
  {
    username: 'chudautu',
    displayName: 'Chủ đầu tư hạ tầng KCN Thăng Long (demo)',
    role: 'developer',
    scopeKind: 'zone',
    scopeRef: 'KCN-THANG-LONG',
    family: 'KCN',
  },
  {
    username: 'doanhnghiep',
    displayName: 'Doanh nghiệp thứ cấp (demo, tổng hợp)',
    role: 'enterprise',
    scopeKind: 'organisation',
    scopeRef: 'DEMO-ORG-0001',
    family: 'KCN',
  },
  // The synthetic cluster of demo-clusters.ts, in Đông Anh: a tenant files Biểu 01, the developer Biểu 02.
  {
    username: 'doanhnghiepccn',
    displayName: 'Doanh nghiệp trong CCN minh hoạ Đông Anh (demo, tổng hợp)',
    role: 'enterprise',
    scopeKind: 'organisation',
    scopeRef: 'DEMO-CCN-ORG-01',
    family: 'CCN',
  },
  {
    username: 'chudautuccn',
    displayName: 'Chủ đầu tư CCN minh hoạ Đông Anh (demo, tổng hợp)',
    role: 'developer',
    scopeKind: 'organisation',
    scopeRef: 'DEMO-CDT-0001',
    family: 'CCN',
  },
];
const demoUsernames = demoAccounts.map((u) => u.username);

export type DemoSeedResult = {
  password: string;
  users: { username: string; role: RoleCode; scope: string }[];
  adminUnits: { inserted: number; updated: number; unchanged: number; links: number };
  zones: number;
  tenants: { organisations: number; projects: number; events: number };
  clusters: { zones: number; organisations: number; projects: number };
  parks: { filings: number; events: number; targets: number };
  plans: { plans: number; targets: number; zones: number };
  monitoring: { steps: number; readings: number; inspections: number; incidents: number };
};

/**
 * The demo data a new installation starts with: Hanoi's administrative units (real, from src/db/seed/data) and
 * one account per role, scoped to real units. Zones and organisations arrive with the registry; until then
 * the developer and enterprise accounts carry the stable codes their records will have.
 */
export async function seedDemo(ctx: { db: Db; log: Logger }): Promise<DemoSeedResult> {
  const deps: ServiceDeps = {
    db: ctx.db,
    actor: systemActor('system:demo-seed'),
    clock: systemClock,
    log: ctx.log,
    requestId: null,
  };
  const adminUnits = await importReorganisation(deps, hanoiReorganisationFile(), {
    source: 'src/db/seed/data/hanoi-communes-2025.json (Nghị quyết 1656/NQ-UBTVQH15)',
  });
  const zones = await seedDemoZones(deps);
  const tenants = await seedDemoTenants(deps);
  const clusters = await seedDemoClusters(deps);
  const obstacles = await seedDemoObstacles(deps);
  const plans = await seedDemoPlans(deps);
  const monitoring = await seedDemoMonitoring(deps);
  const created: DemoSeedResult['users'] = [];
  for (const user of demoAccounts) {
    // Commune scopes name the unit; its code comes from the administrative units just loaded.
    const scopeRef = user.communeName
      ? await findCurrentCommuneCode(ctx.db, user.communeName)
      : user.scopeRef;
    const summary = await createUser(
      deps,
      {
        username: user.username,
        displayName: user.displayName,
        password: demoPassword,
        role: user.role,
        scopeKind: user.scopeKind,
        scopeRef,
        family: user.family ?? null,
        email: null,
      },
      'vi',
    );
    created.push({
      username: user.username,
      role: user.role,
      scope: summary.assignments[0]?.scopeLabel ?? '',
    });
  }
  // Filings record the user who files them: the demo's tenant reports are entered by the demo administrator.
  const admin = await findUserByUsername(ctx.db, 'admin');
  const parks = await seedDemoParks({ ...deps, actor: await loadActor(ctx.db, admin!) });
  const catalogue = await seedDemoCatalogue(deps);
  ctx.log.info(
    {
      users: created.length,
      adminUnits,
      zones,
      tenants,
      clusters,
      obstacles,
      parks,
      plans,
      monitoring,
      catalogue,
    },
    'demo data seeded',
  );
  return {
    password: demoPassword,
    users: created,
    adminUnits,
    zones,
    tenants,
    clusters,
    parks,
    plans,
    monitoring,
  };
}

/** The demo accounts that still accept the demo password (for the start-up banner). */
export async function demoSignIns(db: Db): Promise<{ username: string; password: string; role: string }[]> {
  const admin = await findUserByUsername(db, 'admin');
  if (!admin || !(await verifyPassword(admin.passwordHash, demoPassword))) return [];
  const result: { username: string; password: string; role: string }[] = [];
  for (const username of demoUsernames) {
    const user = await findUserByUsername(db, username);
    if (!user || user.status !== 'active') continue;
    const [assignment] = await findAssignments(db, [user.id]);
    result.push({ username, password: demoPassword, role: assignment?.roleCode ?? '' });
  }
  return result;
}
