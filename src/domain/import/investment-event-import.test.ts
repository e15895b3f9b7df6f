import { describe, expect, it } from 'vitest';
import {
  canonicalAmount,
  checkLedgerAppend,
  investmentEventKey,
  ledgerOrder,
} from './investment-event-import';

describe('the ledger sheet', () => {
  it('keys an event by project, kind, date, amount (as numeric(20,2)) and currency', () => {
    expect(canonicalAmount('1500000.5')).toBe('1500000.50');
    expect(
      investmentEventKey({
        projectCode: 'DA-1',
        kind: 'increase',
        eventDate: '2022-03-15',
        amount: '100000',
        currency: 'USD',
      }),
    ).toBe('DA-1|increase|2022-03-15|100000.00|USD');
  });

  it('orders new events by date; on one day the registration first and a termination last', () => {
    const order = ledgerOrder([
      { row: 2, kind: 'termination', eventDate: '2022-05-01', amount: '0', currency: 'USD' },
      { row: 3, kind: 'increase', eventDate: '2022-05-01', amount: '5', currency: 'USD' },
      { row: 4, kind: 'new', eventDate: '2022-05-01', amount: '10', currency: 'USD' },
      { row: 5, kind: 'decrease', eventDate: '2022-05-01', amount: '1', currency: 'USD' },
      { row: 6, kind: 'increase', eventDate: '2021-01-01', amount: '1', currency: 'USD' },
    ]);
    expect(order.map((c) => c.row)).toEqual([6, 4, 3, 5, 2]);
  });

  it('checks the file against the stored ledger and itself, a refused row joining nothing', () => {
    const stored = [{ kind: 'new' as const, eventDate: '2020-01-01', amount: '100.00', currency: 'USD' }];
    const { problems, accepted } = checkLedgerAppend(stored, [
      { row: 2, kind: 'decrease', eventDate: '2021-01-01', amount: '150', currency: 'USD' },
      { row: 3, kind: 'increase', eventDate: '2021-06-01', amount: '50', currency: 'USD' },
      { row: 4, kind: 'decrease', eventDate: '2021-07-01', amount: '150', currency: 'USD' },
      { row: 5, kind: 'new', eventDate: '2021-08-01', amount: '1', currency: 'VND' },
      { row: 6, kind: 'termination', eventDate: '2022-01-01', amount: '0', currency: 'USD' },
      { row: 7, kind: 'increase', eventDate: '2022-02-01', amount: '1', currency: 'USD' },
    ]);
    expect([...problems.keys()]).toEqual([2, 5, 7]);
    expect(problems.get(2)!.amount!.vi).toContain('tối đa có thể giảm vốn 100.00 USD');
    expect(problems.get(5)!.kind!.vi).toContain('mỗi dự án chỉ có một');
    expect(problems.get(7)!.kind!.vi).toContain('sổ vốn đã khoá');
    expect(accepted.map((a) => [a.row, a.registeredAfter])).toEqual([
      [3, [{ currency: 'USD', amount: '150.00' }]],
      [4, [{ currency: 'USD', amount: '0.00' }]],
      [6, [{ currency: 'USD', amount: '0.00' }]],
    ]);
    expect(accepted[0]!.registeredBefore).toEqual([{ currency: 'USD', amount: '100.00' }]);
  });
});
