import { describe, expect, it } from 'vitest';
import { editLayered, LayeredMap } from './layered-map';

describe('a layered map', () => {
  it('gives each version its own answers; older versions are never changed', () => {
    const v1 = LayeredMap.of(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    const edit = editLayered(v1);
    edit.set('a', 10);
    edit.delete('b');
    edit.set('c', 3);
    expect(edit.get('a')).toBe(10); // read through while editing
    expect(edit.get('b')).toBeUndefined();
    const v2 = edit.done();
    expect([v2.get('a'), v2.get('b'), v2.get('c')]).toEqual([10, undefined, 3]);
    expect([v1.get('a'), v1.get('b'), v1.get('c')]).toEqual([1, 2, undefined]);
    expect(editLayered(v2).done()).toBe(v2); // no change, no new version
  });

  it('agrees with a plain map through thousands of changes, across the folds into a new base', () => {
    const plain = new Map<number, number>();
    for (let i = 0; i < 5000; i += 1) plain.set(i, i);
    let layered = LayeredMap.of(new Map(plain));
    const versions: [LayeredMap<number, number>, Map<number, number>][] = [];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let round = 0; round < 400; round += 1) {
      const edit = editLayered(layered);
      for (let n = 0; n < 20; n += 1) {
        const key = next() % 6000;
        if (next() % 4 === 0) {
          edit.delete(key);
          plain.delete(key);
        } else {
          edit.set(key, round);
          plain.set(key, round);
        }
      }
      layered = edit.done();
      if (round % 50 === 0) versions.push([layered, new Map(plain)]);
    }
    for (const [version, expected] of [...versions, [layered, plain] as const])
      for (let key = 0; key < 6000; key += 1) expect(version.get(key)).toBe(expected.get(key));
  });
});
