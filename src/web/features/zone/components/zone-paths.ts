/** The page of one park or cluster. */
export function zonePath(code: string): string {
  return `/zones/${encodeURIComponent(code)}`;
}

/** Where the zone page's "back to the list" goes: the list with the filters it was opened from. */
export type ZoneListLocationState = { fromList?: string } | null;
