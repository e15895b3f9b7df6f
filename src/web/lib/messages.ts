import { commonMessages } from './messages/common';
import { shellMessages } from './messages/shell';
import { authMessages } from './messages/auth';
import { userMessages } from './messages/user';
import { zoneMessages } from './messages/zone';
import { mapMessages } from './messages/map';
import { reportingMessages } from './messages/reporting';
import { notificationMessages } from './messages/notification';
import { projectMessages } from './messages/project';
import { capitalMessages } from './messages/capital';
import { organisationMessages } from './messages/organisation';
import { importMessages } from './messages/import';
import { adminUnitMessages } from './messages/admin-unit';
import { documentMessages } from './messages/document';
import { auditMessages } from './messages/audit';
import { exchangeRateMessages } from './messages/exchange-rate';
import { monitoringMessages } from './messages/monitoring';
import { planMessages } from './messages/plan';
import { scheduleMessages } from './messages/schedule';
import { inspectionMessages } from './messages/inspection';
import { incidentMessages } from './messages/incident';
import { dashboardMessages } from './messages/dashboard';
import { catalogueMessages } from './messages/catalogue';
import { inquiryMessages } from './messages/inquiry';

/**
 * Every string the UI shows, in Vietnamese (the default) and English, one dictionary per feature under
 * `messages/`. `{name}` marks a value filled in by `t(key, { name })`. Each feature's Vietnamese dictionary
 * defines its keys and its English one must have exactly the same; `messages.test.ts` checks the composed set
 * (same keys, same placeholders, none empty) and that no key is defined by two features.
 */
export const dictionaries = [
  commonMessages,
  shellMessages,
  authMessages,
  userMessages,
  zoneMessages,
  mapMessages,
  reportingMessages,
  notificationMessages,
  projectMessages,
  capitalMessages,
  organisationMessages,
  importMessages,
  adminUnitMessages,
  documentMessages,
  auditMessages,
  exchangeRateMessages,
  monitoringMessages,
  planMessages,
  scheduleMessages,
  inspectionMessages,
  incidentMessages,
  dashboardMessages,
  catalogueMessages,
  inquiryMessages,
] as const;

type Vi = (typeof dictionaries)[number]['vi'];
type KeysOf<T> = T extends unknown ? keyof T : never;
export type MessageKey = KeysOf<Vi> & string;
export type Messages = Record<MessageKey, string>;

const compose = (locale: 'vi' | 'en'): Messages =>
  Object.assign({}, ...dictionaries.map((dictionary) => dictionary[locale])) as Messages;

export const messages: Record<'vi' | 'en', Messages> = { vi: compose('vi'), en: compose('en') };
