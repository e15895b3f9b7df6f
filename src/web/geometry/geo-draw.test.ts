import { describe, expect, it } from 'vitest';
import { areaHa, type AreaGeometry, type Position } from './geo';
import {
  canCloseRing,
  canDeleteVertex,
  drawProblems,
  drawReducer,
  geometryOfPolygons,
  initialDrawState,
  liveGeometry,
  midpoints,
  polygonsOfGeometry,
  roundPosition,
  type DrawAction,
  type DrawState,
} from './geo-draw';

const run = (state: DrawState, ...actions: DrawAction[]) => actions.reduce(drawReducer, state);
const add = (lon: number, lat: number): DrawAction => ({ type: 'addVertex', position: [lon, lat] });
const drawing = run(initialDrawState, { type: 'start', mode: 'draw', origin: { kind: 'new' } });

/** A square of 0.01° (≈ 115 ha near Hanoi) drawn by four clicks, not closed yet. */
const fourClicks = run(drawing, add(105.8, 21.0), add(105.81, 21.0), add(105.81, 21.01), add(105.8, 21.01));

const SQUARE: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [105.8, 21.0],
      [105.81, 21.0],
      [105.81, 21.01],
      [105.8, 21.01],
      [105.8, 21.0],
    ],
  ],
};

describe('drawing a polygon', () => {
  it('adds a vertex per click and ignores a second click on the same spot (a double-click)', () => {
    expect(fourClicks.current).toHaveLength(4);
    expect(run(fourClicks, add(105.8, 21.01)).current).toHaveLength(4);
  });

  it('shows the area growing before the ring is closed, and says the ring is open', () => {
    expect(liveGeometry(run(drawing, add(105.8, 21.0), add(105.81, 21.0)))).toBeNull();
    const live = liveGeometry(fourClicks);
    expect(live && areaHa(live)).toBeCloseTo(115.5, 0);
    expect(drawProblems(fourClicks).map((p) => p.kind)).toEqual(['open']);
  });

  it('closes a ring of 3+ vertices into a polygon and moves to edit mode', () => {
    const closed = run(fourClicks, { type: 'closeRing' });
    expect(closed.mode).toBe('edit');
    expect(closed.current).toEqual([]);
    expect(closed.polygons).toEqual([[fourClicks.current]]);
    expect(drawProblems(closed)).toEqual([]);
    expect(geometryOfPolygons(closed.polygons)).toEqual(SQUARE);
  });

  it('cannot close fewer than 3 distinct vertices', () => {
    const two = run(drawing, add(105.8, 21.0), add(105.81, 21.0));
    expect(canCloseRing(two)).toBe(false);
    expect(run(two, { type: 'closeRing' })).toBe(two);
  });

  it('undoes the last vertex, then the one before', () => {
    const undone = run(fourClicks, { type: 'undo' }, { type: 'undo' });
    expect(undone.current).toEqual(fourClicks.current.slice(0, 2));
  });

  it('undoes a closing: the ring is open again in draw mode', () => {
    const reopened = run(fourClicks, { type: 'closeRing' }, { type: 'undo' });
    expect(reopened.mode).toBe('draw');
    expect(reopened.current).toEqual(fourClicks.current);
    expect(reopened.polygons).toEqual([]);
  });

  it('cancels the ring being drawn (undoably) and stops entirely', () => {
    const cancelled = run(fourClicks, { type: 'cancelRing' });
    expect(cancelled.current).toEqual([]);
    expect(run(cancelled, { type: 'undo' }).current).toHaveLength(4);
    expect(run(fourClicks, { type: 'stop' })).toEqual(initialDrawState);
  });

  it('makes a MultiPolygon of several polygons', () => {
    const two = run(
      fourClicks,
      { type: 'closeRing' },
      { type: 'setMode', mode: 'draw' },
      add(105.82, 21.0),
      add(105.83, 21.0),
      add(105.83, 21.01),
      { type: 'closeRing' },
    );
    const geometry = geometryOfPolygons(two.polygons);
    expect(geometry?.type).toBe('MultiPolygon');
    expect(geometry?.coordinates).toHaveLength(2);
    expect(drawProblems(two)).toEqual([]);
  });

  it('does not leave draw mode with a ring half drawn', () => {
    expect(run(fourClicks, { type: 'setMode', mode: 'edit' }).mode).toBe('draw');
  });

  it('rounds clicked positions to 7 decimals', () => {
    expect(roundPosition([105.812345678912, 21.000000049])).toEqual([105.8123457, 21]);
    expect(run(drawing, add(105.812345678912, 21.1)).current).toEqual([[105.8123457, 21.1]]);
  });
});

