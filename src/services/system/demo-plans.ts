import type { LifecycleEventInput } from '../../domain/zone/zone.schema';
import type { TargetInput } from '../../domain/plan/plan.schema';
import { foldVietnamese } from '../../domain/shared/text';
import { findCurrentCommuneCode, findFormerDistrictByName } from '../admin-unit/admin-unit.repository';
import type { ServiceDeps } from '../deps';
import { addTarget, createPlan } from '../plan/plan-write.service';
import { addLifecycleEvent, createZone } from '../zone/zone.service';

/**
 * The city's cluster plans for 2025 and 2026 as published (issue text and press reports of Plan 20/KH-UBND):
 * - 2025 (20/KH-UBND): finish the infrastructure of 30 clusters started in 2021–2024; establish or expand 15–20;
 *   every new cluster with a wastewater plant meeting QCVN.
 * - 2026 (305/KH-UBND): fill 6 clusters; finish the infrastructure of 26; establish or expand 5–10; a compliant
 *   plant for every new cluster; a regular inspection plan.
 * The public facts name only six of the clusters under construction (Thiết Bình, Liên Hà 2, Dục Tú, Thụy Lâm —
 * ground broken in September 2023 —, Vông Xuyên, Nam Phúc Thọ): they are named with their real records. The rest
 * of each list, the clusters to fill and the year's new clusters are SYNTHETIC — `is_synthetic`, codes starting
 * DEMO-CCN-KH-, "(dữ liệu tổng hợp)" in every name — with fixed values, the same on every installation. The
 * documents' dates of issue are not in the sources: 1 January of the year is recorded and the note says so.
 */
const realUnderConstruction = [
  'CCN-THIET-BINH',
  'CCN-LIEN-HA-2',
  'CCN-DUC-TU',
  'CCN-THUY-LAM',
  'CCN-VONG-XUYEN',
  'CCN-NAM-PHUC-THO',
];

const places = [
  { commune: 'Xã Phúc Thọ', district: 'Phúc Thọ' },
  { commune: 'Xã Quốc Oai', district: 'Quốc Oai' },
  { commune: 'Xã Thường Tín', district: 'Thường Tín' },
  { commune: 'Xã Thạch Thất', district: 'Thạch Thất' },
  { commune: 'Xã Hoài Đức', district: 'Hoài Đức' },
  { commune: 'Xã Ứng Hòa', district: 'Ứng Hòa' },
  { commune: 'Xã Phú Xuyên', district: 'Phú Xuyên' },
  { commune: 'Xã Sóc Sơn', district: 'Sóc Sơn' },
  { commune: 'Xã Thanh Oai', district: 'Thanh Oai' },
  { commune: 'Xã Ba Vì', district: 'Ba Vì' },
];

const note = 'Dữ liệu tổng hợp cho bản demo (kế hoạch phát triển cụm công nghiệp).';
const two = (n: number) => String(n).padStart(2, '0');

type Synthetic = {
  code: string;
  name: string;
  place: number;
  industrialLandHa: number;
  leasedHa: number;
  wwtpStatus: 'none' | 'building' | 'operating' | 'compliant';
  events: LifecycleEventInput[];
};

/** 28 clusters under construction: 8 finish in 2025, 8 in 2026, 12 are still building (one suspended). */
function underConstruction(): Synthetic[] {
  return Array.from({ length: 28 }, (_, i) => {
    const n = i + 1;
    // Only the steps the targets read (every event is a service call with its audit row: the demo starts fast).
    const events: LifecycleEventInput[] = [
      {
        state: 'established',
        eventDate: `${2019 + (i % 3)}-${two(1 + (i % 9))}-15`,
        decisionNo: `DEMO-TL-KH-${two(n)}/QĐ-UBND`,
        note,
      },
    ];
    if (i >= 24) {
      events.push({
        state: 'land_clearance',
        eventDate: `2023-${two(1 + (i % 9))}-05`,
        progressPct: 40 + (i - 24) * 10,
        note,
      });
    } else {
      events.push({
        state: 'construction',
        eventDate: `${2022 + (i % 3)}-${two(3 + (i % 9))}-01`,
        progressPct: 30 + ((i * 7) % 60),
        note,
      });
    }
    if (i < 8) events.push({ state: 'infrastructure_complete', eventDate: `2025-${two(3 + i)}-20`, note });
    else if (i < 16)
      events.push({ state: 'infrastructure_complete', eventDate: `2026-${two(1 + (i - 8))}-10`, note });
    else if (i === 19)
      events.push({
        state: 'suspended',
        eventDate: '2025-08-01',
        note: `${note} Tạm dừng do vướng mắc giải phóng mặt bằng.`,
      });
    const land = 12 + ((i * 5) % 30);
    return {
      code: `DEMO-CCN-KH-${two(n)}`,
      name: `Cụm công nghiệp minh hoạ KH-${two(n)} (dữ liệu tổng hợp)`,
      place: i % places.length,
      industrialLandHa: land,
      leasedHa: i < 16 ? Math.round(land * (0.3 + (i % 5) * 0.1) * 10) / 10 : 0,
      wwtpStatus: i < 16 ? 'compliant' : 'building',
      events,
    };
  });
}

