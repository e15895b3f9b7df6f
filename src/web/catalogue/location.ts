import { useSyncExternalStore } from 'react';

/**
 * The catalogue's own tiny router: the address is the state (path + query), changed with the History API. No
 * router library, to keep the public page's first load small.
 */
const CHANGE = 'catalogue:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export type CatalogueLocation = { pathname: string; search: string };

export function useCatalogueLocation(): CatalogueLocation {
  const href = useSyncExternalStore(subscribe, snapshot);
  const at = href.indexOf('?');
  return at < 0 ? { pathname: href, search: '' } : { pathname: href.slice(0, at), search: href.slice(at) };
}

/** Goes to `href` inside the catalogue; `replace` for changes that should not add a history entry. */
export function navigate(href: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  if (href === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE));
  if (!options.keepScroll) window.scrollTo(0, 0);
}
