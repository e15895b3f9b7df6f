import { useEffect } from 'react';
import { HTML_LANG, type CatalogueLang } from './i18n/i18n';

function metaTag(name: string): HTMLMetaElement {
  let tag = document.head.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
  if (!tag) {
    tag = document.createElement('meta');
    tag.name = name;
    document.head.appendChild(tag);
  }
  return tag;
}

/** Sets the page's title, meta description and `lang` attribute (each page calls it with its own texts). */
export function useHead(title: string, description: string, lang: CatalogueLang): void {
  useEffect(() => {
    document.title = title;
    metaTag('description').content = description;
    document.documentElement.lang = HTML_LANG[lang];
  }, [title, description, lang]);
}
