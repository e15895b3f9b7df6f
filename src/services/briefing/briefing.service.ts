import { formatDateRange, sameRangeLastYear, type DateRange } from '../../domain/analysis/period-range';
import type {
  BriefingCreate,
  BriefingList,
  BriefingScope,
  BriefingTemplateList,
  BriefingUpdate,
  BriefingView,
} from '../../domain/briefing/briefing.schema';
import { briefingSections, familiesOf, sectionByKey } from '../../domain/briefing/sections';
import { checkTemplate, renderTemplate, type TemplateContext } from '../../domain/briefing/template';
import { formatDateTime } from '../../domain/format/format';
import { AppError, validationError, type LocalizedText } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { computeBriefingFigures, type BriefingFigures, type ZoneAnnexRow } from './briefing-figures';
import { canEditTemplates, canListBriefings, canReadBriefing, canWriteBriefing } from './briefing.policy';
import {
  findBriefing,
  insertBriefing,
  listBriefingRows,
  listTemplateRows,
  updateBriefingRow,
  upsertTemplate,
  type BriefingRow,
} from './briefing.repository';

/**
 * The quarterly briefing (báo cáo giao ban): a draft is computed live from the history; officers edit the
 * words around the placeholders and the tasks; issuing freezes the figures and the text with their "as of"
 * instant (a trigger refuses later changes). Any briefing can be regenerated "as of" an instant.
 */

type Snapshot = BriefingFigures & {
  asOf: string;
  sections: { key: string; template: string; text: string }[];
};

const scopeOf = (row: BriefingRow) => row.scope as BriefingScope;
const rangeOf = (row: BriefingRow): DateRange => ({ from: row.periodFrom, to: row.periodTo });

function defaultTitle(range: DateRange, scope: BriefingScope): string {
  const what =
    scope === 'KCN'
      ? 'các khu công nghiệp, khu chế xuất'
      : scope === 'CCN'
        ? 'các cụm công nghiệp'
        : 'các khu, cụm công nghiệp';
  return `Tình hình phát triển ${what} ${formatDateRange(range)}`;
}

async function storedTemplates(
  deps: ServiceDeps,
): Promise<Record<string, { template: string; version: number }>> {
  const rows = await listTemplateRows(deps.db);
  return Object.fromEntries(rows.map((r) => [r.key, { template: r.template, version: r.version }]));
}

function checkSections(sections: Record<string, string>): void {
  const problems: Record<string, LocalizedText> = {};
  for (const [key, template] of Object.entries(sections)) {
    if (!sectionByKey(key)) {
      problems[`sections.${key}`] = { vi: `Không có mục "${key}".`, en: `No section "${key}".` };
      continue;
    }
    const found = checkTemplate(template);
    if (found.length) {
      problems[`sections.${key}`] = {
        vi: found.map((p) => p.vi).join(' '),
        en: found.map((p) => p.en).join(' '),
      };
    }
  }
  if (Object.keys(problems).length) throw validationError(problems);
}

function context(range: DateRange, asOf: Date): TemplateContext {
  return {
    period: formatDateRange(range),
    previous_period: formatDateRange(sameRangeLastYear(range)),
    year: range.to.slice(0, 4),
    previous_year: String(Number(range.to.slice(0, 4)) - 1),
    as_of: formatDateTime(asOf),
  };
}

/**
 * Figures and sentences of a briefing stamped `asOf`: computed from everything recorded so far, or — with
 * `recordedBy` — from the history as it stood at that instant (regenerating a past briefing).
 */
async function compute(
  deps: ServiceDeps,
  row: BriefingRow,
  asOf: Date,
  recordedBy: Date | null = null,
): Promise<Snapshot> {
  const families = familiesOf(scopeOf(row));
  const sections = briefingSections.filter((s) => families.includes(s.family));
  const templateOf = (key: string) => row.sections[key] ?? sectionByKey(key)!.template;
  const figures = await computeBriefingFigures(deps, {
    range: rangeOf(row),
    families,
    templates: {
      KCN: sections.filter((s) => s.family === 'KCN').map((s) => templateOf(s.key)),
      CCN: sections.filter((s) => s.family === 'CCN').map((s) => templateOf(s.key)),
    },
    recordedBy,
  });
  const ctx = context(rangeOf(row), asOf);
  return {
    ...figures,
    asOf: asOf.toISOString(),
    sections: sections.map((s) => ({
      key: s.key,
      template: templateOf(s.key),
      text: renderTemplate(templateOf(s.key), figures.figures[s.family] ?? {}, ctx),
    })),
  };
}