/** Six operating clusters the 2026 plan asks to fill, at 100 %, 100 %, 96 %, 88 %, 72 % and 55 %. */
function toFill(): Synthetic[] {
  const rates = [1, 1, 0.96, 0.88, 0.72, 0.55];
  return rates.map((rate, i) => {
    const land = 20 + i * 6;
    const events: LifecycleEventInput[] = [
      {
        state: 'established',
        eventDate: `${2014 + i}-06-01`,
        decisionNo: `DEMO-TL-LD-${two(i + 1)}/QĐ-UBND`,
        note,
      },
      { state: 'infrastructure_complete', eventDate: `${2016 + i}-10-01`, note },
      { state: 'operating', eventDate: `${2017 + i}-01-15`, note },
    ];
    if (i === 5)
      events.push({ state: 'expanded', eventDate: '2026-05-12', decisionNo: 'DEMO-MR-01/QĐ-UBND', note });
    return {
      code: `DEMO-CCN-LD-${two(i + 1)}`,
      name: `Cụm công nghiệp minh hoạ lấp đầy LD-${two(i + 1)} (dữ liệu tổng hợp)`,
      place: (i * 3) % places.length,
      industrialLandHa: land,
      leasedHa: Math.round(land * rate * 10) / 10,
      wwtpStatus: 'compliant',
      events,
    };
  });
}

/** The years' new clusters: four established in 2025, three in 2026, with their wastewater plants. */
function newClusters(): Synthetic[] {
  const plants: Synthetic['wwtpStatus'][] = [
    'compliant',
    'compliant',
    'compliant',
    'building',
    'compliant',
    'building',
    'none',
  ];
  return plants.map((wwtpStatus, i) => ({
    code: `DEMO-CCN-TM-${two(i + 1)}`,
    name: `Cụm công nghiệp minh hoạ thành lập mới TM-${two(i + 1)} (dữ liệu tổng hợp)`,
    place: (i * 7 + 2) % places.length,
    industrialLandHa: 15 + i * 3,
    leasedHa: 0,
    wwtpStatus,
    events: [
      {
        state: 'established',
        eventDate: i < 4 ? `2025-${two(3 + i * 2)}-18` : `2026-${two(2 + (i - 4) * 3)}-18`,
        decisionNo: `DEMO-TL-TM-${two(i + 1)}/QĐ-UBND`,
        note,
      },
    ],
  }));
}

const target = (t: Partial<TargetInput> & Pick<TargetInput, 'kind' | 'title' | 'value'>): TargetInput => ({
  measure: null,
  step: null,
  thresholdPct: null,
  indicator: null,
  maxValue: null,
  zones: [],
  evidenceRef: null,
  evidenceDate: null,
  note: null,
  ...t,
});

const zonesOf = (codes: string[]) => codes.map((code) => ({ code, responsible: null }));

