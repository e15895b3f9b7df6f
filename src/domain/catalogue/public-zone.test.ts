import { describe, expect, it } from 'vitest';
import { publishableFields } from './catalogue.schema';
import { catalogueRecord } from './testing';
import { distanceKm, hiddenKeys, matchesQuery, pickDescription, publicCard, unleasedHa } from './public-zone';

const today = '2026-03-01';

describe('public zone card', () => {
  it('carries identity and unleased land only, when no field is published', () => {
    const card = publicCard(catalogueRecord(), { today, lang: 'vi' });
    expect(Object.keys(card).sort()).toEqual(
      ['code', 'commune', 'family', 'formerDistrict', 'freeLandHa', 'kind', 'name'].sort(),
    );
    expect(card.freeLandHa).toBe(10); // 40 − (20 + 10)
  });

  it('adds exactly the keys of each published field', () => {
    for (const field of publishableFields.filter((f) => !f.alwaysPublic)) {
      const card = publicCard(catalogueRecord({ fields: [field.key] }), { today, lang: 'vi', distanceKm: 3 });
      const extra = Object.keys(card).filter(
        (k) => !['code', 'commune', 'family', 'formerDistrict', 'freeLandHa', 'kind', 'name'].includes(k),
      );
      for (const key of extra) expect(field.covers).toContain(key);
      for (const key of hiddenKeys({ fields: [field.key] })) expect(card).not.toHaveProperty(key);
    }
  });

  it('never counts unleased land below zero, and has none without industrial land', () => {
    expect(unleasedHa({ industrialLandHa: 10, leasedHa: 8, approvedHa: 5 })).toBe(0);
    expect(unleasedHa({ industrialLandHa: null, leasedHa: 8, approvedHa: 5 })).toBeNull();
  });

  it('falls back to Vietnamese and says so when a description is missing in the language asked', () => {
    expect(pickDescription(catalogueRecord(), 'ja')).toMatchObject({ lang: 'vi', translationMissing: true });
    expect(pickDescription(catalogueRecord(), 'en')).toMatchObject({ lang: 'en', translationMissing: false });
  });
});

describe('catalogue filters', () => {
  it('finds a zone by its commune typed without diacritics', () => {
    expect(matchesQuery(catalogueRecord(), { q: 'Dong  Anh' }, today)).toBe(true);
    expect(matchesQuery(catalogueRecord(), { q: 'Đông Anh' }, today)).toBe(true);
    expect(matchesQuery(catalogueRecord(), { q: 'soc son' }, today)).toBe(false);
  });

  it('filters by an unpublished field match nothing, so a filter never reveals a hidden value', () => {
    const hidden = catalogueRecord({ fields: [] });
    const open = catalogueRecord({ fields: ['sectors', 'prices', 'status'] });
    for (const query of [{ sector: '26' }, { priceMax: 2_000_000 }, { ready: 'now' as const }]) {
      expect(matchesQuery(hidden, query, today)).toBe(false);
      expect(matchesQuery(open, query, today)).toBe(true);
    }
  });

  it('compares prices only in the currency and unit asked', () => {
    const open = catalogueRecord({ fields: ['prices'] });
    expect(matchesQuery(open, { priceMin: 1_000_000, priceMax: 1_300_000 }, today)).toBe(true);
    expect(matchesQuery(open, { priceMin: 1_300_000 }, today)).toBe(false);
    expect(matchesQuery(open, { priceMax: 5, priceCurrency: 'USD' }, today)).toBe(false);
  });

  it('keeps zones with at least the free land asked', () => {
    expect(matchesQuery(catalogueRecord(), { freeLandMinHa: 10 }, today)).toBe(true);
    expect(matchesQuery(catalogueRecord(), { freeLandMinHa: 10.01 }, today)).toBe(false);
  });

  it('measures distances on the sphere', () => {
    // Hà Nội – Hải Phòng centres, ~ 89 km as the crow flies.
    expect(distanceKm({ lat: 21.0285, lon: 105.8542 }, { lat: 20.8449, lon: 106.6881 })).toBeCloseTo(88.9, 0);
  });
});
