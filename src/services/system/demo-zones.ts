import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LifecycleEventInput, ZoneKind } from '../../domain/zone/zone.schema';
import { foldVietnamese } from '../../domain/shared/text';
import { findFormerDistrictByName, findNearestCurrentCommune } from '../admin-unit/admin-unit.repository';
import type { ServiceDeps } from '../deps';
import { addLifecycleEvent, createZone } from '../zone/zone.service';

/** One record of src/db/seed/data/hanoi-zones.json (real, sourced facts; null where not found). */
export type SourceZone = {
  kind: ZoneKind;
  name: string;
  formerDistrict: string | null;
  areaHa: number | null;
  investor: string | null;
  established: string | null;
  status: string | null;
  lat: number | null;
  lon: number | null;
  sources: string[];
  notes: { projects?: string; notes?: string } | string | null;
};

export function readSourceZones(): SourceZone[] {
  const file = fileURLToPath(new URL('../../db/seed/data/hanoi-zones.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as SourceZone[];
}

/** "KCN Thăng Long (Thang Long Industrial Park, TLIP)" → "KCN-THANG-LONG"; "Khu công nghệ cao Hòa Lạc" → "KCNC-HOA-LAC". */
export function zoneCodeFromName(name: string): string {
  const base = name.replace(/\(.*?\)/g, '').replace(/^Khu công nghệ cao/i, 'KCNC');
  return foldVietnamese(base)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The dated fact in `established`, if it is one: a full date, a month, or a year (with what is unknown). */
export function parseEstablished(
  text: string | null,
): { date: string; precision: 'day' | 'month' | 'year' } | null {
  if (!text) return null;
  // Investment-policy approvals and ground-breakings are not establishment decisions.
  if (/investment policy|groundbreaking|construction start/i.test(text)) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (m) return { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
  m = /^(\d{4})-(\d{2})\b/.exec(text);
  if (m) return { date: `${m[1]}-${m[2]}-01`, precision: 'month' };
  m = /^(\d{4})$/.exec(text.trim());
  if (m) return { date: `${m[1]}-01-01`, precision: 'year' };
  return null;
}

/** The lifecycle events a source supports: establishment when dated, and operation when the status says so. */
export function lifecycleFromSource(zone: SourceZone): LifecycleEventInput[] {
  const established = parseEstablished(zone.established);
  if (!established) return [];
  const precisionNote =
    established.precision === 'day'
      ? null
      : `Nguồn chỉ ghi ${established.precision === 'month' ? 'tháng' : 'năm'}: "${zone.established}".`;
  const events: LifecycleEventInput[] = [
    { state: 'established', eventDate: established.date, note: precisionNote },
  ];
  if (zone.status && /^operating/i.test(zone.status)) {
    events.push({
      state: 'operating',
      eventDate: established.date,
      note: `Ngày bắt đầu hoạt động chưa rõ; nguồn ghi trạng thái "${zone.status}".`,
    });
  }
  return events;
}

function notesText(notes: SourceZone['notes']): string | null {
  if (!notes) return null;
  if (typeof notes === 'string') return notes;
  return [notes.projects, notes.notes].filter(Boolean).join('\n') || null;
}

/**
 * Loads the 61 real zones: names, kinds, areas, dates and sources as published; the commune is inferred from
 * the source's approximate coordinates (and says so); nothing missing is invented.
 */
export async function seedDemoZones(deps: ServiceDeps): Promise<number> {
  const used = new Set<string>();
  let count = 0;
  for (const source of readSourceZones()) {
    let code = zoneCodeFromName(source.name);
    for (let n = 2; used.has(code); n++) code = `${zoneCodeFromName(source.name)}-${n}`;
    used.add(code);
    const districtName = source.formerDistrict?.split(/ \(| \//)[0]?.trim() ?? null;
    const formerDistrictCode = districtName
      ? await findFormerDistrictByName(deps.db, foldVietnamese(districtName))
      : null;
    const commune =
      source.lat !== null && source.lon !== null
        ? await findNearestCurrentCommune(deps.db, { lat: source.lat, lon: source.lon }, formerDistrictCode)
        : null;
    const notes = [
      notesText(source.notes),
      commune
        ? `Xã/phường hiện nay (${commune.name}) suy ra từ toạ độ gần đúng của nguồn (±1–3 km) — cần kiểm tra.`
        : null,
      source.investor ? `Chủ đầu tư theo nguồn: ${source.investor}` : null,
    ]
      .filter(Boolean)
      .join('\n');
    await createZone(deps, {
      code,
      name: source.name.replace(/\s*\(.*?\)\s*$/, '').trim() || source.name,
      kind: source.kind,
      formerDistrictCode,
      communeCode: commune?.code ?? null,
      declaredAreaHa: source.areaHa,
      lat: source.lat,
      lon: source.lon,
      sourceStatusText: source.status || null,
      notes: notes || null,
      sources: source.sources,
    });
    for (const event of lifecycleFromSource(source)) await addLifecycleEvent(deps, code, event);
    count++;
  }
  return count;
}
