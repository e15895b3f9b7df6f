import { z } from 'zod';
import type { LocalizedText } from '../shared/errors';
import { zoneListQuerySchema } from './zone.schema';

/**
 * GET /api/zones/map: the zone list's filters, plus two ways to send less at national scale — a bounding
 * box (only the zones whose boundary or marker meets it) and a simplification tolerance for boundaries.
 * Without them the map is every visible zone with its full boundary (what the boundary editor needs).
 */
export const zoneMapQuerySchema = zoneListQuerySchema.extend({
  /** `minLon,minLat,maxLon,maxLat` in WGS 84 degrees, e.g. the visible part of the map. */
  bbox: z.string().trim().max(200).optional().meta({ example: '105.3,20.5,106.0,21.4' }),
  /**
   * Simplify boundaries to this tolerance, in degrees (0.0001° ≈ 11 m in Hanoi), keeping them valid
   * (ST_SimplifyPreserveTopology). Points are never moved.
   */
  tolerance: z.coerce.number().min(0).max(0.1).optional().meta({ example: 0.0005 }),
});
export type ZoneMapQuery = z.infer<typeof zoneMapQuerySchema>;

export type BoundingBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** "105.3,20.5,106,21.4" → [105.3, 20.5, 106, 21.4], or the problem in Vietnamese and English. */
export function parseBoundingBox(text: string): BoundingBox | LocalizedText {
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : NaN));
  const [minLon, minLat, maxLon, maxLat] = numbers as BoundingBox;
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    return {
      vi: 'Khung bản đồ (bbox) gồm 4 số cách nhau bởi dấu phẩy: kinh độ tây, vĩ độ nam, kinh độ đông, vĩ độ bắc (ví dụ 105.3,20.5,106.0,21.4).',
      en: 'bbox is 4 comma-separated numbers: minLon,minLat,maxLon,maxLat (e.g. 105.3,20.5,106.0,21.4).',
    };
  }
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > maxLon || minLat > maxLat) {
    return {
      vi: 'Khung bản đồ (bbox) không hợp lệ: kinh độ từ -180 đến 180, vĩ độ từ -90 đến 90, giá trị tây/nam không lớn hơn đông/bắc.',
      en: 'bbox is out of range: longitudes -180…180, latitudes -90…90, and min ≤ max.',
    };
  }
  return [minLon, minLat, maxLon, maxLat];
}
