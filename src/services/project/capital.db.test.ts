import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import type { Ownership } from '../../domain/organisation/organisation.schema';
import type { InvestmentEventInput } from '../../domain/project/project.schema';
import { AppError } from '../../domain/shared/errors';
import { createExchangeRate } from '../exchange-rate/exchange-rate.service';
import { createOrganisation } from '../organisation/organisation.service';
import { communes, testDeps } from '../testing';
import { createZone } from '../zone/zone.service';
import { capitalReport } from './capital.service';
import { addInvestmentEvent, createProject, getProject, listInvestmentEvents } from './project.service';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const admin = () => testDeps(database.db, systemActor('test'));

async function organisation(code: string, ownership: Ownership | null) {
  await createOrganisation(admin(), {
    code,
    name: `Công ty ${code}`,
    country: 'VN',
    ownership,
    roles: ['tenant'],
  });
}

async function zone(code: string, communeCode: string) {
  await createZone(admin(), { code, name: `Cụm công nghiệp ${code}`, kind: 'CCN', communeCode });
}

async function project(code: string, zoneCode: string, investorCode: string) {
  await createProject(admin(), { code, zoneCode, investorCode, name: `Dự án ${code}`, status: 'operating' });
}

async function event(
  projectCode: string,
  kind: InvestmentEventInput['kind'],
  eventDate: string,
  amount: string,
  currency: string,
) {
  return addInvestmentEvent(admin(), projectCode, { kind, eventDate, amount, currency });
}

