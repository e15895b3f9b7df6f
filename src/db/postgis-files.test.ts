import { describe, expect, it } from 'vitest';
import { isCorePostgisFile, postgisLinks } from './postgis-files';

describe('the trimmed PostGIS bundle', () => {
  it('keeps the postgis library, its extension scripts and the PROJ data', () => {
    for (const path of [
      'lib/postgresql/postgis-3.so',
      'share/postgresql/extension/postgis.control',
      'share/postgresql/extension/postgis--3.6.2.sql',
      'share/postgresql/extension/postgis--3.5.1--3.6.2.sql',
      'share/postgresql/extension/postgis--ANY--3.6.2.sql',
      'share/proj/proj.db',
      'share/proj/proj.ini',
    ]) {
      expect(isCorePostgisFile(path), path).toBe(true);
    }
  });

  it('drops raster, topology, the geocoder, pre-extension upgrades and the contrib scripts', () => {
    for (const path of [
      'lib/postgresql/postgis_raster-3.so',
      'lib/postgresql/postgis_topology-3.so',
      'share/postgresql/extension/postgis_raster--3.6.2.sql',
      'share/postgresql/extension/postgis_topology.control',
      'share/postgresql/extension/postgis_tiger_geocoder--3.6.2.sql',
      'share/postgresql/extension/address_standardizer.control',
      'share/postgresql/extension/postgis--unpackaged--3.6.2.sql',
      'share/postgresql/contrib/postgis-3.6/spatial_ref_sys.sql',
    ]) {
      expect(isCorePostgisFile(path), path).toBe(false);
    }
  });

  it('links each library and extension file where PostgreSQL looks, and the PROJ directory once', () => {
    const links = postgisLinks(
      [
        'lib/postgresql/postgis-3.so',
        'share/postgresql/extension/postgis.control',
        'share/proj/proj.db',
        'share/proj/proj.ini',
      ],
      '/pglite',
    );
    expect(links).toEqual([
      { link: '/pglite/lib/postgresql/postgis-3.so', target: '/izis-postgis/lib/postgresql/postgis-3.so' },
      {
        link: '/pglite/share/postgresql/extension/postgis.control',
        target: '/izis-postgis/share/postgresql/extension/postgis.control',
      },
      { link: '/pglite/share/proj', target: '/izis-postgis/share/proj' },
    ]);
  });
});
