/**
 * Exact arithmetic on report figures. Values are numbers with a bounded number of decimals (the indicator's
 * `decimals`); sums are taken on integers scaled by 10^decimals so that 0.1 + 0.2 is 0.3 and a commune's
 * total equals the sum of its drill-down rows to the last digit.
 */

/** Decimal places in a number as written (1.25 → 2, 1e-7 → 7, 3 → 0). */
export function fractionDigits(value: number): number {
  const [mantissa = '', exponent] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** Rounds half away from zero to `decimals` places, without the binary drift of `toFixed`. */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Math.abs(value) * scale;
  // Nudge by a relative epsilon: 1.005 is stored as 1.00499999…, and people wrote 1.005.
  const rounded = Math.round(scaled * (1 + Number.EPSILON * 4)) / scale;
  return value < 0 ? -rounded : rounded;
}

/** A running exact sum of values with at most `decimals` places. */
export class ExactSum {
  private scaled = 0;
  private readonly scale: number;
  constructor(readonly decimals: number) {
    this.scale = 10 ** decimals;
  }
  add(value: number): this {
    this.scaled += Math.round(value * this.scale);
    return this;
  }
  /** Adds another sum of the same places: exact, so a total of subtotals equals the sum of every value. */
  addSum(other: ExactSum): this {
    if (other.decimals !== this.decimals) throw new RangeError('ExactSum.addSum: different decimals');
    this.scaled += other.scaled;
    return this;
  }
  get value(): number {
    return this.scaled / this.scale;
  }
}

export function exactSum(values: readonly number[], decimals: number): number {
  const sum = new ExactSum(decimals);
  for (const v of values) sum.add(v);
  return sum.value;
}

/**
 * VND as an integer string (numeric(20,0) in the registry) → billion VND rounded to `decimals` places,
 * computed on bigint so that 12 digits of đồng never pass through a float.
 */
export function vndToBillions(vnd: string, decimals = 3): number {
  if (!/^-?\d+$/.test(vnd)) throw new RangeError(`Not an integer VND amount: ${vnd}`);
  const negative = vnd.startsWith('-');
  const abs = BigInt(negative ? vnd.slice(1) : vnd);
  const unit = 10n ** BigInt(9 - decimals);
  const rounded = (abs + unit / 2n) / unit;
  const value = Number(rounded) / 10 ** decimals;
  return negative ? -value : value;
}

/**
 * A decimal amount string in a currency's units ("81000000.00" USD) → millions (USD) or billions (VND),
 * rounded to `decimals` places, on bigint.
 */
export function amountToScale(amount: string, power: 6 | 9, decimals = 3): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`Not a decimal amount: ${amount}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const digits = fraction.length;
  const abs = BigInt(whole + fraction);
  // value = abs / 10^digits units; in the target scale: abs / 10^(digits + power); keep `decimals` places.
  const shift = digits + power - decimals;
  let rounded: bigint;
  if (shift >= 0) {
    const unit = 10n ** BigInt(shift);
    rounded = (abs + unit / 2n) / unit;
  } else {
    rounded = abs * 10n ** BigInt(-shift);
  }
  const value = Number(rounded) / 10 ** decimals;
  return sign === '-' ? -value : value;
}
