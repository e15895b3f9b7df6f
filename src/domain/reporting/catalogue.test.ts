import { describe, expect, it } from 'vitest';
import {
  checkCatalogue,
  formAt,
  formCatalogue,
  formForPeriod,
  formTerms,
  formVersion,
  itemByNo,
} from './catalogue';
import type { FormCode, FormVersion } from './form-types';
import { indicatorOf } from './indicators';

describe('the shipped form catalogue', () => {
  it('is consistent: no overlapping versions, every item and rule refers to something real', () => {
    expect(checkCatalogue()).toEqual([]);
  });

  it('has Biểu 01 with the four items of LEGAL-FORMS.md, in order, with their units', () => {
    const b01 = formAt('B01', '2025-12-01')!;
    expect(b01.items.map((i) => [i.no, i.indicator, indicatorOf(i.indicator).unit])).toEqual([
      ['1', 'revenue_vnd', 'bn_vnd'],
      ['2', 'state_budget_vnd', 'bn_vnd'],
      ['3', 'workers', 'person'],
      ['4', 'avg_income_vnd', 'm_vnd_person_month'],
    ]);
  });

  it('has Biểu 02 with its fourteen items', () => {
    const b02 = formAt('B02', '2025-12-01')!;
    expect(b02.items.map((i) => i.no)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
    ]);
    expect(indicatorOf(itemByNo(b02, '5')!.indicator)).toMatchObject({ unit: 'percent', max: 100 });
    expect(indicatorOf(itemByNo(b02, '13')!.indicator)).toMatchObject({ valueType: 'flag', unit: 'plant' });
  });

  it('has the same 27 items in Biểu 03 and Biểu 04, with 15 and 16 broken down into four sub-items', () => {
    const b03 = formAt('B03', '2025-12-01')!;
    const b04 = formAt('B04', '2025-12-01')!;
    const topLevel = new Set(b03.items.map((i) => i.no.split('.')[0]));
    expect(topLevel.size).toBe(27);
    expect(b03.items).toHaveLength(35);
    expect(b03.items.filter((i) => i.no.startsWith('15.')).map((i) => i.no)).toEqual([
      '15.1',
      '15.2',
      '15.3',
      '15.4',
    ]);
    expect(b04.items.map((i) => i.indicator)).toEqual(b03.items.map((i) => i.indicator));
    expect(b03.sections.map((s) => s.code)).toEqual(['I', 'II', 'III']);
  });

  it('has the parks’ tenant report and the Management Board’s report with targets on capital, revenue, exports and budget', () => {
    const board = formAt('KCN_BOARD', '2025-12-01')!;
    expect(board.items.filter((i) => i.hasTarget).map((i) => i.indicator)).toEqual([
      'capital_attracted_converted_usd',
      'revenue_usd',
      'export_usd',
      'state_budget_usd',
    ]);
    expect(formAt('KCN_TENANT', '2025-12-01')!.items.map((i) => i.indicator)).toEqual([
      'revenue_usd',
      'export_usd',
      'import_usd',
      'state_budget_usd',
      'workers',
    ]);
  });
});