export async function seedDemoPlans(
  deps: ServiceDeps,
): Promise<{ plans: number; targets: number; zones: number }> {
  const building = underConstruction();
  const filling = toFill();
  const fresh = newClusters();
  const placeCodes = await Promise.all(
    places.map(async (p) => ({
      communeCode: await findCurrentCommuneCode(deps.db, foldVietnamese(p.commune)),
      formerDistrictCode: await findFormerDistrictByName(deps.db, foldVietnamese(p.district)),
    })),
  );
  for (const z of [...building, ...filling, ...fresh]) {
    await createZone(
      deps,
      {
        code: z.code,
        name: z.name,
        kind: 'CCN',
        ...placeCodes[z.place]!,
        declaredAreaHa: Math.round(z.industrialLandHa * 1.3 * 10) / 10,
        industrialLandHa: z.industrialLandHa,
        leasedHa: z.leasedHa,
        approvedHa: 0,
        wwtpStatus: z.wwtpStatus,
        notes:
          'Cụm công nghiệp GIẢ LẬP cho bản demo — không có thật. Minh hoạ các chỉ tiêu của kế hoạch năm.',
      },
      { synthetic: true },
    );
    for (const event of z.events) await addLifecycleEvent(deps, z.code, event);
  }

  const source =
    'Nguồn: UBND thành phố Hà Nội; nội dung theo tin báo chí về kế hoạch (ngày ban hành chưa có trong nguồn — ghi 01/01 của năm kế hoạch).';
  const plan2025 = await createPlan(deps, {
    family: 'CCN',
    year: 2025,
    number: '20/KH-UBND',
    issuedOn: '2025-01-01',
    issuer: 'UBND thành phố Hà Nội',
    title: 'Kế hoạch quản lý, đầu tư phát triển cụm công nghiệp trên địa bàn thành phố Hà Nội năm 2025',
    documentRef: source,
  });
  const plan2026 = await createPlan(deps, {
    family: 'CCN',
    year: 2026,
    number: '305/KH-UBND',
    issuedOn: '2026-01-01',
    issuer: 'UBND thành phố Hà Nội',
    title: 'Kế hoạch quản lý, đầu tư phát triển cụm công nghiệp trên địa bàn thành phố Hà Nội năm 2026',
    documentRef: source,
  });
  const targets2025 = [
    target({
      kind: 'count',
      measure: 'step_reached',
      step: 'infrastructure_complete',
      title: 'Hoàn thành đầu tư xây dựng hạ tầng 30 cụm công nghiệp đã khởi công giai đoạn 2021–2024',
      value: 30,
      zones: zonesOf([...realUnderConstruction, ...building.slice(0, 24).map((z) => z.code)]),
    }),
    target({
      kind: 'rule',
      measure: 'established_or_expanded',
      title: 'Thành lập, mở rộng 15–20 cụm công nghiệp',
      value: 15,
      maxValue: 20,
    }),
    target({
      kind: 'rule',
      measure: 'new_with_compliant_wwtp',
      title: '100 % cụm công nghiệp thành lập mới có trạm xử lý nước thải đạt QCVN',
      value: 100,
    }),
  ];
  const targets2026 = [
    target({
      kind: 'count',
      measure: 'occupancy_at_least',
      thresholdPct: 100,
      title: 'Lấp đầy 6 cụm công nghiệp',
      value: 6,
      zones: zonesOf(filling.map((z) => z.code)),
    }),
    target({
      kind: 'count',
      measure: 'step_reached',
      step: 'infrastructure_complete',
      title: 'Hoàn thành đầu tư xây dựng hạ tầng 26 cụm công nghiệp',
      value: 26,
      zones: zonesOf([...realUnderConstruction, ...building.slice(8).map((z) => z.code)]),
    }),
    target({
      kind: 'rule',
      measure: 'established_or_expanded',
      title: 'Thành lập, mở rộng 5–10 cụm công nghiệp',
      value: 5,
      maxValue: 10,
    }),
    target({
      kind: 'rule',
      measure: 'new_with_compliant_wwtp',
      title: '100 % cụm công nghiệp thành lập mới có trạm xử lý nước thải đạt QCVN',
      value: 100,
    }),
    target({
      kind: 'task',
      title: 'Xây dựng và thực hiện kế hoạch kiểm tra định kỳ các cụm công nghiệp',
      value: 1,
    }),
  ];
  for (const t of targets2025) await addTarget(deps, plan2025.id, t);
  for (const t of targets2026) await addTarget(deps, plan2026.id, t);
  return {
    plans: 2,
    targets: targets2025.length + targets2026.length,
    zones: building.length + filling.length + fresh.length,
  };
}