async function rate(currency: string, validFrom: string, validTo: string, vndPerUnit: string) {
  return createExchangeRate(admin(), { currency, validFrom, validTo, vndPerUnit });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function fieldVi(error: AppError, field: string): string {
  return (error.details?.fields as Record<string, { vi: string }>)[field]!.vi;
}

describe('capital attracted and converted (tổng vốn quy đổi)', () => {
  beforeAll(async () => {
    await zone('CCN-VON-2022', communes.dongAnh);
    await organisation('NDT-A', 'fdi');
    await organisation('NDT-B', 'fdi');
    await organisation('NDT-E', 'fdi');
    await organisation('NDT-C', 'domestic_private');
    await organisation('NDT-F', 'domestic_state');
    await organisation('NDT-D', null);
    for (const [code, investor] of [
      ['DA-A', 'NDT-A'],
      ['DA-B', 'NDT-B'],
      ['DA-C', 'NDT-C'],
      ['DA-D', 'NDT-D'],
      ['DA-E', 'NDT-E'],
      ['DA-F', 'NDT-F'],
    ] as const) {
      await project(code, 'CCN-VON-2022', investor);
    }
    // Registered before the period.
    await event('DA-E', 'new', '2021-06-01', '10000000', 'USD');
    await event('DA-F', 'new', '2021-09-01', '50000000000', 'VND');
    await event('DA-E', 'increase', '2021-12-31', '2000000', 'USD');
    // Jan–May 2022: 4 new projects, 1 M USD + 450 bn VND.
    await event('DA-A', 'new', '2022-01-15', '600000', 'USD');
    await event('DA-B', 'new', '2022-03-10', '400000', 'USD');
    await event('DA-C', 'new', '2022-02-20', '200000000000', 'VND');
    await event('DA-D', 'new', '2022-05-31', '250000000000', 'VND');
    // …and 12 expansions: 8 in USD (60 M), 4 in VND (30 bn).
    await event('DA-A', 'increase', '2022-02-01', '5000000', 'USD');
    await event('DA-B', 'increase', '2022-04-01', '5000000', 'USD');
    for (const day of ['01-10', '02-10', '03-10', '04-10'])
      await event('DA-E', 'increase', `2022-${day}`, '10000000', 'USD');
    await event('DA-E', 'increase', '2022-05-10', '5000000', 'USD');
    await event('DA-A', 'increase', '2022-05-20', '5000000.00', 'USD');
    await event('DA-C', 'increase', '2022-03-01', '10000000000', 'VND');
    await event('DA-F', 'increase', '2022-01-05', '10000000000', 'VND');
    await event('DA-F', 'increase', '2022-04-05', '5000000000', 'VND');
    await event('DA-D', 'increase', '2022-05-31', '5000000000', 'VND');
    // A decrease in the period does not reduce capital attracted; events outside the period do not count.
    await event('DA-B', 'decrease', '2022-05-01', '1000000', 'USD');
    await event('DA-E', 'increase', '2022-06-01', '1000000', 'USD');
    await rate('USD', '2022-01-01', '2022-12-31', '24000');
  });

  it('Jan–May 2022: 4 new projects (1 M USD + 450 bn VND) and 12 expansions (60 M USD + 30 bn VND) at 24,000 VND/USD make exactly 81,000,000 USD', async () => {
    const report = await capitalReport(admin(), { from: '2022-01-01', to: '2022-05-31' });
    expect(report.attracted.newProjects).toBe(4);
    expect(report.attracted.increases).toBe(12);
    expect(report.attracted.byCurrency).toEqual([
      {
        currency: 'USD',
        newProjects: 2,
        newAmount: '1000000.00',
        increases: 8,
        increaseAmount: '60000000.00',
        attracted: '61000000.00',
      },
      {
        currency: 'VND',
        newProjects: 2,
        newAmount: '450000000000.00',
        increases: 4,
        increaseAmount: '30000000000.00',
        attracted: '480000000000.00',
      },
    ]);
    expect(report.attracted.convertedUsd).toEqual({
      newAmount: '19750000.00',
      increaseAmount: '61250000.00',
      attracted: '81000000.00',
    });
    expect(report.missingRates).toEqual([]);
  });

  it('splits FDI, domestic and unclassified investors, and the three add up to the total', async () => {
    const { byOwnership } = await capitalReport(admin(), { from: '2022-01-01', to: '2022-05-31' });
    expect(byOwnership.fdi.convertedUsd.attracted).toBe('61000000.00');
    expect(byOwnership.fdi).toMatchObject({ newProjects: 2, increases: 8 });
    expect(byOwnership.domestic.convertedUsd.attracted).toBe('9375000.00');
    expect(byOwnership.domestic.byCurrency).toEqual([
      expect.objectContaining({
        currency: 'VND',
        newAmount: '200000000000.00',
        increaseAmount: '25000000000.00',
      }),
    ]);
    expect(byOwnership.unknown).toMatchObject({ newProjects: 1, increases: 1 });
    expect(byOwnership.unknown.convertedUsd.attracted).toBe('10625000.00');
  });

  it('gives the registered capital at the end of the period, listing the events it could not convert', async () => {
    const report = await capitalReport(admin(), { from: '2022-01-01', to: '2022-05-31' });
    // USD: A 10.6 M + B 4.4 M (after a 1 M decrease) + E 57 M; VND: C 210 bn + D 255 bn + F 65 bn.
    expect(report.registered.byCurrency).toEqual([
      { currency: 'USD', amount: '72000000.00' },
      { currency: 'VND', amount: '530000000000.00' },
    ]);
    // F's 50 bn VND of 2021 has no rate: it is listed, not silently dropped (72 M + 480 bn / 24,000).
    expect(report.registered.convertedUsd).toBe('92000000.00');
    expect(report.registered.missingRates).toEqual([
      { rateCurrency: 'USD', eventCurrency: 'VND', date: '2021-09-01', events: 1, amount: '50000000000.00' },
    ]);
  });

  it('counts an event on the first or last day of the period, and not one a day outside it', async () => {
    const lastDay = await capitalReport(admin(), { from: '2022-05-31', to: '2022-05-31' });
    expect(lastDay.attracted.byCurrency).toEqual([
      expect.objectContaining({
        currency: 'VND',
        newProjects: 1,
        increases: 1,
        attracted: '255000000000.00',
      }),
    ]);
    const june = await capitalReport(admin(), { from: '2022-06-01', to: '2022-06-30' });
    expect(june.attracted.convertedUsd.attracted).toBe('1000000.00');
    const before = await capitalReport(admin(), { from: '2021-12-31', to: '2021-12-31' });
    expect(before.attracted).toMatchObject({ newProjects: 0, increases: 1 });
    expect(before.missingRates).toEqual([]);
  });

  it('refuses a period that ends before it starts, naming `to`', async () => {
    const error = await failure(capitalReport(admin(), { from: '2022-05-31', to: '2022-01-01' }));
    expect(fieldVi(error, 'to')).toContain('trước ngày bắt đầu');
  });
});

describe('conversion of other currencies', () => {
  beforeAll(async () => {
    await zone('CCN-VON-2023', communes.thachThat);
    await organisation('NDT-G', 'fdi');
    await organisation('NDT-H', 'domestic_private');
    await project('DA-G', 'CCN-VON-2023', 'NDT-G');
    await project('DA-H', 'CCN-VON-2023', 'NDT-H');
    await rate('USD', '2023-01-01', '2023-06-30', '25000');
    await rate('EUR', '2023-01-01', '2023-12-31', '27000');
    await event('DA-G', 'new', '2023-02-01', '1000000', 'EUR');
    await event('DA-G', 'increase', '2023-04-01', '100000', 'GBP');
    await event('DA-G', 'increase', '2023-08-01', '500000', 'EUR');
    await event('DA-H', 'new', '2023-03-01', '2500000000', 'VND');
  });

  it('converts X as X.vndPerUnit / USD.vndPerUnit at the event’s date, and lists every amount it cannot convert', async () => {
    const report = await capitalReport(admin(), {
      from: '2023-01-01',
      to: '2023-12-31',
      zone: 'CCN-VON-2023',
    });
    // 1 M EUR × 27,000 / 25,000 = 1,080,000 USD; 2.5 bn VND / 25,000 = 100,000 USD.
    expect(report.attracted.convertedUsd.newAmount).toBe('1180000.00');
    expect(report.attracted.convertedUsd.attracted).toBe('1180000.00');
    expect(report.missingRates).toEqual([
      { rateCurrency: 'GBP', eventCurrency: 'GBP', date: '2023-04-01', events: 1, amount: '100000.00' },
      { rateCurrency: 'USD', eventCurrency: 'EUR', date: '2023-08-01', events: 1, amount: '500000.00' },
    ]);
    expect(report.attracted.byCurrency.map((c) => [c.currency, c.attracted])).toEqual([
      ['EUR', '1500000.00'],
      ['GBP', '100000.00'],
      ['VND', '2500000000.00'],
    ]);
  });

  it('rounds a converted total to cents only once, after summing', async () => {
    await rate('JPY', '2023-01-01', '2023-12-31', '170.1234');
    await event('DA-H', 'increase', '2023-05-01', '1000000', 'JPY');
    await event('DA-H', 'increase', '2023-05-02', '1000000', 'JPY');
    const report = await capitalReport(admin(), {
      from: '2023-05-01',
      to: '2023-05-31',
      zone: 'CCN-VON-2023',
    });
    // 2 × 1,000,000 × 170.1234 / 25,000 = 13,609.872 → 13,609.87 (each alone would round to 6,804.94).
    expect(report.attracted.convertedUsd.attracted).toBe('13609.87');
  });

  it('filters by family, zone and commune', async () => {
    const dongAnh = await capitalReport(admin(), {
      from: '2023-01-01',
      to: '2023-12-31',
      commune: communes.dongAnh,
    });
    expect(dongAnh.attracted.newProjects).toBe(0);
    const thachThat = await capitalReport(admin(), {
      from: '2023-01-01',
      to: '2023-12-31',
      commune: communes.thachThat,
    });
    expect(thachThat.attracted.newProjects).toBe(2);
    const parks = await capitalReport(admin(), { from: '2023-01-01', to: '2023-12-31', family: 'KCN' });
    expect(parks.attracted.newProjects).toBe(0);
  });
});

describe('the investment ledger', () => {
  beforeAll(async () => {
    await zone('CCN-SO-VON', communes.dongAnh);
    await organisation('NDT-L', 'fdi');
  });

  it('starts with exactly one new registration, which is the earliest event', async () => {
    await project('DA-L1', 'CCN-SO-VON', 'NDT-L');
    expect(fieldVi(await failure(event('DA-L1', 'increase', '2024-01-01', '5', 'USD')), 'kind')).toBe(
      'Sự kiện đầu tiên của dự án phải là đăng ký mới.',
    );
    await event('DA-L1', 'new', '2024-01-10', '1000000', 'USD');
    expect(fieldVi(await failure(event('DA-L1', 'new', '2024-02-01', '5', 'USD')), 'kind')).toContain(
      'mỗi dự án chỉ có một',
    );
    expect(
      fieldVi(await failure(event('DA-L1', 'increase', '2024-01-09', '5', 'USD')), 'eventDate'),
    ).toContain('trước ngày đăng ký mới');
  });

  it('never lets a decrease make the registered capital of its currency negative', async () => {
    await project('DA-L2', 'CCN-SO-VON', 'NDT-L');
    await event('DA-L2', 'new', '2024-01-10', '1000000', 'USD');
    await event('DA-L2', 'increase', '2024-02-10', '20000000000', 'VND');
    const error = await failure(event('DA-L2', 'decrease', '2024-03-01', '1000000.01', 'USD'));
    expect(error.code).toBe('validation');
    expect(fieldVi(error, 'amount')).toContain('tối đa có thể giảm vốn 1000000.00 USD');
    expect(fieldVi(await failure(event('DA-L2', 'decrease', '2024-03-01', '1', 'EUR')), 'amount')).toContain(
      'không có vốn đăng ký bằng EUR',
    );
    await event('DA-L2', 'decrease', '2024-03-01', '400000', 'USD');
    const ledger = await listInvestmentEvents(admin(), 'DA-L2');
    expect(ledger.items.map((e) => [e.kind, e.currency, e.amount, e.registeredAfter])).toEqual([
      ['new', 'USD', '1000000.00', '1000000.00'],
      ['increase', 'VND', '20000000000.00', '20000000000.00'],
      ['decrease', 'USD', '400000.00', '600000.00'],
    ]);
    expect(ledger.registeredCapital).toEqual([
      { currency: 'USD', amount: '600000.00' },
      { currency: 'VND', amount: '20000000000.00' },
    ]);
  });

  it('closes with a termination: the project becomes terminated and nothing more is recorded', async () => {
    await project('DA-L3', 'CCN-SO-VON', 'NDT-L');
    await event('DA-L3', 'new', '2024-01-10', '1000000', 'USD');
    await event('DA-L3', 'termination', '2024-06-30', '1000000', 'USD');
    const terminated = await getProject(admin(), 'DA-L3');
    expect(terminated.status).toBe('terminated');
    expect(terminated.version).toBe(2);
    expect(terminated.registeredCapital).toEqual([{ currency: 'USD', amount: '0.00' }]);
    expect(fieldVi(await failure(event('DA-L3', 'increase', '2024-07-01', '5', 'USD')), 'kind')).toContain(
      'đã chấm dứt ngày 30/06/2024',
    );
  });

  it('accepts only one of two new registrations sent at the same moment', async () => {
    await project('DA-L4', 'CCN-SO-VON', 'NDT-L');
    const results = await Promise.allSettled([
      event('DA-L4', 'new', '2024-01-10', '1000000', 'USD'),
      event('DA-L4', 'new', '2024-01-10', '2000000', 'USD'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await listInvestmentEvents(admin(), 'DA-L4')).items).toHaveLength(1);
  });
});

describe('exchange rates', () => {
  it('refuse a period overlapping another of the same currency, naming validFrom', async () => {
    await rate('CNY', '2024-01-01', '2024-06-30', '3400');
    const error = await failure(rate('CNY', '2024-06-30', '2024-12-31', '3450'));
    expect(error.code).toBe('conflict');
    expect(fieldVi(error, 'validFrom')).toContain('trùng với tỷ giá CNY đã có từ 01/01/2024 đến 30/06/2024');
    await rate('CNY', '2024-07-01', '2024-12-31', '3450');
    await rate('KRW', '2024-06-30', '2024-12-31', '18.5');
  });

  it('refuse VND itself, and a rate that is not a positive decimal', async () => {
    expect(fieldVi(await failure(rate('VND', '2024-01-01', '2024-12-31', '1')), 'currency')).toContain('VND');
    expect(fieldVi(await failure(rate('THB', '2024-01-01', '2024-12-31', '0')), 'vndPerUnit')).toContain(
      'số dương',
    );
  });
});
