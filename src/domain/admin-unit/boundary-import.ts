import type { LocalizedText } from '../shared/errors';

/**
 * Administrative boundaries imported by an officer (ranh giới hành chính): a GeoJSON FeatureCollection whose
 * features are Polygons or MultiPolygons in WGS 84, each naming the unit it draws by its official code in
 * `properties.code` (`ma`, `MA_XA`, `maXa` are read too, as exported by common GIS tools). The province
 * is code "01" (Hà Nội); communes/wards are the 5-digit codes in force.
 */
export type BoundaryFeature = { row: number; code: string; geometry: string };
export type BoundaryProblem = { row: number; code: string | null; message: LocalizedText };

const CODE_KEYS = ['code', 'ma', 'MA', 'ma_xa', 'MA_XA', 'maXa', 'ma_tinh', 'MA_TINH'] as const;

function codeOf(properties: unknown): string | null {
  if (!properties || typeof properties !== 'object') return null;
  for (const key of CODE_KEYS) {
    const value = (properties as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isInteger(value)) return String(value).padStart(2, '0');
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

/** Reads the file's features, or every problem in it (by feature number, from 1). */
export function readBoundaryFile(
  input: unknown,
): { ok: true; features: BoundaryFeature[] } | { ok: false; problems: BoundaryProblem[] } {
  const problems: BoundaryProblem[] = [];
  const collection = input as { type?: unknown; features?: unknown } | null;
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    return {
      ok: false,
      problems: [
        {
          row: 0,
          code: null,
          message: {
            vi: 'Tệp phải là GeoJSON dạng FeatureCollection (mỗi đối tượng là ranh giới một đơn vị).',
            en: 'The file must be a GeoJSON FeatureCollection (one feature per unit).',
          },
        },
      ],
    };
  }
  const features: BoundaryFeature[] = [];
  const seen = new Set<string>();
  collection.features.forEach((raw: unknown, index) => {
    const row = index + 1;
    const feature = raw as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: unknown };
    const code = codeOf(feature?.properties);
    if (!code) {
      problems.push({
        row,
        code: null,
        message: {
          vi: 'Thiếu mã đơn vị hành chính (thuộc tính "code").',
          en: 'Missing the administrative unit code (property "code").',
        },
      });
    } else if (seen.has(code)) {
      problems.push({
        row,
        code,
        message: { vi: `Mã ${code} xuất hiện hai lần.`, en: `Code ${code} appears twice.` },
      });
    }
    if (code) seen.add(code);
    const type = feature?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      problems.push({
        row,
        code,
        message: {
          vi: 'Ranh giới phải là vùng (Polygon hoặc MultiPolygon).',
          en: 'A boundary must be a Polygon or MultiPolygon.',
        },
      });
      return;
    }
    if (code) features.push({ row, code, geometry: JSON.stringify(feature.geometry) });
  });
  if (!problems.length && features.length === 0) {
    problems.push({
      row: 0,
      code: null,
      message: { vi: 'Tệp không có ranh giới nào.', en: 'The file has no boundaries.' },
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, features };
}
