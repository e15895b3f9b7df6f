import { describe, expect, it } from 'vitest';
import { importEntities } from '../../../../domain/import/import.schema';
import { PERMISSIONS } from '../../../lib/paths';
import { IMPORT_LISTS, IMPORT_PERMISSIONS } from './import-api';

describe('who sees the import page', () => {
  it('the menu entry is shown to exactly the users who may import at least one list', () => {
    expect(new Set(PERMISSIONS.import)).toEqual(new Set(IMPORT_PERMISSIONS));
  });

  it('offers every list the server imports, zones with a GeoJSON export too', () => {
    expect(IMPORT_LISTS.map((list) => list.entity)).toEqual([...importEntities]);
    expect(IMPORT_LISTS.find((list) => list.entity === 'zones')?.exports).toContain('geojson');
  });
});
