import { buildUrl } from '../../domain/contract/api-operations';

/** Addresses of the pages; kept apart from the navigation so the router does not load the menu's icons. */
export const PATHS = {
  dashboard: '/',
  analysis: '/analysis',
  registry: '/zones',
  projects: '/projects',
  organisations: '/organisations',
  capital: '/capital',
  enterprises: '/enterprises',
  reports: '/reports',
  monitoring: '/monitoring',
  targets: '/targets',
  briefings: '/briefings',
  map: '/map',
  // The staff's publishing page; /catalogue itself is the public catalogue (a separate page, no sign-in).
  catalogue: '/publishing',
  users: '/admin/users',
  adminUnits: '/admin/admin-units',
  audit: '/admin/audit',
  import: '/import',
  inquiries: '/inquiries',
  exchange: '/exchange',
} as const;

export const PERMISSIONS = {
  zones: ['zone.read'],
  projects: ['project.read'],
  organisations: ['organisation.read'],
  users: ['user.read'],
  adminUnits: ['admin_unit.read'],
  audit: ['audit.read'],
  /** Officers who publish zones in the investor catalogue (the server's catalogue.policy.ts decides per zone). */
  catalogue: ['zone.manage'],
  /** Anyone who may import at least one list (features/import/api/import-api.ts has them list by list). */
  import: ['zone.manage', 'zone.create', 'organisation.manage', 'project.manage', 'report.sign'],
  /** Officers and developers (zone.manage) and leaders (user.read) — not tenants (inquiry.policy.ts). */
  inquiries: ['zone.manage', 'user.read'],
} as const;

// The page of one record, linked from lists and other records' pages (a feature links to another's page
// through these, never by importing it).

/** The page of one park or cluster. */
export function zonePath(code: string): string {
  return `/zones/${encodeURIComponent(code)}`;
}

/** Where the zone page's "back to the list" goes: the list with the filters it was opened from. */
export type ZoneListLocationState = { fromList?: string } | null;

/** The page of one tenant project. */
export function projectPagePath(code: string): string {
  return `/projects/${encodeURIComponent(code)}`;
}

/** Where the page's "back to the list" goes: the list with the filters it was opened from. */
export type ProjectListLocationState = { fromList?: string } | null;

/** The page of one organisation. */
export function organisationPagePath(code: string): string {
  return `/organisations/${encodeURIComponent(code)}`;
}

/** Where the page's "back to the list" goes: the list with the filters it was opened from. */
export type OrganisationListLocationState = { fromList?: string } | null;

/**
 * The national exchange package of a signed Biểu 04 (a plain link: the browser saves it under the server's
 * file name); the compiled report and the exchange page both offer it.
 */
export const exchangePackageUrl = (period: string, version?: number) =>
  buildUrl('/api/compilations/exchange-package', { period, version });
