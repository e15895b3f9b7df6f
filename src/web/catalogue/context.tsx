import { createContext, useContext } from 'react';
import { translator, type CatalogueLang, type Translate } from './i18n/i18n';

export type CatalogueContextValue = { lang: CatalogueLang; t: Translate };

export const CatalogueContext = createContext<CatalogueContextValue>({ lang: 'vi', t: translator('vi') });

/** The interface language and its translate function. */
export function useCatalogue(): CatalogueContextValue {
  return useContext(CatalogueContext);
}
