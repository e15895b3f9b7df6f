/** The page of one organisation. */
export function organisationPagePath(code: string): string {
  return `/organisations/${encodeURIComponent(code)}`;
}

/** Where the page's "back to the list" goes: the list with the filters it was opened from. */
export type OrganisationListLocationState = { fromList?: string } | null;
