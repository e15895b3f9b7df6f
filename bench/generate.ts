/**
 * Deterministic synthetic registry data for benchmarks: zones, organisations, tenant projects, their
 * capital ledgers and yearly USD exchange rates, at a named scale. Same seed → same rows (ids included).
 *
 *   node --import tsx bench/generate.ts --scale city [--seed 2026] [--data-dir ./data] [--replace]
 *   (on PostgreSQL when DATABASE_URL is set, else on the embedded database in --data-dir / IZIS_DATA_DIR)
 *
 * Rows go in straight through SQL (multi-row INSERTs in one transaction): this is bench data, not user
 * input, so it skips the services, their validation and the audit trail. Every zone, organisation and
 * project is `is_synthetic = true` with a `SYN-` code. The database must already be migrated and hold the
 * administrative units (any database IZIS has started on does): zones are spread over its current communes.
 */
import { embeddedDatabasePaths } from '../src/db/embedded-layout';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database, type Db } from '../src/db/client';
import { taxCodeCheckDigit } from '../src/domain/organisation/tax-code';
import { foldVietnamese } from '../src/domain/shared/text';

export type ScaleName = 'city' | 'national';
export type ScaleSize = { zones: number; organisations: number; projects: number; events: number };

export const scales: Record<ScaleName, ScaleSize> = {
  city: { zones: 250, organisations: 3_000, projects: 10_000, events: 50_000 },
  national: { zones: 2_000, organisations: 40_000, projects: 150_000, events: 1_000_000 },
};

export const defaultSeed = 2026;

export type GenerateSummary = {
  scale: ScaleSize;
  seed: number;
  zones: number;
  lifecycleEvents: number;
  organisations: number;
  projects: number;
  investmentEvents: number;
  exchangeRates: number;
  ms: number;
  /** Handy values for benchmarks: real codes and names that exist in the generated data. */
  sample: {
    zoneCodes: string[];
    communeCode: string;
    /** A folded commune name that zone names contain (a typical `q=` search). */
    searchTerm: string;
  };
};

/** mulberry32: a small, fast 32-bit PRNG; plenty for synthetic data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof makeRandom>;

function makeRandom(seed: number) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    between: (min: number, max: number) => min + next() * (max - min),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    /** Picks a key by weight: [['a', 3], ['b', 1]] gives 'a' three times as often. */
    weighted: <T>(choices: readonly (readonly [T, number])[]): T => {
      const total = choices.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [value, w] of choices) {
        x -= w;
        if (x < 0) return value;
      }
      return choices[choices.length - 1]![0];
    },
    /** Log-uniform: as many values between 1 and 10 as between 10 and 100. */
    logUniform: (min: number, max: number) =>
      Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
    /** A v4-shaped UUID from the PRNG, so ids are deterministic too. */
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      hex[12] = '4';
      hex[16] = '89ab'[Math.floor(next() * 4)]!;
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
  return r;
}

// ---- SQL literals (generated values only: never user input) ----------------------------------------------

const text = (s: string | null | undefined) => (s == null ? 'null' : `'${s.replace(/'/g, "''")}'`);
const num = (n: number | string | null | undefined) => (n == null ? 'null' : String(n));

/** Inserts rows of SQL literals in multi-row INSERTs of `batch` rows. */
async function insertRows(
  tx: Db,
  table: string,
  columns: string[],
  rows: Iterable<string[]>,
  batch = 1000,
): Promise<number> {
  let buffer: string[] = [];
  let count = 0;
  const flush = async () => {
    if (!buffer.length) return;
    await tx.execute(sql.raw(`insert into ${table} (${columns.join(', ')}) values\n${buffer.join(',\n')}`));
    count += buffer.length;
    buffer = [];
  };
  for (const row of rows) {
    buffer.push(`(${row.join(', ')})`);
    if (buffer.length >= batch) await flush();
  }
  await flush();
  return count;
}

