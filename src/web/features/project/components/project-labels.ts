import type { HistoryVocabulary } from '../../../components/record-history/record-history';
import type { Formatters } from '../../../lib/format';
import type { MessageKey, Translate } from '../../../lib/i18n';
import { capitalText, projectStatusLabel } from '../../../components/zone/zone-labels';
import { INVESTMENT_EVENT_KINDS, type InvestmentEventKind } from '../api/project-api';

export const EVENT_KIND_LABELS: Record<InvestmentEventKind, MessageKey> = {
  new: 'project.event.new',
  increase: 'project.event.increase',
  decrease: 'project.event.decrease',
  termination: 'project.event.termination',
};

export const EVENT_KIND_COLORS: Record<InvestmentEventKind, string> = {
  new: 'blue',
  increase: 'green',
  decrease: 'orange',
  termination: 'red',
};

export function eventKindLabel(kind: string, t: Translate): string {
  return (INVESTMENT_EVENT_KINDS as readonly string[]).includes(kind)
    ? t(EVENT_KIND_LABELS[kind as InvestmentEventKind])
    : kind;
}

/** The project's fields by name, in the order the page and the history list them. */
export const PROJECT_FIELD_LABELS: Record<string, MessageKey> = {
  code: 'project.field.code',
  name: 'project.field.name',
  zoneCode: 'project.field.zoneCode',
  investorCode: 'project.field.investorCode',
  certificateNo: 'project.field.certificateNo',
  certificateDate: 'project.field.certificateDate',
  vsicCode: 'project.field.vsicCode',
  leasedHa: 'project.field.leasedHa',
  lot: 'project.field.lot',
  workers: 'project.field.workers',
  status: 'project.field.status',
  event: 'project.field.event',
  registeredCapital: 'project.field.registeredCapital',
  isSynthetic: 'organisation.field.isSynthetic',
};

const ACTIONS: Record<string, MessageKey> = {
  'project.create': 'project.action.create',
  'project.update': 'project.action.update',
  'project.import': 'project.action.import',
  'project.investment_event': 'project.action.investmentEvent',
};

type Capital = { currency: string; amount: string };

function isCapitalList(value: unknown): value is Capital[] {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && 'currency' in item && 'amount' in item)
  );
}

/** "5.000.000 USD; 45.000.000.000 ₫". */
export function capitalListText(capital: readonly Capital[], format: Formatters): string {
  return capital.length === 0
    ? '—'
    : capital.map((item) => capitalText(item.amount, item.currency, format)).join('; ');
}

/** How a project's history and conflict notices name fields, values and actions. */
export function projectVocabulary(t: Translate, format: Formatters): HistoryVocabulary {
  const valueText = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'status' && typeof value === 'string') return projectStatusLabel(value, t);
    if (field === 'leasedHa' && (typeof value === 'number' || typeof value === 'string')) {
      return format.area(value);
    }
    if (field === 'workers' && typeof value === 'number') return format.number(value);
    if (field === 'certificateDate' && typeof value === 'string') return format.date(value);
    if (field === 'registeredCapital' && isCapitalList(value)) return capitalListText(value, format);
    if (field === 'event' && typeof value === 'object' && !Array.isArray(value)) {
      const event = value as Partial<{ kind: string; eventDate: string; amount: string; currency: string }>;
      return t('project.event.summary', {
        kind: eventKindLabel(event.kind ?? '', t),
        date: format.date(event.eventDate ?? null),
        amount: event.amount && event.currency ? capitalText(event.amount, event.currency, format) : '—',
      });
    }
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (typeof value === 'number') return format.number(value, { maxFractionDigits: 4 });
    if (Array.isArray(value)) return value.length ? value.map(String).join('; ') : '—';
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  return {
    fieldLabel: (field) => {
      const key = PROJECT_FIELD_LABELS[field];
      return key ? t(key) : field;
    },
    valueText,
    actionLabel: (action) => {
      const key = ACTIONS[action];
      return key ? t(key) : action;
    },
    order: Object.keys(PROJECT_FIELD_LABELS),
  };
}
