/**
 * Folds Vietnamese text for diacritics-insensitive search: "Thăng Long" → "thang long", "Đông Anh" →
 * "dong anh". Stored beside names (`search_text`) so that both databases search the same way without
 * depending on the `unaccent` extension.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern for a folded query, with LIKE wildcards in the user's text escaped. */
export function foldedLikePattern(query: string): string {
  return `%${foldVietnamese(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
