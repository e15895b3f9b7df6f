import { foldVietnamese } from '../../domain/shared/text';

/**
 * Client-side filtering that matches the server's search: diacritics-insensitive, so that "thang long" finds
 * "Thăng Long" (docs/PRODUCT.md §4), with the same folding as the database's `search_text`.
 */
export function matchesFolded(haystack: string, needle: string): boolean {
  return foldVietnamese(haystack).includes(foldVietnamese(needle));
}
