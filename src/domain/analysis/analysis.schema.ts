import { z } from 'zod';
import { analysisSteps } from './period-range';
import { breakdowns } from './indicators';

/** An indicator over consecutive periods, broken down; the web page keeps these in its URL. */
export const analysisQuerySchema = z.object({
  indicator: z.string().min(1).max(64).default('capital_attracted_usd'),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .default('2017-01-01'),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .default('2026-12-31'),
  step: z.enum(analysisSteps).default('year'),
  by: z.enum(breakdowns).default('none'),
});
export type AnalysisQuery = z.infer<typeof analysisQuerySchema>;

export const analysisSchema = z.object({
  indicator: z.object({
    code: z.string(),
    name: z.object({ vi: z.string(), en: z.string() }),
    unit: z.string(),
    how: z.object({ vi: z.string(), en: z.string() }),
    breakdowns: z.array(z.string()),
  }),
  by: z.string(),
  periods: z.array(z.object({ label: z.string(), from: z.string(), to: z.string() })),
  series: z.array(z.object({ key: z.string(), label: z.string(), values: z.array(z.number().nullable()) })),
  total: z.array(z.number().nullable()),
  asOf: z.string(),
  catalogue: z.array(z.object({ code: z.string(), name: z.object({ vi: z.string(), en: z.string() }) })),
});
export type Analysis = z.infer<typeof analysisSchema>;
