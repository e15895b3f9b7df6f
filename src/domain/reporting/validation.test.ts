import { describe, expect, it } from 'vitest';
import { formAt } from './catalogue';
import {
  compareWithPrevious,
  fieldMessages,
  hasBlockingErrors,
  unexplainedOutliers,
  validateFiling,
  type FilingValues,
} from './validation';

const b01 = formAt('B01', '2025-12-01')!;
const b02 = formAt('B02', '2025-12-01')!;
const goodB01: FilingValues = {
  revenue_vnd: 120.5,
  state_budget_vnd: 8.25,
  workers: 300,
  avg_income_vnd: 10,
};
const goodB02: FilingValues = {
  infra_investment_approved_vnd: 452.5,
  infra_investment_paid_vnd: 390.25,
  land_ready_ha: 33,
  land_leased_ha: 29.5,
  occupancy_pct: 90,
  projects: 3,
  projects_fdi: 1,
  projects_operating: 2,
  revenue_vnd: 12.5,
  state_budget_vnd: 1.2,
  workers: 15,
  avg_income_vnd: 9.5,
  wwtp_built: 1,
  wwtp_compliant: 1,
};
const rules = (errors: ReturnType<typeof validateFiling>) => errors.map((e) => `${e.item}:${e.rule}`);

describe('validating a filing against its form version', () => {
  it('accepts a complete, consistent Biểu 01 and Biểu 02', () => {
    expect(validateFiling(b01, goodB01)).toEqual([]);
    expect(validateFiling(b02, goodB02, { industrial_land_ha: 35 })).toEqual([]);
  });

  it('names the item, by its number and name, in Vietnamese and English', () => {
    const [error] = validateFiling(b01, { ...goodB01, workers: null });
    expect(error).toMatchObject({ item: 'workers', no: '3', rule: 'required', severity: 'error' });
    expect(error!.message.vi).toBe(
      'Mục 3 (Số lao động có hợp đồng lao động): bắt buộc nhập (ghi 0 nếu không có).',
    );
    expect(error!.message.en).toBe('Item 3 (Workers with labour contracts): is required (enter 0 if none).');
  });

  it('checks numbers, whole numbers, decimals and bounds', () => {
    expect(rules(validateFiling(b01, { ...goodB01, revenue_vnd: 'abc' as unknown as number }))).toEqual([
      'revenue_vnd:number',
    ]);
    expect(rules(validateFiling(b01, { ...goodB01, workers: 12.5 }))).toEqual(['workers:integer']);
    expect(rules(validateFiling(b01, { ...goodB01, revenue_vnd: 1.2345 }))).toEqual(['revenue_vnd:decimals']);
    expect(rules(validateFiling(b01, { ...goodB01, revenue_vnd: -1 }))).toEqual(['revenue_vnd:min']);
    expect(rules(validateFiling(b02, { ...goodB02, occupancy_pct: 100.5 }))).toEqual(['occupancy_pct:max']);
    expect(rules(validateFiling(b01, { ...goodB01, revenue_vnd: Number.NaN }))).toEqual([
      'revenue_vnd:number',
    ]);
    expect(validateFiling(b02, { ...goodB02, occupancy_pct: 100.5 })[0]!.message.vi).toContain(
      'không được lớn hơn 100.',
    );
  });

  it('takes only 1 or 0 for yes/no items', () => {
    expect(rules(validateFiling(b02, { ...goodB02, wwtp_built: 2 }))).toEqual(['wwtp_built:flag']);
  });

  it('lets a draft be incomplete but not wrong', () => {
    expect(validateFiling(b01, { revenue_vnd: 12.5 }, {}, 'draft')).toEqual([]);
    expect(rules(validateFiling(b01, { revenue_vnd: 12.5 }, {}, 'submit'))).toEqual([
      'state_budget_vnd:required',
      'workers:required',
      'avg_income_vnd:required',
    ]);
    expect(rules(validateFiling(b01, { revenue_vnd: -3, workers: 2.5 }, {}, 'draft'))).toEqual([
      'revenue_vnd:min',
      'workers:integer',
    ]);
  });

  it('refuses items the form version does not have', () => {
    expect(rules(validateFiling(b01, { ...goodB01, exports: 5 }))).toEqual(['exports:unknown_item']);
  });

  it('checks relations between items: income needs workers and workers need an income', () => {
    expect(rules(validateFiling(b01, { ...goodB01, workers: 0 }))).toEqual(['workers:income_needs_workers']);
    expect(rules(validateFiling(b01, { ...goodB01, avg_income_vnd: 0 }))).toEqual([
      'avg_income_vnd:workers_need_income',
    ]);
    expect(validateFiling(b01, { ...goodB01, workers: 0, avg_income_vnd: 0 })).toEqual([]);
  });

  it('checks relations against registry facts: land leased cannot exceed the cluster’s industrial land', () => {
    const errors = validateFiling(b02, { ...goodB02, land_leased_ha: 36 }, { industrial_land_ha: 35 });
    expect(rules(errors)).toEqual(['land_leased_ha:leased_vs_land']);
    expect(errors[0]!.no).toBe('4');
    // Without the registry fact the rule is skipped, never guessed.
    expect(validateFiling(b02, { ...goodB02, land_leased_ha: 36 })).toEqual([]);
  });

  it('checks the "of which" lines and the wastewater flags', () => {
    expect(rules(validateFiling(b02, { ...goodB02, projects_fdi: 4 }, { industrial_land_ha: 35 }))).toEqual([
      'projects_fdi:fdi_within_projects',
    ]);
    expect(rules(validateFiling(b02, { ...goodB02, wwtp_built: 0 }, { industrial_land_ha: 35 }))).toEqual([
      'wwtp_compliant:compliant_needs_plant',
    ]);
    expect(rules(validateFiling(b02, { ...goodB02, occupancy_pct: 0 }, { industrial_land_ha: 35 }))).toEqual([
      'occupancy_pct:leased_needs_occupancy',
    ]);
  });

  it('warns without blocking on likely unit mistakes', () => {
    const errors = validateFiling(b01, { ...goodB01, state_budget_vnd: 130, avg_income_vnd: 250 });
    expect(errors.map((e) => [e.rule, e.severity])).toEqual([
      ['income_unit', 'warning'],
      ['budget_vs_revenue', 'warning'],
    ]);
    expect(hasBlockingErrors(errors)).toBe(false);
    expect(fieldMessages(errors)).toEqual({});
    expect(Object.keys(fieldMessages(errors, 'warning'))).toEqual(['avg_income_vnd', 'state_budget_vnd']);
  });

  it('gives the server the field → message map of `validationError`', () => {
    const errors = validateFiling(b01, { ...goodB01, workers: 1.5, revenue_vnd: null });
    expect(hasBlockingErrors(errors)).toBe(true);
    const fields = fieldMessages(errors);
    expect(Object.keys(fields).sort()).toEqual(['revenue_vnd', 'workers']);
    expect(fields.workers!.vi).toContain('số nguyên');
  });
});

