import { describe, expect, it } from 'vitest';
import { formatChallenge, leadingZeroBits, parseChallenge } from './proof-of-work';

describe('the proof of work', () => {
  it('counts the leading zero bits of a digest across bytes', () => {
    expect(leadingZeroBits(new Uint8Array([0x80, 0]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0x01, 0xff]))).toBe(7);
    expect(leadingZeroBits(new Uint8Array([0, 0x10, 0]))).toBe(11);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it('reads back a challenge it formatted and refuses anything else', () => {
    const parts = {
      id: 'a'.repeat(22),
      difficulty: 18,
      expiresAtMs: 1796000000000,
      signature: 'S'.repeat(43),
    };
    expect(parseChallenge(formatChallenge(parts))).toEqual(parts);
    expect(parseChallenge(`${formatChallenge(parts)}x!`)).toBeNull();
    expect(parseChallenge('a.b.c.d')).toBeNull();
  });
});
