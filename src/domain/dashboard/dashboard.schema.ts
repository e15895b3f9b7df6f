import { z } from 'zod';

/** The leaders' home page: headline figures with their "as of" time, drill-down and last year's value; charts. */

export const dashboardFigureSchema = z.object({
  code: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  unit: z.enum(['count', 'usd_m', 'bn_vnd', 'ha', 'pct', 'person']),
  value: z.number().nullable(),
  /** The same date range of last year (stocks: at the same date last year). */
  previous: z.number().nullable(),
  /** Year to date ÷ the year's plan, in per cent, where the indicator has a plan and it is set. */
  planPct: z.number().nullable(),
  /** The whole a count is part of (e.g. 3 of the year's 5 plan targets achieved), where that is the figure. */
  outOf: z.number().nullable(),
  /** The web path of the list or drill-down behind the figure. */
  drill: z.string(),
  asOf: z.string(),
});
export type DashboardFigure = z.infer<typeof dashboardFigureSchema>;

export const dashboardSchema = z.object({
  asOf: z.string(),
  range: z.object({ from: z.string(), to: z.string() }),
  previous: z.object({ from: z.string(), to: z.string() }),
  figures: z.array(dashboardFigureSchema),
  zonesByState: z.array(z.object({ family: z.string(), state: z.string(), zones: z.number() })),
  capitalByYear: z.array(z.object({ year: z.number(), fdi: z.number(), domestic: z.number() })),
  occupancyByZone: z.array(
    z.object({ code: z.string(), name: z.string(), family: z.string(), occupancyPct: z.number().nullable() }),
  ),
  completeness: z
    .object({ period: z.string(), expected: z.number(), received: z.number(), overdue: z.number() })
    .nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
