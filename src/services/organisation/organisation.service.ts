import {
  checkOrganisationFields,
  type CreateOrganisationInput,
  type Organisation,
  type OrganisationDetail,
  type OrganisationFields,
  type Ownership,
  type OrganisationRole,
  type UpdateOrganisationInput,
} from '../../domain/organisation/organisation.schema';
import { normalizeTaxCode } from '../../domain/organisation/tax-code';
import { AppError, validationError, type LocalizedText } from '../../domain/shared/errors';
import { foldVietnamese, foldedLikePattern } from '../../domain/shared/text';
import type { AuditEntry } from '../../domain/audit/audit.schema';
import type { Actor } from '../../domain/identity/roles';
import type { Db } from '../../db/client';
import { recordAudit, recordHistory } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { canManageOrganisations, canReadOrganisations, organisationVisibility } from './organisation.policy';
import {
  findByTaxCode,
  findOrganisationByCode,
  findOrganisations,
  insertOrganisation,
  isUniqueViolation,
  updateOrganisation as updateOrganisationRow,
  type OrganisationListFilter,
  type OrganisationRow,
  type OrganisationWrite,
} from './organisation.repository';

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    taxCode: row.taxCode,
    country: row.country,
    ownership: row.ownership as Ownership | null,
    roles: row.roles as OrganisationRole[],
    address: row.address,
    sources: row.sources ?? [],
    isSynthetic: row.isSynthetic,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toDetail(row: OrganisationRow, actor: Actor): OrganisationDetail {
  return { ...toOrganisation(row), canEdit: canManageOrganisations(actor) };
}

/** The writable facts as the audit trail records them: the API's names. */
function auditView(o: Organisation) {
  return {
    code: o.code,
    name: o.name,
    nameEn: o.nameEn,
    taxCode: o.taxCode,
    country: o.country,
    ownership: o.ownership,
    roles: o.roles,
    address: o.address,
    sources: o.sources,
    version: o.version,
  };
}

function searchTextOf(o: {
  code: string;
  name: string;
  nameEn?: string | null;
  taxCode?: string | null;
}): string {
  return foldVietnamese([o.code, o.name, o.nameEn, o.taxCode].filter(Boolean).join(' '));
}

function duplicateTaxCode(taxCode: string, holder: { code: string; name: string }): AppError {
  return validationError({
    taxCode: {
      vi: `Mã số thuế ${taxCode} đã thuộc tổ chức ${holder.code} (${holder.name}).`,
      en: `Tax code ${taxCode} already belongs to ${holder.code} (${holder.name}).`,
    },
  });
}

/** Checks the fields and turns them into column values (tax code normalised, e.g. "0100109106-001"). */
async function toColumns(db: Db, fields: Partial<OrganisationFields>, selfId: string | null) {
  const problems: Record<string, LocalizedText> = checkOrganisationFields(fields);
  const values: OrganisationWrite = {};
  if (fields.taxCode !== undefined) {
    const taxCode = fields.taxCode ? normalizeTaxCode(fields.taxCode) : null;
    if (taxCode && !problems.taxCode) {
      const holder = await findByTaxCode(db, taxCode);
      if (holder && holder.id !== selfId) {
        throw duplicateTaxCode(taxCode, holder);
      }
    }
    values.taxCode = taxCode;
  }
  if (Object.keys(problems).length) throw validationError(problems);
  if (fields.name !== undefined) values.name = fields.name;
  if (fields.nameEn !== undefined) values.nameEn = fields.nameEn || null;
  if (fields.country !== undefined) values.country = fields.country;
  if (fields.ownership !== undefined) values.ownership = fields.ownership;
  if (fields.roles !== undefined) values.roles = fields.roles;
  if (fields.address !== undefined) values.address = fields.address || null;
  if (fields.sources !== undefined) values.sources = fields.sources;
  return values;
}

export async function listOrganisations(
  deps: ServiceDeps,
  query: Omit<OrganisationListFilter, 'searchPattern'>,
) {
  const actor = requireActor(deps);
  if (!canReadOrganisations(actor)) throw new AppError('forbidden');
  const { rows, total } = await findOrganisations(deps.db, organisationVisibility(actor), {
    ...query,
    ...(query.q ? { searchPattern: foldedLikePattern(query.q) } : {}),
  });
  return { items: rows.map(toOrganisation), total };
}

