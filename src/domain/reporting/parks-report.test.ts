import { describe, expect, it } from 'vitest';
import {
  compileParksReport,
  parksCapitalRanges,
  yearToDatePeriods,
  type CapitalFigures,
} from './parks-report';
import { parsePeriod } from './periods';
import { filing, projects, sourceId, zones } from './testing';

/**
 * The Management Board's report for Q3 2025. Capital figures take the shape of the capital service's
 * `attracted` block; the numbers are the seeds' (article 001: "4 dự án mới vốn đăng ký 1 triệu USD và 450 tỷ
 * đồng; 12 dự án đầu tư mở rộng vốn đăng ký 60 triệu USD và 30 tỷ đồng … 81 triệu USD quy đổi"; article 002:
 * "275 triệu USD quy đổi (đạt 92 % so với kế hoạch năm)").
 */
const quarter: CapitalFigures = {
  newProjects: 4,
  increases: 12,
  byCurrency: [
    { currency: 'USD', newAmount: '1000000.00', increaseAmount: '60000000.00' },
    { currency: 'VND', newAmount: '450000000000', increaseAmount: '30000000000' },
  ],
  // 1 + 60 M USD + (450 + 30) bn VND ÷ 24,000 VND/USD = 61 + 20 = 81 M USD.
  convertedUsd: { newAmount: '19750000.00', increaseAmount: '61250000.00', attracted: '81000000.00' },
  missingRateEvents: 0,
};
const yearToDate: CapitalFigures = {
  newProjects: 7,
  increases: 26,
  byCurrency: [
    { currency: 'USD', newAmount: '27000000.00', increaseAmount: '147000000.00' },
    { currency: 'VND', newAmount: '315000000000', increaseAmount: '2039000000000' },
  ],
  convertedUsd: { newAmount: '40125000.00', increaseAmount: '234875000.00', attracted: '275000000.00' },
  missingRateEvents: 2,
};

const tenant = (period: string, id: string, v: [number, number, number, number, number]) =>
  filing('KCN_TENANT', period, 'project', id, {
    revenue_usd: v[0],
    export_usd: v[1],
    import_usd: v[2],
    state_budget_usd: v[3],
    workers: v[4],
  });

const filings = [
  tenant('2025-Q1', 'k1p1', [100.5, 80, 40, 5, 1200]),
  tenant('2025-Q2', 'k1p1', [110, 85, 42, 5.5, 1250]),
  tenant('2025-Q3', 'k1p1', [120.25, 90, 45, 6, 1300]),
  tenant('2025-Q1', 'k2p1', [20, 0, 3, 1, 150]),
  tenant('2025-Q2', 'k2p1', [22, 0, 3, 1.2, 155]),
  tenant('2025-Q3', 'k2p1', [25.5, 0, 4, 1.3, 160]),
  tenant('2025-Q1', 'k1p2', [0, 0, 0, 0, 20]),
  tenant('2025-Q2', 'k1p2', [0, 0, 0, 0, 25]),
  // The previous year's Q3 is not part of 2025's year to date.
  tenant('2024-Q3', 'k1p1', [999, 999, 999, 999, 999]),
];

const report = compileParksReport({
  period: '2025-Q3',
  zones,
  projects,
  capital: { period: quarter, yearToDate },
  filings,
  targets: {
    capital_attracted_converted_usd: 299,
    revenue_usd: 1500,
    export_usd: 1000,
    state_budget_usd: 40,
    workers: 2000,
  },
});
const line = (no: string) => report.items.find((i) => i.no === no)!;

