import { z } from 'zod';
import { progressKinds, reporterKinds, scheduleSourceKinds, scheduleSteps } from './schedule';

/** Contracts of a zone's schedule, progress readings and developers' commitments (HTTP and web). */

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** Sets (or revises) the planned date of one step; `version` is required when the step is already planned. */
export const scheduleStepInputSchema = z.object({
  plannedDate: isoDate,
  agency: text(300),
  sourceKind: z.enum(scheduleSourceKinds),
  sourceRef: text(300),
  note: optionalText(2000),
  version: z.number().int().min(1).optional(),
});
export type ScheduleStepInput = z.infer<typeof scheduleStepInputSchema>;

export const progressReadingInputSchema = z.object({
  kind: z.enum(progressKinds),
  readingDate: isoDate,
  pct: z.number().min(0).max(100),
  source: text(300),
  note: optionalText(2000),
});
export type ProgressReadingInput = z.infer<typeof progressReadingInputSchema>;

export const commitmentInputSchema = z.object({
  documentRef: text(300),
  signedOn: isoDate,
  signedBy: text(300),
  note: optionalText(2000),
  targets: z
    .array(
      z.object({
        step: z.enum(scheduleSteps),
        targetDate: isoDate,
        description: optionalText(500),
      }),
    )
    .min(1)
    .max(20),
});
export type CommitmentInput = z.infer<typeof commitmentInputSchema>;

const stepStatus = z.enum(['done', 'done_late', 'pending', 'overdue', 'late']);

export const scheduleStepViewSchema = z.object({
  step: z.enum(scheduleSteps),
  /** Null when the step has no planned date (it may still be reached). */
  id: z.string().nullable(),
  plannedDate: z.string().nullable(),
  agency: z.string().nullable(),
  sourceKind: z.enum(scheduleSourceKinds).nullable(),
  sourceRef: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().nullable(),
  /** From the lifecycle history, never typed. */
  reachedOn: z.string().nullable(),
  slippageDays: z.number().nullable(),
  status: stepStatus.nullable(),
});
export type ScheduleStepView = z.infer<typeof scheduleStepViewSchema>;

export const progressReadingSchema = z.object({
  id: z.string(),
  kind: z.enum(progressKinds),
  readingDate: z.string(),
  pct: z.number(),
  source: z.string(),
  reporterKind: z.enum(reporterKinds),
  note: z.string().nullable(),
});
export type ProgressReading = z.infer<typeof progressReadingSchema>;

export const commitmentViewSchema = z.object({
  id: z.string(),
  documentRef: z.string(),
  signedOn: z.string(),
  signedBy: z.string(),
  note: z.string().nullable(),
  targets: z.array(
    z.object({
      id: z.string(),
      step: z.enum(scheduleSteps),
      targetDate: z.string(),
      description: z.string().nullable(),
      reachedOn: z.string().nullable(),
      status: z.enum(['kept', 'missed', 'open', 'missed_open']),
      daysLate: z.number().nullable(),
    }),
  ),
});
export type CommitmentView = z.infer<typeof commitmentViewSchema>;

const curvePoint = z.object({ date: z.string(), pct: z.number() });

export const zoneScheduleSchema = z.object({
  asOf: z.string(),
  toleranceDays: z.number(),
  steps: z.array(scheduleStepViewSchema),
  readings: z.array(progressReadingSchema),
  commitments: z.array(commitmentViewSchema),
  /** Planned curves (0 % → 100 % between two planned steps), per kind of progress. */
  planned: z.object({ land_clearance: z.array(curvePoint), construction: z.array(curvePoint) }),
  /** May set planned dates and commitments (agencies of the zone's scope). */
  canPlan: z.boolean(),
  /** May record progress readings (agencies and the zone's developer). */
  canRecordProgress: z.boolean(),
});
export type ZoneSchedule = z.infer<typeof zoneScheduleSchema>;
