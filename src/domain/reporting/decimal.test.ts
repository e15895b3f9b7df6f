import { describe, expect, it } from 'vitest';
import { amountToScale, exactSum, fractionDigits, roundTo, vndToBillions } from './decimal';

describe('exact figures', () => {
  it('count the decimals a value was written with', () => {
    expect(fractionDigits(3)).toBe(0);
    expect(fractionDigits(1.25)).toBe(2);
    expect(fractionDigits(-0.001)).toBe(3);
    expect(fractionDigits(1e-7)).toBe(7);
    expect(fractionDigits(1.5e-7)).toBe(8);
  });

  it('sum without binary drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(exactSum([0.1, 0.2], 1)).toBe(0.3);
    expect(exactSum([120.5, 45, 12.5, 8.4, 0], 3)).toBe(186.4);
    expect(exactSum([8.25, 2.5, 1.2, 0.35, 0.05], 3)).toBe(12.35);
  });

  it('round half away from zero the way people write the number', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
    expect(roundTo(4050 / 47, 2)).toBe(86.17);
  });

  it('turn integer đồng into billions without a float in between', () => {
    expect(vndToBillions('380500000000')).toBe(380.5);
    expect(vndToBillions('25000000000')).toBe(25);
    expect(vndToBillions('1234567890123')).toBe(1234.568);
    expect(vndToBillions('0')).toBe(0);
    expect(() => vndToBillions('12.5')).toThrow(RangeError);
  });

  it('turn ledger amounts into millions of USD or billions of VND', () => {
    expect(amountToScale('81000000.00', 6)).toBe(81);
    expect(amountToScale('1234567.89', 6)).toBe(1.235);
    expect(amountToScale('450000000000', 9)).toBe(450);
    expect(amountToScale('2039000000000', 9)).toBe(2039);
    expect(amountToScale('0.5', 6, 9)).toBe(0.0000005);
    expect(() => amountToScale('1,5', 6)).toThrow(RangeError);
  });
});
