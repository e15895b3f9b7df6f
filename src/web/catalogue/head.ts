import { useEffect } from 'react';
import { catalogueLangs, HTML_LANG, type CatalogueLang } from './i18n/i18n';

function metaTag(name: string): HTMLMetaElement {
  let tag = document.head.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
  if (!tag) {
    tag = document.createElement('meta');
    tag.name = name;
    document.head.appendChild(tag);
  }
  return tag;
}

/** The address of `path` in `lang` (Vietnamese has no `?lang=`). */
function inLang(path: string, lang: CatalogueLang): string {
  return `${window.location.origin}${path}${lang === 'vi' ? '' : `?lang=${lang}`}`;
}

/**
 * Sets the page's title, meta description and `lang` attribute; with `path` (a stable address), also its
 * canonical address and the same page in the other languages (`hreflang`), for search engines.
 */
export function useHead(title: string, description: string, lang: CatalogueLang, path?: string): void {
  useEffect(() => {
    document.title = title;
    metaTag('description').content = description;
    document.documentElement.lang = HTML_LANG[lang];
    for (const old of document.head.querySelectorAll('link[data-catalogue-head]')) old.remove();
    if (!path) return;
    const links = [
      { rel: 'canonical', href: inLang(path, lang) },
      ...catalogueLangs.map((other) => ({
        rel: 'alternate',
        hreflang: HTML_LANG[other],
        href: inLang(path, other),
      })),
    ];
    for (const attributes of links) {
      const link = document.createElement('link');
      link.dataset['catalogueHead'] = '';
      for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
      document.head.appendChild(link);
    }
  }, [title, description, lang, path]);
}
