import type { CatalogueLang } from './catalogue.schema';

/**
 * The public catalogue's short name in each interface language: the suffix of its pages' titles and the web
 * dictionaries' `site.shortName`. Zod-free, so the public page can import it without the schema library.
 */
export const catalogueShortNames: Record<CatalogueLang, string> = {
  vi: 'Đầu tư công nghiệp Hà Nội',
  en: 'Invest in Hanoi industry',
  ja: 'ハノイ工業投資',
  ko: '하노이 산업 투자',
  zh: '投资河内工业',
};

/** A description's first sentence or so, for a page's meta description (at most 160 characters), or null. */
export function metaSummary(text: string | null | undefined): string | null {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  return clean.length <= 160 ? clean : `${clean.slice(0, 157).trimEnd()}…`;
}

/**
 * A zone page's title and meta description — the same in the browser (web `zone-page.tsx`) and in the HTML
 * the server sends for the zone's address (what a search engine or a link preview reads without JavaScript).
 * `description` is null when the zone has no published description.
 */
export function zonePageHead(
  zone: { name: string; summary?: string | null | undefined; description?: string | null | undefined },
  lang: CatalogueLang,
): { title: string; description: string | null } {
  return {
    title: `${zone.name} — ${catalogueShortNames[lang]}`,
    description: metaSummary(zone.summary ?? zone.description),
  };
}