describe('comparison with the previous period', () => {
  const previous: FilingValues = { revenue_vnd: 100, state_budget_vnd: 8, workers: 300, avg_income_vnd: 10 };

  it('flags a change beyond ±50 % and not a change of exactly 50 %', () => {
    const at = (revenue: number) => compareWithPrevious(b01, { ...previous, revenue_vnd: revenue }, previous);
    expect(at(150)).toEqual([]);
    expect(at(50)).toEqual([]);
    expect(at(150.5)).toMatchObject([
      { item: 'revenue_vnd', no: '1', changePct: 50.5, thresholdPct: 50, explained: false },
    ]);
    expect(at(49)).toMatchObject([{ item: 'revenue_vnd', changePct: -51 }]);
  });

  it('says what changed, from what to what, against which period', () => {
    const [outlier] = compareWithPrevious(b01, { ...previous, revenue_vnd: 230 }, previous, {
      previousLabel: { vi: 'năm 2024', en: '2024' },
    });
    expect(outlier!.message.vi).toBe(
      'Mục 1 (Doanh thu của dự án trong kỳ): thay đổi +130 % so với năm 2024 (100 → 230), vượt ngưỡng ±50 %; cần giải trình.',
    );
    expect(outlier!.message.en).toContain('changed +130% against 2024 (100 → 230)');
  });

  it('flags any change from zero, and nothing when either period is missing', () => {
    expect(
      compareWithPrevious(b01, { ...previous, state_budget_vnd: 1 }, { ...previous, state_budget_vnd: 0 }),
    ).toMatchObject([{ item: 'state_budget_vnd', changePct: null }]);
    expect(
      compareWithPrevious(b01, { ...previous, state_budget_vnd: 0 }, { ...previous, state_budget_vnd: 0 }),
    ).toEqual([]);
    expect(compareWithPrevious(b01, { ...previous, revenue_vnd: 900 }, null)).toEqual([]);
    expect(
      compareWithPrevious(b01, { ...previous, revenue_vnd: 900 }, { ...previous, revenue_vnd: null }),
    ).toEqual([]);
  });

  it('takes per-indicator thresholds from configuration, and null switches the check off', () => {
    const current = { ...previous, revenue_vnd: 130, workers: 1000 };
    expect(compareWithPrevious(b01, current, previous).map((o) => o.item)).toEqual(['workers']);
    expect(
      compareWithPrevious(b01, current, previous, { thresholds: { revenue_vnd: 20, workers: null } }).map(
        (o) => o.item,
      ),
    ).toEqual(['revenue_vnd']);
  });

  it('does not compare yes/no items', () => {
    const prev02 = { ...goodB02, wwtp_built: 0, wwtp_compliant: 0 };
    expect(compareWithPrevious(b02, goodB02, prev02)).toEqual([]);
  });

  it('blocks submission until each outlier has a written explanation', () => {
    const current = { ...previous, revenue_vnd: 400, workers: 20 };
    const short = compareWithPrevious(b01, current, previous, { explanations: { revenue_vnd: 'tăng' } });
    expect(unexplainedOutliers(short).map((e) => [e.item, e.rule])).toEqual([
      ['revenue_vnd', 'outlier_unexplained'],
      ['workers', 'outlier_unexplained'],
    ]);
    const explained = compareWithPrevious(b01, current, previous, {
      explanations: {
        revenue_vnd: 'Nhận đơn hàng xuất khẩu lớn từ quý III.',
        workers: '  Chuyển phần lớn dây chuyền sang nhà máy mới ngoài cụm.  ',
      },
    });
    expect(explained.every((o) => o.explained)).toBe(true);
    expect(unexplainedOutliers(explained)).toEqual([]);
  });
});
