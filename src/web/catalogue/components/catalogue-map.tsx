import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, NavigationControl, Popup, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useCatalogue } from '../context';
import { navigate } from '../location';
import { zoneHref } from '../routes';

// MapLibre finds its worker next to its own module; bundled, that file is an asset with a hashed name.
setWorkerUrl(workerUrl);

/** The published zones as points (GeoJSON from /api/public/zones.geojson). */
export type ZonePoints = {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] } | null;
    properties: Record<string, unknown> | null;
  }[];
};

const HANOI: [number, number] = [105.85, 21.03];
/** No tiles from the Internet: a plain background, like the staff map (works offline). */
const STYLE = {
  version: 8 as const,
  sources: {},
  layers: [{ id: 'background', type: 'background' as const, paint: { 'background-color': '#eef2f6' } }],
};

/**
 * The public map, loaded only when the visitor opens it (a lazy import: MapLibre is not in the first load).
 * A dot per published zone — pale where the position is approximate; a tap opens the zone's page.
 */
export default function CatalogueMap({ points, focus }: { points: ZonePoints; focus?: string | null }) {
  const { lang, t } = useCatalogue();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: STYLE,
        center: HANOI,
        zoom: 9,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch {
      queueMicrotask(() => setFailed(true));
      return;
    }
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.touchZoomRotate.disableRotation();
    map.on('load', () => {
      map.addSource('zones', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({
        id: 'zones-point',
        type: 'circle',
        source: 'zones',
        paint: {
          'circle-color': ['match', ['get', 'family'], 'KCN', '#0b5cab', '#1a7f37'],
          'circle-opacity': ['case', ['==', ['get', 'approximate'], true], 0.3, 0.9],
          'circle-radius': 7,
          'circle-stroke-color': ['case', ['==', ['get', 'approximate'], true], '#33415c', '#ffffff'],
          'circle-stroke-width': 2,
        },
      });
      map.on('click', 'zones-point', (event) => {
        const code = event.features?.[0]?.properties?.['code'];
        if (typeof code === 'string') navigate(zoneHref(code, lang));
      });
      map.on('mouseenter', 'zones-point', (event) => {
        map.getCanvas().style.cursor = 'pointer';
        const feature = event.features?.[0];
        const name = feature?.properties?.['name'];
        if (feature?.geometry.type === 'Point' && typeof name === 'string') {
          new Popup({ closeButton: false, className: 'cat-map-popup' })
            .setLngLat(feature.geometry.coordinates as [number, number])
            .setText(name)
            .addTo(map);
        }
      });
      map.on('mouseleave', 'zones-point', () => {
        map.getCanvas().style.cursor = '';
        for (const popup of container.current?.querySelectorAll('.cat-map-popup') ?? []) popup.remove();
      });
      setReady(true);
    });
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, [lang]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const features = points.features.filter((f) => f.geometry);
    void (map.getSource('zones') as GeoJSONSource | undefined)?.setData({ ...points, features } as never);
    const coords = features
      .filter((f) => !focus || f.properties?.['code'] === focus)
      .map((f) => f.geometry!.coordinates);
    if (coords.length === 1) map.jumpTo({ center: coords[0], zoom: 12 });
    else if (coords.length > 1) {
      const lons = coords.map((c) => c[0]);
      const lats = coords.map((c) => c[1]);
      map.fitBounds(
        [
          [Math.min(...lons), Math.min(...lats)],
          [Math.max(...lons), Math.max(...lats)],
        ],
        { padding: 40, maxZoom: 13, animate: false },
      );
    }
  }, [ready, points, focus]);

  if (failed) return <p className="cat-error">{t('map.failed')}</p>;
  return (
    <figure className="cat-map-figure">
      <div ref={container} className="cat-map" role="region" aria-label={t('map.label')} />
      <figcaption className="cat-muted">{t('map.approximateNote')}</figcaption>
    </figure>
  );
}
