import { sql } from 'drizzle-orm';
import type { ServiceDeps } from '../deps';
import { createExchangeRate } from '../exchange-rate/exchange-rate.service';
import { addInvestmentEvent } from '../project/project.service';
import { acceptFiling, saveDraft, submitFiling } from '../reporting/filing.service';
import { setTarget } from '../reporting/plan-target.service';
import { rowsOf } from '../../db/rows';

/**
 * SYNTHETIC figures for the parks' periodic report in the demo, so that "Báo cáo định kỳ khu công nghiệp" has
 * something to show: tenant reports (KCN_TENANT) of 2026 for four of the synthetic tenants of KCN Thăng Long
 * (demo-tenants.ts; every project and investor there is `is_synthetic` and named "(dữ liệu tổng hợp)"),
 * three capital increases in 2026 on synthetic projects, demo USD rates for 2025–2026 (estimates, like the
 * earlier years'), and the year's targets of the city, noted as demo figures. Fixed values only.
 *
 * The Q3 report of DEMO-PRJ-0001 (the demo enterprise account `doanhnghiep`) is left for the demo to file:
 * the Board's report shows it as missing until `doanhnghiep` files it and `bql` accepts it.
 */
const PARK = 'KCN-THANG-LONG';
const YEAR = 2026;

const demoRates = [
  { year: 2025, rate: '25400' },
  { year: 2026, rate: '26200' },
];

/** revenue, export, import, state budget (million USD), workers — for Q1; later quarters grow 6 % each. */
const tenantBase: readonly [number, number, number, number, number][] = [
  [18.4, 12.6, 7.9, 0.92, 640],
  [7.25, 4.1, 3.3, 0.41, 310],
  [25.6, 19.8, 11.2, 1.35, 980],
  [3.9, 0, 1.6, 0.18, 145],
];

/** When each quarter's reports are filed and accepted (before the 10th of the following month, on time). */
const filedAt: Record<string, string> = {
  [`${YEAR}-Q1`]: `${YEAR}-04-06T02:00:00Z`,
  [`${YEAR}-Q2`]: `${YEAR}-07-07T02:00:00Z`,
  [`${YEAR}-Q3`]: `${YEAR}-10-06T02:00:00Z`,
};

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** `deps.actor` must be a real user with filing and review rights (a filing records who entered it). */
export async function seedDemoParks(
  deps: ServiceDeps,
): Promise<{ filings: number; events: number; targets: number }> {
  for (const { year, rate } of demoRates) {
    await createExchangeRate(deps, {
      currency: 'USD',
      validFrom: `${year}-01-01`,
      validTo: `${year}-12-31`,
      vndPerUnit: rate,
      source: 'Ước tính cho bản demo (dữ liệu tổng hợp), không phải tỷ giá chính thức',
    });
  }
  const result = await deps.db.execute(sql`
    select p.code, (select e.currency from investment_event e where e.project_id = p.id and e.kind = 'new' limit 1) as currency
    from project p join zone z on z.id = p.zone_id
    where z.code = ${PARK} and p.is_synthetic and p.status = 'operating'
    order by p.code limit 4`);
  const projects = rowsOf<{ code: string; currency: string | null }>(result);
  const now = deps.clock.now();
  let filings = 0;
  for (const [quarter, instant] of Object.entries(filedAt)) {
    const at = new Date(instant);
    if (at > now) continue; // never a report dated in the future
    const clocked: ServiceDeps = { ...deps, clock: { now: () => at } };
    const q = Number(quarter.slice(-1));
    for (const [i, project] of projects.entries()) {
      if (quarter === `${YEAR}-Q3` && i === 0) continue; // left for the demo enterprise to file
      const [revenue, exports, imports, budget, workers] = tenantBase[i]!;
      const growth = 1.06 ** (q - 1);
      let filing = await saveDraft(clocked, {
        formCode: 'KCN_TENANT',
        period: quarter,
        reporter: { kind: 'project', code: project.code },
        values: {
          revenue_usd: round(revenue * growth, 2),
          export_usd: round(exports * growth, 2),
          import_usd: round(imports * growth, 2),
          state_budget_usd: round(budget * growth, 2),
          workers: Math.round(workers * (1 + 0.02 * (q - 1))),
        },
      });
      filing = await submitFiling(clocked, filing.id, { version: filing.version });
      await acceptFiling(clocked, filing.id, { version: filing.version });
      filings += 1;
    }
  }
  // Capital increases of 2026 on three of the tenants (not DEMO-PRJ-0001: the enterprise's own ledger stays as seeded).
  const increases = [
    { date: `${YEAR}-03-18`, usd: '3500000', vnd: '45000000000' },
    { date: `${YEAR}-06-09`, usd: '8000000', vnd: '120000000000' },
    { date: `${YEAR}-08-25`, usd: '2200000', vnd: '30000000000' },
  ];
  let events = 0;
  for (const [i, increase] of increases.entries()) {
    const project = projects[i + 1];
    if (!project || new Date(`${increase.date}T00:00:00Z`) > now) continue;
    const currency = project.currency ?? 'USD';
    await addInvestmentEvent(deps, project.code, {
      kind: 'increase',
      eventDate: increase.date,
      amount: currency === 'USD' ? increase.usd : increase.vnd,
      currency,
    });
    events += 1;
  }
  const note = 'Số liệu demo (dữ liệu tổng hợp), không phải kế hoạch thật';
  const targets = [
    { indicator: 'capital_attracted_converted_usd', value: 40 },
    { indicator: 'revenue_usd', value: 230 },
    { indicator: 'export_usd', value: 160 },
    { indicator: 'state_budget_usd', value: 11.5 },
  ];
  for (const target of targets) {
    await setTarget(deps, { year: YEAR, family: 'KCN', zone: null, ...target, note, version: null });
  }
  return { filings, events, targets: targets.length };
}