function toView(deps: ServiceDeps, row: BriefingRow, snapshot: Snapshot): BriefingView {
  const range = rangeOf(row);
  return {
    id: row.id,
    title: row.title,
    number: row.number,
    signerName: row.signerName,
    scope: scopeOf(row),
    from: range.from,
    to: range.to,
    periodLabel: formatDateRange(range),
    previous: sameRangeLastYear(range),
    state: row.state as 'draft' | 'issued',
    version: row.version,
    asOf: snapshot.asOf,
    sections: snapshot.sections.map((s) => {
      const def = sectionByKey(s.key)!;
      return { ...s, family: def.family, part: def.part.vi, heading: def.heading.vi };
    }),
    tasks: row.tasks,
    figures: snapshot.figures,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    issuedBy: row.issuedBy,
    canEdit: row.state === 'draft' && canWriteBriefing(requireActor(deps), scopeOf(row)),
  };
}

async function readable(deps: ServiceDeps, id: string): Promise<BriefingRow> {
  const row = await findBriefing(deps.db, id);
  if (!row || !canReadBriefing(requireActor(deps), scopeOf(row))) throw new AppError('not_found');
  return row;
}

export type BriefingDocument = { view: BriefingView; zones: ZoneAnnexRow[] };

/**
 * A briefing: an issued one as frozen; a draft computed now. `asOf` regenerates either from the history as it
 * stood at that instant (an issued briefing regenerated at its own "as of" equals what was issued).
 */
export async function getBriefingDocument(
  deps: ServiceDeps,
  id: string,
  asOf?: string,
): Promise<BriefingDocument> {
  const row = await readable(deps, id);
  let snapshot: Snapshot;
  if (asOf) snapshot = await compute(deps, row, new Date(asOf), new Date(asOf));
  else if (row.state === 'issued') snapshot = row.snapshot as Snapshot;
  else snapshot = await compute(deps, row, deps.clock.now());
  return { view: toView(deps, row, snapshot), zones: snapshot.zones };
}

export async function getBriefing(deps: ServiceDeps, id: string, asOf?: string): Promise<BriefingView> {
  return (await getBriefingDocument(deps, id, asOf)).view;
}

export async function listBriefings(deps: ServiceDeps): Promise<BriefingList> {
  const actor = requireActor(deps);
  if (!canListBriefings(actor)) throw new AppError('forbidden');
  const rows = (await listBriefingRows(deps.db)).filter((r) => canReadBriefing(actor, scopeOf(r)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      scope: scopeOf(r),
      from: r.periodFrom,
      to: r.periodTo,
      periodLabel: formatDateRange(rangeOf(r)),
      state: r.state as 'draft' | 'issued',
      asOf: r.asOf?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
    })),
    canCreate: canWriteBriefing(actor, 'KCN') || canWriteBriefing(actor, 'CCN'),
  };
}

function auditView(row: BriefingRow) {
  return {
    title: row.title,
    number: row.number,
    scope: row.scope,
    from: row.periodFrom,
    to: row.periodTo,
    state: row.state,
    asOf: row.asOf?.toISOString() ?? null,
    sections: row.sections,
    tasks: row.tasks,
  };
}

/** A new draft of a period and scope, with the stored sentence templates of the moment. */
export async function createBriefing(deps: ServiceDeps, input: BriefingCreate): Promise<BriefingView> {
  const actor = requireActor(deps);
  if (!canWriteBriefing(actor, input.scope)) throw new AppError('forbidden');
  if (input.from > input.to) {
    throw validationError({
      to: { vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'The end date is before the start date.' },
    });
  }
  const range = { from: input.from, to: input.to };
  const stored = await storedTemplates(deps);
  const families = familiesOf(input.scope);
  const sections = Object.fromEntries(
    briefingSections
      .filter((s) => families.includes(s.family))
      .map((s) => [s.key, stored[s.key]?.template ?? s.template]),
  );
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertBriefing(tx, {
      title: input.title ?? defaultTitle(range, input.scope),
      scope: input.scope,
      periodFrom: input.from,
      periodTo: input.to,
      sections,
      createdBy: actor.userId || null,
      createdAt: deps.clock.now(),
      updatedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps, {
      action: 'briefing.create',
      entityType: 'briefing',
      entityId: created.id,
      after: auditView(created),
    });
    return created;
  });
  return toView(deps, row, await compute(deps, row, deps.clock.now()));
}

