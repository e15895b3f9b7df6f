import { describe, expect, it } from 'vitest';
import { parseCell } from './cells';
import { organisationColumns } from './organisation-import';

/** The words of the organisation template and of the app are accepted by the organisation sheet itself. */
describe('the organisation sheet reads the labels users see', () => {
  const column = (field: string) => organisationColumns().find((c) => c.field === field)!.column;

  it('takes "Doanh nghiệp thứ cấp" as the tenant role and "Việt Nam" as a country', () => {
    expect(parseCell(column('roles'), 'Doanh nghiệp thứ cấp')).toEqual({ ok: true, value: ['tenant'] });
    expect(parseCell(column('roles'), 'Nhà đầu tư thứ cấp')).toEqual({ ok: true, value: ['tenant'] });
    expect(parseCell(column('country'), 'Việt Nam')).toEqual({ ok: true, value: 'VN' });
    expect(parseCell(column('country'), 'Hàn Quốc (KR)')).toEqual({ ok: true, value: 'KR' });
  });
});
