import type { CreateUserInput, SessionUser, UserSummary } from '../../domain/identity/identity.schema';
import { checkPassword, passwordReused } from '../../domain/identity/password-rules';
import {
  hasPermission,
  roleCatalog,
  roleDefinition,
  type Actor,
  type RoleCode,
  type ScopeKind,
  type ZoneFamily,
} from '../../domain/identity/roles';
import { AppError, validationError, type Locale, type LocalizedText } from '../../domain/shared/errors';
import { foldVietnamese, foldedLikePattern } from '../../domain/shared/text';
import type { Db } from '../../db/client';
import { findCurrentCommuneNames } from '../admin-unit/admin-unit.repository';
import { recordAudit } from '../audit/audit.service';
import { revokeUserSessions } from '../auth/auth.repository';
import { hashPassword, verifyPassword } from '../auth/password-hash';
import { requireActor, type ServiceDeps } from '../deps';
import { canManageUser, canReadUser, userVisibility } from './user.policy';
import {
  findAssignments,
  findUserById,
  findUserByUsername,
  findUsers,
  insertUser,
  updateUser,
  type AssignmentRow,
  type UserRow,
} from './user.repository';

const familyLabels: Record<ZoneFamily, LocalizedText> = {
  KCN: { vi: 'Khu công nghiệp, khu chế xuất, khu công nghệ cao', en: 'Industrial, export and hi-tech parks' },
  CCN: { vi: 'Cụm công nghiệp', en: 'Industrial clusters' },
};

async function describeAssignments(db: Db, assignments: AssignmentRow[], locale: Locale) {
  const communeNames = await findCurrentCommuneNames(
    db,
    assignments.filter((a) => a.scopeKind === 'commune' && a.scopeRef).map((a) => a.scopeRef!),
  );
  return assignments.map((a) => {
    const role = roleDefinition(a.roleCode as RoleCode);
    const ref = a.scopeRef;
    let scopeLabel: string;
    switch (a.scopeKind as ScopeKind) {
      case 'all':
        scopeLabel = locale === 'vi' ? 'Toàn thành phố' : 'Whole city';
        break;
      case 'family':
        scopeLabel = familyLabels[ref as ZoneFamily]?.[locale] ?? String(ref);
        break;
      case 'commune':
        scopeLabel = communeNames.get(ref ?? '') ?? `${locale === 'vi' ? 'Xã/phường' : 'Commune'} ${ref}`;
        break;
      case 'zone':
        scopeLabel = `${locale === 'vi' ? 'Khu/cụm' : 'Zone'} ${ref}`;
        break;
      case 'organisation':
        scopeLabel = `${locale === 'vi' ? 'Tổ chức' : 'Organisation'} ${ref}`;
        break;
    }
    return {
      role: role.code,
      roleName: locale === 'vi' ? role.nameVi : role.nameEn,
      scopeKind: a.scopeKind as ScopeKind,
      scopeRef: ref,
      scopeLabel,
    };
  });
}

async function toSummaries(db: Db, users: UserRow[], locale: Locale): Promise<UserSummary[]> {
  const assignments = await findAssignments(
    db,
    users.map((u) => u.id),
  );
  const described = await describeAssignments(db, assignments, locale);
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    locale: u.locale as Locale,
    family: (u.family as ZoneFamily | null) ?? null,
    status: u.status as 'active' | 'disabled',
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    version: u.version,
    assignments: described.filter((_, i) => assignments[i]!.userId === u.id),
  }));
}

export async function toSessionUser(
  db: Db,
  user: UserRow,
  actor: Actor,
  locale: Locale,
): Promise<SessionUser> {
  const [summary] = await toSummaries(db, [user], locale);
  return {
    id: summary!.id,
    username: summary!.username,
    displayName: summary!.displayName,
    email: summary!.email,
    locale: summary!.locale,
    assignments: summary!.assignments,
    permissions: [...actor.permissions].sort(),
  };
}

