import { describe, expect, it } from 'vitest';
import { publishableFieldKeys } from './catalogue.schema';
import { openDataColumns, openDataRow } from './open-data';
import { catalogueRecord } from './testing';

describe('open data rows', () => {
  it('carry identity and unleased land only, when no field is published', () => {
    const row = openDataRow(catalogueRecord(), '2026-03-01');
    expect(Object.keys(row)).toEqual(
      openDataColumns.filter((c) => c.field === null || c.field === 'freeLand').map((c) => c.key),
    );
    expect(row.freeLandHa).toBe(10);
  });

  it('carry every column, with the price valid on the day, when every field is published', () => {
    const row = openDataRow(catalogueRecord({ fields: [...publishableFieldKeys] }), '2026-03-01');
    expect(Object.keys(row)).toEqual(openDataColumns.map((c) => c.key));
    expect(row).toMatchObject({
      subleasePrice: '1200000',
      subleaseCurrency: 'VND',
      occupancy: 0.75,
      lat: 21.1,
    });
    expect(row.sharedServicePrice).toBe('12000 VND/m2_year');
    expect(openDataRow(catalogueRecord({ fields: ['prices'] }), '2026-09-01').sharedServicePrice).toBeNull();
  });
});
