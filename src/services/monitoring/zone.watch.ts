import { formatDate, formatPercent } from '../../domain/format/format';
import type { WatchEntry } from '../../domain/monitoring/watch-entry';
import { addDays } from '../../domain/reporting/calendar';
import { occupancy } from '../../domain/zone/occupancy';
import { loadTolerances } from './tolerance.repository';
import { findWatchZones, type WatchZoneRow } from './watch.repository';
import type { WatchSource } from './watch-source';

/** The rules over a zone's own record: occupancy under the Decree 32 gate, an operating cluster without WWTP. */

const OPERATING = new Set(['operating', 'operating_without_establishment']);
const num = (v: string | null) => (v === null ? null : Number(v));

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const whole = Math.trunc(years);
  const shifted = `${String(y + whole).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d === 29 && m === 2 ? 28 : d).padStart(2, '0')}`;
  return addDays(shifted, Math.round((years - whole) * 365));
}

/**
 * `occupancy_low`: a zone operating for at least `occupancy_low.operating_years` whose occupancy
 * (domain/zone/occupancy.ts, Decree 32) is under `occupancy_low.gate`. The developer must fill it.
 */
export const occupancyLowSource: WatchSource = async (db, visibility, today) => {
  const t = await loadTolerances(db);
  const gate = t['occupancy_low.gate'];
  return (await findWatchZones(db, visibility)).flatMap((z): WatchEntry[] => {
    if (!z.state || !OPERATING.has(z.state) || !z.operatingSince) return [];
    const since = addYears(z.operatingSince, t['occupancy_low.operating_years']);
    if (since > today) return [];
    const rate = occupancy({
      industrialLandHa: num(z.industrialLandHa),
      leasedHa: num(z.leasedHa),
      approvedHa: num(z.approvedHa),
    });
    if (rate === null || rate >= gate) return [];
    const pct = (r: number, locale: 'vi' | 'en') =>
      formatPercent(r.toFixed(4), { locale, maxFractionDigits: 1 });
    return [
      {
        subject: { kind: 'zone', code: z.code },
        zoneCode: z.code,
        rule: 'occupancy_low',
        reason: {
          vi: `Tỷ lệ lấp đầy ${pct(rate, 'vi')}, dưới ngưỡng ${pct(gate, 'vi')} (Nghị định 32/2024/NĐ-CP)`,
          en: `Occupancy ${pct(rate, 'en')}, under the ${pct(gate, 'en')} gate (Decree 32/2024)`,
        },
        since,
        agency: z.developerName,
        proposedAction: 'remind',
        source: { kind: 'zone', id: z.code },
      },
    ];
  });
};

function wwtpEntry(z: WatchZoneRow, since: string): WatchEntry {
  const state = z.wwtpStatus ?? 'none';
  const vi: Record<string, string> = {
    none: 'chưa có',
    building: 'đang xây dựng',
    operating: 'chưa đạt QCVN',
  };
  const en: Record<string, string> = {
    none: 'none',
    building: 'being built',
    operating: 'not QCVN-compliant',
  };
  return {
    subject: { kind: 'zone', code: z.code },
    zoneCode: z.code,
    rule: 'wwtp_missing',
    reason: {
      vi: `Cụm đang hoạt động (từ ${formatDate(z.operatingSince!, { locale: 'vi' })}) chưa có trạm xử lý nước thải đạt QCVN (hiện trạng: ${vi[state] ?? state})`,
      en: `Operating cluster (since ${formatDate(z.operatingSince!, { locale: 'en' })}) without a QCVN-compliant wastewater plant (now: ${en[state] ?? state})`,
    },
    since,
    agency: z.developerName,
    proposedAction: 'inspect',
    source: { kind: 'zone', id: z.code },
  };
}

/** `wwtp_missing`: an operating cluster (CCN) whose wastewater plant is not QCVN-compliant. */
export const wwtpMissingSource: WatchSource = async (db, visibility, today) => {
  const grace = (await loadTolerances(db))['wwtp_missing.grace_days'];
  return (await findWatchZones(db, visibility)).flatMap((z) => {
    if (z.family !== 'CCN' || !z.state || !OPERATING.has(z.state) || !z.operatingSince) return [];
    if (z.wwtpStatus === 'compliant') return [];
    const since = addDays(z.operatingSince, grace);
    return since <= today ? [wwtpEntry(z, since)] : [];
  });
};
