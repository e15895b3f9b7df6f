import type { ZoneFamily } from '../../domain/identity/roles';
import type { ZoneFact } from '../../domain/plan/progress';
import type { ServiceDeps } from '../deps';
import type { ZoneVisibility } from '../zone/zone.policy';
import { findPlanEvents, findPlanZones } from './plan.repository';

export type PlanZone = ZoneFact & {
  communeCode: string | null;
  formerDistrictCode: string | null;
  formerDistrictName: string | null;
};

const num = (v: string | null) => (v === null ? null : Number(v));

/** The zones of a family with their lifecycle histories, read now (two statements, no cache: always live). */
export async function loadPlanZones(
  deps: ServiceDeps,
  family: ZoneFamily,
  visibility: ZoneVisibility,
): Promise<Map<string, PlanZone>> {
  const rows = await findPlanZones(deps.db, family, visibility);
  const events = await findPlanEvents(deps.db, family);
  const zones = new Map<string, PlanZone>();
  for (const r of rows) {
    zones.set(r.id, {
      id: r.id,
      code: r.code,
      name: r.name,
      communeCode: r.communeCode,
      communeName: r.communeName,
      formerDistrictCode: r.formerDistrictCode,
      formerDistrictName: r.formerDistrictName,
      developerName: r.developerName,
      industrialLandHa: num(r.industrialLandHa),
      leasedHa: num(r.leasedHa),
      approvedHa: num(r.approvedHa),
      wwtpStatus: r.wwtpStatus,
      isSynthetic: r.isSynthetic,
      visible: r.visible,
      events: [],
    });
  }
  for (const e of events) {
    const zone = zones.get(e.zoneId);
    if (!zone) continue;
    (zone.events as ZoneFact['events'][number][]).push({
      state: e.state,
      eventDate: e.eventDate,
      progressPct: num(e.progressPct),
      decisionNo: e.decisionNo,
      seq: e.seq,
    });
  }
  return zones;
}
