import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent, MapTouchEvent } from 'maplibre-gl';
import { useEffect, useRef, type Dispatch } from 'react';
import { bboxOf, type Position } from '../../geometry/geo';
import {
  canDeleteVertex,
  geometryOfPolygons,
  initialDrawState,
  midpoints,
  type DrawAction,
  type DrawState,
  type VertexRef,
} from '../../geometry/geo-draw';
import type { DrawProblem } from '../../geometry/geo-validate';
import {
  DRAW_LAYERS,
  DRAW_SOURCE,
  drawFeatures,
  drawLayers,
  EMPTY_DRAW,
  GUIDE_SOURCE,
  guideFeatures,
} from './draw-style';

/** What the boundary tab hands the map to draw with: the reducer's state, its dispatch, the state's problems. */
export type BoundaryEditor = {
  state: DrawState;
  dispatch: Dispatch<DrawAction>;
  problems: DrawProblem[];
};

/** How close (in screen pixels) the pointer must be to a vertex or midpoint to take it. */
const GRAB_PX = 9;
/** A click this close to the first vertex closes the ring; this close to the last one is a double-click's. */
const CLOSE_PX = 10;
const SAME_PX = 4;

type Point = { x: number; y: number };
type Hit = { kind: 'vertex'; ref: VertexRef } | { kind: 'mid'; ref: VertexRef; position: Position };

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const lngLatOf = (event: { lngLat: { lng: number; lat: number } }): Position => [
  event.lngLat.lng,
  event.lngLat.lat,
];

/** The vertex (preferred) or edge midpoint under the pointer, in edit mode. */
function hitTest(map: MapLibreMap, state: DrawState, point: Point): Hit | null {
  let best: Hit | null = null;
  let bestDistance = GRAB_PX;
  state.polygons.forEach((rings, polygon) =>
    rings.forEach((ring, r) =>
      ring.forEach((position, vertex) => {
        const d = distance(map.project(position as [number, number]), point);
        if (d <= bestDistance) {
          best = { kind: 'vertex', ref: { polygon, ring: r, vertex } };
          bestDistance = d;
        }
      }),
    ),
  );
  if (best) return best;
  for (const mid of midpoints(state.polygons)) {
    const d = distance(map.project(mid.position as [number, number]), point);
    if (d <= bestDistance) {
      best = { kind: 'mid', ref: mid.ref, position: mid.position };
      bestDistance = d;
    }
  }
  return best;
}

/** The centre of the view: where drawing with the keyboard places a vertex (the arrows pan the map). */
export function centreOf(map: MapLibreMap): Position {
  const center = map.getCenter();
  return [center.lng, center.lat];
}

function near(map: MapLibreMap, position: Position | undefined, point: Point, px: number): boolean {
  return !!position && distance(map.project(position as [number, number]), point) <= px;
}

/**
 * Drawing and editing a boundary on a MapLibre map, written on its own mouse, touch and keyboard events (no
 * drawing library): adds the draw layers on top, turns the pointer into reducer actions, and keeps the layers in
 * step with the state. Does nothing without an editor.
 */