async function writable(deps: ServiceDeps, id: string, version: number): Promise<BriefingRow> {
  const row = await readable(deps, id);
  if (!canWriteBriefing(requireActor(deps), scopeOf(row))) throw new AppError('forbidden');
  if (row.state === 'issued') {
    throw new AppError('conflict', { current: { state: 'issued', version: row.version } });
  }
  if (row.version !== version)
    throw new AppError('conflict', { current: { state: row.state, version: row.version } });
  return row;
}

/** Edits a draft's wording, tasks, number or title (`version` checked; an issued briefing is frozen). */
export async function updateBriefing(
  deps: ServiceDeps,
  id: string,
  input: BriefingUpdate,
): Promise<BriefingView> {
  const row = await writable(deps, id, input.version);
  if (input.sections) checkSections(input.sections);
  const saved = await deps.db.transaction(async (tx) => {
    const updated = await updateBriefingRow(tx, id, input.version, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.number !== undefined ? { number: input.number } : {}),
      ...(input.signerName !== undefined ? { signerName: input.signerName } : {}),
      ...(input.sections ? { sections: { ...row.sections, ...input.sections } } : {}),
      ...(input.tasks !== undefined ? { tasks: input.tasks } : {}),
      updatedAt: deps.clock.now(),
    });
    if (!updated) throw new AppError('conflict', { current: { version: row.version } });
    await recordAudit(tx, deps, {
      action: 'briefing.update',
      entityType: 'briefing',
      entityId: id,
      before: auditView(row),
      after: auditView(updated),
    });
    return updated;
  });
  return toView(deps, saved, await compute(deps, saved, deps.clock.now()));
}

/** Issues a draft: its figures and sentences are computed now and frozen with this "as of" instant. */
export async function issueBriefing(deps: ServiceDeps, id: string, version: number): Promise<BriefingView> {
  const row = await writable(deps, id, version);
  const asOf = deps.clock.now();
  const snapshot = await compute(deps, row, asOf);
  const issued = await deps.db.transaction(async (tx) => {
    const updated = await updateBriefingRow(tx, id, version, {
      state: 'issued',
      asOf,
      snapshot,
      issuedAt: asOf,
      issuedBy: requireActor(deps).userId || null,
      updatedAt: asOf,
    });
    if (!updated) throw new AppError('conflict', { current: { version: row.version } });
    await recordAudit(tx, deps, {
      action: 'briefing.issue',
      entityType: 'briefing',
      entityId: id,
      before: auditView(row),
      after: auditView(updated),
    });
    return updated;
  });
  return toView(deps, issued, snapshot);
}

export async function listBriefingTemplates(deps: ServiceDeps): Promise<BriefingTemplateList> {
  const actor = requireActor(deps);
  if (!canListBriefings(actor)) throw new AppError('forbidden');
  const stored = await storedTemplates(deps);
  return {
    items: briefingSections.map((s) => ({
      key: s.key,
      family: s.family,
      heading: s.heading.vi,
      template: stored[s.key]?.template ?? s.template,
      custom: stored[s.key] !== undefined && stored[s.key]!.template !== s.template,
      version: stored[s.key]?.version ?? null,
    })),
    canEdit: canEditTemplates(actor),
  };
}

/** Stores a section's sentence template for the briefings created from now on (`version` null creates it). */
export async function setBriefingTemplate(
  deps: ServiceDeps,
  key: string,
  input: { template: string; version: number | null },
): Promise<BriefingTemplateList> {
  const actor = requireActor(deps);
  const section = sectionByKey(key);
  if (!section) throw new AppError('not_found');
  if (!canWriteBriefing(actor, section.family)) throw new AppError('forbidden');
  const problems = checkTemplate(input.template);
  if (problems.length) {
    throw validationError({
      template: { vi: problems.map((p) => p.vi).join(' '), en: problems.map((p) => p.en).join(' ') },
    });
  }
  await deps.db.transaction(async (tx) => {
    const before = (await listTemplateRows(tx)).find((r) => r.key === key) ?? null;
    const saved = await upsertTemplate(
      tx,
      key,
      input.template,
      input.version,
      actor.userId || null,
      deps.clock.now(),
    );
    if (!saved)
      throw new AppError('conflict', {
        current: before ? { version: before.version, template: before.template } : null,
      });
    await recordAudit(tx, deps, {
      action: 'briefing.template_set',
      entityType: 'briefing_template',
      entityId: key,
      before: before ? { template: before.template } : null,
      after: { template: saved.template },
    });
  });
  return listBriefingTemplates(deps);
}
