import 'maplibre-gl/dist/maplibre-gl.css';
import { ExpandOutlined } from '@ant-design/icons';
import { Alert, Button, Tooltip } from 'antd';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { bboxOf, HANOI_CENTER, type AreaGeometry, type BBox } from '../../geometry/geo';
import { useT } from '../../lib/i18n';
import { addCommuneLabels } from './map-labels';
import {
  basemapStyle,
  CLICKABLE_LAYERS,
  colorExpression,
  LAYERS,
  PREVIEW_SOURCE,
  pointStrokeColor,
  previewLayers,
  selectionFilters,
  TERRITORY_SOURCE,
  territoryLayers,
  zoneLayers,
  ZONES_SOURCE,
  type ColorMode,
  type MapTerritory,
  type MapZones,
} from './map-style';

// MapLibre 6 finds its worker next to its own module; bundled, that file is an asset with a hashed name.
setWorkerUrl(workerUrl);

type Filter = Parameters<MapLibreMap['setFilter']>[1];

const EMPTY: MapZones = { type: 'FeatureCollection', features: [] };

function previewCollection(preview: AreaGeometry | null | undefined) {
  return {
    type: 'FeatureCollection' as const,
    features: preview ? [{ type: 'Feature' as const, properties: {}, geometry: preview }] : [],
  };
}

export type MapCanvasProps = {
  zones?: MapZones | undefined;
  /** The province outline, communes and their labels, drawn under the zones. */
  territory?: MapTerritory | undefined;
  colorMode?: ColorMode;
  /** A boundary not saved yet, drawn dashed above the zones. */
  preview?: AreaGeometry | null | undefined;
  selectedCode?: string | null;
  onSelect?: (code: string | null) => void;
  height: number | string;
  ariaLabel: string;
  /** Overlays (a selected zone's card, a legend) placed over the map. */
  children?: ReactNode;
  /** The MapLibre map once its style has loaded (null when it goes), for tools that add their own layers. */
  onMap?: (map: MapLibreMap | null) => void;
};

/**
 * The one MapLibre map of the app: the zones (areas and dots) from /api/zones/map, optionally a boundary
 * preview, fitted to the data. Offline by default (no tiles; see `basemapStyle`). Lazy-loaded: importing this
 * module is what brings MapLibre in.
 */
export function MapCanvas({
  zones,
  territory,
  colorMode = 'lifecycle',
  preview,
  selectedCode = null,
  onSelect,
  height,
  ariaLabel,
  children,
  onMap,
}: MapCanvasProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const onSelectRef = useRef(onSelect);
  const boundsRef = useRef<BBox | null>(null);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);
  useEffect(() => {
    if (!onMap) return;
    onMap(ready ? mapRef.current : null);
    return () => onMap(null);
  }, [ready, onMap]);

  // Create the map once; sources and layers are added when its style has loaded.
  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: basemapStyle(),
        center: HANOI_CENTER,
        zoom: 9,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch {
      // No WebGL (old machine, disabled graphics): the rest of the app still works.
      queueMicrotask(() => setFailed(true));
      return;
    }
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
    map.touchZoomRotate.disableRotation();
    map.on('load', () => {
      map.addSource(TERRITORY_SOURCE, { type: 'geojson', data: EMPTY });
      for (const layer of territoryLayers()) map.addLayer(layer);
      map.addSource(ZONES_SOURCE, { type: 'geojson', data: EMPTY });
      map.addSource(PREVIEW_SOURCE, { type: 'geojson', data: previewCollection(null) });
      for (const layer of zoneLayers('lifecycle')) map.addLayer(layer);
      for (const layer of previewLayers()) map.addLayer(layer);
      map.on('click', (event) => {
        const hit = map.queryRenderedFeatures(event.point, { layers: CLICKABLE_LAYERS })[0];
        const code = hit?.properties?.['code'];
        onSelectRef.current?.(typeof code === 'string' ? code : null);
      });
      for (const layer of CLICKABLE_LAYERS) {
        map.on('mouseenter', layer, () => {
          if (onSelectRef.current) map.getCanvas().style.cursor = 'pointer';
        });
        map.on('mouseleave', layer, () => {
          map.getCanvas().style.cursor = '';
        });
      }
      setReady(true);
    });
    return () => {
      mapRef.current = null;
      setReady(false);
      map.remove();
    };
  }, []);

  const fit = useCallback((animate: boolean) => {
    const map = mapRef.current;
    const box = boundsRef.current;
    if (!map || !box) return;
    const single = box[0] === box[2] && box[1] === box[3];
    if (single) {
      map.jumpTo({ center: [box[0], box[1]], zoom: 13 });
      return;
    }
    map.fitBounds(
      [
        [box[0], box[1]],
        [box[2], box[3]],
      ],
      { padding: 40, maxZoom: 15, animate },
    );
  }, []);

  // New data: draw it and fit the view to it.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void (map.getSource(ZONES_SOURCE) as GeoJSONSource | undefined)?.setData(zones ?? EMPTY);
    void (map.getSource(PREVIEW_SOURCE) as GeoJSONSource | undefined)?.setData(previewCollection(preview));
    boundsRef.current = bboxOf([
      ...(zones?.features ?? []).map((feature) => feature.geometry),
      preview ?? null,
    ]);
    fit(false);
  }, [ready, zones, preview, fit]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !territory) return;
    void (map.getSource(TERRITORY_SOURCE) as GeoJSONSource | undefined)?.setData(territory);
    return addCommuneLabels(map, territory);
  }, [ready, territory]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const color = colorExpression(colorMode);
    map.setPaintProperty(LAYERS.fill, 'fill-color', color);
    map.setPaintProperty(LAYERS.line, 'line-color', color);
    map.setPaintProperty(LAYERS.point, 'circle-color', color);
    map.setPaintProperty(LAYERS.point, 'circle-stroke-color', pointStrokeColor(colorMode));
  }, [ready, colorMode]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const filters = selectionFilters(selectedCode);
    map.setFilter(LAYERS.selectedLine, filters.line as unknown as Filter);
    map.setFilter(LAYERS.selectedPoint, filters.point as unknown as Filter);
  }, [ready, selectedCode]);

  if (failed) return <Alert type="warning" showIcon title={t('map.webglError')} />;

  return (
    <div style={{ position: 'relative', height, minHeight: 200 }} data-testid="map-canvas">
      <div ref={container} role="region" aria-label={ariaLabel} style={{ position: 'absolute', inset: 0 }} />
      <Tooltip title={t('map.fit')}>
        <Button
          aria-label={t('map.fit')}
          icon={<ExpandOutlined aria-hidden />}
          size="small"
          onClick={() => fit(true)}
          style={{ position: 'absolute', top: 10, left: 10 }}
        />
      </Tooltip>
      {children}
    </div>
  );
}
