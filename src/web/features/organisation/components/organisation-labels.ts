import type { HistoryVocabulary } from '../../../components/record-history/record-history';
import { countryName } from '../../../lib/countries';
import type { Locale, MessageKey, Translate } from '../../../lib/i18n';
import { ownershipLabel } from '../../../components/zone/zone-labels';
import { ORGANISATION_ROLES, type OrganisationRole } from '../api/organisation-api';

export const ROLE_LABELS: Record<OrganisationRole, MessageKey> = {
  developer: 'organisation.role.developer',
  tenant: 'organisation.role.tenant',
  agency: 'organisation.role.agency',
};

export const ROLE_COLORS: Record<OrganisationRole, string> = {
  developer: 'geekblue',
  tenant: 'cyan',
  agency: 'gold',
};

export function roleLabel(role: string, t: Translate): string {
  return (ORGANISATION_ROLES as readonly string[]).includes(role)
    ? t(ROLE_LABELS[role as OrganisationRole])
    : role;
}

/** The organisation's fields by name, in the order the page and the history list them. */
export const ORGANISATION_FIELD_LABELS: Record<string, MessageKey> = {
  code: 'organisation.field.code',
  name: 'organisation.field.name',
  nameEn: 'organisation.field.nameEn',
  taxCode: 'organisation.field.taxCode',
  country: 'organisation.field.country',
  ownership: 'organisation.field.ownership',
  roles: 'organisation.field.roles',
  address: 'organisation.field.address',
  sources: 'organisation.field.sources',
  isSynthetic: 'organisation.field.isSynthetic',
};

const ACTIONS: Record<string, MessageKey> = {
  'organisation.create': 'organisation.action.create',
  'organisation.update': 'organisation.action.update',
  'organisation.import': 'organisation.action.import',
};

/** How an organisation's history and conflict notices name fields, values and actions. */
export function organisationVocabulary(t: Translate, locale: Locale): HistoryVocabulary {
  const valueText = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'ownership' && typeof value === 'string') return ownershipLabel(value, t);
    if (field === 'country' && typeof value === 'string') return `${countryName(value, locale)} (${value})`;
    if (field === 'roles' && Array.isArray(value)) {
      return value.length ? value.map((role) => roleLabel(String(role), t)).join(', ') : '—';
    }
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (Array.isArray(value)) return value.length ? value.map(String).join('; ') : '—';
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  return {
    fieldLabel: (field) => {
      const key = ORGANISATION_FIELD_LABELS[field];
      return key ? t(key) : field;
    },
    valueText,
    actionLabel: (action) => {
      const key = ACTIONS[action];
      return key ? t(key) : action;
    },
    order: Object.keys(ORGANISATION_FIELD_LABELS),
  };
}
