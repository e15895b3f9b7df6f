import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { plan } from '../../db/schema/plan';
import { planTarget } from '../../db/schema/reporting';
import type { PlanTargetExportQuery } from '../../domain/import/plan-target-import';
import type { PlanRow, PlanTargetRow } from '../plan/plan.repository';
import { chunked } from './zone-import.repository';

/**
 * The SQL of plan-target imports and exports: the plans of the file's families and years, the targets of those
 * plans (withdrawn ones too, so that a row naming a withdrawn target is refused rather than silently re-added),
 * and the plans and targets in force for an export. Writes go through plan.repository.ts, as the API's do.
 */

/**
 * Every plan of these (family, year) pairs, withdrawn ones too, locked for the transaction (FOR NO KEY UPDATE)
 * so that two imports adding the same targets run one after the other and the second matches the first's.
 */
export async function findPlansOf(
  db: Db,
  pairs: readonly { family: string; year: number }[],
): Promise<PlanRow[]> {
  const keys = [...new Set(pairs.map((p) => `${p.family}|${p.year}`))];
  return chunked(keys, (chunk) =>
    db
      .select()
      .from(plan)
      .where(
        sql`(${plan.family} || '|' || ${plan.year}::text) in (${sql.join(
          chunk.map((k) => sql`${k}`),
          sql`, `,
        )})`,
      )
      .for('no key update'),
  );
}

/** The targets of these plans (withdrawn ones too), each plan's in its order. */
export async function findTargetsOfPlans(db: Db, planIds: readonly string[]): Promise<PlanTargetRow[]> {
  return chunked(planIds, (chunk) =>
    db
      .select()
      .from(planTarget)
      .where(inArray(planTarget.planId, chunk))
      .orderBy(asc(planTarget.planId), asc(planTarget.ordinal), asc(planTarget.id)),
  );
}

/** The figure targets in force of these (family, year) pairs, with or without a plan (one per indicator). */
export async function findFigureTargetsOf(
  db: Db,
  pairs: readonly { family: string; year: number }[],
): Promise<PlanTargetRow[]> {
  const keys = [...new Set(pairs.map((p) => `${p.family}|${p.year}`))];
  return chunked(keys, (chunk) =>
    db
      .select()
      .from(planTarget)
      .where(
        and(
          eq(planTarget.kind, 'figure'),
          isNull(planTarget.withdrawnAt),
          sql`(${planTarget.family} || '|' || ${planTarget.year}::text) in (${sql.join(
            chunk.map((k) => sql`${k}`),
            sql`, `,
          )})`,
        ),
      ),
  );
}

/** The plans in force an export covers (by year, family and number), oldest first. */
export async function findPlansForExport(db: Db, query: PlanTargetExportQuery): Promise<PlanRow[]> {
  const filters: (SQL | undefined)[] = [isNull(plan.withdrawnAt)];
  if (query.year) filters.push(eq(plan.year, query.year));
  if (query.family) filters.push(eq(plan.family, query.family));
  if (query.plan) filters.push(sql`upper(${plan.number}) = ${query.plan.toUpperCase()}`);
  return db
    .select()
    .from(plan)
    .where(and(...filters))
    .orderBy(asc(plan.year), asc(plan.family), asc(plan.issuedOn), asc(plan.number));
}
