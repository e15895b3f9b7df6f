import ExcelJS from 'exceljs';
import type { PlanYearQuery, TargetProgress, ZoneProgressState } from '../../domain/plan/plan.schema';
import { localDateOf } from '../../domain/reporting/calendar';
import { lifecycleLabels, type LifecycleState } from '../../domain/zone/lifecycle';
import type { ServiceDeps } from '../deps';
import { getPlanYear } from './plan.service';

const stateLabel: Record<ZoneProgressState, string> = {
  done: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  late: 'Chậm',
};
const expansionLabel = { yes: 'Được đề xuất', check: 'Xem xét (50–60 %)', no: 'Chưa đủ điều kiện' } as const;

function unitLabel(unit: string): string {
  return unit === 'zones' ? 'khu/cụm' : unit === 'task' ? 'nhiệm vụ' : unit;
}

function bold(sheet: ExcelJS.Worksheet) {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * The plan page as a workbook — the year's targets with their live actuals and per cent, the zones behind each
 * with their state, and the Decree 32 gates per commune and former district — computed on this request.
 */
export async function exportPlanYear(
  deps: ServiceDeps,
  query: PlanYearQuery,
): Promise<{ fileName: string; contentType: string; body: Uint8Array }> {
  const view = await getPlanYear(deps, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IZIS';
  const targets = workbook.addWorksheet('Chỉ tiêu');
  targets.columns = [
    { header: 'Kế hoạch', key: 'plan', width: 18 },
    { header: 'Chỉ tiêu', key: 'title', width: 60 },
    { header: 'Kế hoạch (cận dưới)', key: 'value', width: 14 },
    { header: 'Cận trên', key: 'maxValue', width: 10 },
    { header: 'Đơn vị', key: 'unit', width: 12 },
    { header: 'Thực hiện', key: 'actual', width: 12 },
    { header: 'Đạt (%)', key: 'pct', width: 10 },
    { header: 'Đã đạt', key: 'done', width: 9 },
    { header: 'Đúng tiến độ', key: 'on_track', width: 12 },
    { header: 'Có nguy cơ', key: 'at_risk', width: 11 },
    { header: 'Chậm', key: 'late', width: 8 },
  ];
  bold(targets);
  const zones = workbook.addWorksheet('Khu, cụm');
  zones.columns = [
    { header: 'Kế hoạch', key: 'plan', width: 18 },
    { header: 'Chỉ tiêu', key: 'target', width: 50 },
    { header: 'Mã', key: 'code', width: 24 },
    { header: 'Tên', key: 'name', width: 44 },
    { header: 'Xã/phường', key: 'commune', width: 24 },
    { header: 'Tình trạng', key: 'state', width: 16 },
    { header: 'Ngày đạt', key: 'reachedOn', width: 12 },
    { header: 'Giai đoạn hiện tại', key: 'lifecycle', width: 30 },
    { header: 'Tỷ lệ lấp đầy (%)', key: 'occupancy', width: 14 },
    { header: 'Cơ quan chịu trách nhiệm', key: 'responsible', width: 40 },
    { header: 'Dữ liệu tổng hợp', key: 'synthetic', width: 10 },
  ];
  bold(zones);
  const addTarget = (plan: string, t: TargetProgress) => {
    targets.addRow({
      plan,
      title: t.title,
      value: t.value,
      maxValue: t.maxValue,
      unit: unitLabel(t.unit),
      actual: t.actual,
      pct: t.pct,
      ...t.counts,
    });
    for (const z of t.zones) {
      zones.addRow({
        plan,
        target: t.title,
        code: z.code,
        name: z.name,
        commune: z.communeName,
        state: stateLabel[z.state],
        reachedOn: z.reachedOn,
        lifecycle: z.lifecycleState ? lifecycleLabels[z.lifecycleState as LifecycleState]?.vi : null,
        occupancy: z.occupancyPct,
        responsible: z.responsible,
        synthetic: z.isSynthetic ? 'x' : null,
      });
    }
  };
  for (const plan of view.plans.filter((p) => !p.withdrawn)) {
    for (const t of plan.targets) addTarget(plan.number, t);
  }
  for (const t of view.otherTargets) addTarget('(không thuộc kế hoạch)', t);

  const gates = workbook.addWorksheet('Điều kiện NĐ 32');
  gates.columns = [
    { header: 'Cấp', key: 'level', width: 14 },
    { header: 'Địa bàn', key: 'name', width: 28 },
    { header: 'Số cụm có số liệu đất', key: 'clusters', width: 10 },
    { header: 'Số cụm chưa có số liệu đất', key: 'withoutLand', width: 10 },
    { header: 'Đất CN (ha)', key: 'land', width: 12 },
    { header: 'Đã cho thuê/giao (ha)', key: 'occupied', width: 14 },
    { header: 'Chưa cho thuê (ha)', key: 'unleased', width: 14 },
    { header: 'Lấp đầy bình quân (%)', key: 'occupancy', width: 14 },
    { header: 'Thành lập cụm mới', key: 'newCluster', width: 18 },
    { header: 'Cụm được mở rộng', key: 'expansion', width: 50 },
  ];
  bold(gates);
  const gateRows = [
    ...view.gates.communes.map((g) => ({ level: 'Xã/phường', g })),
    ...view.gates.formerDistricts.map((g) => ({ level: 'Huyện (cũ)', g })),
  ];
  for (const { level, g } of gateRows) {
    gates.addRow({
      level,
      name: g.name,
      clusters: g.clusters,
      withoutLand: g.clustersWithoutLand,
      land: g.industrialLandHa,
      occupied: g.occupiedHa,
      unleased: g.unleasedHa,
      occupancy: g.occupancyPct,
      newCluster:
        g.newClusterAllowed === null
          ? 'Chưa đủ số liệu đất'
          : g.newClusterAllowed
            ? 'Được đề xuất'
            : 'Chưa đủ điều kiện',
      expansion: g.zones
        .filter((z) => z.expansion && z.expansion !== 'no')
        .map((z) => `${z.code}: ${expansionLabel[z.expansion!]}`)
        .join('; '),
    });
  }
  gates.addRow({});
  gates.addRow({ level: view.gates.reference.vi });
  return {
    fileName: `chi-tieu-${query.family.toLowerCase()}-${query.year}-${localDateOf(deps.clock.now())}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
