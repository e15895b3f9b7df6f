import type { Position, Ring } from './geo';

/**
 * Checks a boundary drawn or edited by hand before it is saved, so that the officer sees what is wrong where
 * it is wrong instead of a refusal from the server. The rings are *open* (the first vertex is not repeated at
 * the end), as the drawing tools hold them: `polygons[p][0]` is the outer ring of polygon p, the others its
 * holes. The rules are those of a valid OGC (Multi)Polygon, slightly stricter (rings of different polygons may
 * not even touch), computed in the lon/lat plane — exact enough for shapes the size of an industrial park.
 *
 * The server still validates with PostGIS (`ST_IsValid`); this is feedback, not the authority.
 */
export type RingPlace = { polygon: number; ring: number };

export type DrawProblem =
  | { kind: 'empty' }
  | { kind: 'open' }
  | { kind: 'tooFewVertices'; at: RingPlace }
  | { kind: 'degenerate'; at: RingPlace }
  | { kind: 'selfIntersection'; at: RingPlace; point: Position }
  | { kind: 'crossing'; at: RingPlace; other: RingPlace; point: Position }
  | { kind: 'inside'; at: RingPlace; other: RingPlace }
  | { kind: 'holeOutside'; at: RingPlace };

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** The ring without repeated consecutive vertices (nor a closing copy of the first). */
export function distinctVertices(ring: Ring): Position[] {
  const out: Position[] = [];
  for (const position of ring) {
    const last = out[out.length - 1];
    if (!last || !samePosition(last, position)) out.push(position);
  }
  while (out.length > 1 && samePosition(out[0]!, out[out.length - 1]!)) out.pop();
  return out;
}

/** Twice the signed area of the triangle a, b, c: > 0 counter-clockwise, < 0 clockwise, 0 collinear. */
function orient(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** c lies within the bounding box of a–b (used once a, b, c are known to be collinear). */
function within(a: Position, b: Position, c: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] &&
    c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] &&
    c[1] <= Math.max(a[1], b[1])
  );
}

/**
 * Where the closed segments a–b and c–d meet, or null when they do not (a shared point counts). For
 * overlapping collinear segments, one point of the overlap.
 */
export function segmentIntersection(a: Position, b: Position, c: Position, d: Position): Position | null {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
    const t = o3 / (o3 - o4);
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  }
  if (o1 === 0 && within(a, b, c)) return [c[0], c[1]];
  if (o2 === 0 && within(a, b, d)) return [d[0], d[1]];
  if (o3 === 0 && within(c, d, a)) return [a[0], a[1]];
  if (o4 === 0 && within(c, d, b)) return [b[0], b[1]];
  return null;
}

