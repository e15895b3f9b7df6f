import { customType } from 'drizzle-orm/pg-core';

/**
 * PostGIS column types with their SRID. Drizzle's built-in `geometry()` knows only points and drops the
 * SRID, so we declare the SQL type ourselves. Values travel as EWKT/GeoJSON built in SQL (see
 * repositories), never as driver-specific binary.
 */
export const multiPolygon4326 = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'geometry(MultiPolygon,4326)';
  },
});

export const point4326 = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'geometry(Point,4326)';
  },
});
