import { foldVietnamese } from './text';

/** ISO 3166-1 alpha-2 codes (officially assigned): the countries an investor may come from. */
const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

export const COUNTRY_CODES: readonly string[] = CODES.split(' ');

/** Names people write that the standard Vietnamese and English names do not cover. */
const ALIASES: Record<string, readonly string[]> = {
  VN: ['Viet Nam', 'Vietnam', 'Việt Nam', 'Nước CHXHCN Việt Nam'],
  KR: ['Hàn Quốc', 'Korea', 'South Korea', 'Republic of Korea', 'Đại Hàn'],
  KP: ['Triều Tiên', 'North Korea'],
  CN: ['Trung Quốc', 'China', 'PRC'],
  TW: ['Đài Loan', 'Taiwan'],
  HK: ['Hồng Kông', 'Hong Kong'],
  US: ['Mỹ', 'Hoa Kỳ', 'USA', 'United States', 'United States of America'],
  GB: ['Anh', 'Vương quốc Anh', 'UK', 'United Kingdom', 'Britain'],
  RU: ['Nga', 'Liên bang Nga', 'Russia'],
  NL: ['Hà Lan', 'Netherlands', 'Holland'],
};

const fold = (text: string) => foldVietnamese(text).replace(/[.'’]/g, '');

let index: Map<string, string> | undefined;

function countryIndex(): Map<string, string> {
  if (index) return index;
  index = new Map();
  const namers = ['vi', 'en'].map((locale) => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      return null;
    }
  });
  for (const code of COUNTRY_CODES) {
    index.set(fold(code), code);
    for (const namer of namers) {
      const name = namer?.of(code);
      if (name && name !== code && !index.has(fold(name))) index.set(fold(name), code);
    }
  }
  for (const [code, names] of Object.entries(ALIASES)) for (const name of names) index.set(fold(name), code);
  return index;
}

/**
 * The ISO code of a country written as its code ("VN"), its Vietnamese or English name ("Việt Nam",
 * "Nhật Bản", "Japan"), or as the app shows it ("Nhật Bản (JP)"); null when not recognised.
 */
export function countryCodeOf(text: string): string | null {
  const trimmed = text.trim();
  const shown = /\(([A-Za-z]{2})\)\s*$/.exec(trimmed);
  if (shown && COUNTRY_CODES.includes(shown[1]!.toUpperCase())) return shown[1]!.toUpperCase();
  return countryIndex().get(fold(trimmed)) ?? null;
}
