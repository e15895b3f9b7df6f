import { describe, expect, it } from 'vitest';
import { publishableFieldKeys } from './catalogue.schema';
import { computeScorecard, scorecardMethod } from './scorecard';
import { catalogueRecord } from './testing';

const all = [...publishableFieldKeys];

describe('zone scorecard', () => {
  it('shows no score whose input fields are not published', () => {
    expect(computeScorecard(catalogueRecord({ fields: [] }), '2026-03-01', null).scores).toEqual([]);
    const keys = computeScorecard(
      catalogueRecord({ fields: ['wwtp', 'infrastructure'] }),
      '2026-03-01',
      null,
    ).scores.map((s) => s.key);
    // infrastructure also needs the area: only the WWTP score is shown.
    expect(keys).toEqual(['wwtp']);
  });

  it('scores each published input from its records and names them', () => {
    const card = computeScorecard(catalogueRecord({ fields: all }), '2026-03-01', {
      due: 8,
      onTime: 6,
      late: 1,
      overdue: 1,
      periods: ['2025-Q4', '2026-01'],
    });
    const byKey = Object.fromEntries(card.scores.map((s) => [s.key, s]));
    expect(byKey.infrastructure!.score).toBe(50); // 25 of 50 ha
    expect(byKey.wwtp!.score).toBe(100);
    expect(byKey.fireSafety!.score).toBe(50);
    expect(byKey.occupancy!.score).toBe(75); // (20 + 10) / 40
    expect(byKey.services!.score).toBe(100); // fee in force on 2026-03-01 and a phone
    expect(byKey.reporting!.score).toBe(75);
    expect(byKey.reporting!.basis.find((b) => b.field === 'filings.onTime')!.value).toBe(6);
    expect(byKey.occupancy!.basis[0]!.value).toBe(0.75);
  });

  it('gives no score (not zero) when the records are missing, and counts an expired fee as none', () => {
    const card = computeScorecard(
      catalogueRecord({ fields: all, industrialLandHa: null, wwtpStatus: null }),
      '2026-09-01',
      null,
    );
    const byKey = Object.fromEntries(card.scores.map((s) => [s.key, s]));
    expect(byKey.occupancy!.score).toBeNull();
    expect(byKey.wwtp!.score).toBeNull();
    expect(byKey.reporting!.score).toBeNull();
    expect(byKey.services!.score).toBe(50);
  });

  it('publishes a method naming every score with the fields it needs, in Vietnamese and English', () => {
    const method = scorecardMethod();
    expect(method.scores.map((s) => s.key)).toEqual([
      'infrastructure',
      'wwtp',
      'fireSafety',
      'occupancy',
      'services',
      'reporting',
    ]);
    for (const s of method.scores) {
      expect(s.needs.length).toBeGreaterThan(0);
      expect(s.rule.vi).not.toBe(s.rule.en);
    }
  });
});
