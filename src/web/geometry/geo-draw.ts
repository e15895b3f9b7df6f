import type { AreaGeometry, Position, Ring } from './geo';
import { distinctVertices, validateDrawing, type DrawProblem } from './geo-validate';

/**
 * The state of a boundary drawn or edited by hand on the map, as a pure reducer: the map component turns
 * clicks and drags into actions, the boundary tab keeps the state and shows its area and problems. Rings are
 * held *open* (no closing copy of the first vertex) and closed only when the geometry is built for saving.
 *
 * - draw mode: each click adds a vertex to the ring being drawn (`current`); closing it (click on the first
 *   vertex, double-click, Enter, or the button) makes it a polygon, and the editor goes to edit mode.
 * - edit mode: drag a vertex to move it, drag the midpoint of an edge to insert one, delete the selected one.
 * Every change but the moves of a drag in progress can be undone, one by one.
 */
export type DrawMode = 'draw' | 'edit';
export type VertexRef = { polygon: number; ring: number; vertex: number };
export type DrawOrigin = { kind: 'new' } | { kind: 'current' } | { kind: 'file'; name: string };

type Shape = { polygons: Ring[][]; current: Position[]; mode: DrawMode };

export type DrawState = Shape & {
  /** False while nothing is being drawn or edited (the tab shows the saved boundary only). */
  active: boolean;
  origin: DrawOrigin;
  selected: VertexRef | null;
  /** Earlier shapes, the last one first out. */
  past: Shape[];
};

export type DrawAction =
  | { type: 'start'; mode: DrawMode; origin: DrawOrigin; geometry?: AreaGeometry | null }
  | { type: 'stop' }
  | { type: 'addVertex'; position: Position }
  | { type: 'closeRing' }
  | { type: 'cancelRing' }
  | { type: 'setMode'; mode: DrawMode }
  | { type: 'undo' }
  | { type: 'select'; ref: VertexRef | null }
  | { type: 'dragStart'; ref: VertexRef }
  | { type: 'dragMove'; ref: VertexRef; position: Position }
  | { type: 'insertVertex'; ref: VertexRef; position: Position }
  | { type: 'deleteVertex'; ref: VertexRef }
  | { type: 'deleteRing'; polygon: number; ring: number };

export const initialDrawState: DrawState = {
  active: false,
  origin: { kind: 'new' },
  mode: 'draw',
  polygons: [],
  current: [],
  selected: null,
  past: [],
};

/** How many steps can be undone. */
const UNDO_LIMIT = 200;

/** 7 decimals of a degree ≈ 1 cm: finer than any survey, and keeps the saved GeoJSON short. */
export function roundPosition(position: Position): Position {
  const round = (value: number) => Math.round(value * 1e7) / 1e7;
  return [round(position[0]), round(position[1])];
}

/** The rings of a Polygon or MultiPolygon, opened (closing vertex dropped, repeated vertices merged). */
export function polygonsOfGeometry(geometry: AreaGeometry): Ring[][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => distinctVertices(ring).map(roundPosition)));
}

/** The GeoJSON to save: a Polygon for one polygon, a MultiPolygon for several, null for none. */
export function geometryOfPolygons(polygons: Ring[][]): AreaGeometry | null {
  const closed = polygons.map((rings) => rings.map((ring) => (ring.length > 0 ? [...ring, ring[0]!] : ring)));
  if (closed.length === 0) return null;
  if (closed.length === 1) return { type: 'Polygon', coordinates: closed[0]! };
  return { type: 'MultiPolygon', coordinates: closed };
}

/** The drawing's geometry including the ring still being drawn (once it has 3 vertices): for a live area. */
export function liveGeometry(state: DrawState): AreaGeometry | null {
  const current = distinctVertices(state.current);
  return geometryOfPolygons(current.length >= 3 ? [...state.polygons, [current]] : state.polygons);
}

/** What stands in the way of saving; empty when the drawing is a valid boundary. */
export function drawProblems(state: DrawState): DrawProblem[] {
  return validateDrawing(state.polygons, state.current.length > 0);
}

/** Can the ring being drawn be closed (at least 3 distinct vertices)? */
export function canCloseRing(state: DrawState): boolean {
  return distinctVertices(state.current).length >= 3;
}

/** A vertex can be deleted while its ring keeps 3 vertices; below that, delete the ring instead. */
export function canDeleteVertex(state: DrawState, ref: VertexRef | null): boolean {
  if (!ref) return false;
  const ring = state.polygons[ref.polygon]?.[ref.ring];
  return !!ring && ref.vertex < ring.length && ring.length > 3;
}

