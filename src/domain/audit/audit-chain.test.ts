import { describe, expect, it } from 'vitest';
import { chainBreak, genesisHash } from './audit-chain';

const h = (c: string) => c.repeat(64);

describe('chainBreak', () => {
  it('accepts the next number naming the previous hash and carrying its own', () => {
    expect(
      chainBreak(
        { seq: 0, hash: genesisHash },
        { seq: 1, prevHash: genesisHash, hash: h('a'), expected: h('a') },
      ),
    ).toBeNull();
  });

  it('names a missing row, a broken link and changed content, in that order', () => {
    const previous = { seq: 4, hash: h('a') };
    expect(chainBreak(previous, { seq: 6, prevHash: h('a'), hash: h('b'), expected: h('b') })).toBe(
      'sequence',
    );
    expect(chainBreak(previous, { seq: 5, prevHash: h('c'), hash: h('b'), expected: h('b') })).toBe('link');
    expect(chainBreak(previous, { seq: 5, prevHash: h('a'), hash: h('b'), expected: h('d') })).toBe(
      'content',
    );
  });
});
