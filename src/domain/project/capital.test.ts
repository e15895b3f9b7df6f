import { describe, expect, it } from 'vitest';
import {
  checkCapitalPeriod,
  checkExchangeRate,
  checkInvestmentEvent,
  formatHundredths,
  registeredCapital,
  toHundredths,
  type LedgerEvent,
} from './capital';

const ev = (kind: LedgerEvent['kind'], eventDate: string, amount: string, currency = 'USD'): LedgerEvent => ({
  kind,
  eventDate,
  amount,
  currency,
});

describe('amounts', () => {
  it('are handled as whole hundredths, never floats', () => {
    expect(toHundredths('0.1')).toBe(10n);
    expect(toHundredths('450000000000')).toBe(450_000_000_000_00n);
    expect(formatHundredths(toHundredths('0.1') + toHundredths('0.2'))).toBe('0.30');
    expect(formatHundredths(-5n)).toBe('-0.05');
  });

  it('sum to the registered capital per currency, decreases and terminations subtracting', () => {
    expect(
      registeredCapital([
        ev('new', '2022-01-10', '1000000'),
        ev('increase', '2022-03-01', '450000000000', 'VND'),
        ev('decrease', '2022-04-01', '250000.5'),
        ev('termination', '2022-05-01', '749999.50'),
      ]),
    ).toEqual([
      { currency: 'USD', amount: '0.00' },
      { currency: 'VND', amount: '450000000000.00' },
    ]);
  });
});

describe('an investment event', () => {
  const registered = [ev('new', '2022-01-10', '1000000')];

  it('may be a new registration on an empty ledger', () => {
    expect(checkInvestmentEvent([], ev('new', '2022-01-10', '1000000'))).toEqual({});
  });

  it('cannot be a second new registration', () => {
    const problems = checkInvestmentEvent(registered, ev('new', '2022-02-01', '5'));
    expect(problems.kind?.vi).toContain('đã có đăng ký mới ngày 10/01/2022');
  });

  it('must come after the new registration, which comes first', () => {
    expect(checkInvestmentEvent([], ev('increase', '2022-01-10', '5')).kind?.vi).toBe(
      'Sự kiện đầu tiên của dự án phải là đăng ký mới.',
    );
    expect(checkInvestmentEvent(registered, ev('increase', '2022-01-09', '5')).eventDate?.vi).toContain(
      'trước ngày đăng ký mới',
    );
    expect(checkInvestmentEvent(registered, ev('increase', '2022-01-10', '5'))).toEqual({});
  });

  it('has a positive amount, except a termination which may be 0', () => {
    expect(checkInvestmentEvent(registered, ev('increase', '2022-02-01', '0')).amount?.vi).toBe(
      'Số vốn tăng vốn phải lớn hơn 0.',
    );
    expect(checkInvestmentEvent(registered, ev('increase', '2022-02-01', '1,5')).amount?.vi).toContain(
      'dấu chấm',
    );
    expect(checkInvestmentEvent(registered, ev('increase', '2022-02-01', '-1')).amount).toBeDefined();
    expect(checkInvestmentEvent(registered, ev('increase', '2022-02-01', '1.234')).amount).toBeDefined();
    expect(checkInvestmentEvent(registered, ev('termination', '2022-02-01', '0'))).toEqual({});
  });

  it('names a currency by its 3-letter ISO code', () => {
    expect(checkInvestmentEvent(registered, ev('increase', '2022-02-01', '5', 'US')).currency?.vi).toContain(
      'ISO 4217',
    );
  });

  it('cannot decrease the registered capital of its currency below zero', () => {
    const history = [...registered, ev('increase', '2022-01-20', '30000000000', 'VND')];
    expect(checkInvestmentEvent(history, ev('decrease', '2022-03-01', '1000000'))).toEqual({});
    expect(checkInvestmentEvent(history, ev('decrease', '2022-03-01', '1000000.01')).amount?.vi).toContain(
      'tối đa có thể giảm vốn 1000000.00 USD',
    );
    expect(checkInvestmentEvent(history, ev('decrease', '2022-03-01', '1', 'EUR')).amount?.vi).toContain(
      'không có vốn đăng ký bằng EUR',
    );
    // VND capital only exists from 20/01.
    expect(checkInvestmentEvent(history, ev('decrease', '2022-01-15', '1', 'VND')).amount).toBeDefined();
  });

  it('cannot be a back-dated decrease that would make a later balance negative', () => {
    const history = [
      ...registered,
      ev('increase', '2022-02-01', '500000'),
      ev('decrease', '2022-04-01', '1200000'),
    ];
    // On 1/3 there is 1.5 M, but 1.2 M leaves on 1/4: at most 300 000 may go on 1/3.
    expect(checkInvestmentEvent(history, ev('decrease', '2022-03-01', '300000'))).toEqual({});
    expect(checkInvestmentEvent(history, ev('decrease', '2022-03-01', '300001')).amount?.vi).toContain(
      '300000.00 USD',
    );
  });

  it('ends the ledger when it is a termination: nothing after it, and it is the latest', () => {
    const history = [...registered, ev('increase', '2022-03-01', '5')];
    expect(checkInvestmentEvent(history, ev('termination', '2022-02-01', '0')).eventDate?.vi).toContain(
      '01/03/2022',
    );
    const terminated = [...history, ev('termination', '2022-06-01', '1000005')];
    expect(checkInvestmentEvent(terminated, ev('increase', '2022-07-01', '5')).kind?.vi).toContain(
      'đã chấm dứt ngày 01/06/2022',
    );
    expect(checkInvestmentEvent(terminated, ev('termination', '2022-07-01', '0')).kind).toBeDefined();
  });
});

describe('periods and exchange rates', () => {
  it('refuses a period that ends before it starts, naming `to`', () => {
    expect(checkCapitalPeriod({ from: '2022-05-31', to: '2022-01-01' }).to?.vi).toContain(
      'trước ngày bắt đầu',
    );
    expect(checkCapitalPeriod({ from: '2022-01-01', to: '2022-01-01' })).toEqual({});
  });

  it('checks a rate: a foreign currency, an ordered period, a positive decimal', () => {
    const ok = { currency: 'USD', validFrom: '2022-01-01', validTo: '2022-12-31', vndPerUnit: '24000' };
    expect(checkExchangeRate(ok)).toEqual({});
    expect(Object.keys(checkExchangeRate({ ...ok, currency: 'VND' }))).toEqual(['currency']);
    expect(Object.keys(checkExchangeRate({ ...ok, validTo: '2021-12-31' }))).toEqual(['validTo']);
    expect(Object.keys(checkExchangeRate({ ...ok, vndPerUnit: '0' }))).toEqual(['vndPerUnit']);
    expect(Object.keys(checkExchangeRate({ ...ok, vndPerUnit: '24.000,5' }))).toEqual(['vndPerUnit']);
    expect(checkExchangeRate({ ...ok, vndPerUnit: '25450.1234' })).toEqual({});
  });
});
