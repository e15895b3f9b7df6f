import { describe, expect, it } from 'vitest';
import { checkTemplate, formatFigure, renderTemplate } from './template';

const context = {
  period: '5 tháng đầu năm 2022',
  previous_period: '',
  year: '2022',
  previous_year: '2021',
  as_of: '',
};

describe('briefing sentence templates', () => {
  it('fills named placeholders with computed figures in Vietnamese format', () => {
    const figures = {
      new_projects: { value: 4, previous: null, ytd: 4, target: null },
      new_capital_usd: { value: 1, previous: null, ytd: 1, target: null },
      new_capital_vnd: { value: 450, previous: null, ytd: 450, target: null },
      capital_attracted_usd: { value: 81, previous: 40.5, ytd: 81, target: 400 },
    };
    expect(
      renderTemplate(
        '{period}: {new_projects} dự án mới vốn {new_capital_usd} và {new_capital_vnd}; tổng {capital_attracted_usd}, đạt {capital_attracted_usd:plan_pct} kế hoạch, bằng {capital_attracted_usd:ratio} cùng kỳ ({capital_attracted_usd:change_pct}).',
        figures,
        context,
      ),
    ).toBe(
      '5 tháng đầu năm 2022: 4 dự án mới vốn 1 triệu USD và 450 tỷ đồng; tổng 81 triệu USD, đạt 20,3 % kế hoạch, bằng 2 lần cùng kỳ (tăng 100 %).',
    );
    expect(formatFigure(1347.44, 'ha')).toBe('1.347,4 ha');
    expect(formatFigure(null, 'usd_m')).toBe('(chưa có số liệu)');
  });

  it('names what is wrong in a template: unknown indicator, modifier, a plan the indicator has not, braces', () => {
    expect(checkTemplate('{new_projects} dự án')).toEqual([]);
    expect(checkTemplate('{von_thu_hut}')[0]!.vi).toContain('{von_thu_hut}');
    expect(checkTemplate('{new_projects:bogus}')[0]!.vi).toContain('bogus');
    expect(checkTemplate('{new_projects:plan_pct}')[0]!.vi).toContain('không có kế hoạch năm');
    expect(checkTemplate('{new_projects')).toHaveLength(1);
  });
});