describe('editing a boundary', () => {
  const editing = run(initialDrawState, {
    type: 'start',
    mode: 'edit',
    origin: { kind: 'current' },
    geometry: SQUARE,
  });
  const corner = { polygon: 0, ring: 0, vertex: 2 };

  it('opens the rings of the saved geometry', () => {
    expect(editing.polygons).toEqual([[SQUARE.coordinates[0]!.slice(0, 4)]]);
    expect(polygonsOfGeometry({ type: 'MultiPolygon', coordinates: [SQUARE.coordinates] })).toEqual(
      editing.polygons,
    );
  });

  it('drags a vertex, and one undo puts it back however many moves the drag made', () => {
    const dragged = run(
      editing,
      { type: 'dragStart', ref: corner },
      { type: 'dragMove', ref: corner, position: [105.815, 21.012] },
      { type: 'dragMove', ref: corner, position: [105.82, 21.02] },
    );
    expect(dragged.polygons[0]![0]![2]).toEqual([105.82, 21.02]);
    expect(dragged.selected).toEqual(corner);
    expect(run(dragged, { type: 'undo' }).polygons).toEqual(editing.polygons);
  });

  it('inserts a vertex at the midpoint of an edge', () => {
    const mids = midpoints(editing.polygons);
    expect(mids).toHaveLength(4);
    const last = mids[3]!;
    expect(last.ref).toEqual({ polygon: 0, ring: 0, vertex: 4 });
    expect(last.position[0]).toBe(105.8);
    expect(last.position[1]).toBeCloseTo(21.005, 9);
    const inserted = run(editing, { type: 'insertVertex', ref: last.ref, position: [105.795, 21.005] });
    expect(inserted.polygons[0]![0]).toHaveLength(5);
    expect(inserted.polygons[0]![0]![4]).toEqual([105.795, 21.005]);
    expect(areaHa(geometryOfPolygons(inserted.polygons)!)).toBeGreaterThan(areaHa(SQUARE));
  });

  it('deletes a vertex while 3 remain, not below', () => {
    const five = run(editing, {
      type: 'insertVertex',
      ref: { polygon: 0, ring: 0, vertex: 1 },
      position: [105.805, 20.999],
    });
    expect(canDeleteVertex(five, corner)).toBe(true);
    const four = run(five, { type: 'deleteVertex', ref: corner });
    expect(four.polygons[0]![0]).toHaveLength(4);
    const three = run(four, { type: 'deleteVertex', ref: corner });
    expect(three.polygons[0]![0]).toHaveLength(3);
    expect(canDeleteVertex(three, corner)).toBe(false);
    expect(run(three, { type: 'deleteVertex', ref: corner })).toBe(three);
  });

  it('shows a self-intersection made by dragging a vertex across the ring', () => {
    const crossed = run(
      editing,
      { type: 'dragStart', ref: corner },
      { type: 'dragMove', ref: corner, position: [105.8, 20.99] },
    );
    expect(drawProblems(crossed).map((p) => p.kind)).toEqual(['selfIntersection']);
  });

  it('deletes a hole or a whole polygon', () => {
    const withHole = run(initialDrawState, {
      type: 'start',
      mode: 'edit',
      origin: { kind: 'file', name: 'a.kml' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            SQUARE.coordinates[0]!,
            [
              [105.803, 21.003],
              [105.805, 21.003],
              [105.805, 21.005],
              [105.803, 21.003],
            ],
          ],
          [
            [
              [105.9, 21.0],
              [105.91, 21.0],
              [105.91, 21.01],
              [105.9, 21.0],
            ],
          ],
        ],
      },
    });
    const noHole = run(withHole, { type: 'deleteRing', polygon: 0, ring: 1 });
    expect(noHole.polygons.map((rings) => rings.length)).toEqual([1, 1]);
    const one = run(noHole, { type: 'deleteRing', polygon: 1, ring: 0 });
    expect(geometryOfPolygons(one.polygons)?.type).toBe('Polygon');
    expect(run(one, { type: 'undo' }, { type: 'undo' }).polygons).toEqual(withHole.polygons);
  });
});

describe('geometryOfPolygons', () => {
  it('closes each ring and gives null for nothing', () => {
    const ring: Position[] = [
      [0, 0],
      [1, 0],
      [1, 1],
    ];
    expect(geometryOfPolygons([[ring]])).toEqual({ type: 'Polygon', coordinates: [[...ring, [0, 0]]] });
    expect(geometryOfPolygons([])).toBeNull();
  });
});