export function useBoundaryDrawing(map: MapLibreMap | null, editor: BoundaryEditor | undefined): void {
  const enabled = !!editor;
  const state = editor?.state ?? initialDrawState;
  const problems = editor?.problems;
  const stateRef = useRef(state);
  const dispatchRef = useRef(editor?.dispatch);
  const pointerRef = useRef<Position | null>(null);
  useEffect(() => {
    stateRef.current = state;
    dispatchRef.current = editor?.dispatch;
  });

  // The sources and layers, added once per map.
  useEffect(() => {
    if (!map || !enabled) return;
    map.addSource(DRAW_SOURCE, { type: 'geojson', data: EMPTY_DRAW });
    map.addSource(GUIDE_SOURCE, { type: 'geojson', data: EMPTY_DRAW });
    for (const layer of drawLayers()) map.addLayer(layer);
    return () => {
      try {
        for (const id of Object.values(DRAW_LAYERS)) if (map.getLayer(id)) map.removeLayer(id);
        for (const id of [DRAW_SOURCE, GUIDE_SOURCE]) if (map.getSource(id)) map.removeSource(id);
      } catch {
        // The map itself is already gone.
      }
    };
  }, [map, enabled]);

  // The state drawn.
  useEffect(() => {
    if (!map || !enabled) return;
    void (map.getSource(DRAW_SOURCE) as GeoJSONSource | undefined)?.setData(
      drawFeatures(state, problems ?? []),
    );
    void (map.getSource(GUIDE_SOURCE) as GeoJSONSource | undefined)?.setData(
      guideFeatures(state, pointerRef.current),
    );
  }, [map, enabled, state, problems]);

  // A double-click closes the ring while drawing rather than zooming in.
  const drawing = state.active && state.mode === 'draw';
  useEffect(() => {
    if (!map || !enabled) return;
    if (drawing) map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = drawing ? 'crosshair' : '';
  }, [map, enabled, drawing]);

  // Starting to edit a boundary: show all of it.
  const wasActive = useRef(false);
  useEffect(() => {
    if (!map || !enabled) return;
    if (state.active && !wasActive.current && state.polygons.length > 0) {
      const box = bboxOf([geometryOfPolygons(state.polygons)]);
      if (box) {
        // The tab has just made the map taller for drawing: fit to its new size, not the old one.
        map.resize();
        map.fitBounds(
          [
            [box[0], box[1]],
            [box[2], box[3]],
          ],
          { padding: 40, maxZoom: 17, animate: false },
        );
      }
    }
    wasActive.current = state.active;
  }, [map, enabled, state.active, state.polygons]);

  // Pointer and keyboard.
  useEffect(() => {
    if (!map || !enabled) return;
    const dispatch = (action: DrawAction) => dispatchRef.current?.(action);
    let dragging: VertexRef | null = null;
    /** A vertex pressed but not moved yet: a click selects it, and only a real move is an undoable step. */
    let moved = false;
    let pressedAt: Point | null = null;
    let pendingMove: Position | null = null;
    let frame = 0;

    const flushMove = () => {
      frame = 0;
      if (dragging && pendingMove) {
        if (!moved) dispatch({ type: 'dragStart', ref: dragging });
        moved = true;
        dispatch({ type: 'dragMove', ref: dragging, position: pendingMove });
      }
      pendingMove = null;
    };
    const endDrag = () => {
      if (!dragging) return;
      if (frame) cancelAnimationFrame(frame);
      flushMove();
      dragging = null;
    };
    const updateGuide = () => {
      void (map.getSource(GUIDE_SOURCE) as GeoJSONSource | undefined)?.setData(
        guideFeatures(stateRef.current, pointerRef.current),
      );
    };

    const onClick = (event: MapMouseEvent) => {
      const current = stateRef.current;
      if (!current.active || current.mode !== 'draw') return;
      const ring = current.current;
      if (ring.length >= 3 && near(map, ring[0], event.point, CLOSE_PX)) {
        dispatch({ type: 'closeRing' });
        return;
      }
      // The second click of a double-click lands on the vertex the first one placed.
      if (near(map, ring[ring.length - 1], event.point, SAME_PX)) return;
      dispatch({ type: 'addVertex', position: lngLatOf(event) });
    };
    const onDoubleClick = (event: MapMouseEvent) => {
      const current = stateRef.current;
      if (!current.active || current.mode !== 'draw') return;
      event.preventDefault();
      dispatch({ type: 'closeRing' });
    };
    const onDown = (event: MapMouseEvent | MapTouchEvent) => {
      const current = stateRef.current;
      if (!current.active || current.mode !== 'edit') return;
      if (
        'originalEvent' in event &&
        event.originalEvent instanceof MouseEvent &&
        event.originalEvent.button !== 0
      )
        return;
      if ('points' in event && event.points.length > 1) return;
      const hit = hitTest(map, current, event.point);
      if (!hit) {
        if (current.selected) dispatch({ type: 'select', ref: null });
        return;
      }
      // Keep the map still: this drag moves a vertex.
      event.preventDefault();
      if (hit.kind === 'vertex') {
        dispatch({ type: 'select', ref: hit.ref });
        moved = false;
      } else {
        dispatch({ type: 'insertVertex', ref: hit.ref, position: hit.position });
        moved = true;
      }
      dragging = hit.ref;
      pressedAt = event.point;
    };
    const onMove = (event: MapMouseEvent | MapTouchEvent) => {
      const current = stateRef.current;
      if (dragging) {
        // A hand that trembles while clicking does not move the vertex.
        if (!moved && pressedAt && distance(pressedAt, event.point) < SAME_PX) return;
        pendingMove = lngLatOf(event);
        if (!frame) frame = requestAnimationFrame(flushMove);
        return;
      }
      if (!current.active) return;
      if (current.mode === 'draw') {
        pointerRef.current = lngLatOf(event);
        updateGuide();
        const ring = current.current;
        map.getCanvas().style.cursor =
          ring.length >= 3 && near(map, ring[0], event.point, CLOSE_PX) ? 'pointer' : 'crosshair';
      } else {
        map.getCanvas().style.cursor = hitTest(map, current, event.point) ? 'move' : '';
      }
    };
    const onLeave = () => {
      pointerRef.current = null;
      updateGuide();
    };
    const onContextMenu = (event: MapMouseEvent) => {
      const current = stateRef.current;
      if (!current.active || current.mode !== 'edit') return;
      const hit = hitTest(map, current, event.point);
      if (hit?.kind !== 'vertex') return;
      event.originalEvent.preventDefault();
      if (canDeleteVertex(current, hit.ref)) dispatch({ type: 'deleteVertex', ref: hit.ref });
      else dispatch({ type: 'select', ref: hit.ref });
    };
    const onKey = (event: KeyboardEvent) => {
      const current = stateRef.current;
      if (!current.active || event.altKey) return;
      const handled = (action: DrawAction) => {
        event.preventDefault();
        event.stopPropagation();
        dispatch(action);
      };
      const key = event.key;
      if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'z') return handled({ type: 'undo' });
      if (event.ctrlKey || event.metaKey) return;
      if (key === 'Backspace') return handled({ type: 'undo' });
      if (current.mode === 'draw') {
        if (key === 'Enter') return handled({ type: 'closeRing' });
        if (key === ' ') return handled({ type: 'addVertex', position: centreOf(map) });
        if (key === 'Escape') {
          return handled(
            current.current.length > 0 ? { type: 'cancelRing' } : { type: 'setMode', mode: 'edit' },
          );
        }
      } else {
        if (key === 'Delete' && current.selected)
          return handled({ type: 'deleteVertex', ref: current.selected });
        if (key === 'Escape' && current.selected) return handled({ type: 'select', ref: null });
      }
    };

    const canvas = map.getCanvas();
    map.on('click', onClick);
    map.on('dblclick', onDoubleClick);
    map.on('mousedown', onDown);
    map.on('touchstart', onDown);
    map.on('mousemove', onMove);
    map.on('touchmove', onMove);
    map.on('mouseup', endDrag);
    map.on('touchend', endDrag);
    map.on('touchcancel', endDrag);
    map.on('mouseout', onLeave);
    map.on('contextmenu', onContextMenu);
    window.addEventListener('mouseup', endDrag);
    canvas.addEventListener('keydown', onKey);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      map.off('click', onClick);
      map.off('dblclick', onDoubleClick);
      map.off('mousedown', onDown);
      map.off('touchstart', onDown);
      map.off('mousemove', onMove);
      map.off('touchmove', onMove);
      map.off('mouseup', endDrag);
      map.off('touchend', endDrag);
      map.off('touchcancel', endDrag);
      map.off('mouseout', onLeave);
      map.off('contextmenu', onContextMenu);
      window.removeEventListener('mouseup', endDrag);
      canvas.removeEventListener('keydown', onKey);
    };
  }, [map, enabled]);
}