// ---- Dates ----------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(Math.round(day) * DAY).toISOString().slice(0, 10);
const randomDate = (r: Random, from: string, to: string) => isoOf(r.int(dayNumber(from), dayNumber(to)));

/** Marks the USD rates this generator adds (the table has no is_synthetic). */
const rateSource = 'synthetic: bench/generate.ts';

/** Events stop here: the data is "as of" late 2026. */
const LAST_EVENT = '2026-10-31';

// ---- Words ----------------------------------------------------------------------------------------------

const syllables = [
  'An',
  'Bình',
  'Phú',
  'Thịnh',
  'Hưng',
  'Long',
  'Phát',
  'Hòa',
  'Thành',
  'Tân',
  'Đại',
  'Minh',
  'Quang',
  'Vĩnh',
  'Xuân',
  'Đông',
  'Nam',
  'Bắc',
  'Tây',
  'Hà',
  'Sơn',
  'Lộc',
  'Phúc',
  'Khánh',
  'Thuận',
  'Việt',
  'Hồng',
  'Trường',
  'Gia',
  'Kim',
  'Ngọc',
  'Thăng',
  'Tiến',
  'Hải',
  'Trung',
  'Đức',
  'Mỹ',
  'Cường',
  'Lạc',
  'Bảo',
];
const foreignWords: Record<string, string[]> = {
  JP: [
    'Nippon',
    'Kaneko',
    'Seiki',
    'Yamato',
    'Toyo',
    'Hoshi',
    'Denki',
    'Kogyo',
    'Sanwa',
    'Fuji',
    'Mitsu',
    'Kasai',
  ],
  KR: ['Hanil', 'Daewon', 'Seoul', 'Samhwa', 'Jinyoung', 'Kumho', 'Dongil', 'Hyosung', 'Sewon', 'Taeyang'],
  CN: ['Huaxin', 'Jinlong', 'Zhongda', 'Hengtai', 'Xinyi', 'Tianhe', 'Changxing', 'Hongfa', 'Dongfang'],
  TW: ['Foxlink', 'Hsin', 'Chyun', 'Taiyi', 'Yuanta', 'Kaohsin', 'Lianhua', 'Chenfeng'],
  SG: ['Straits', 'Lion', 'Merlion', 'Temasek', 'Orchid', 'Marina', 'Keppel'],
  US: ['Pacific', 'Summit', 'Liberty', 'Eagle', 'Frontier', 'Atlas', 'Keystone'],
  DE: ['Rhein', 'Nordwerk', 'Bayer', 'Stahl', 'Elbe', 'Schwarz', 'Kraft'],
  TH: ['Siam', 'Chao', 'Thai', 'Rattana', 'Krung', 'Sukho'],
};
const countries = [
  ['JP', 30],
  ['KR', 25],
  ['CN', 15],
  ['TW', 10],
  ['SG', 8],
  ['US', 5],
  ['DE', 4],
  ['TH', 3],
] as const;
const products = [
  'linh kiện điện tử',
  'cơ khí chính xác',
  'bao bì',
  'dệt may',
  'thực phẩm',
  'nhựa kỹ thuật',
  'khuôn mẫu',
  'dược phẩm',
  'đồ gỗ',
  'gốm sứ',
  'phụ tùng ô tô',
  'thiết bị điện',
  'in ấn',
  'vật liệu xây dựng',
  'kho vận',
];
const vsicCodes = [
  '1010',
  '1079',
  '1392',
  '1410',
  '1629',
  '1702',
  '1811',
  '2023',
  '2100',
  '2220',
  '2392',
  '2511',
  '2599',
  '2610',
  '2640',
  '2710',
  '2829',
  '2930',
  '3100',
  '5210',
];
const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const givenNames = [
  'Văn Hùng',
  'Thị Lan',
  'Văn Nam',
  'Thị Hoa',
  'Minh Tuấn',
  'Đức Anh',
  'Thu Hà',
  'Quốc Bảo',
];
const ccnManager = 'UBND thành phố Hà Nội (Sở Công Thương quản lý)';
const kcnManager = 'Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội';

