import { useMemo } from 'react';
import { useFormat, type Formatters } from '../../../lib/format';
import { useLocale, useT, type MessageKey, type Translate } from '../../../lib/i18n';
import type { Locale } from '../../../lib/locale-store';
import type { ImportEntity } from '../api/import-api';

/** Fields an import of planned steps may change (obstacles are only ever created). */
const SHEET_FIELDS: Record<string, MessageKey> = {
  plannedDate: 'import.field.plannedDate',
  agency: 'import.field.agency',
  sourceKind: 'import.field.sourceKind',
  sourceRef: 'import.field.sourceRef',
  note: 'import.field.note',
};

/** The fields a plan-target row may change, in the template's words. */
const TARGET_FIELDS: Record<string, MessageKey> = {
  title: 'import.targetField.title',
  measure: 'import.targetField.measure',
  step: 'import.targetField.step',
  thresholdPct: 'import.targetField.thresholdPct',
  indicator: 'import.targetField.indicator',
  value: 'import.targetField.value',
  maxValue: 'import.targetField.maxValue',
  zones: 'import.targetField.zones',
  evidenceRef: 'import.targetField.evidenceRef',
  evidenceDate: 'import.targetField.evidenceDate',
  note: 'import.targetField.note',
};

/** What a registry list's field labels are made from: the words, the language, the number formats. */
export type FieldLabelContext = { t: Translate; locale: Locale; format: Formatters };

/**
 * The registry lists' field labels, in the words of the features that own those lists (zone, organisation,
 * project): handed in by app/pages/import-page, since a feature imports no other feature. `projects` also
 * names the fields of the lists kept on a project (capital, inspections). Without them a field shows its name.
 */
export type RegistryFieldLabels = Record<
  'zones' | 'organisations' | 'projects',
  (context: FieldLabelContext) => (field: string) => string
>;

/** A field name of the import's change list in the list's own words. */
export function useFieldLabel(
  entity: ImportEntity,
  registry: RegistryFieldLabels | undefined,
): (field: string) => string {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  return useMemo(() => {
    if (entity === 'obstacles' || entity === 'schedule-steps') {
      return (field: string) => (SHEET_FIELDS[field] ? t(SHEET_FIELDS[field]) : field);
    }
    if (entity === 'plan-targets') {
      return (field: string) => (TARGET_FIELDS[field] ? t(TARGET_FIELDS[field]) : field);
    }
    const labels = registry?.[entity === 'zones' || entity === 'organisations' ? entity : 'projects'];
    return labels ? labels({ t, locale, format }) : (field: string) => field;
  }, [entity, registry, t, locale, format]);
}
