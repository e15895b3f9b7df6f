import { lazy, Suspense, useMemo } from 'react';
import { publicUrls, useResource } from '../api';
import { useCatalogue } from '../context';
import type { ZonePoints } from './catalogue-map';
import { LoadError } from './status';

/** MapLibre and its styles arrive only with this import — when the visitor opens the map. */
const CatalogueMap = lazy(() => import('./catalogue-map'));

/**
 * The map of the published zones, loaded on demand: only `codes` when given (the results shown), centred on
 * `focus` when given (a zone's page).
 */
export function MapPanel({ focus, codes }: { focus?: string | null; codes?: readonly string[] }) {
  const { t } = useCatalogue();
  const points = useResource<ZonePoints>(publicUrls.geojson());
  const shown = useMemo(() => {
    if (!points.data || !codes) return points.data;
    const wanted = new Set(codes);
    const features = points.data.features.filter((f) => wanted.has(String(f.properties?.['code'])));
    return { ...points.data, features };
  }, [points.data, codes]);
  if (points.error) return <LoadError error={points.error} onRetry={points.retry} />;
  const loading = (
    <div className="cat-map cat-map-loading" role="status">
      {t('map.loading')}
    </div>
  );
  if (!shown) return loading;
  return (
    <Suspense fallback={loading}>
      <CatalogueMap points={shown} focus={focus ?? null} />
    </Suspense>
  );
}
