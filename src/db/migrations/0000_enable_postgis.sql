-- PostGIS first: zone boundaries and unit centres are geometry(…, 4326).
CREATE EXTENSION IF NOT EXISTS postgis;
