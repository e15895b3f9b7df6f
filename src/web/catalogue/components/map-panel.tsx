import { lazy, Suspense } from 'react';
import { publicUrls, useResource } from '../api';
import { useCatalogue } from '../context';
import type { ZonePoints } from './catalogue-map';
import { LoadError } from './status';

/** MapLibre and its styles arrive only with this import — when the visitor opens the map. */
const CatalogueMap = lazy(() => import('./catalogue-map'));

/** The map of the published zones (optionally centred on one), loaded on demand. */
export function MapPanel({ focus }: { focus?: string | null }) {
  const { t } = useCatalogue();
  const points = useResource<ZonePoints>(publicUrls.geojson());
  if (points.error) return <LoadError error={points.error} onRetry={points.retry} />;
  const loading = (
    <div className="cat-map cat-map-loading" role="status">
      {t('map.loading')}
    </div>
  );
  if (!points.data) return loading;
  return (
    <Suspense fallback={loading}>
      <CatalogueMap points={points.data} focus={focus ?? null} />
    </Suspense>
  );
}
