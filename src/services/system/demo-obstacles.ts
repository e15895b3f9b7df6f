import { findCurrentCommuneCode } from '../admin-unit/admin-unit.repository';
import type { ServiceDeps } from '../deps';
import { insertObstacle, insertObstacleEvent } from '../monitoring/obstacle.repository';
import { findZoneIdByCode } from '../zone/zone.repository';
import { demoCluster } from './demo-clusters';

/**
 * SYNTHETIC obstacles (vướng mắc) on the synthetic cluster DEMO-CCN-DONG-ANH, so the monitoring page has
 * content: one land-clearance obstacle long past its deadline (on the watch list), one in time, one resolved.
 * Made up and marked so (`is_synthetic`, "(dữ liệu tổng hợp)" in every title); fixed dates, the same rows on
 * every installation.
 */
const obstacles = [
  {
    categoryCode: 'land_clearance',
    title: 'Còn 0,8 ha chưa giải phóng mặt bằng ở phía Bắc cụm (dữ liệu tổng hợp)',
    description: '5 hộ chưa đồng ý phương án bồi thường, hỗ trợ; đường nội bộ số 3 chưa thể thi công.',
    agency: 'UBND xã Đông Anh',
    raisedOn: '2025-11-10',
    deadline: '2026-03-31',
    status: 'in_progress',
    resolution: null,
    events: [
      ['raise', null, 'open', null],
      ['start', 'open', 'in_progress', 'Xã đã tổ chức đối thoại lần 1.'],
    ],
  },
  {
    categoryCode: 'outside_infrastructure',
    title: 'Chưa có tuyến cấp điện 22 kV đến hàng rào cụm (dữ liệu tổng hợp)',
    description: 'Chủ đầu tư đề nghị Công ty Điện lực đầu tư tuyến đường dây đấu nối.',
    agency: 'Công ty Điện lực Đông Anh',
    raisedOn: '2026-05-04',
    deadline: '2027-06-30',
    status: 'open',
    resolution: null,
    events: [['raise', null, 'open', null]],
  },
  {
    categoryCode: 'procedures',
    title: 'Chậm thẩm định điều chỉnh quy hoạch chi tiết 1/500 (dữ liệu tổng hợp)',
    description: null,
    agency: 'Sở Quy hoạch - Kiến trúc',
    raisedOn: '2025-03-02',
    deadline: '2025-06-30',
    status: 'resolved',
    resolution: 'Đã phê duyệt điều chỉnh quy hoạch ngày 20/6/2025.',
    events: [
      ['raise', null, 'open', null],
      ['resolve', 'open', 'resolved', 'Đã phê duyệt điều chỉnh quy hoạch ngày 20/6/2025.'],
    ],
  },
] as const;

export async function seedDemoObstacles(deps: ServiceDeps): Promise<number> {
  const zoneId = await findZoneIdByCode(deps.db, demoCluster.code);
  const communeCode = await findCurrentCommuneCode(deps.db, demoCluster.communeName);
  if (!zoneId) return 0;
  for (const o of obstacles) {
    const at = new Date(`${o.raisedOn}T02:00:00Z`);
    const id = await insertObstacle(deps.db, {
      zoneId,
      categoryCode: o.categoryCode,
      title: o.title,
      description: o.description,
      agency: o.agency,
      raisedOn: o.raisedOn,
      deadline: o.deadline,
      status: o.status,
      resolution: o.resolution,
      closedOn: o.status === 'resolved' ? '2025-06-20' : null,
      raisedByName: 'xadonganh',
      raiserRole: 'commune_officer',
      raiserScopeKind: 'commune',
      raiserScopeRef: communeCode,
      isSynthetic: true,
      createdAt: at,
      updatedAt: at,
    });
    for (const [action, from, to, text] of o.events) {
      await insertObstacleEvent(deps.db, {
        obstacleId: id,
        at,
        actorName: 'xadonganh',
        action,
        fromStatus: from,
        toStatus: to,
        text,
      });
    }
  }
  return obstacles.length;
}
