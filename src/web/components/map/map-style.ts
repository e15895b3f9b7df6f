import type { AddLayerObject, MapOptions } from 'maplibre-gl';
import { lifecycleStates, type LifecycleState } from '../../../domain/zone/lifecycle';
import {
  LIFECYCLE_GROUP_COLORS,
  LIFECYCLE_GROUP_OF,
  OCCUPANCY_BAND_COLORS,
  OCCUPANCY_BAND_LIMITS,
} from '../zone/zone-labels';
import type { FeatureCollection, MapGeometry } from '../../geometry/geo';

/**
 * What the map draws, as the layers below read it: the zones (GET /api/zones/map) and the territory under them
 * (GET /api/admin-units/territory). The API's own types carry more and must stay assignable to these, so a
 * change of the response that the map depends on breaks the type check where the data is handed in.
 */
export type MapZoneProperties = {
  code: string;
  lifecycleState: LifecycleState | null;
  occupancy: number | null;
  declaredAreaHa: number | null;
  placement: 'exact' | 'commune' | 'former_district' | 'city';
};
export type MapZones = FeatureCollection<MapGeometry, MapZoneProperties>;
export type MapTerritoryProperties =
  | { layer: 'province' | 'commune'; code: string; name: string; approximate: boolean }
  | { layer: 'label'; code: string; name: string };
export type MapTerritory = FeatureCollection<MapGeometry, MapTerritoryProperties>;

/** How zones are coloured: by lifecycle group or by occupancy band (the same colours as the legend). */
export type ColorMode = 'lifecycle' | 'occupancy';

type FillLayer = Extract<AddLayerObject, { type: 'fill' }>;
type ColorValue = NonNullable<NonNullable<FillLayer['paint']>['fill-color']>;
type StyleObject = Exclude<NonNullable<MapOptions['style']>, string>;

export const ZONES_SOURCE = 'zones';
export const PREVIEW_SOURCE = 'preview';
export const TERRITORY_SOURCE = 'territory';
export const LAYERS = {
  provinceFill: 'territory-province-fill',
  provinceLine: 'territory-province-line',
  communeLine: 'territory-commune-line',
  fill: 'zones-fill',
  line: 'zones-line',
  point: 'zones-point',
  selectedLine: 'zones-selected-line',
  selectedPoint: 'zones-selected-point',
  previewFill: 'preview-fill',
  previewLine: 'preview-line',
} as const;
export const CLICKABLE_LAYERS = [LAYERS.fill, LAYERS.point];

/**
 * The default style: a plain background and nothing fetched from the Internet, so the map works on an office
 * computer offline. `VITE_IZIS_BASEMAP_STYLE` (a style URL, e.g. a self-hosted vector basemap) replaces it.
 */
export const BLANK_STYLE: StyleObject = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f6' } }],
};

export function basemapStyle(): string | StyleObject {
  const url = (import.meta.env['VITE_IZIS_BASEMAP_STYLE'] as string | undefined)?.trim();
  return url ? url : BLANK_STYLE;
}

export function hasCustomBasemap(): boolean {
  return typeof basemapStyle() === 'string';
}

export function colorExpression(mode: ColorMode): ColorValue {
  if (mode === 'occupancy') {
    return [
      'case',
      ['==', ['typeof', ['get', 'occupancy']], 'number'],
      [
        'step',
        ['get', 'occupancy'],
        OCCUPANCY_BAND_COLORS.low,
        OCCUPANCY_BAND_LIMITS.mid,
        OCCUPANCY_BAND_COLORS.mid,
        OCCUPANCY_BAND_LIMITS.high,
        OCCUPANCY_BAND_COLORS.high,
      ],
      OCCUPANCY_BAND_COLORS.unknown,
    ] as ColorValue;
  }
  const pairs = lifecycleStates.flatMap((state) => [
    state,
    LIFECYCLE_GROUP_COLORS[LIFECYCLE_GROUP_OF[state]],
  ]);
  return [
    'match',
    ['coalesce', ['get', 'lifecycleState'], ''],
    ...pairs,
    LIFECYCLE_GROUP_COLORS.unknown,
  ] as unknown as ColorValue;
}

const isArea = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint = ['==', ['geometry-type'], 'Point'];
const noSelection = ['==', ['get', 'code'], ''];
const isExact = ['==', ['coalesce', ['get', 'placement'], 'exact'], 'exact'];
const isApproximate = ['==', ['get', 'approximate'], true];
const isNearCityCentre = ['==', ['get', 'placement'], 'city'];

/** Territory colours: the city's outline dark, commune lines light; dashed where approximate. */
export const TERRITORY_COLORS = { province: '#33415c', commune: '#8a96a8' } as const;

