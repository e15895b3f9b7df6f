/** The page of one tenant project. */
export function projectPagePath(code: string): string {
  return `/projects/${encodeURIComponent(code)}`;
}

/** Where the page's "back to the list" goes: the list with the filters it was opened from. */
export type ProjectListLocationState = { fromList?: string } | null;
