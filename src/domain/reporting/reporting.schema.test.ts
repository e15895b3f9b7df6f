import { describe, expect, it } from 'vitest';
import { compileClusterReport } from './aggregate';
import { obligationsFor } from './obligations';
import { compileParksReport } from './parks-report';
import {
  compiledReportSchema,
  obligationSchema,
  parksReportSchema,
  periodIdSchema,
} from './reporting.schema';
import { filings2025, projects, zones } from './testing';

describe('reporting contracts', () => {
  it('accept period identifiers in any case and refuse others', () => {
    expect(periodIdSchema.parse(' 2025-h1 ')).toBe('2025-H1');
    expect(periodIdSchema.safeParse('2025-H3').success).toBe(false);
    expect(periodIdSchema.safeParse('Quý III/2025').success).toBe(false);
  });

  it('describe exactly what the domain computes (no drift between types and schemas)', () => {
    const b03 = compileClusterReport({
      formCode: 'B03',
      period: '2025',
      scope: { kind: 'commune', id: 'C1' },
      zones,
      projects,
      filings: filings2025,
    });
    expect(compiledReportSchema.parse(b03)).toEqual(b03);

    const empty = { newProjects: 0, increases: 0, byCurrency: [], missingRateEvents: 1 };
    const converted = { newAmount: '0', increaseAmount: '0', attracted: '0' };
    const parks = compileParksReport({
      period: '2025',
      zones,
      projects,
      capital: {
        period: { ...empty, convertedUsd: converted },
        yearToDate: { ...empty, convertedUsd: converted },
      },
      filings: [],
      targets: { revenue_usd: 100 },
    });
    expect(parksReportSchema.parse(parks)).toEqual(parks);

    const { obligations } = obligationsFor({
      period: '2025',
      zones,
      projects,
      province: { department: 'S', management_board: 'B' },
    });
    for (const o of obligations) {
      expect(obligationSchema.parse({ ...o, dueAt: o.dueAt.toISOString() }).dueAt).toBe(
        o.dueAt.toISOString(),
      );
    }
  });
});