export async function listUsers(
  deps: ServiceDeps,
  query: { q?: string | undefined; page: number; pageSize: number },
  locale: Locale,
): Promise<{ items: UserSummary[]; total: number }> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'user.read')) throw new AppError('forbidden');
  const { rows, total } = await findUsers(deps.db, userVisibility(actor), {
    ...query,
    ...(query.q ? { searchPattern: foldedLikePattern(query.q) } : {}),
  });
  return { items: await toSummaries(deps.db, rows, locale), total };
}

async function loadTarget(deps: ServiceDeps, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
  const user = await findUserById(deps.db, id);
  if (!user) throw new AppError('not_found');
  const assignments = await findAssignments(deps.db, [id]);
  return {
    user,
    target: {
      id,
      family: user.family as ZoneFamily | null,
      assignments: assignments.map((a) => ({
        role: a.roleCode as RoleCode,
        scopeKind: a.scopeKind,
        scopeRef: a.scopeRef,
      })),
    },
  };
}

/** One user; someone outside the actor's scope is reported as not found, revealing nothing. */
export async function getUser(deps: ServiceDeps, id: string, locale: Locale): Promise<UserSummary> {
  const actor = requireActor(deps);
  const { user, target } = await loadTarget(deps, id);
  if (!canReadUser(actor, target)) throw new AppError('not_found');
  const [summary] = await toSummaries(deps.db, [user], locale);
  return summary!;
}

function auditView(
  user: UserRow,
  assignments?: { role: string; scopeKind: string; scopeRef: string | null }[],
) {
  // Never the password hash.
  return {
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    locale: user.locale,
    status: user.status,
    family: user.family,
    version: user.version,
    ...(assignments ? { assignments } : {}),
  };
}

async function validateScope(
  deps: ServiceDeps,
  role: RoleCode,
  scopeKind: ScopeKind,
  scopeRef: string | null,
): Promise<Record<string, LocalizedText>> {
  const problems: Record<string, LocalizedText> = {};
  const definition = roleDefinition(role);
  if (!definition.scopeKinds.includes(scopeKind)) {
    problems.scopeKind = {
      vi: `Vai trò "${definition.nameVi}" chỉ nhận phạm vi: ${definition.scopeKinds.join(', ')}.`,
      en: `Role "${definition.nameEn}" accepts only the scopes: ${definition.scopeKinds.join(', ')}.`,
    };
    return problems;
  }
  if (scopeKind === 'all') {
    if (scopeRef)
      problems.scopeRef = {
        vi: 'Phạm vi toàn thành phố không có mã.',
        en: 'The whole-city scope takes no reference.',
      };
  } else if (!scopeRef) {
    problems.scopeRef = { vi: 'Chưa chọn phạm vi.', en: 'Choose the scope.' };
  } else if (scopeKind === 'family' && scopeRef !== 'KCN' && scopeRef !== 'CCN') {
    problems.scopeRef = { vi: 'Lĩnh vực phải là KCN hoặc CCN.', en: 'The family must be KCN or CCN.' };
  } else if (scopeKind === 'commune') {
    const names = await findCurrentCommuneNames(deps.db, [scopeRef]);
    if (!names.has(scopeRef)) {
      problems.scopeRef = {
        vi: `Mã xã/phường "${scopeRef}" không tồn tại hoặc đã hết hiệu lực.`,
        en: `Commune code "${scopeRef}" does not exist or is no longer in force.`,
      };
    }
  }
  return problems;
}

/** The family whose department administers a new account (see user.policy.ts). */
function familyFor(actor: Actor, input: CreateUserInput): ZoneFamily | null {
  if (input.role === 'system_admin') return null;
  if (input.scopeKind === 'family') return (input.scopeRef as ZoneFamily) ?? null;
  if (input.role === 'commune_officer') return 'CCN';
  if (input.family) return input.family;
  const ownFamily = actor.assignments.find(
    (a) => a.role === 'department_officer' && a.scopeKind === 'family',
  );
  return (ownFamily?.scopeRef as ZoneFamily | undefined) ?? null;
}