async function loadVisible(deps: ServiceDeps, code: string): Promise<OrganisationRow> {
  const actor = requireActor(deps);
  if (!canReadOrganisations(actor)) throw new AppError('forbidden');
  const row = await findOrganisationByCode(deps.db, organisationVisibility(actor), code.toUpperCase());
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getOrganisation(deps: ServiceDeps, code: string): Promise<OrganisationDetail> {
  return toDetail(await loadVisible(deps, code), requireActor(deps));
}

/** Who changed what and when (from the audit trail), newest first. */
export async function organisationHistory(deps: ServiceDeps, code: string): Promise<{ items: AuditEntry[] }> {
  const row = await loadVisible(deps, code);
  return { items: await recordHistory(deps.db, 'organisation', row.id) };
}

/** A stale edit: the organisation as it is now and the changes made since the version the caller read. */
async function conflict(db: Db, actor: Actor, code: string, version: number): Promise<never> {
  const current = await findOrganisationByCode(db, { kind: 'all' }, code);
  throw new AppError('conflict', {
    current: current ? toDetail(current, actor) : null,
    changes: current ? await recordHistory(db, 'organisation', current.id, version) : [],
  });
}

/** `options.synthetic` marks generated demo records (never set from the API). */
export async function createOrganisation(
  deps: ServiceDeps,
  input: CreateOrganisationInput,
  options: { synthetic?: boolean } = {},
): Promise<OrganisationDetail> {
  const actor = requireActor(deps);
  if (!canManageOrganisations(actor)) throw new AppError('forbidden');
  const { code, ...fields } = input;
  if (await findOrganisationByCode(deps.db, { kind: 'all' }, code)) {
    throw validationError({
      code: { vi: `Mã tổ chức "${code}" đã tồn tại.`, en: `Organisation code "${code}" already exists.` },
    });
  }
  const values = await toColumns(deps.db, fields, null);
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await insertOrganisation(tx, {
        ...values,
        code,
        name: input.name,
        roles: input.roles,
        searchText: searchTextOf({ ...input, taxCode: values.taxCode ?? null }),
        isSynthetic: options.synthetic ?? false,
      });
      const created = toOrganisation(row);
      await recordAudit(tx, deps, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: row.id,
        after: auditView(created),
      });
      return toDetail(row, actor);
    });
  } catch (error) {
    // Two officers registering the same organisation at once: the unique keys decide.
    if (isUniqueViolation(error, 'organisation_tax_code_key') && values.taxCode) {
      const holder = await findByTaxCode(deps.db, values.taxCode);
      if (holder) throw duplicateTaxCode(values.taxCode, holder);
    }
    if (isUniqueViolation(error)) {
      throw validationError({
        code: { vi: `Mã tổ chức "${code}" đã tồn tại.`, en: `Organisation code "${code}" already exists.` },
      });
    }
    throw error;
  }
}

/**
 * Edits an organisation. The caller names the version it read; if it changed since, nothing is written and
 * the 409 carries the current record and the changes the caller missed.
 */
export async function updateOrganisation(
  deps: ServiceDeps,
  code: string,
  input: UpdateOrganisationInput,
): Promise<OrganisationDetail> {
  const actor = requireActor(deps);
  const row = await loadVisible(deps, code);
  if (!canManageOrganisations(actor)) throw new AppError('forbidden');
  const before = toOrganisation(row);
  const { version, ...fields } = input;
  if (version !== row.version) await conflict(deps.db, actor, row.code, version);
  const values = await toColumns(deps.db, fields, row.id);
  const merged = { ...before, ...values };
  values.searchText = searchTextOf({
    code: row.code,
    name: merged.name,
    nameEn: merged.nameEn,
    taxCode: merged.taxCode,
  });
  try {
    return await deps.db.transaction(async (tx) => {
      const updated = await updateOrganisationRow(tx, row.id, version, values);
      if (!updated) return conflict(tx, actor, row.code, version);
      const after = toOrganisation(updated);
      await recordAudit(tx, deps, {
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: row.id,
        before: auditView(before),
        after: auditView(after),
      });
      return toDetail(updated, actor);
    });
  } catch (error) {
    if (isUniqueViolation(error) && values.taxCode) {
      const holder = await findByTaxCode(deps.db, values.taxCode);
      if (holder) throw duplicateTaxCode(values.taxCode, holder);
    }
    throw error;
  }
}
