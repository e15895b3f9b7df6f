import { findCurrentCommuneCode } from '../admin-unit/admin-unit.repository';
import type { ServiceDeps } from '../deps';
import { createOrganisation } from '../organisation/organisation.service';
import { addInvestmentEvent, createProject } from '../project/project.service';
import { addLifecycleEvent, createZone } from '../zone/zone.service';

/**
 * A SYNTHETIC operating industrial cluster for the demo, so that the reporting chain of Circular 14 (tenants'
 * Biểu 01, the developer's Biểu 02, the commune's Biểu 03, the city's Biểu 04) has something to show: the
 * registry's real clusters carry only their sourced facts and no tenants. Everything here is made up and
 * marked so — `is_synthetic` on the zone, its developer, tenants and projects, "(dữ liệu tổng hợp)" in every
 * name, codes starting with DEMO-. Fixed values only: the same rows on every installation.
 *
 * It sits in Xã Đông Anh (00454), whose officer is the demo account `xadonganh`; the demo accounts
 * `doanhnghiepccn` (tenant DEMO-CCN-ORG-01) and `chudautuccn` (developer DEMO-CDT-0001) file for it.
 */
export const demoCluster = {
  code: 'DEMO-CCN-DONG-ANH',
  name: 'Cụm công nghiệp minh hoạ Đông Anh (dữ liệu tổng hợp)',
  developerCode: 'DEMO-CDT-0001',
  communeName: 'xa dong anh',
} as const;

const tenants = [
  { vsic: '2511', activity: 'Sản xuất cấu kiện kim loại', ha: 2.4, workers: 145, capitalBn: 85, year: 2021 },
  { vsic: '2220', activity: 'Sản xuất bao bì nhựa', ha: 1.6, workers: 90, capitalBn: 48, year: 2021 },
  {
    vsic: '1079',
    activity: 'Chế biến nông sản thực phẩm',
    ha: 3.1,
    workers: 210,
    capitalBn: 120,
    year: 2022,
  },
  { vsic: '3100', activity: 'Sản xuất đồ gỗ nội thất', ha: 2.2, workers: 130, capitalBn: 62, year: 2023 },
] as const;

export async function seedDemoClusters(
  deps: ServiceDeps,
): Promise<{ zones: number; organisations: number; projects: number }> {
  const communeCode = await findCurrentCommuneCode(deps.db, demoCluster.communeName);
  await createOrganisation(
    deps,
    {
      code: demoCluster.developerCode,
      name: 'Công ty Cổ phần Đầu tư hạ tầng minh hoạ Đông Anh (dữ liệu tổng hợp)',
      country: 'VN',
      ownership: 'domestic_private',
      roles: ['developer'],
    } as never,
    { synthetic: true },
  );
  await createZone(
    deps,
    {
      code: demoCluster.code,
      name: demoCluster.name,
      kind: 'CCN',
      communeCode,
      developerCode: demoCluster.developerCode,
      declaredAreaHa: 36.5,
      industrialLandHa: 27.8,
      infrastructureCompleteHa: 27.8,
      approvedHa: 4.5,
      leasedHa: Math.round(tenants.reduce((sum, t) => sum + t.ha, 0) * 100) / 100,
      infraInvestmentApprovedVnd: '420000000000',
      infraInvestmentPaidVnd: '365000000000',
      wwtpStatus: 'operating',
      wwtpCapacityM3Day: 1200,
      notes:
        'Cụm công nghiệp GIẢ LẬP cho bản demo — không có thật. Dùng để minh hoạ chuỗi báo cáo theo Thông tư 14/2024/TT-BCT.',
    },
    { synthetic: true },
  );
  const lifecycle = [
    { state: 'in_plan', eventDate: '2017-09-12', decisionNo: 'DEMO-QH-01/QĐ-UBND' },
    { state: 'established', eventDate: '2019-04-25', decisionNo: 'DEMO-TL-02/QĐ-UBND' },
    { state: 'operating', eventDate: '2021-03-15', decisionNo: null },
  ] as const;
  for (const event of lifecycle) {
    await addLifecycleEvent(deps, demoCluster.code, {
      state: event.state,
      eventDate: event.eventDate,
      decisionNo: event.decisionNo,
      note: 'Dữ liệu tổng hợp cho bản demo.',
    });
  }
  let n = 0;
  for (const t of tenants) {
    n += 1;
    const orgCode = `DEMO-CCN-ORG-${String(n).padStart(2, '0')}`;
    const projectCode = `DEMO-CCN-PRJ-${String(n).padStart(2, '0')}`;
    const date = `${t.year}-${String(2 + n * 2).padStart(2, '0')}-10`;
    await createOrganisation(
      deps,
      {
        code: orgCode,
        name: `Công ty TNHH minh hoạ Đông Anh ${String(n).padStart(2, '0')} (dữ liệu tổng hợp)`,
        country: 'VN',
        ownership: 'domestic_private',
        roles: ['tenant'],
      } as never,
      { synthetic: true },
    );
    await createProject(
      deps,
      {
        code: projectCode,
        zoneCode: demoCluster.code,
        investorCode: orgCode,
        name: `${t.activity} (dữ liệu tổng hợp)`,
        certificateNo: `DEMO-CCN-${t.year}-${String(n).padStart(2, '0')}`,
        certificateDate: date,
        vsicCode: t.vsic,
        leasedHa: t.ha,
        workers: t.workers,
        status: 'operating',
      } as never,
      { synthetic: true },
    );
    await addInvestmentEvent(deps, projectCode, {
      kind: 'new',
      eventDate: date,
      amount: String(t.capitalBn * 1_000_000_000),
      currency: 'VND',
    });
  }
  return { zones: 1, organisations: tenants.length + 1, projects: tenants.length };
}