describe('the parks’ periodic report for Q3 2025', () => {
  it('covers the calendar quarter and the year to date', () => {
    expect(report.window).toEqual({ start: '2025-07-01', end: '2025-09-30' });
    expect(report.yearToDate).toEqual({ start: '2025-01-01', end: '2025-09-30' });
    expect(parksCapitalRanges('2025-Q3')).toEqual({
      period: { from: '2025-07-01', to: '2025-09-30' },
      yearToDate: { from: '2025-01-01', to: '2025-09-30' },
    });
  });

  it('reports new and expansion projects with their capital in USD and in VND, and the converted total', () => {
    expect(['1', '2', '3', '4', '5', '6', '7'].map((no) => line(no).value)).toEqual([
      4, 1, 450, 12, 60, 30, 81,
    ]);
    expect(line('7').sources).toEqual([
      {
        kind: 'capital',
        from: '2025-07-01',
        to: '2025-09-30',
        measure: 'attracted_converted',
        currency: null,
        contribution: 81,
      },
    ]);
  });

  it('compares the capital attracted this year with the year’s target: 275 of 299 M USD = 92 %', () => {
    // 275 ÷ 299 = 0.91973… → 92.0 %.
    expect(line('7')).toMatchObject({ yearToDate: 275, target: 299, achievedPct: 92 });
    // Two ledger events since January had no exchange rate: the year-to-date total is incomplete, and says so.
    expect(line('7').gaps).toEqual([{ kind: 'exchange_rate_missing', events: 2, range: 'year_to_date' }]);
    const incomplete = compileParksReport({
      period: '2025-Q3',
      zones,
      projects,
      capital: { period: { ...quarter, missingRateEvents: 3 }, yearToDate },
      filings,
      targets: {},
    });
    expect(incomplete.items.find((i) => i.no === '7')!.gaps).toEqual([
      { kind: 'exchange_rate_missing', events: 3, range: 'period' },
      { kind: 'exchange_rate_missing', events: 2, range: 'year_to_date' },
    ]);
    expect(incomplete.items.find((i) => i.no === '7')!.achievedPct).toBeNull();
  });

  it('counts the projects terminated in the quarter', () => {
    expect(line('8')).toMatchObject({ value: 1, yearToDate: 1, sources: [{ kind: 'project', id: 'k1p3' }] });
  });

  it('sums the tenants’ accepted reports for the quarter and, for flows, from January', () => {
    // Revenue Q3: 120.25 + 25.5 = 145.75; year to date: (100.5 + 110 + 120.25) + (20 + 22 + 25.5) = 398.25;
    // 398.25 ÷ 1500 = 26.55 %, shown as 26.6 %.
    expect(line('9')).toMatchObject({ value: 145.75, yearToDate: 398.25, target: 1500, achievedPct: 26.6 });
    // Exports: 90 in Q3; 255 since January; 25.5 % of 1000.
    expect(line('10')).toMatchObject({ value: 90, yearToDate: 255, achievedPct: 25.5 });
    // Imports have no target: 45 + 4 = 49.
    expect(line('11')).toMatchObject({ value: 49, target: null, achievedPct: null });
    // Budget: 6 + 1.3 = 7.3; since January (5 + 5.5 + 6) + (1 + 1.2 + 1.3) = 20; 50 % of 40.
    expect(line('12')).toMatchObject({ value: 7.3, yearToDate: 20, achievedPct: 50 });
    // Workers are a stock: the quarter's figure is also the year-to-date one: 1300 + 160 = 1460.
    expect(line('13')).toMatchObject({ value: 1460, yearToDate: 1460, target: null });
  });

  it('lists the tenants whose report for the quarter is missing', () => {
    expect(line('9').gaps).toEqual([
      {
        kind: 'filing_missing',
        formCode: 'KCN_TENANT',
        reporterKind: 'project',
        reporterId: 'k1p2',
        zoneId: 'k1',
        fallback: 'none',
      },
    ]);
    expect(line('9').sources.map(sourceId)).toEqual([
      'F-KCN_TENANT-2025-Q3-k1p1',
      'F-KCN_TENANT-2025-Q3-k2p1',
    ]);
  });

  it('counts operating parks whose wastewater plant meets the standards', () => {
    expect(line('14')).toMatchObject({
      value: 1,
      sources: [{ kind: 'zone', id: 'k1', field: 'wwtpStatus' }],
    });
  });
});

describe('year to date', () => {
  it('is Q1…Qn for a quarter and the year itself for a yearly report', () => {
    expect(yearToDatePeriods(parsePeriod('2025-Q3')!)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(yearToDatePeriods(parsePeriod('2025-Q1')!)).toEqual(['2025-Q1']);
    expect(yearToDatePeriods(parsePeriod('2025')!)).toEqual(['2025']);
  });

  it('refuses a period the Board does not report on', () => {
    expect(() =>
      compileParksReport({
        period: '2025-H1',
        zones,
        projects,
        capital: { period: quarter, yearToDate },
        filings,
        targets: {},
      }),
    ).toThrow(RangeError);
    expect(parksCapitalRanges('2025-M07')).toBeNull();
  });
});
