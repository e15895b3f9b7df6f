import { describe, expect, it } from 'vitest';
import type { Position } from '../../geometry/geo';
import {
  drawProblems,
  drawReducer,
  initialDrawState,
  type DrawAction,
  type DrawState,
} from '../../geometry/geo-draw';
import { drawFeatures, guideFeatures } from './draw-style';

const run = (state: DrawState, ...actions: DrawAction[]) => actions.reduce(drawReducer, state);
const add = (position: Position): DrawAction => ({ type: 'addVertex', position });
const kinds = (state: DrawState) =>
  drawFeatures(state, drawProblems(state)).features.map((f) => f.properties['kind']);
const count = (list: unknown[], value: unknown) => list.filter((item) => item === value).length;

const drawing = run(initialDrawState, { type: 'start', mode: 'draw', origin: { kind: 'new' } });

describe('drawFeatures', () => {
  it('draws nothing while no drawing is active', () => {
    expect(drawFeatures(initialDrawState, []).features).toEqual([]);
  });

  it('shows the open path and its vertices, the first one large once the ring can be closed', () => {
    const two = run(drawing, add([105.8, 21.0]), add([105.81, 21.0]));
    expect(kinds(two)).toEqual(['path', 'vertex', 'vertex']);
    const three = run(two, add([105.81, 21.01]));
    const first = drawFeatures(three, []).features.find((f) => f.properties['kind'] === 'vertex');
    expect(first?.properties['first']).toBe(true);
  });

  it('in edit mode adds an area, its outline, a midpoint per edge and marks the selected vertex', () => {
    const square = run(
      drawing,
      add([105.8, 21.0]),
      add([105.81, 21.0]),
      add([105.81, 21.01]),
      add([105.8, 21.01]),
      { type: 'closeRing' },
      { type: 'select', ref: { polygon: 0, ring: 0, vertex: 1 } },
    );
    const list = kinds(square);
    expect(count(list, 'area')).toBe(1);
    expect(count(list, 'outline')).toBe(1);
    expect(count(list, 'mid')).toBe(4);
    expect(count(list, 'vertex')).toBe(4);
    const selected = drawFeatures(square, []).features.filter((f) => f.properties['selected'] === true);
    expect(selected.map((f) => f.geometry.coordinates)).toEqual([[105.81, 21.0]]);
  });

  it('keeps the outline of a bow tie (whose area is zero) and circles where it crosses itself', () => {
    const bowTie = run(
      drawing,
      add([105.8, 21.0]),
      add([105.82, 21.02]),
      add([105.82, 21.0]),
      add([105.8, 21.02]),
      { type: 'closeRing' },
    );
    const features = drawFeatures(bowTie, drawProblems(bowTie)).features;
    expect(features.filter((f) => f.properties['kind'] === 'outline')[0]?.geometry.coordinates).toHaveLength(
      5,
    );
    const problem = features.find((f) => f.properties['kind'] === 'problem');
    expect(problem?.geometry.coordinates[0]).toBeCloseTo(105.81, 9);
  });
});

describe('guideFeatures', () => {
  it('follows the pointer from the last vertex back to the first, with the polygon it would make', () => {
    const two = run(drawing, add([105.8, 21.0]), add([105.81, 21.0]));
    const features = guideFeatures(two, [105.81, 21.01]).features;
    expect(features.map((f) => f.geometry.type)).toEqual(['LineString', 'Polygon']);
    expect(features[0]?.geometry.coordinates).toEqual([
      [105.81, 21.0],
      [105.81, 21.01],
      [105.8, 21.0],
    ]);
  });

  it('is empty without a pointer or outside draw mode', () => {
    const one = run(drawing, add([105.8, 21.0]));
    expect(guideFeatures(one, null).features).toEqual([]);
    expect(guideFeatures({ ...one, mode: 'edit' }, [105.81, 21.01]).features).toEqual([]);
  });
});
