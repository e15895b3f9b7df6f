import { describe, expect, it } from 'vitest';
import type { Position, Ring } from './geo';
import { distinctVertices, pointInRing, segmentIntersection, validateDrawing } from './geo-validate';

/** An open square ring of `side` degrees with its south-west corner at (lon, lat), counter-clockwise. */
function square(lon: number, lat: number, side: number): Ring {
  return [
    [lon, lat],
    [lon + side, lat],
    [lon + side, lat + side],
    [lon, lat + side],
  ];
}

const kinds = (polygons: Ring[][], open = false) => validateDrawing(polygons, open).map((p) => p.kind);

describe('segmentIntersection', () => {
  it('finds where two crossing segments meet', () => {
    expect(segmentIntersection([0, 0], [2, 2], [0, 2], [2, 0])).toEqual([1, 1]);
  });

  it('counts a shared end point and a touching end point as meeting', () => {
    expect(segmentIntersection([0, 0], [1, 0], [1, 0], [1, 1])).toEqual([1, 0]);
    expect(segmentIntersection([0, 0], [2, 0], [1, 0], [1, 1])).toEqual([1, 0]);
  });

  it('returns null for parallel, apart or merely aligned segments', () => {
    expect(segmentIntersection([0, 0], [1, 0], [0, 1], [1, 1])).toBeNull();
    expect(segmentIntersection([0, 0], [1, 1], [2, 0], [3, -1])).toBeNull();
    expect(segmentIntersection([0, 0], [1, 0], [2, 0], [3, 0])).toBeNull();
  });

  it('reports overlapping collinear segments', () => {
    expect(segmentIntersection([0, 0], [2, 0], [1, 0], [3, 0])).not.toBeNull();
  });
});

describe('pointInRing', () => {
  const ring = square(0, 0, 2);
  it('tells inside from outside, and counts the edge as inside', () => {
    expect(pointInRing([1, 1], ring)).toBe(true);
    expect(pointInRing([3, 1], ring)).toBe(false);
    expect(pointInRing([2, 1], ring)).toBe(true);
  });
});