export async function createUser(
  deps: ServiceDeps,
  input: CreateUserInput,
  locale: Locale,
): Promise<UserSummary> {
  const actor = requireActor(deps);
  const scopeRef = input.scopeRef ?? null;
  const family = familyFor(actor, input);
  const assignment = { role: input.role, scopeKind: input.scopeKind, scopeRef };
  if (!canManageUser(actor, { family, assignments: [assignment] })) throw new AppError('forbidden');

  const problems = await validateScope(deps, input.role, input.scopeKind, scopeRef);
  const passwordProblem = checkPassword(input.password, input);
  if (passwordProblem) problems.password = passwordProblem;
  if (Object.keys(problems).length) throw validationError(problems);
  if (await findUserByUsername(deps.db, input.username)) {
    throw new AppError('user.username_taken', {
      username: input.username,
      fields: {
        username: {
          vi: `Tên đăng nhập "${input.username}" đã được sử dụng.`,
          en: `The username "${input.username}" is already taken.`,
        },
      },
    });
  }
  const passwordHash = await hashPassword(input.password);
  const created = await deps.db.transaction(async (tx) => {
    const user = await insertUser(
      tx,
      {
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        passwordHash,
        family,
        searchText: foldVietnamese(`${input.username} ${input.displayName} ${input.email ?? ''}`),
      },
      [{ roleCode: input.role, scopeKind: input.scopeKind, scopeRef }],
    );
    await recordAudit(tx, deps, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: auditView(user, [assignment]),
    });
    return user;
  });
  const [summary] = await toSummaries(deps.db, [created], locale);
  return summary!;
}

async function loadManaged(deps: ServiceDeps, id: string) {
  const actor = requireActor(deps);
  const loaded = await loadTarget(deps, id);
  if (!canReadUser(actor, loaded.target)) throw new AppError('not_found');
  if (!canManageUser(actor, loaded.target)) throw new AppError('forbidden');
  return loaded;
}

/** An administrator sets a new password for someone; every session of that user ends. */
export async function resetUserPassword(deps: ServiceDeps, id: string, newPassword: string): Promise<void> {
  const { user } = await loadManaged(deps, id);
  const problem =
    checkPassword(newPassword, user) ??
    ((await verifyPassword(user.passwordHash, newPassword)) ? passwordReused : null);
  if (problem) throw validationError({ newPassword: problem });
  const passwordHash = await hashPassword(newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const updated = await updateUser(tx, user.id, user.version, { passwordHash, passwordChangedAt: now });
    if (!updated) throw new AppError('conflict');
    const revoked = await revokeUserSessions(tx, user.id, now);
    await recordAudit(tx, deps, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
      before: { version: user.version },
      after: { version: updated.version, sessionsRevoked: revoked },
    });
  });
}

export async function setUserStatus(
  deps: ServiceDeps,
  id: string,
  status: 'active' | 'disabled',
  expectedVersion: number,
  locale: Locale,
): Promise<UserSummary> {
  const { user } = await loadManaged(deps, id);
  const updated = await deps.db.transaction(async (tx) => {
    const row = await updateUser(tx, user.id, expectedVersion, { status });
    if (!row) throw new AppError('conflict', { current: auditView(user) });
    if (status === 'disabled') await revokeUserSessions(tx, user.id, deps.clock.now());
    await recordAudit(tx, deps, {
      action: status === 'disabled' ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: user.id,
      before: auditView(user),
      after: auditView(row),
    });
    return row;
  });
  const [summary] = await toSummaries(deps.db, [updated], locale);
  return summary!;
}

export async function updateMyLocale(deps: ServiceDeps, locale: Locale): Promise<UserRow> {
  const actor = requireActor(deps);
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('auth.required');
  if (user.locale === locale) return user;
  return deps.db.transaction(async (tx) => {
    const row = await updateUser(tx, user.id, user.version, { locale });
    if (!row) throw new AppError('conflict');
    await recordAudit(tx, deps, {
      action: 'user.update_preferences',
      entityType: 'user',
      entityId: user.id,
      before: { locale: user.locale },
      after: { locale },
    });
    return row;
  });
}

export function listRoles(locale: Locale) {
  return roleCatalog.map((r) => ({
    code: r.code,
    name: locale === 'vi' ? r.nameVi : r.nameEn,
    scopeKinds: [...r.scopeKinds],
  }));
}
