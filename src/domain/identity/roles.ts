/**
 * Roles, scopes and permissions. The catalogue is data (seeded into the `role` and `role_permission`
 * tables); this module is its canonical definition and the pure rules over it.
 */
export const roleCodes = [
  'system_admin',
  'department_officer',
  'commune_officer',
  'developer',
  'enterprise',
  'leader',
] as const;
export type RoleCode = (typeof roleCodes)[number];

/** What a role assignment is limited to. `all` = the whole province. */
export const scopeKinds = ['all', 'family', 'commune', 'zone', 'organisation'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

/** Zone families: KCN/KCX/KCNC are run by the Management Board, CCN by the Department of Industry and Trade. */
export const zoneFamilies = ['KCN', 'CCN'] as const;
export type ZoneFamily = (typeof zoneFamilies)[number];

export const permissions = [
  'user.read',
  'user.manage',
  'audit.read',
  'admin_unit.read',
  'admin_unit.manage',
  'zone.read',
  'zone.create',
  'zone.manage',
  'organisation.read',
  'organisation.manage',
  'project.read',
  'project.manage',
  'exchange_rate.manage',
  /** See filings and compiled reports in scope. */
  'report.read',
  /** File (draft, submit, correct) the reports one owes: a tenant's Biểu 01, a developer's Biểu 02. */
  'report.file',
  /** Return or accept the filings of one's scope. */
  'report.review',
  /** Compile, annotate and sign Biểu 03/04 and the parks' report for one's scope. */
  'report.sign',
] as const;
export type Permission = (typeof permissions)[number];

export type RoleDefinition = {
  code: RoleCode;
  nameVi: string;
  nameEn: string;
  scopeKinds: readonly ScopeKind[];
  permissions: readonly Permission[];
};

export const roleCatalog: readonly RoleDefinition[] = [
  {
    code: 'system_admin',
    nameVi: 'Quản trị hệ thống',
    nameEn: 'System administrator',
    scopeKinds: ['all'],
    permissions: [...permissions],
  },
  {
    code: 'department_officer',
    nameVi: 'Cán bộ sở/ban quản lý',
    nameEn: 'Department officer',
    scopeKinds: ['family'],
    permissions: [
      'user.read',
      'user.manage',
      'admin_unit.read',
      'zone.read',
      'zone.create',
      'zone.manage',
      'organisation.read',
      'organisation.manage',
      'project.read',
      'project.manage',
      'report.read',
      'report.review',
      'report.sign',
    ],
  },
  {
    code: 'commune_officer',
    nameVi: 'Cán bộ xã/phường',
    nameEn: 'Commune officer',
    scopeKinds: ['commune'],
    permissions: [
      'user.read',
      'admin_unit.read',
      'zone.read',
      'zone.manage',
      'organisation.read',
      'organisation.manage',
      'project.read',
      'project.manage',
      'report.read',
      'report.review',
      'report.sign',
    ],
  },
  {
    code: 'developer',
    nameVi: 'Chủ đầu tư hạ tầng',
    nameEn: 'Infrastructure developer',
    scopeKinds: ['organisation', 'zone'],
    permissions: [
      'admin_unit.read',
      'zone.read',
      'zone.manage',
      'organisation.read',
      'project.read',
      'project.manage',
      'report.read',
      'report.file',
    ],
  },
  {
    code: 'enterprise',
    nameVi: 'Doanh nghiệp/hộ kinh doanh',
    nameEn: 'Enterprise',
    scopeKinds: ['organisation'],
    permissions: [
      'admin_unit.read',
      'zone.read',
      'organisation.read',
      'project.read',
      'report.read',
      'report.file',
    ],
  },
  {
    code: 'leader',
    nameVi: 'Lãnh đạo (chỉ xem)',
    nameEn: 'Leader (read-only)',
    scopeKinds: ['all', 'family'],
    permissions: [
      'user.read',
      'audit.read',
      'admin_unit.read',
      'zone.read',
      'organisation.read',
      'project.read',
      'report.read',
    ],
  },
];

export function roleDefinition(code: RoleCode): RoleDefinition {
  const found = roleCatalog.find((role) => role.code === code);
  if (!found) throw new Error(`Unknown role ${code}`);
  return found;
}

export type Assignment = { role: RoleCode; scopeKind: ScopeKind; scopeRef: string | null };

/** The signed-in user as the services see it. `permissions` is derived from the role table at sign-in. */
export type Actor = {
  userId: string;
  username: string;
  assignments: readonly Assignment[];
  permissions: ReadonlySet<Permission>;
};

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/**
 * Whether scope `outer` contains scope `inner`. A commune or zone belongs to a family only when the
 * registry says so; until a zone knows its family we cannot prove containment, so the answer is false
 * (fail closed) except for `all`.
 */
export function scopeContains(
  outer: { scopeKind: ScopeKind; scopeRef: string | null },
  inner: { scopeKind: ScopeKind; scopeRef: string | null },
  familyOf?: (inner: { scopeKind: ScopeKind; scopeRef: string | null }) => ZoneFamily | null,
): boolean {
  if (outer.scopeKind === 'all') return true;
  if (outer.scopeKind === inner.scopeKind && outer.scopeRef === inner.scopeRef) return true;
  if (outer.scopeKind === 'family' && familyOf) return familyOf(inner) === outer.scopeRef;
  return false;
}

/**
 * The actor for work done from the command line or at start-up (migrations, seeds, imports): province-wide
 * administrator rights, recorded in the audit trail under `name` with no user id.
 */
export function systemActor(name: string): Actor {
  return {
    userId: '',
    username: name,
    assignments: [{ role: 'system_admin', scopeKind: 'all', scopeRef: null }],
    permissions: new Set(permissions),
  };
}