const twoWords = (r: Random) => `${r.pick(syllables)} ${r.pick(syllables)}`;

// ---- The generator ------------------------------------------------------------------------------------

type Commune = {
  id: string;
  code: string;
  kind: string;
  name: string;
  lon: number;
  lat: number;
  districts: string[];
};

async function loadCommunes(db: Db): Promise<Commune[]> {
  const result = await db.execute(sql`
    select c.id, c.code, c.kind, c.name, st_x(c.approx_centre) as lon, st_y(c.approx_centre) as lat,
      coalesce((select array_agg(distinct p.parent_id::text order by p.parent_id::text)
                from admin_unit_succession s join admin_unit p on p.id = s.predecessor_id
                where s.successor_id = c.id and p.parent_id is not null), '{}') as districts
    from admin_unit c where c.level = 'commune' and c.valid_to is null order by c.code`);
  return (result as unknown as { rows: Commune[] }).rows.map((c) => ({
    ...c,
    // A commune without a centre gets the city centre (and the jitter below).
    lon: c.lon === null ? 105.85 : Number(c.lon),
    lat: c.lat === null ? 21.03 : Number(c.lat),
    districts: typeof c.districts === 'string' ? parsePgArray(c.districts) : c.districts,
  }));
}

function parsePgArray(value: string): string[] {
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
/** Hanoi's bounding box, less a margin so that every point is strictly inside it. */
const HANOI = { west: 105.305, east: 105.995, south: 20.555, north: 21.395 };

/** A square of `ha` hectares centred on the point, as EWKT MultiPolygon. */
function squareBoundary(lon: number, lat: number, ha: number): string {
  const side = Math.sqrt(ha * 10_000);
  const dLat = side / 2 / 111_320;
  const dLon = side / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
  const [x1, x2, y1, y2] = [lon - dLon, lon + dLon, lat - dLat, lat + dLat].map((v) => v.toFixed(6));
  return `SRID=4326;MULTIPOLYGON(((${x1} ${y1},${x2} ${y1},${x2} ${y2},${x1} ${y2},${x1} ${y1})))`;
}

/** 10-digit MST with a valid check digit; Hanoi's codes start with 01. */
function taxCodeFrom(serial: number): string | null {
  const first9 = `01${String(serial).padStart(7, '0')}`;
  const check = taxCodeCheckDigit(first9);
  return check === null ? null : `${first9}${check}`;
}

const hundredths = (x: number) => BigInt(Math.round(x * 100));
const decimal = (h: bigint) => `${h / 100n}.${String(h % 100n).padStart(2, '0')}`;

export async function generate(
  database: Database,
  scale: ScaleName | ScaleSize,
  seed: number = defaultSeed,
  options: { replace?: boolean; log?: (message: string) => void } = {},
): Promise<GenerateSummary> {
  const size = typeof scale === 'string' ? scales[scale] : scale;
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const r = makeRandom(seed);
  const db = database.db;

  const existing = await database.query<{ n: number }>(
    `select count(*)::int as n from zone where is_synthetic and code like 'SYN-%'`,
  );
  if (existing[0]!.n > 0 && !options.replace) {
    throw new Error('the database already holds synthetic registry data (SYN-…); pass replace to swap it');
  }
  const communes = await loadCommunes(db);
  if (!communes.length) throw new Error('no current communes: start IZIS on this database once first');
  const ccnTypes = (
    await database.query<{ code: string }>(`select code from ccn_type where active order by code`)
  ).map((t) => t.code);
  const takenTaxCodes = new Set(
    (
      await database.query<{ tax_code: string }>(
        `select tax_code from organisation where tax_code is not null and not (is_synthetic and code like 'SYN-%')`,
      )
    ).map((o) => o.tax_code),
  );
  // Years that already have a USD rate somewhere in them keep it.
  const usdRates = await database.query<{ f: string; t: string }>(
    `select valid_from::text as f, valid_to::text as t from exchange_rate where currency = 'USD' and source is distinct from '${rateSource}'`,
  );
  const covered = (year: number) => usdRates.some((x) => x.f <= `${year}-12-31` && x.t >= `${year}-01-01`);

  // Organisations first: zones reference developers, projects reference investors.
  type Org = { id: string; code: string; ownership: string | null; country: string; name: string };
  const orgs: Org[] = [];
  const developers = Math.max(1, Math.ceil(size.zones / 3));
  let serial = r.int(1_000_000, 6_000_000);
  const orgRows: string[][] = [];
  for (let i = 1; i <= size.organisations; i++) {
    const developer = i <= developers;
    const ownership = developer
      ? r.weighted([
          ['domestic_private', 70],
          ['domestic_state', 20],
          ['fdi', 10],
        ] as const)
      : r.weighted([
          ['fdi', 40],
          ['domestic_private', 45],
          ['domestic_state', 7],
          ['household', 6],
          [null, 2],
        ] as const);
    const country = ownership === 'fdi' ? r.weighted(countries) : 'VN';
    const name =
      ownership === 'fdi'
        ? `Công ty TNHH ${r.pick(foreignWords[country]!)} ${r.pick(foreignWords[country]!)} Việt Nam`
        : ownership === 'household'
          ? `Hộ kinh doanh ${r.pick(familyNames)} ${r.pick(givenNames)}`
          : ownership === 'domestic_state'
            ? `Công ty ${r.pick(['TNHH MTV', 'Cổ phần'])} ${developer ? 'Phát triển hạ tầng' : 'Sản xuất'} ${twoWords(r)}`
            : `Công ty ${r.pick(['TNHH', 'Cổ phần'])} ${developer ? 'Đầu tư hạ tầng' : r.pick(['Sản xuất', 'Thương mại', 'Công nghệ', 'Cơ khí'])} ${twoWords(r)}`;
    let taxCode: string | null = null;
    while (!taxCode || takenTaxCodes.has(taxCode)) taxCode = taxCodeFrom(serial++);
    takenTaxCodes.add(taxCode);
    const code = `SYN-ORG-${String(i).padStart(6, '0')}`;
    const org: Org = { id: r.uuid(), code, ownership, country, name };
    orgs.push(org);
    const commune = r.pick(communes);
    orgRows.push([
      text(org.id),
      text(code),
      text(name),
      text(taxCode),
      text(country),
      text(ownership),
      developer ? `array['developer']` : `array['tenant']`,
      text(`${commune.kind} ${commune.name}, Hà Nội`),
      `'["synthetic: bench/generate.ts"]'::jsonb`,
      'true',
      text(foldVietnamese(`${code} ${name} ${taxCode}`)),
    ]);
  }
  const tenants = orgs.slice(developers).length ? orgs.slice(developers) : orgs;

  // Zones, spread over the current communes.
  type Zone = { id: string; code: string; kind: string; landHa: number };
  const zones: Zone[] = [];
  const zoneRows: string[][] = [];
  const lifecycleRows: string[][] = [];
  const kindCounters: Record<string, number> = {};
  for (let i = 0; i < size.zones; i++) {
    const kind = r.weighted([
      ['CCN', 80],
      ['KCN', 16],
      ['KCX', 2],
      ['KCNC', 2],
    ] as const);
    kindCounters[kind] = (kindCounters[kind] ?? 0) + 1;
    const code = `SYN-${kind}-${String(kindCounters[kind]).padStart(4, '0')}`;
    const commune = r.pick(communes);
    // Areas in ten-thousandths of a hectare (numeric(12,4)), so that leased + approved ≤ land exactly.
    const area = Math.round((kind === 'CCN' ? r.between(5, 75) : r.between(50, 600)) * 1e4);
    const land = Math.round(area * r.between(0.65, 0.75));
    const occupancy = r.chance(0.1) ? 0 : Math.min(1, r.between(0.1, 1.05));
    const occupied = Math.min(land, Math.round(land * occupancy));
    const leased = Math.round(occupied * r.between(0.7, 1));
    const approved = occupied - leased;
    const ha = (tenThousandths: number) => (tenThousandths / 1e4).toFixed(4);
    const lon = clamp(commune.lon + r.between(-0.03, 0.03), HANOI.west, HANOI.east);
    const lat = clamp(commune.lat + r.between(-0.03, 0.03), HANOI.south, HANOI.north);
    const name =
      kind === 'CCN'
        ? `Cụm công nghiệp ${commune.name} ${kindCounters[kind]}`
        : `${{ KCN: 'Khu công nghiệp', KCX: 'Khu chế xuất', KCNC: 'Khu công nghệ cao' }[kind]} ${twoWords(r)} ${commune.name}`;
    const developer = r.chance(0.7) ? orgs[r.int(0, developers - 1)]! : null;
    const id = r.uuid();
    zones.push({ id, code, kind, landHa: land / 1e4 });
    zoneRows.push([
      text(id),
      text(code),
      text(name),
      text(kind),
      text(kind === 'CCN' && ccnTypes.length ? r.pick(ccnTypes) : null),
      text(commune.id),
      text(commune.districts.length ? r.pick(commune.districts) : null),
      r.chance(0.5) ? `'${squareBoundary(lon, lat, area / 1e4)}'::geometry` : 'null',
      `st_setsrid(st_makepoint(${lon.toFixed(6)}, ${lat.toFixed(6)}), 4326)`,
      num(ha(area)),
      num(ha(land)),
      num(ha(Math.round(land * r.between(0.3, 1)))),
      num(ha(leased)),
      num(ha(approved)),
      text(developer?.id),
      text(kind === 'CCN' ? ccnManager : kcnManager),
      num(Math.round((area / 1e4) * r.between(3, 12)) * 1_000_000_000),
      text(
        r.weighted([
          ['operating', 45],
          ['compliant', 25],
          ['building', 15],
          ['none', 15],
        ] as const),
      ),
      text(
        r.weighted([
          ['accepted', 60],
          ['partial', 25],
          ['none', 15],
        ] as const),
      ),
      `'["synthetic: bench/generate.ts"]'::jsonb`,
      'true',
      text(foldVietnamese(`${code} ${name}`)),
    ]);
    const path = r.weighted([
      ['operating', 75],
      ['construction', 10],
      ['land_clearance', 7],
      ['in_plan', 5],
      ['without_establishment', 3],
    ] as const);
    const established = randomDate(r, '2003-01-01', path === 'operating' ? '2021-12-31' : '2024-12-31');
    const event = (state: string, date: string, progress: number | null, decision: string | null) =>
      lifecycleRows.push([text(r.uuid()), text(id), text(state), text(date), num(progress), text(decision)]);
    const decisionNo = () => `${r.int(100, 9999)}/QĐ-UBND`;
    if (path === 'in_plan') event('in_plan', randomDate(r, '2018-01-01', '2025-12-31'), null, null);
    else if (path === 'without_establishment')
      event('operating_without_establishment', established, null, null);
    else {
      event('established', established, null, decisionNo());
      const later = isoOf(Math.min(dayNumber(established) + r.int(365, 6 * 365), dayNumber(LAST_EVENT)));
      if (path === 'operating') event('operating', later, null, null);
      else event(path, later, r.int(10, 95), null);
    }
  }

  // Projects, weighted towards zones with more industrial land.
  const cumulative: number[] = [];
  zones.reduce((sum, z, i) => (cumulative[i] = sum + z.landHa), 0);
  const totalLand = cumulative[cumulative.length - 1] ?? 0;
  const pickZone = () => {
    const x = r.next() * totalLand;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return zones[lo]!;
  };
  type Project = { id: string; fdi: boolean; status: string; extra: number };
  const projects: Project[] = [];
  const projectRows: string[][] = [];
  for (let i = 1; i <= size.projects; i++) {
    const zone = pickZone();
    const investor = r.pick(tenants);
    const status = r.weighted([
      ['operating', 60],
      ['building', 12],
      ['licensed', 10],
      ['stopped', 8],
      ['proposed_revocation', 3],
      ['terminated', 7],
    ] as const);
    const code = `SYN-P-${String(i).padStart(7, '0')}`;
    const name = `Dự án nhà máy ${r.pick(products)} ${investor.name.replace(/^(Công ty|Hộ kinh doanh) (TNHH MTV |TNHH |Cổ phần )?/, '')}`;
    const certificateNo = `${r.int(1_000_000_000, 9_999_999_999)}`;
    const id = r.uuid();
    projects.push({ id, fdi: investor.ownership === 'fdi', status, extra: status === 'terminated' ? 1 : 0 });
    projectRows.push([
      text(id),
      text(code),
      text(zone.id),
      text(investor.id),
      text(name),
      text(certificateNo),
      'null', // certificate_date: set from the `new` event below
      text(r.pick(vsicCodes)),
      num(r.logUniform(0.2, 12).toFixed(4)),
      text(`Lô ${String.fromCharCode(65 + r.int(0, 7))}${r.int(1, 40)}`),
      num(Math.round(r.logUniform(10, 3000))),
      text(status),
      'true',
      text(foldVietnamese(`${code} ${name} ${certificateNo}`)),
    ]);
  }
  // One `new` per project, a termination for terminated ones, the rest spread as increases/decreases.
  const terminations = projects.reduce((n, p) => n + p.extra, 0);
  for (let left = Math.max(0, size.events - size.projects - terminations); left > 0; left--) {
    r.pick(projects).extra += 1;
  }

  const rateRows: string[][] = [];
  for (let year = 2010; year <= 2026; year++) {
    const rate = 21_000 + ((year - 2010) * 4_500) / 16 + r.between(-150, 150);
    const id = r.uuid();
    if (covered(year)) continue;
    rateRows.push([
      text(id),
      `'USD'`,
      text(`${year}-01-01`),
      text(`${year}-12-31`),
      num(Math.min(25_500, rate).toFixed(4)),
      text(rateSource),
    ]);
  }

  // The ledgers are generated lazily while inserting: the national scale has a million events.
  const certificateDates = new Map<string, string>();
  function* investmentRows(): Generator<string[]> {
    for (const p of projects) {
      const currency = p.fdi ? 'USD' : 'VND';
      const newDate = randomDate(r, '2010-01-01', '2025-06-30');
      certificateDates.set(p.id, newDate);
      let capital = p.fdi
        ? hundredths(Math.round(r.logUniform(300_000, 60_000_000)))
        : hundredths(Math.round(r.logUniform(2e9, 8e11) / 1e6) * 1e6);
      yield [text(r.uuid()), text(p.id), `'new'`, text(newDate), text(decimal(capital)), text(currency)];
      const moves = p.extra - (p.status === 'terminated' ? 1 : 0);
      const dates = Array.from({ length: moves + (p.status === 'terminated' ? 1 : 0) }, () =>
        r.int(dayNumber(newDate) + 1, dayNumber(LAST_EVENT)),
      ).sort((a, b) => a - b);
      for (let k = 0; k < moves; k++) {
        const increase = r.chance(0.8);
        const change =
          (capital * BigInt(Math.round((increase ? r.between(0.1, 0.6) : r.between(0.05, 0.3)) * 1000))) /
          1000n;
        const amount = change > 0n ? change : 100n;
        capital += increase ? amount : -amount;
        if (capital < 0n) capital = 0n;
        yield [
          text(r.uuid()),
          text(p.id),
          increase ? `'increase'` : `'decrease'`,
          text(isoOf(dates[k]!)),
          text(decimal(amount)),
          text(currency),
        ];
      }
      if (p.status === 'terminated') {
        yield [
          text(r.uuid()),
          text(p.id),
          `'termination'`,
          text(isoOf(dates[moves]!)),
          text(decimal(capital)),
          text(currency),
        ];
      }
    }
  }

  const counts = { zones: 0, lifecycle: 0, organisations: 0, projects: 0, events: 0, rates: 0 };
  // The capital roll-up's event triggers merge each statement's events (migration 0007): right for any write,
  // but a million events in 2,000-row statements would upsert a million roll-up rows one by one (~2 min on
  // PostgreSQL, and as many dead rows). A bulk load switches them off inside its transaction — ALTER TABLE
  // holds investment_event exclusively until commit, so no other write can slip past — and rebuilds the
  // roll-up from the ledger once before committing.
  const rollupTriggers = ['insert', 'update', 'delete'].map((op) => `capital_rollup_event_${op}`);
  // Likewise the data version's row triggers (migration 0017), which would queue one event per row until
  // commit: off for the load, and the version bumped once at the end.
  const registryVersioned = ['organisation', 'zone', 'zone_lifecycle_event', 'project'];
  const versioned = [
    'organisation',
    'zone',
    'zone_lifecycle_event',
    'project',
    'investment_event',
    'exchange_rate',
    'capital_rollup_zone',
    'capital_rollup_family',
  ];
  await db.transaction(async (tx) => {
    // Switching triggers off is the owner's right, not the application role's (izis_app, ADR 0004): the bulk
    // load acts as the owner for this transaction, as an administrator's load at psql would.
    await tx.execute(sql`set local role none`);
    for (const trigger of rollupTriggers) {
      await tx.execute(sql.raw(`alter table investment_event disable trigger ${trigger}`));
    }
    for (const table of versioned) {
      await tx.execute(sql.raw(`alter table ${table} disable trigger data_version_${table}`));
    }
    // And the registry version's (migration 0021), bumped at the end too.
    for (const table of registryVersioned) {
      await tx.execute(sql.raw(`alter table ${table} disable trigger registry_version_${table}`));
    }
    if (options.replace) {
      log('removing earlier generated data (SYN-…)');
      // Only this generator's rows: the demo seed has synthetic rows of its own (DEMO-…).
      const mine = sql`is_synthetic and code like 'SYN-%'`;
      await tx.execute(
        sql`delete from investment_event where project_id in (select id from project where ${mine})`,
      );
      await tx.execute(sql`delete from project where ${mine}`);
      // The roll-up still counts the deleted events (its triggers are off) and refers to their zones.
      await tx.execute(sql`select capital_rollup_rebuild()`);
      await tx.execute(sql`delete from zone where ${mine}`);
      await tx.execute(sql`delete from organisation where ${mine}`);
      await tx.execute(sql`delete from exchange_rate where source = ${rateSource}`);
    }
    counts.organisations = await insertRows(
      tx,
      'organisation',
      [
        'id',
        'code',
        'name',
        'tax_code',
        'country',
        'ownership',
        'roles',
        'address',
        'sources',
        'is_synthetic',
        'search_text',
      ],
      orgRows,
    );
    log(`${counts.organisations} organisations`);
    counts.zones = await insertRows(
      tx,
      'zone',
      [
        'id',
        'code',
        'name',
        'kind',
        'ccn_type_code',
        'commune_id',
        'former_district_id',
        'boundary',
        'location',
        'declared_area_ha',
        'industrial_land_ha',
        'infrastructure_complete_ha',
        'leased_ha',
        'approved_ha',
        'developer_id',
        'managing_authority',
        'infra_investment_approved_vnd',
        'wwtp_status',
        'fire_safety_status',
        'sources',
        'is_synthetic',
        'search_text',
      ],
      zoneRows,
      250,
    );
    counts.lifecycle = await insertRows(
      tx,
      'zone_lifecycle_event',
      ['id', 'zone_id', 'state', 'event_date', 'progress_pct', 'decision_no'],
      lifecycleRows,
    );
    log(`${counts.zones} zones, ${counts.lifecycle} lifecycle events`);
    counts.projects = await insertRows(
      tx,
      'project',
      [
        'id',
        'code',
        'zone_id',
        'investor_id',
        'name',
        'certificate_no',
        'certificate_date',
        'vsic_code',
        'leased_ha',
        'lot',
        'workers',
        'status',
        'is_synthetic',
        'search_text',
      ],
      projectRows,
    );
    log(`${counts.projects} projects`);
    counts.events = await insertRows(
      tx,
      'investment_event',
      ['id', 'project_id', 'kind', 'event_date', 'amount', 'currency'],
      investmentRows(),
      2000,
    );
    log(`${counts.events} investment events`);
    // Certificates are dated by the new registration.
    const pairs = [...certificateDates].map(([id, date]) => `(${text(id)}::uuid, ${text(date)}::date)`);
    for (let i = 0; i < pairs.length; i += 5000) {
      await tx.execute(
        sql.raw(
          `update project p set certificate_date = v.d from (values ${pairs.slice(i, i + 5000).join(', ')}) v(id, d) where p.id = v.id`,
        ),
      );
    }
    counts.rates = await insertRows(
      tx,
      'exchange_rate',
      ['id', 'currency', 'valid_from', 'valid_to', 'vnd_per_unit', 'source'],
      rateRows,
    );
    for (const trigger of rollupTriggers) {
      await tx.execute(sql.raw(`alter table investment_event enable trigger ${trigger}`));
    }
    await tx.execute(sql`select capital_rollup_rebuild()`);
    log('capital roll-up rebuilt');
    for (const table of versioned) {
      await tx.execute(sql.raw(`alter table ${table} enable trigger data_version_${table}`));
    }
    for (const table of registryVersioned) {
      await tx.execute(sql.raw(`alter table ${table} enable trigger registry_version_${table}`));
    }
    // Every family's number too (migration 0022): a kept view of any of them may read what was loaded.
    await tx.execute(
      sql`update data_version set version = version + 1, registry_version = registry_version + 1,
        records_version = records_version + 1, accepted_version = accepted_version + 1,
        filed_version = filed_version + 1`,
    );
  });
  // PGlite has no autovacuum: without statistics the planner guesses. Analyse as a bulk load should.
  await database.query(
    'analyze organisation, zone, zone_lifecycle_event, project, investment_event, exchange_rate, capital_rollup_zone, capital_rollup_family',
  );
  const firstZone = zoneRows[0];
  const firstCommune = communes.find((c) => text(c.id) === firstZone?.[5]) ?? communes[0]!;
  return {
    scale: size,
    seed,
    zones: counts.zones,
    lifecycleEvents: counts.lifecycle,
    organisations: counts.organisations,
    projects: counts.projects,
    investmentEvents: counts.events,
    exchangeRates: counts.rates,
    ms: Math.round(performance.now() - started),
    sample: {
      zoneCodes: zones.map((z) => z.code),
      communeCode: firstCommune.code,
      searchTerm: foldVietnamese(firstCommune.name),
    },
  };
}

// ---- CLI ------------------------------------------------------------------------------------------------

function argument(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]) {
  const scale = (argument(args, 'scale') ?? 'city') as ScaleName;
  if (!(scale in scales)) throw new Error(`--scale is one of ${Object.keys(scales).join(', ')}`);
  const seed = Number(argument(args, 'seed') ?? defaultSeed);
  const url = process.env.DATABASE_URL;
  const dataDir = resolve(argument(args, 'data-dir') ?? process.env.IZIS_DATA_DIR ?? './data');
  const database = url
    ? await openPostgres(url)
    : await openPglite({ dataDir: embeddedDatabasePaths(dataDir).dir });
  try {
    const summary = await generate(database, scale, seed, {
      replace: args.includes('--replace'),
      log: (m) => console.log(m),
    });
    const { sample, ...rest } = summary;
    console.log(
      JSON.stringify({ ...rest, sample: { ...sample, zoneCodes: sample.zoneCodes.length } }, null, 2),
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
