import { taxCodeCheckDigit } from '../../domain/organisation/tax-code';
import type { ServiceDeps } from '../deps';
import { createExchangeRate } from '../exchange-rate/exchange-rate.service';
import { createOrganisation } from '../organisation/organisation.service';
import { addInvestmentEvent, createProject } from '../project/project.service';
import { listZones } from '../zone/zone.service';

/**
 * Synthetic tenants for the demo — clearly marked (`is_synthetic`, "dữ liệu tổng hợp" in every name) — so
 * that tenant lists, capital totals and reports have something to show. Deterministic: the same seed always
 * makes the same rows. Real zones keep only their sourced facts; tenants are never attached to them as fact.
 */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Average USD rates implied by the press conversions quoted in src/db/seed/data/README.md — an estimate, not an
 * official rate; the product takes rates as configuration and an officer replaces these.
 */
const demoUsdRates: Record<number, string> = {
  2019: '23200',
  2020: '23250',
  2021: '23000',
  2022: '23400',
  2023: '23600',
  2024: '24800',
};

const activities = [
  { vsic: '2610', vi: 'Sản xuất linh kiện điện tử' },
  { vsic: '2930', vi: 'Sản xuất phụ tùng ô tô' },
  { vsic: '1410', vi: 'May trang phục' },
  { vsic: '2220', vi: 'Sản xuất sản phẩm từ plastic' },
  { vsic: '2511', vi: 'Sản xuất cấu kiện kim loại' },
  { vsic: '1079', vi: 'Chế biến thực phẩm' },
  { vsic: '3100', vi: 'Sản xuất giường, tủ, bàn, ghế' },
] as const;

function taxCode(random: () => number): string {
  for (;;) {
    const first9 = `01${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}

export async function seedDemoTenants(
  deps: ServiceDeps,
  seed = 2025,
): Promise<{ organisations: number; projects: number; events: number }> {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  for (const [year, rate] of Object.entries(demoUsdRates)) {
    await createExchangeRate(deps, {
      currency: 'USD',
      validFrom: `${year}-01-01`,
      validTo: `${year}-12-31`,
      vndPerUnit: rate,
      source:
        'Ước tính từ quy đổi trên báo chí (src/db/seed/data/README.md), không phải tỷ giá chính thức — dữ liệu demo',
    });
  }
  const operating = (
    await listZones(deps, { state: 'operating', sort: 'code', order: 'asc', page: 1, pageSize: 500 })
  ).items;
  // KCN Thăng Long first: the demo enterprise account (DEMO-ORG-0001) is a tenant there.
  operating.sort((a, b) => (a.code === 'KCN-THANG-LONG' ? -1 : b.code === 'KCN-THANG-LONG' ? 1 : 0));
  let organisations = 0;
  let projects = 0;
  let events = 0;
  for (const zone of operating) {
    const tenants = zone.family === 'KCN' ? 4 + Math.floor(random() * 4) : 2 + Math.floor(random() * 3);
    for (let i = 0; i < tenants; i++) {
      organisations += 1;
      const fdi = zone.family === 'KCN' && random() < 0.6;
      const orgCode = `DEMO-ORG-${String(organisations).padStart(4, '0')}`;
      const activity = pick(activities);
      await createOrganisation(
        deps,
        {
          code: orgCode,
          name: `Công ty ${fdi ? 'TNHH' : 'Cổ phần'} Demo ${String(organisations).padStart(2, '0')} (dữ liệu tổng hợp)`,
          taxCode: taxCode(random),
          country: fdi ? pick(['JP', 'KR', 'TW', 'SG', 'CN'] as const) : 'VN',
          ownership: fdi ? 'fdi' : 'domestic_private',
          roles: ['tenant'],
        } as never,
        { synthetic: true },
      );
      projects += 1;
      const projectCode = `DEMO-PRJ-${String(projects).padStart(4, '0')}`;
      const year = 2019 + Math.floor(random() * 5);
      const month = 1 + Math.floor(random() * 12);
      const date = `${year}-${String(month).padStart(2, '0')}-15`;
      await createProject(
        deps,
        {
          code: projectCode,
          zoneCode: zone.code,
          investorCode: orgCode,
          name: `${activity.vi} (dữ liệu tổng hợp)`,
          certificateNo: `DEMO-${year}-${String(projects).padStart(4, '0')}`,
          certificateDate: date,
          vsicCode: activity.vsic,
          leasedHa: Math.round((0.5 + random() * (zone.family === 'KCN' ? 4 : 1.5)) * 100) / 100,
          workers: 50 + Math.floor(random() * (zone.family === 'KCN' ? 1500 : 200)),
          status: 'operating',
        } as never,
        { synthetic: true },
      );
      const currency = fdi ? 'USD' : 'VND';
      const amount = fdi
        ? 1_000_000 * (1 + Math.floor(random() * 30))
        : 10_000_000_000 * (1 + Math.floor(random() * 20));
      await addInvestmentEvent(deps, projectCode, {
        kind: 'new',
        eventDate: date,
        amount: String(amount),
        currency,
      });
      events += 1;
      if (random() < 0.4 && year < 2024) {
        const later = `${year + 1}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-10`;
        await addInvestmentEvent(deps, projectCode, {
          kind: 'increase',
          eventDate: later,
          amount: String(Math.round(amount * (0.2 + random() * 0.8))),
          currency,
        });
        events += 1;
      }
    }
  }
  return { organisations, projects, events };
}