describe('versions by date (Circular 14/2024, amended by Circular 38/2025 from 1/7/2025)', () => {
  it('has no cluster form before Circular 14 took effect on 1/10/2024', () => {
    expect(formAt('B01', '2024-09-30')).toBeNull();
    expect(formAt('B01', '2024-10-01')?.version).toBe('2024-10-01');
  });

  it('sends Biểu 01 to the district until 30/6/2025 and to the commune from 1/7/2025', () => {
    expect(formAt('B01', '2025-06-30')!.recipients.map((r) => r.vi)).toContain('Ủy ban nhân dân cấp huyện');
    const v2 = formAt('B01', '2025-07-01')!;
    expect(v2.version).toBe('2025-07-01');
    expect(v2.recipients.map((r) => r.vi)).toContain('Ủy ban nhân dân cấp xã');
    expect(v2.items).toEqual(formAt('B01', '2025-06-30')!.items);
  });

  it('has the district compile Biểu 03 for the first half of 2025 and the commune for the year 2025', () => {
    expect(formForPeriod('B03', '2025-H1')?.reporterKind).toBe('district');
    expect(formForPeriod('B03', '2025')?.reporterKind).toBe('commune');
    expect(formForPeriod('B04', '2025')?.reporterKind).toBe('department');
  });

  it('reads an old revision with the version it recorded', () => {
    expect(formVersion('B02', '2024-10-01')?.effectiveTo).toBe('2025-06-30');
    expect(formVersion('B02', '1999-01-01')).toBeNull();
  });

  it('takes a later circular as a new dated version, with no code change', () => {
    const current = formAt('B01', '2026-01-01')!;
    const amended: FormVersion = {
      ...current,
      version: '2027-01-01',
      effectiveFrom: '2027-01-01',
      items: [...current.items, { no: '5', indicator: 'export_usd', required: false }],
    };
    const catalogue = [
      ...formCatalogue.filter((f) => f !== current),
      { ...current, effectiveTo: '2026-12-31' },
      amended,
    ];
    expect(checkCatalogue(catalogue)).toEqual([]);
    expect(formAt('B01', '2026-12-31', catalogue)?.items).toHaveLength(4);
    expect(formAt('B01', '2027-01-01', catalogue)?.items).toHaveLength(5);
    expect(formForPeriod('B01', '2027-H1', catalogue)?.version).toBe('2027-01-01');
  });

  it('reports an inconsistent configuration in sentences', () => {
    const current = formAt('B01', '2026-01-01')!;
    const broken: FormVersion = {
      ...current,
      version: '2026-06-01',
      effectiveFrom: '2026-06-01',
      items: [...current.items, { no: '4', indicator: 'no_such_indicator', required: true }],
    };
    const problems = checkCatalogue([...formCatalogue, broken]);
    expect(problems).toContain('B01@2025-07-01: overlaps 2026-06-01');
    expect(problems).toContain('B01@2026-06-01 item 4: unknown indicator no_such_indicator');
    expect(problems).toContain('B01@2026-06-01: item number 4 twice');
  });
});

describe('deadlines and data windows per form', () => {
  const due: [FormCode, string, string, string, string][] = [
    // form, period, window start, window end, due date
    ['B01', '2025-H1', '2024-12-15', '2025-06-14', '2025-06-20'],
    ['B01', '2025', '2024-12-15', '2025-12-14', '2025-12-20'],
    ['B02', '2025-H1', '2024-12-15', '2025-06-14', '2025-06-20'],
    ['B02', '2025', '2024-12-15', '2025-12-14', '2025-12-20'],
    ['B03', '2025-H1', '2024-12-15', '2025-06-14', '2025-06-25'],
    ['B03', '2025', '2024-12-15', '2025-12-14', '2025-12-25'],
    ['B04', '2025-H1', '2024-12-15', '2025-06-14', '2025-06-30'],
    ['B04', '2025', '2024-12-15', '2025-12-14', '2025-12-31'],
    ['KCN_TENANT', '2025-Q4', '2025-10-01', '2025-12-31', '2026-01-10'],
    ['KCN_TENANT', '2025', '2025-01-01', '2025-12-31', '2026-03-31'],
    ['KCN_BOARD', '2025-Q1', '2025-01-01', '2025-03-31', '2025-04-15'],
    ['KCN_BOARD', '2025', '2025-01-01', '2025-12-31', '2026-04-15'],
  ];

  it.each(due)('%s for %s covers %s–%s and is due on %s', (code, period, start, end, dueDate) => {
    expect(formTerms(code, period)?.terms).toMatchObject({ window: { start, end }, dueDate });
  });

  it('is not due for periods its schedule does not name', () => {
    expect(formTerms('B01', '2025-H2')).toBeNull();
    expect(formTerms('B01', '2025-Q2')).toBeNull();
    expect(formTerms('KCN_TENANT', '2025-H1')).toBeNull();
    expect(formTerms('B01', 'not-a-period')).toBeNull();
  });

  it('marks the parks’ deadlines, which the legal texts at hand do not fix, as unverified', () => {
    expect(formTerms('B01', '2025')?.terms.schedule.verified).toBe(true);
    expect(formTerms('KCN_BOARD', '2025')?.terms.schedule.verified).toBe(false);
  });
});
