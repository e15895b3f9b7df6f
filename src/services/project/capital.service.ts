import { checkCapitalPeriod, type CapitalQuery, type CapitalReport } from '../../domain/project/capital';
import { AppError, validationError } from '../../domain/shared/errors';
import { requireActor, type ServiceDeps } from '../deps';
import { canReadCapital, projectVisibility, type ProjectVisibility } from './project.policy';
import { capitalTotals, type AttractedRow, type MissingRateRow } from './capital.repository';

type Attracted = CapitalReport['attracted'];

const emptyAttracted: Attracted = {
  newProjects: 0,
  increases: 0,
  byCurrency: [],
  convertedUsd: { newAmount: '0.00', increaseAmount: '0.00', attracted: '0.00' },
};

/** One section (all, FDI, domestic, unknown) from the grouping-set rows of capitalAttracted. */
function section(rows: AttractedRow[], owner: string | null): Attracted {
  const mine = rows.filter((r) => (owner === null ? r.g_owner === 1 : r.g_owner === 0 && r.owner === owner));
  const total = mine.find((r) => r.g_currency === 1);
  if (!total) return emptyAttracted;
  return {
    newProjects: total.new_projects,
    increases: total.increases,
    byCurrency: mine
      .filter((r) => r.g_currency === 0)
      .map((r) => ({
        currency: r.currency!,
        newProjects: r.new_projects,
        newAmount: r.new_amount,
        increases: r.increases,
        increaseAmount: r.increase_amount,
        attracted: r.attracted,
      })),
    convertedUsd: {
      newAmount: total.new_usd,
      increaseAmount: total.increase_usd,
      attracted: total.attracted_usd,
    },
  };
}

function missing(rows: MissingRateRow[]): CapitalReport['missingRates'] {
  return rows.map((r) => ({
    rateCurrency: r.rate_currency,
    eventCurrency: r.event_currency,
    date: r.date,
    events: r.events,
    amount: r.amount,
  }));
}

/**
 * Capital attracted in a period and registered capital at its end, over the projects the actor may see:
 * per currency, converted to USD at the rates configured for each event's date (tổng vốn quy đổi), split
 * FDI / domestic / unknown. Every sum is computed in SQL on numeric; events whose rate is missing are
 * left out of the converted totals and listed in `missingRates`.
 */
export async function capitalReport(deps: ServiceDeps, query: CapitalQuery): Promise<CapitalReport> {
  const actor = requireActor(deps);
  if (!canReadCapital(actor)) throw new AppError('forbidden');
  return computeCapital(deps, projectVisibility(actor), query);
}

/**
 * The capital report over a visibility the caller has already established (the leaders' view checks its own
 * policy on the whole scope first). `recordedBy` computes it "as of" an instant: the ledger events and the
 * exchange rates recorded by then.
 */
export async function computeCapital(
  deps: ServiceDeps,
  visibility: ProjectVisibility,
  query: CapitalQuery,
  options: { recordedBy?: Date | null } = {},
): Promise<CapitalReport> {
  const problems = checkCapitalPeriod(query);
  if (Object.keys(problems).length) throw validationError(problems);
  const totals = await capitalTotals(deps.db, visibility, query, { recordedBy: options.recordedBy ?? null });
  const { attracted, registered } = totals;
  return {
    from: query.from,
    to: query.to,
    filters: { family: query.family ?? null, zone: query.zone ?? null, commune: query.commune ?? null },
    attracted: section(attracted, null),
    byOwnership: {
      fdi: section(attracted, 'fdi'),
      domestic: section(attracted, 'domestic'),
      unknown: section(attracted, 'unknown'),
    },
    missingRates: missing(totals.missing_period),
    registered: {
      at: query.to,
      byCurrency: registered
        .filter((r) => r.g_currency === 0)
        .map((r) => ({ currency: r.currency!, amount: r.amount })),
      convertedUsd: registered.find((r) => r.g_currency === 1)?.usd ?? '0.00',
      missingRates: missing(totals.missing_registered),
    },
    asOf: (options.recordedBy ?? deps.clock.now()).toISOString(),
  };
}
