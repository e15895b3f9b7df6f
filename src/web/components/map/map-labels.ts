import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { MapTerritory } from './map-style';

/** Below this zoom the 126 commune names would cover the map: they show from here on. */
const LABEL_MIN_ZOOM = 10.5;

/**
 * Commune/ward names as HTML markers at their rough centres (no glyph server needed, so offline), shown
 * only when zoomed in enough to read them. Returns the clean-up.
 */
export function addCommuneLabels(map: MapLibreMap, territory: MapTerritory): () => void {
  const markers = territory.features.flatMap((feature) => {
    if (feature.properties.layer !== 'label' || feature.geometry.type !== 'Point') return [];
    const element = document.createElement('span');
    element.textContent = feature.properties.name;
    element.className = 'izis-commune-label';
    element.style.cssText =
      'font-size:11px;color:#4a5568;white-space:nowrap;pointer-events:none;' +
      'text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff';
    const [lon, lat] = feature.geometry.coordinates;
    return [new Marker({ element }).setLngLat([lon!, lat!]).addTo(map)];
  });
  const toggle = () => {
    const visible = map.getZoom() >= LABEL_MIN_ZOOM;
    for (const marker of markers) marker.getElement().style.visibility = visible ? 'visible' : 'hidden';
  };
  toggle();
  map.on('zoomend', toggle);
  return () => {
    map.off('zoomend', toggle);
    for (const marker of markers) marker.remove();
  };
}