/**
 * The territory under the zones: the province (a light fill and its outline) and the communes' lines —
 * dashed while they are an approximation from the communes' centres rather than imported boundaries.
 * Labels are HTML markers (map-labels.ts): text layers would need glyphs fetched from a server.
 */
export function territoryLayers(): AddLayerObject[] {
  const province = ['==', ['get', 'layer'], 'province'];
  const commune = ['==', ['get', 'layer'], 'commune'];
  return [
    {
      id: LAYERS.provinceFill,
      type: 'fill',
      source: TERRITORY_SOURCE,
      filter: province,
      paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.7 },
    },
    {
      id: LAYERS.communeLine,
      type: 'line',
      source: TERRITORY_SOURCE,
      filter: ['all', commune, isApproximate],
      paint: { 'line-color': TERRITORY_COLORS.commune, 'line-width': 0.8, 'line-dasharray': [3, 3] },
    },
    {
      id: `${LAYERS.communeLine}-exact`,
      type: 'line',
      source: TERRITORY_SOURCE,
      filter: ['all', commune, ['!', isApproximate]],
      paint: { 'line-color': TERRITORY_COLORS.commune, 'line-width': 1 },
    },
    {
      id: LAYERS.provinceLine,
      type: 'line',
      source: TERRITORY_SOURCE,
      filter: ['all', province, ['!', isApproximate]],
      paint: { 'line-color': TERRITORY_COLORS.province, 'line-width': 2.5 },
    },
    {
      id: `${LAYERS.provinceLine}-approximate`,
      type: 'line',
      source: TERRITORY_SOURCE,
      filter: ['all', province, isApproximate],
      paint: { 'line-color': TERRITORY_COLORS.province, 'line-width': 2.5, 'line-dasharray': [4, 2] },
    },
  ] as AddLayerObject[];
}

/** A dot's ring: white around a known position, the zone's colour around an approximate one. */
export function pointStrokeColor(mode: ColorMode): ColorValue {
  return ['case', isExact, '#ffffff', colorExpression(mode)] as unknown as ColorValue;
}

/** The zones' layers: translucent areas with an outline, dots for zones without a boundary, a highlight. */
export function zoneLayers(mode: ColorMode): AddLayerObject[] {
  const color = colorExpression(mode);
  return [
    {
      id: LAYERS.fill,
      type: 'fill',
      source: ZONES_SOURCE,
      filter: isArea,
      paint: { 'fill-color': color, 'fill-opacity': 0.45 },
    },
    {
      id: LAYERS.line,
      type: 'line',
      source: ZONES_SOURCE,
      filter: isArea,
      paint: { 'line-color': color, 'line-width': 1.5 },
    },
    {
      id: LAYERS.point,
      type: 'circle',
      source: ZONES_SOURCE,
      filter: isPoint,
      paint: {
        // An approximate placement (the commune's or former district's rough centre) is a pale dot with a
        // coloured ring; a known position is a solid dot with a white ring.
        'circle-color': color,
        'circle-opacity': ['case', isExact, 0.9, 0.25],
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['coalesce', ['get', 'declaredAreaHa'], 0],
          0,
          5,
          100,
          8,
          600,
          14,
        ],
        // Near the city's centre (nothing but the name is known): a grey ring instead of the colour's.
        'circle-stroke-color': ['case', isNearCityCentre, '#8c8c8c', pointStrokeColor(mode)],
        'circle-stroke-width': ['case', isExact, 1.5, 2.5],
      },
    },
    {
      id: LAYERS.selectedLine,
      type: 'line',
      source: ZONES_SOURCE,
      filter: ['all', isArea, noSelection],
      paint: { 'line-color': '#1f1f1f', 'line-width': 3 },
    },
    {
      id: LAYERS.selectedPoint,
      type: 'circle',
      source: ZONES_SOURCE,
      filter: ['all', isPoint, noSelection],
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': 16,
        'circle-stroke-color': '#1f1f1f',
        'circle-stroke-width': 2.5,
      },
    },
  ] as AddLayerObject[];
}

export function selectionFilters(code: string | null) {
  const match = ['==', ['get', 'code'], code ?? ''];
  return { line: ['all', isArea, match], point: ['all', isPoint, match] } as const;
}

/** A boundary being uploaded: red, dashed, above the zones. */
export const PREVIEW_COLOR = '#cf1322';
export function previewLayers(): AddLayerObject[] {
  return [
    {
      id: LAYERS.previewFill,
      type: 'fill',
      source: PREVIEW_SOURCE,
      paint: { 'fill-color': PREVIEW_COLOR, 'fill-opacity': 0.2 },
    },
    {
      id: LAYERS.previewLine,
      type: 'line',
      source: PREVIEW_SOURCE,
      paint: { 'line-color': PREVIEW_COLOR, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    },
  ];
}
