import { describe, expect, it } from 'vitest';
import { catalogueShortNames, metaSummary, zonePageHead } from './page-head';

describe('a zone page’s head', () => {
  it('names the zone, then the catalogue in the page’s language', () => {
    expect(zonePageHead({ name: 'CCN Thụy Lâm' }, 'ja').title).toBe(
      `CCN Thụy Lâm — ${catalogueShortNames.ja}`,
    );
  });

  it('describes it by its published summary, else its description, cut at 160 characters; none without', () => {
    expect(zonePageHead({ name: 'A', summary: 'Ngắn.', description: 'Dài hơn.' }, 'vi').description).toBe(
      'Ngắn.',
    );
    const long = metaSummary(`${'đất trống '.repeat(30)}`)!;
    expect(long.length).toBe(158);
    expect(long.endsWith('…')).toBe(true);
    expect(zonePageHead({ name: 'A', summary: null, description: '  ' }, 'en').description).toBeNull();
  });
});
