import { describe, expect, it } from 'vitest';
import { dictionaries, messages } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('say the same things in Vietnamese and English: same keys, same placeholders, none empty', () => {
    const { vi, en } = messages;
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
      expect(vi[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('give every key to exactly one feature, in both languages', () => {
    for (const locale of ['vi', 'en'] as const) {
      const seen = new Map<string, number>();
      dictionaries.forEach((dictionary, index) => {
        for (const key of Object.keys(dictionary[locale])) {
          expect(seen.get(key), `${locale} ${key} is defined twice`).toBeUndefined();
          seen.set(key, index);
        }
      });
    }
  });
});