/** The middle of each edge of each polygon, where dragging inserts a vertex (`vertex` = its index to be). */
export function midpoints(polygons: Ring[][]): { ref: VertexRef; position: Position }[] {
  const out: { ref: VertexRef; position: Position }[] = [];
  polygons.forEach((rings, polygon) =>
    rings.forEach((ring, r) =>
      ring.forEach((a, index) => {
        const b = ring[(index + 1) % ring.length]!;
        out.push({
          ref: { polygon, ring: r, vertex: index + 1 },
          position: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2],
        });
      }),
    ),
  );
  return out;
}

const shape = (state: DrawState): Shape => ({
  polygons: state.polygons,
  current: state.current,
  mode: state.mode,
});

/** The state after a change that can be undone. */
function remember(state: DrawState, next: Partial<Shape>, selected: VertexRef | null = null): DrawState {
  return { ...state, ...next, selected, past: [shape(state), ...state.past].slice(0, UNDO_LIMIT) };
}

function replaceRing(polygons: Ring[][], ref: { polygon: number; ring: number }, ring: Ring): Ring[][] {
  return polygons.map((rings, p) =>
    p === ref.polygon ? rings.map((old, r) => (r === ref.ring ? ring : old)) : rings,
  );
}

function ringAt(state: DrawState, ref: { polygon: number; ring: number }): Ring | undefined {
  return state.polygons[ref.polygon]?.[ref.ring];
}

const same = (a: Position | undefined, b: Position) => !!a && a[0] === b[0] && a[1] === b[1];

export function drawReducer(state: DrawState, action: DrawAction): DrawState {
  switch (action.type) {
    case 'start':
      return {
        ...initialDrawState,
        active: true,
        mode: action.mode,
        origin: action.origin,
        polygons: action.geometry ? polygonsOfGeometry(action.geometry) : [],
      };
    case 'stop':
      return initialDrawState;
    case 'addVertex': {
      if (!state.active || state.mode !== 'draw') return state;
      const position = roundPosition(action.position);
      if (same(state.current[state.current.length - 1], position)) return state;
      return remember(state, { current: [...state.current, position] });
    }
    case 'closeRing': {
      if (!state.active || state.mode !== 'draw' || !canCloseRing(state)) return state;
      return remember(state, {
        polygons: [...state.polygons, [distinctVertices(state.current)]],
        current: [],
        mode: 'edit',
      });
    }
    case 'cancelRing':
      if (state.current.length === 0) return state;
      return remember(state, { current: [] });
    case 'setMode':
      if (!state.active || state.mode === action.mode) return state;
      // A ring half drawn is not dropped silently: close it first, or cancel it.
      if (action.mode === 'edit' && state.current.length > 0) return state;
      return { ...state, mode: action.mode, selected: null };
    case 'undo': {
      const [previous, ...past] = state.past;
      if (!previous) return state;
      return { ...state, ...previous, past, selected: null };
    }
    case 'select':
      return { ...state, selected: action.ref };
    case 'dragStart':
      if (!ringAt(state, action.ref)) return state;
      return remember(state, {}, action.ref);
    case 'dragMove': {
      const ring = ringAt(state, action.ref);
      if (!ring || action.ref.vertex >= ring.length) return state;
      const position = roundPosition(action.position);
      const moved = ring.map((old, index) => (index === action.ref.vertex ? position : old));
      return { ...state, polygons: replaceRing(state.polygons, action.ref, moved), selected: action.ref };
    }
    case 'insertVertex': {
      const ring = ringAt(state, action.ref);
      if (!ring || action.ref.vertex > ring.length) return state;
      const position = roundPosition(action.position);
      const inserted = [...ring.slice(0, action.ref.vertex), position, ...ring.slice(action.ref.vertex)];
      return remember(state, { polygons: replaceRing(state.polygons, action.ref, inserted) }, action.ref);
    }
    case 'deleteVertex': {
      if (!canDeleteVertex(state, action.ref)) return state;
      const ring = ringAt(state, action.ref)!;
      const kept = ring.filter((_, index) => index !== action.ref.vertex);
      return remember(state, { polygons: replaceRing(state.polygons, action.ref, kept) });
    }
    case 'deleteRing': {
      if (!ringAt(state, action)) return state;
      const polygons =
        action.ring === 0
          ? state.polygons.filter((_, p) => p !== action.polygon)
          : state.polygons.map((rings, p) =>
              p === action.polygon ? rings.filter((_, r) => r !== action.ring) : rings,
            );
      return remember(state, { polygons });
    }
  }
}
