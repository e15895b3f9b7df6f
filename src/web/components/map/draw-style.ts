import type { AddLayerObject } from 'maplibre-gl';
import type { Position } from '../../geometry/geo';
import { midpoints, type DrawState, type VertexRef } from '../../geometry/geo-draw';
import type { DrawProblem } from '../../geometry/geo-validate';

/** The boundary being drawn: magenta (no lifecycle or occupancy colour uses it), solid, above everything. */
export const DRAW_COLOR = '#c41d7f';
const PROBLEM_COLOR = '#cf1322';

export const DRAW_SOURCE = 'draw';
/** The rubber band from the last vertex to the pointer and back to the first, updated on every move. */
export const GUIDE_SOURCE = 'draw-guide';

export const DRAW_LAYERS = {
  fill: 'draw-fill',
  line: 'draw-line',
  guideFill: 'draw-guide-fill',
  guideLine: 'draw-guide-line',
  midpoint: 'draw-midpoint',
  vertex: 'draw-vertex',
  problem: 'draw-problem',
} as const;

type Properties = Record<string, string | number | boolean>;
type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] };
type Feature = { type: 'Feature'; properties: Properties; geometry: Geometry };
export type DrawCollection = { type: 'FeatureCollection'; features: Feature[] };

const feature = (geometry: Geometry, properties: Properties): Feature => ({
  type: 'Feature',
  properties,
  geometry,
});
const close = (ring: Position[]) => (ring.length > 0 ? [...ring, ring[0]!] : ring);
const sameVertex = (a: VertexRef | null, p: number, r: number, v: number) =>
  !!a && a.polygon === p && a.ring === r && a.vertex === v;

/** The drawing as features: areas, the open path, vertices, edge midpoints (edit mode) and problem spots. */
export function drawFeatures(state: DrawState, problems: DrawProblem[]): DrawCollection {
  const features: Feature[] = [];
  if (!state.active) return { type: 'FeatureCollection', features };
  state.polygons.forEach((rings, p) => {
    features.push(feature({ type: 'Polygon', coordinates: rings.map(close) }, { kind: 'area', p }));
    // Outlines as lines of their own: MapLibre drops a ring whose area is zero (a symmetric bow tie), and the
    // officer must still see the shape that is wrong.
    for (const ring of rings)
      features.push(feature({ type: 'LineString', coordinates: close(ring) }, { kind: 'outline' }));
  });
  if (state.current.length > 1) {
    features.push(feature({ type: 'LineString', coordinates: state.current }, { kind: 'path' }));
  }
  if (state.mode === 'edit') {
    for (const { ref, position } of midpoints(state.polygons)) {
      features.push(feature({ type: 'Point', coordinates: position }, { kind: 'mid', p: ref.polygon }));
    }
  }
  state.polygons.forEach((rings, p) =>
    rings.forEach((ring, r) =>
      ring.forEach((position, v) => {
        features.push(
          feature(
            { type: 'Point', coordinates: position },
            { kind: 'vertex', selected: sameVertex(state.selected, p, r, v), first: false },
          ),
        );
      }),
    ),
  );
  state.current.forEach((position, v) => {
    // The first vertex grows once the ring can be closed on it.
    const closer = v === 0 && state.current.length >= 3;
    features.push(
      feature({ type: 'Point', coordinates: position }, { kind: 'vertex', selected: false, first: closer }),
    );
  });
  for (const problem of problems) {
    if (problem.kind === 'selfIntersection' || problem.kind === 'crossing') {
      features.push(feature({ type: 'Point', coordinates: problem.point }, { kind: 'problem' }));
    }
  }
  return { type: 'FeatureCollection', features };
}

/** While drawing: the polygon the next click would make, and the lines to the pointer. */
export function guideFeatures(state: DrawState, pointer: Position | null): DrawCollection {
  const features: Feature[] = [];
  const current = state.current;
  if (state.active && state.mode === 'draw' && pointer && current.length > 0) {
    const last = current[current.length - 1]!;
    const line = current.length > 1 ? [last, pointer, current[0]!] : [last, pointer];
    features.push(feature({ type: 'LineString', coordinates: line }, {}));
    if (current.length >= 2) {
      features.push(feature({ type: 'Polygon', coordinates: [close([...current, pointer])] }, {}));
    }
  }
  return { type: 'FeatureCollection', features };
}

export const EMPTY_DRAW: DrawCollection = { type: 'FeatureCollection', features: [] };

const kind = (value: string) => ['==', ['get', 'kind'], value];

export function drawLayers(): AddLayerObject[] {
  return [
    {
      id: DRAW_LAYERS.guideFill,
      type: 'fill',
      source: GUIDE_SOURCE,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': DRAW_COLOR, 'fill-opacity': 0.12 },
    },
    {
      id: DRAW_LAYERS.guideLine,
      type: 'line',
      source: GUIDE_SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': DRAW_COLOR, 'line-width': 1.5, 'line-dasharray': [2, 2] },
    },
    {
      id: DRAW_LAYERS.fill,
      type: 'fill',
      source: DRAW_SOURCE,
      filter: kind('area'),
      paint: { 'fill-color': DRAW_COLOR, 'fill-opacity': 0.2 },
    },
    {
      id: DRAW_LAYERS.line,
      type: 'line',
      source: DRAW_SOURCE,
      filter: ['any', kind('outline'), kind('path')],
      paint: { 'line-color': DRAW_COLOR, 'line-width': 2.5 },
    },
    {
      id: DRAW_LAYERS.midpoint,
      type: 'circle',
      source: DRAW_SOURCE,
      filter: kind('mid'),
      paint: {
        'circle-radius': 4,
        'circle-color': '#ffffff',
        'circle-opacity': 0.75,
        'circle-stroke-color': DRAW_COLOR,
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': 0.75,
      },
    },
    {
      id: DRAW_LAYERS.vertex,
      type: 'circle',
      source: DRAW_SOURCE,
      filter: kind('vertex'),
      paint: {
        'circle-radius': ['case', ['get', 'selected'], 7, ['get', 'first'], 8, 5],
        'circle-color': ['case', ['get', 'selected'], DRAW_COLOR, '#ffffff'],
        'circle-stroke-color': DRAW_COLOR,
        'circle-stroke-width': 2,
      },
    },
    {
      id: DRAW_LAYERS.problem,
      type: 'circle',
      source: DRAW_SOURCE,
      filter: kind('problem'),
      paint: {
        'circle-radius': 11,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': PROBLEM_COLOR,
        'circle-stroke-width': 3,
      },
    },
  ] as AddLayerObject[];
}
