import type { ServiceDeps } from '../deps';
import { recordIncident } from '../incident/incident.service';
import { addPlanEntry, recordInspection } from '../inspection/inspection.service';
import { addCommitment, addProgressReading, setScheduleStep } from '../schedule/schedule.service';
import { addLifecycleEvent } from '../zone/zone.service';
import { demoCluster } from './demo-clusters';

/**
 * Monitoring content for the SYNTHETIC demo cluster (demoCluster, "dữ liệu tổng hợp"): the steps between its
 * establishment and operation in its lifecycle, a planned schedule whose steps were reached late, progress
 * readings, the developer's commitment (missed), a fire-safety inspection with two failed "4 tại chỗ" items
 * whose remediation deadline has passed, an environment inspection that passed, and an incident. Everything
 * is made up, fixed, and says so.
 */
const note = 'Dữ liệu tổng hợp cho bản demo.';
const agency = 'UBND xã Đông Anh';
const decision = 'DEMO-TL-02/QĐ-UBND ngày 25/4/2019 (dữ liệu tổng hợp)';

export async function seedDemoMonitoring(
  deps: ServiceDeps,
): Promise<{ steps: number; readings: number; inspections: number; incidents: number }> {
  const code = demoCluster.code;
  for (const [state, eventDate, progressPct] of [
    ['detailed_plan_approved', '2019-07-15', null],
    ['land_clearance', '2019-08-01', 30],
    ['construction', '2019-11-20', 5],
    ['infrastructure_complete', '2021-01-31', null],
  ] as const) {
    await addLifecycleEvent(deps, code, { state, eventDate, progressPct, note } as never);
  }
  const steps = [
    ['detailed_plan_approved', '2019-06-30'],
    ['land_clearance', '2019-10-31'],
    ['construction_start', '2019-09-30'],
    ['infrastructure_complete', '2020-09-30'],
    ['operating', '2020-12-31'],
  ] as const;
  for (const [step, plannedDate] of steps) {
    await setScheduleStep(deps, code, step, {
      plannedDate,
      agency: step === 'land_clearance' ? agency : 'Công ty CP Đầu tư hạ tầng minh hoạ Đông Anh',
      sourceKind: 'establishment_decision',
      sourceRef: decision,
      note,
    });
  }
  const readings = [
    ['land_clearance', '2019-08-31', 45],
    ['land_clearance', '2019-10-15', 85],
    ['land_clearance', '2019-11-15', 100],
    ['construction', '2020-02-28', 15],
    ['construction', '2020-06-30', 40],
    ['construction', '2020-10-31', 75],
    ['construction', '2021-01-31', 100],
  ] as const;
  for (const [kind, readingDate, pct] of readings) {
    await addProgressReading(deps, code, {
      kind,
      readingDate,
      pct,
      source: 'Báo cáo tiến độ của chủ đầu tư (dữ liệu tổng hợp)',
      note,
    });
  }
  await addCommitment(deps, code, {
    documentRef: 'DEMO-CK-01/CK-CDT (dữ liệu tổng hợp)',
    signedOn: '2019-05-20',
    signedBy: 'Công ty CP Đầu tư hạ tầng minh hoạ Đông Anh',
    note,
    targets: [
      {
        step: 'construction_start',
        targetDate: '2019-12-31',
        description: 'Khởi công hạ tầng trong năm 2019',
      },
      {
        step: 'infrastructure_complete',
        targetDate: '2020-12-31',
        description: 'Hoàn thành hạ tầng trước 31/12/2020',
      },
    ],
  });
  const plan = await addPlanEntry(deps, {
    year: 2026,
    quarter: 4,
    zoneCode: code,
    kindCode: 'fire_safety',
    agency: 'Công an Thành phố Hà Nội (Phòng PC07)',
    note,
  });
  await recordInspection(deps, code, {
    kindCode: 'fire_safety',
    inspectedOn: '2026-10-15',
    agency: 'Công an Thành phố Hà Nội (Phòng PC07)',
    decisionNo: 'DEMO-KT-15/KH-PC07 (dữ liệu tổng hợp)',
    planEntryId: plan.id,
    conclusion: 'Cụm chưa bảo đảm lực lượng và phương tiện chữa cháy tại chỗ. (dữ liệu tổng hợp)',
    results: [
      { itemCode: 'onsite_command', passed: true },
      { itemCode: 'onsite_forces', passed: false, note: 'Đội PCCC cơ sở chưa được huấn luyện' },
      { itemCode: 'onsite_equipment', passed: false, note: 'Bình chữa cháy hết hạn, họng nước thiếu áp lực' },
      { itemCode: 'onsite_logistics', passed: true },
      { itemCode: 'design_acceptance', passed: true },
    ],
    findings: [
      {
        itemCode: 'onsite_forces',
        description: 'Lực lượng PCCC tại chỗ chưa được huấn luyện nghiệp vụ',
        action: 'Tổ chức huấn luyện, cấp chứng nhận cho đội PCCC cơ sở',
        deadline: '2026-11-30',
      },
      {
        itemCode: 'onsite_equipment',
        description: 'Phương tiện chữa cháy tại chỗ không bảo đảm',
        action: 'Thay bình chữa cháy, sửa máy bơm họng nước',
        deadline: '2026-11-30',
      },
    ],
    penalties: [
      {
        decisionNo: 'DEMO-XP-88/QĐ-XPHC (dữ liệu tổng hợp)',
        decidedOn: '2026-10-20',
        amountVnd: '15000000',
        offender: 'Công ty CP Đầu tư hạ tầng minh hoạ Đông Anh',
      },
    ],
  });
  await recordInspection(deps, code, {
    kindCode: 'environment_wwtp',
    inspectedOn: '2026-05-12',
    agency: 'Sở Nông nghiệp và Môi trường Hà Nội',
    conclusion: 'Nước thải sau xử lý đạt QCVN 40:2011/BTNMT cột A. (dữ liệu tổng hợp)',
    results: [
      { itemCode: 'wwtp_operating', passed: true },
      { itemCode: 'effluent_qcvn', passed: true },
      { itemCode: 'auto_monitoring', passed: true },
      { itemCode: 'environmental_permit', passed: true },
      { itemCode: 'hazardous_waste', passed: true },
    ],
  });
  await recordIncident(deps, code, {
    kind: 'fire_explosion',
    occurredOn: '2026-08-12',
    severity: 'minor',
    projectCode: 'DEMO-CCN-PRJ-03',
    peopleAffected: 0,
    description: 'Cháy kho bao bì của nhà máy chế biến nông sản (dữ liệu tổng hợp)',
    damage: 'Khoảng 120 m² kho, hàng hoá bao bì',
    damageVnd: '350000000',
    response: 'Lực lượng tại chỗ và Cảnh sát PCCC khống chế sau 40 phút',
    followUp: 'Yêu cầu bổ sung hệ thống chữa cháy tự động cho kho',
  });
  return { steps: steps.length, readings: readings.length, inspections: 2, incidents: 1 };
}
