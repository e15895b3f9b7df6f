import { z } from 'zod';
import type { LocalizedText } from '../shared/errors';

/** Incidents in a zone or a tenant project, with their response and follow-up. */
export const incidentKinds = [
  'fire_explosion',
  'environmental_breach',
  'strike',
  'security',
  'accident',
] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const incidentKindLabels: Record<IncidentKind, LocalizedText> = {
  fire_explosion: { vi: 'Cháy, nổ', en: 'Fire or explosion' },
  environmental_breach: { vi: 'Sự cố, vi phạm môi trường', en: 'Environmental breach' },
  strike: { vi: 'Đình công, ngừng việc tập thể', en: 'Strike or work stoppage' },
  security: { vi: 'An ninh, trật tự', en: 'Security' },
  accident: { vi: 'Tai nạn lao động', en: 'Accident' },
};

export const incidentSeverities = ['minor', 'serious', 'very_serious'] as const;
export type IncidentSeverity = (typeof incidentSeverities)[number];

const isoDate = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const code = z.string().trim().min(1).max(64);

export const incidentInputSchema = z.object({
  kind: z.enum(incidentKinds),
  occurredOn: isoDate,
  severity: z.enum(incidentSeverities),
  projectCode: code.nullish(),
  peopleAffected: z.number().int().min(0).max(1_000_000).default(0),
  description: z.string().trim().min(1).max(4000),
  damage: optionalText(2000),
  damageVnd: z
    .string()
    .trim()
    .regex(/^\d{1,18}$/, 'amount')
    .nullish(),
  response: optionalText(4000),
  followUp: optionalText(4000),
});
export type IncidentInput = z.input<typeof incidentInputSchema>;

/** Follow-up of a recorded incident: response, follow-up, closing day; `version` must be the one read. */
export const incidentUpdateSchema = z.object({
  response: optionalText(4000),
  followUp: optionalText(4000),
  damage: optionalText(2000),
  closedOn: isoDate.nullish(),
  version: z.number().int().min(1),
});
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;

export const incidentSchema = z.object({
  id: z.string(),
  zoneCode: z.string(),
  projectCode: z.string().nullable(),
  kind: z.enum(incidentKinds),
  occurredOn: z.string(),
  severity: z.enum(incidentSeverities),
  peopleAffected: z.number(),
  description: z.string(),
  damage: z.string().nullable(),
  damageVnd: z.string().nullable(),
  response: z.string().nullable(),
  followUp: z.string().nullable(),
  closedOn: z.string().nullable(),
  version: z.number(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const zoneIncidentsSchema = z.object({
  incidents: z.array(incidentSchema),
  canRecord: z.boolean(),
});
export type ZoneIncidents = z.infer<typeof zoneIncidentsSchema>;
