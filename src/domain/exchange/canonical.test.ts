import { describe, expect, it } from 'vitest';
import { canonicalJson, checksumInput } from './canonical';

describe('the canonical serialisation (RFC 8785) the checksum covers', () => {
  it('sorts keys at every depth, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
  });

  it('sorts keys by UTF-16 code units and writes numbers in their shortest form', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3 })).toBe('{"Z":3,"z":2,"é":1}');
    expect(canonicalJson([1.0, 0.1, 1e21, -0])).toBe('[1,0.1,1e+21,0]');
  });

  it('leaves out undefined members and refuses non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(RangeError);
  });

  it('covers everything but the checksum member', () => {
    expect(checksumInput({ checksum: { value: 'x' }, b: 2, a: 1 })).toBe('{"a":1,"b":2}');
  });
});
