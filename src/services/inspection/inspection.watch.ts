import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import {
  inspection,
  inspectionChecklistItem,
  inspectionFinding,
  inspectionKind,
} from '../../db/schema/inspection';
import { project } from '../../db/schema/project';
import { zone } from '../../db/schema/zone';
import { formatDate } from '../../domain/format/format';
import { addDays, daysBetween } from '../../domain/schedule/schedule';
import type { WatchEntry } from '../../domain/monitoring/watch-entry';
import type { WatchSource } from '../monitoring/watch-source';
import { zoneVisibilityFilter } from '../zone/zone.repository';

/**
 * `inspection_unremedied`: a finding of an inspection (a failed checklist item or another finding) whose
 * remediation deadline has passed with no remedy recorded. The WHERE clause is the predicate of
 * `findingUnremediedSince` (domain/inspection/inspection.ts) in SQL; inspection.watch.db.test.ts proves they
 * agree. Recording the remedy takes the entry off.
 */
export const inspectionUnremedied: WatchSource = async (db, visibility, today) => {
  const rows = await db
    .select({
      id: inspectionFinding.id,
      zoneCode: zone.code,
      projectCode: project.code,
      deadline: inspectionFinding.deadline,
      description: inspectionFinding.description,
      itemVi: inspectionChecklistItem.labelVi,
      itemEn: inspectionChecklistItem.labelEn,
      kindVi: inspectionKind.nameVi,
      kindEn: inspectionKind.nameEn,
      agency: inspection.agency,
      inspectedOn: inspection.inspectedOn,
    })
    .from(inspectionFinding)
    .innerJoin(inspection, eq(inspection.id, inspectionFinding.inspectionId))
    .innerJoin(zone, eq(zone.id, inspection.zoneId))
    .innerJoin(inspectionKind, eq(inspectionKind.code, inspection.kindCode))
    .leftJoin(project, eq(project.id, inspection.projectId))
    .leftJoin(
      inspectionChecklistItem,
      and(
        eq(inspectionChecklistItem.kindCode, inspection.kindCode),
        eq(inspectionChecklistItem.code, inspectionFinding.itemCode),
      ),
    )
    .where(
      and(
        lt(inspectionFinding.deadline, sql`${today}::date`),
        isNull(inspectionFinding.remediedOn),
        zoneVisibilityFilter(visibility),
      ),
    );
  return rows.map((r): WatchEntry => {
    const deadline = r.deadline!;
    const days = daysBetween(deadline, today);
    const what = { vi: r.itemVi ?? r.description, en: r.itemEn ?? r.description };
    return {
      subject: r.projectCode ? { kind: 'project', code: r.projectCode } : { kind: 'zone', code: r.zoneCode },
      zoneCode: r.zoneCode,
      rule: 'inspection_unremedied',
      reason: {
        vi: `Kiểm tra ${r.kindVi} ngày ${formatDate(r.inspectedOn)}: "${what.vi}" chưa khắc phục, quá hạn ${days} ngày (hạn ${formatDate(deadline)})`,
        en: `${r.kindEn} inspection of ${formatDate(r.inspectedOn, { locale: 'en' })}: "${what.en}" not remedied, ${days} days past the deadline (${formatDate(deadline, { locale: 'en' })})`,
      },
      since: addDays(deadline, 1),
      agency: r.agency,
      proposedAction: days > 90 ? 'escalate' : 'inspect',
      source: { kind: 'inspection_finding', id: r.id },
    };
  });
};