describe('distinctVertices', () => {
  it('drops repeated vertices and the closing copy of the first', () => {
    const ring: Position[] = [
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(distinctVertices(ring)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
  });
});

describe('validateDrawing', () => {
  const park = square(105.8, 21.0, 0.01);

  it('accepts a simple square, a square with a hole, and two separate squares', () => {
    expect(validateDrawing([[park]])).toEqual([]);
    expect(validateDrawing([[park, square(105.803, 21.003, 0.002)]])).toEqual([]);
    expect(validateDrawing([[park], [square(105.82, 21.0, 0.01)]])).toEqual([]);
  });

  it('accepts an island inside the hole of another polygon', () => {
    const big = square(105.8, 21.0, 0.03);
    const hole = square(105.805, 21.005, 0.02);
    const island = square(105.81, 21.01, 0.005);
    expect(validateDrawing([[big, hole], [island]])).toEqual([]);
  });

  it('says when there is nothing yet, and when a ring is still open', () => {
    expect(kinds([])).toEqual(['empty']);
    expect(kinds([], true)).toEqual(['open']);
    expect(kinds([[park]], true)).toEqual(['open']);
  });

  it('needs three distinct vertices per ring', () => {
    const problems = validateDrawing([
      [park],
      [
        [
          [105.9, 21.0],
          [105.91, 21.0],
          [105.91, 21.0],
        ],
      ],
    ]);
    expect(problems).toEqual([{ kind: 'tooFewVertices', at: { polygon: 1, ring: 0 } }]);
  });

  it('refuses three vertices on one line (no area)', () => {
    const line: Ring = [
      [105.8, 21.0],
      [105.81, 21.0],
      [105.82, 21.0],
    ];
    expect(validateDrawing([[line]])).toEqual([{ kind: 'degenerate', at: { polygon: 0, ring: 0 } }]);
    // On a slant, where floating point never gives an exact zero.
    const slant: Ring = [
      [105.8, 21.0],
      [105.8123, 21.0321],
      [105.8246, 21.0642],
    ];
    expect(kinds([[slant]])).toEqual(['degenerate']);
  });

  it('finds a bow tie and says where it crosses itself', () => {
    const bowTie: Ring = [
      [105.8, 21.0],
      [105.82, 21.02],
      [105.82, 21.0],
      [105.8, 21.02],
    ];
    const [problem, ...rest] = validateDrawing([[bowTie]]);
    expect(rest).toEqual([]);
    expect(problem?.kind).toBe('selfIntersection');
    if (problem?.kind !== 'selfIntersection') return;
    expect(problem.at).toEqual({ polygon: 0, ring: 0 });
    expect(problem.point[0]).toBeCloseTo(105.81, 9);
    expect(problem.point[1]).toBeCloseTo(21.01, 9);
  });

  it('finds a ring that touches itself at a repeated vertex', () => {
    const figureEight: Ring = [
      [105.8, 21.0],
      [105.81, 21.01],
      [105.82, 21.0],
      [105.82, 21.02],
      [105.81, 21.01],
      [105.8, 21.02],
    ];
    expect(kinds([[figureEight]])).toEqual(['selfIntersection']);
  });

  it('finds a spike that folds back along its own edge', () => {
    const spike: Ring = [
      [105.8, 21.0],
      [105.82, 21.0],
      [105.81, 21.0],
      [105.81, 21.01],
    ];
    expect(kinds([[spike]])).toEqual(['selfIntersection']);
  });

  it('finds polygons that cross, touch or sit inside each other', () => {
    expect(kinds([[park], [square(105.805, 21.005, 0.01)]])).toEqual(['crossing']);
    expect(kinds([[park], [square(105.81, 21.0, 0.01)]])).toEqual(['crossing']);
    expect(validateDrawing([[park], [square(105.803, 21.003, 0.002)]])).toEqual([
      { kind: 'inside', at: { polygon: 1, ring: 0 }, other: { polygon: 0, ring: 0 } },
    ]);
  });

  it('finds holes outside their polygon or crossing its edge', () => {
    expect(validateDrawing([[park, square(105.85, 21.0, 0.001)]])).toEqual([
      { kind: 'holeOutside', at: { polygon: 0, ring: 1 } },
    ]);
    const crossing = validateDrawing([[park, square(105.805, 21.005, 0.01)]]);
    expect(crossing).toMatchObject([
      { kind: 'crossing', at: { polygon: 0, ring: 0 }, other: { polygon: 0, ring: 1 } },
    ]);
  });

  it('reports each crossing pair once, however many edges cross', () => {
    const comb: Ring = [
      [105.8, 21.0],
      [105.9, 21.0],
      [105.9, 21.02],
      [105.89, 21.02],
      [105.89, 20.99],
      [105.88, 20.99],
      [105.88, 21.02],
      [105.8, 21.02],
    ];
    expect(kinds([[comb]])).toEqual(['selfIntersection']);
  });

  it('checks a boundary of thousands of vertices quickly', () => {
    // A circle of 5,000 vertices around Hanoi (≈ 1 km across), plus the same circle with one east vertex pulled
    // out past the west side, so that its two edges cut across the ring.
    const n = 5_000;
    const circle: Ring = Array.from({ length: n }, (_, i) => {
      const angle = (2 * Math.PI * i) / n;
      return [105.8 + 0.005 * Math.cos(angle), 21.0 + 0.005 * Math.sin(angle)] as Position;
    });
    const started = performance.now();
    expect(validateDrawing([[circle]])).toEqual([]);
    const broken = circle.map((p, i): Position => (i === 10 ? [105.8 - 0.006, 21.0] : p));
    expect(kinds([[broken]])).toEqual(['selfIntersection']);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
