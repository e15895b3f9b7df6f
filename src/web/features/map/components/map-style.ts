import type { AddLayerObject, MapOptions } from 'maplibre-gl';
import { lifecycleStates } from '../../../../domain/zone/lifecycle';
import {
  LIFECYCLE_GROUP_COLORS,
  LIFECYCLE_GROUP_OF,
  OCCUPANCY_BAND_COLORS,
  OCCUPANCY_BAND_LIMITS,
} from '../../zone/components/zone-labels';

/** How zones are coloured: by lifecycle group or by occupancy band (the same colours as the legend). */
export type ColorMode = 'lifecycle' | 'occupancy';

type FillLayer = Extract<AddLayerObject, { type: 'fill' }>;
type ColorValue = NonNullable<NonNullable<FillLayer['paint']>['fill-color']>;
type StyleObject = Exclude<NonNullable<MapOptions['style']>, string>;

export const ZONES_SOURCE = 'zones';
export const PREVIEW_SOURCE = 'preview';
export const LAYERS = {
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
        'circle-color': color,
        'circle-opacity': 0.9,
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
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
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
