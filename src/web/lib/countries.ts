import type { Locale } from './locale-store';

/** ISO 3166-1 alpha-2 codes (officially assigned), for the country pickers. */
const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

export const COUNTRY_CODES: readonly string[] = CODES.split(' ');

/** The investor countries seen most in Hanoi's parks, offered first. */
const COMMON = ['VN', 'JP', 'KR', 'CN', 'TW', 'SG', 'HK', 'US', 'DE', 'FR', 'TH', 'MY'];

const namers = new Map<Locale, Intl.DisplayNames | null>();

function namer(locale: Locale): Intl.DisplayNames | null {
  if (!namers.has(locale)) {
    try {
      namers.set(locale, new Intl.DisplayNames([locale === 'vi' ? 'vi-VN' : 'en'], { type: 'region' }));
    } catch {
      namers.set(locale, null);
    }
  }
  return namers.get(locale) ?? null;
}

/** "Nhật Bản" (vi) / "Japan" (en); the code itself when the browser has no name for it. */
export function countryName(code: string, locale: Locale): string {
  try {
    return namer(locale)?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Options for a country picker: common investor countries first, then the rest by name; "Nhật Bản (JP)". */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
  const option = (value: string) => ({ value, label: `${countryName(value, locale)} (${value})` });
  const rest = COUNTRY_CODES.filter((code) => !COMMON.includes(code))
    .map(option)
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return [...COMMON.map(option), ...rest];
}
