import type { LocalizedText } from '../shared/errors';
import { foldVietnamese } from '../shared/text';
import { splitUnitName, type ReorganisationFile } from './admin-unit.schema';

/**
 * Turns a reorganisation file into the units and succession links it describes — pure, so the importer
 * can validate everything before it writes anything.
 */
export type PlannedUnit = {
  key: string;
  level: 'province' | 'district' | 'commune';
  code: string;
  kind: string;
  name: string;
  parentKey: string | null;
  validFrom: string | null;
  validTo: string | null;
  lat: number | null;
  lon: number | null;
  searchText: string;
};

export type PlannedLink = { predecessorKey: string; successorKey: string; partial: boolean };

export type ReorganisationPlan = {
  units: PlannedUnit[];
  links: PlannedLink[];
  effectiveDate: string;
  legalBasis: string | null;
};

export type PlanProblem = { path: string; message: LocalizedText };

export function unitKey(level: string, code: string, validFrom: string | null): string {
  return `${level}:${code}:${validFrom ?? ''}`;
}

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function planReorganisation(
  file: ReorganisationFile,
): { ok: true; plan: ReorganisationPlan } | { ok: false; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  if (!file.province) {
    problems.push({
      path: 'province',
      message: { vi: 'Thiếu thông tin tỉnh/thành phố.', en: 'The province is missing.' },
    });
  }
  if (!file.effectiveDate) {
    problems.push({
      path: 'effectiveDate',
      message: { vi: 'Thiếu ngày hiệu lực của sắp xếp.', en: 'The effective date is missing.' },
    });
  }
  const districtCodes = new Map((file.districts ?? []).map((d) => [d.name, d.code]));
  file.units.forEach((unit, i) => {
    unit.formerUnits.forEach((former, j) => {
      if (!districtCodes.has(former.district)) {
        problems.push({
          path: `units[${i}].formerUnits[${j}].district`,
          message: {
            vi: `Không có mã cho quận/huyện "${former.district}" (khai báo trong "districts").`,
            en: `No code for district "${former.district}" (declare it under "districts").`,
          },
        });
      }
    });
  });
  const seenNew = new Set<string>();
  file.units.forEach((unit, i) => {
    if (seenNew.has(unit.newCode)) {
      problems.push({
        path: `units[${i}].newCode`,
        message: { vi: `Mã ${unit.newCode} bị trùng.`, en: `Code ${unit.newCode} appears twice.` },
      });
    }
    seenNew.add(unit.newCode);
  });
  if (problems.length || !file.province || !file.effectiveDate) return { ok: false, problems };

  const effectiveDate = file.effectiveDate;
  const lastOldDay = dayBefore(effectiveDate);
  const province = file.province;
  const provinceKey = unitKey('province', province.code, null);
  const units: PlannedUnit[] = [
    {
      key: provinceKey,
      level: 'province',
      code: province.code,
      kind: province.kind,
      name: province.name,
      parentKey: null,
      validFrom: null,
      validTo: null,
      lat: null,
      lon: null,
      searchText: foldVietnamese(`${province.kind} ${province.name}`),
    },
  ];
  const links: PlannedLink[] = [];
  const districtKeyByName = new Map<string, string>();
  for (const district of file.districts ?? []) {
    const { kind, name } = splitUnitName(district.name);
    const key = unitKey('district', district.code, null);
    districtKeyByName.set(district.name, key);
    units.push({
      key,
      level: 'district',
      code: district.code,
      kind: district.kind ?? kind,
      name,
      parentKey: provinceKey,
      validFrom: null,
      validTo: lastOldDay,
      lat: null,
      lon: null,
      searchText: foldVietnamese(district.name),
    });
  }
  const oldSeen = new Set<string>();
  const districtSuccessors = new Map<string, Set<string>>();
  for (const unit of file.units) {
    const split = splitUnitName(unit.newName);
    const newKey = unitKey('commune', unit.newCode, effectiveDate);
    units.push({
      key: newKey,
      level: 'commune',
      code: unit.newCode,
      kind: unit.type || split.kind,
      name: split.name,
      parentKey: provinceKey,
      validFrom: effectiveDate,
      validTo: null,
      lat: unit.approxLat ?? null,
      lon: unit.approxLon ?? null,
      searchText: foldVietnamese(unit.newName),
    });
    for (const former of unit.formerUnits) {
      const oldKey = unitKey('commune', former.oldCode, null);
      const districtKey = districtKeyByName.get(former.district)!;
      if (!oldSeen.has(oldKey)) {
        oldSeen.add(oldKey);
        const oldSplit = splitUnitName(former.name);
        units.push({
          key: oldKey,
          level: 'commune',
          code: former.oldCode,
          kind: oldSplit.kind,
          name: oldSplit.name,
          parentKey: districtKey,
          validFrom: null,
          validTo: lastOldDay,
          lat: null,
          lon: null,
          searchText: foldVietnamese(former.name),
        });
      }
      links.push({ predecessorKey: oldKey, successorKey: newKey, partial: former.splitAcrossNewUnits });
      const set = districtSuccessors.get(districtKey) ?? new Set<string>();
      set.add(newKey);
      districtSuccessors.set(districtKey, set);
    }
  }
  for (const [districtKey, successors] of districtSuccessors) {
    for (const successorKey of successors) {
      links.push({ predecessorKey: districtKey, successorKey, partial: successors.size > 1 });
    }
  }
  return { ok: true, plan: { units, links, effectiveDate, legalBasis: file.legalBasis ?? null } };
}