/** Is the point strictly inside the ring (even–odd rule)? Points on an edge count as inside. */
export function pointInRing(point: Position, ring: Ring): boolean {
  let inside = false;
  const [x, y] = point;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (orient(a, b, point) === 0 && within(a, b, point)) return true;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

type Segment = {
  place: RingPlace;
  /** Index of the segment in its ring, and how many segments the ring has (to know its neighbours). */
  index: number;
  count: number;
  a: Position;
  b: Position;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
};

function segmentsOf(rings: { place: RingPlace; vertices: Position[] }[]): Segment[] {
  const segments: Segment[] = [];
  for (const { place, vertices } of rings) {
    const count = vertices.length;
    for (let index = 0; index < count; index += 1) {
      const a = vertices[index]!;
      const b = vertices[(index + 1) % count]!;
      segments.push({
        place,
        index,
        count,
        a,
        b,
        minX: Math.min(a[0], b[0]),
        maxX: Math.max(a[0], b[0]),
        minY: Math.min(a[1], b[1]),
        maxY: Math.max(a[1], b[1]),
      });
    }
  }
  return segments.sort((s, t) => s.minX - t.minX);
}

const sameRing = (s: Segment, t: Segment) =>
  s.place.polygon === t.place.polygon && s.place.ring === t.place.ring;

/**
 * Two segments of one ring that follow each other share their common vertex; they are wrong only when they
 * fold back over each other (the vertex after lies on the segment before, or the reverse).
 */
function adjacentProblem(s: Segment, t: Segment): Position | null {
  const [first, second] = (s.index + 1) % s.count === t.index ? [s, t] : [t, s];
  const shared = first.b;
  const before = first.a;
  const after = second.b;
  if (orient(before, shared, after) !== 0) return null;
  const dot =
    (before[0] - shared[0]) * (after[0] - shared[0]) + (before[1] - shared[1]) * (after[1] - shared[1]);
  return dot > 0 ? [shared[0], shared[1]] : null;
}

function areAdjacent(s: Segment, t: Segment): boolean {
  return (s.index + 1) % s.count === t.index || (t.index + 1) % t.count === s.index;
}

/**
 * The first meeting of segments that must not meet, per ring (self-intersection) or pair of rings (crossing):
 * a sweep over segments sorted by their west end, so a boundary of thousands of vertices is checked at once.
 */
function intersections(segments: Segment[]): DrawProblem[] {
  const problems: DrawProblem[] = [];
  const reported = new Set<string>();
  const key = (s: RingPlace, t?: RingPlace) =>
    t ? `${s.polygon}.${s.ring}|${t.polygon}.${t.ring}` : `${s.polygon}.${s.ring}`;
  for (let i = 0; i < segments.length; i += 1) {
    const s = segments[i]!;
    for (let j = i + 1; j < segments.length; j += 1) {
      const t = segments[j]!;
      if (t.minX > s.maxX) break;
      if (t.minY > s.maxY || t.maxY < s.minY) continue;
      if (sameRing(s, t)) {
        const id = key(s.place);
        if (reported.has(id)) continue;
        const point = areAdjacent(s, t) ? adjacentProblem(s, t) : segmentIntersection(s.a, s.b, t.a, t.b);
        if (point) {
          reported.add(id);
          problems.push({ kind: 'selfIntersection', at: s.place, point });
        }
        continue;
      }
      const [first, second] =
        s.place.polygon < t.place.polygon ||
        (s.place.polygon === t.place.polygon && s.place.ring < t.place.ring)
          ? [s, t]
          : [t, s];
      const id = key(first.place, second.place);
      if (reported.has(id)) continue;
      const point = segmentIntersection(s.a, s.b, t.a, t.b);
      if (point) {
        reported.add(id);
        problems.push({ kind: 'crossing', at: first.place, other: second.place, point });
      }
    }
  }
  return problems;
}

/** Metres per degree of latitude (and of longitude at the equator), near enough for a threshold. */
const METRES_PER_DEGREE = 111_320;
/** Less than this (1 m²) is no area at all. */
const NO_AREA_M2 = 1;

/**
 * Are all vertices (nearly) on one line? The triangles fanned out from the first vertex then all have no area.
 * Their *absolute* sum is used, so that a bow tie, whose halves cancel out, is not taken for a line.
 */
function onOneLine(vertices: Position[]): boolean {
  const origin = vertices[0]!;
  let sum = 0;
  for (let i = 1; i + 1 < vertices.length; i += 1)
    sum += Math.abs(orient(origin, vertices[i]!, vertices[i + 1]!));
  const m2PerSquareDegree = METRES_PER_DEGREE ** 2 * Math.cos((origin[1] * Math.PI) / 180);
  return (sum / 2) * m2PerSquareDegree < NO_AREA_M2;
}

/**
 * Every problem of the drawing, most basic first. `open` is set while a ring is still being drawn. An empty
 * list means the boundary can be saved.
 */
export function validateDrawing(polygons: Ring[][], open = false): DrawProblem[] {
  const problems: DrawProblem[] = [];
  if (open) problems.push({ kind: 'open' });
  if (polygons.length === 0) {
    if (!open) problems.push({ kind: 'empty' });
    return problems;
  }
  const rings: { place: RingPlace; vertices: Position[] }[] = [];
  polygons.forEach((polygon, p) => {
    polygon.forEach((ring, r) => {
      const place = { polygon: p, ring: r };
      const vertices = distinctVertices(ring);
      if (vertices.length < 3) problems.push({ kind: 'tooFewVertices', at: place });
      else if (onOneLine(vertices)) problems.push({ kind: 'degenerate', at: place });
      else rings.push({ place, vertices });
    });
  });
  problems.push(...intersections(segmentsOf(rings)));
  if (problems.some((problem) => problem.kind !== 'open')) return problems;

  // No edges meet: each ring is wholly inside or wholly outside any other, so one vertex tells which.
  const outer = (p: number) => distinctVertices(polygons[p]![0]!);
  polygons.forEach((polygon, p) => {
    const shell = outer(p);
    for (let r = 1; r < polygon.length; r += 1) {
      const hole = distinctVertices(polygon[r]!);
      if (!pointInRing(hole[0]!, shell)) problems.push({ kind: 'holeOutside', at: { polygon: p, ring: r } });
      for (let other = 1; other < r; other += 1) {
        if (pointInRing(hole[0]!, distinctVertices(polygon[other]!))) {
          problems.push({ kind: 'inside', at: { polygon: p, ring: r }, other: { polygon: p, ring: other } });
        }
      }
    }
  });
  for (let p = 0; p < polygons.length; p += 1) {
    for (let q = 0; q < polygons.length; q += 1) {
      if (p === q) continue;
      const probe = outer(p)[0]!;
      if (!pointInRing(probe, outer(q))) continue;
      // Inside q's shell, but an island within one of q's holes is allowed.
      const inHole = polygons[q]!.slice(1).some((hole) => pointInRing(probe, distinctVertices(hole)));
      if (!inHole)
        problems.push({ kind: 'inside', at: { polygon: p, ring: 0 }, other: { polygon: q, ring: 0 } });
    }
  }
  return problems;
}
