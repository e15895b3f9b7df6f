import { describe, expect, it } from 'vitest';
import { catalogueSectors } from '../../../domain/catalogue/sectors';
import { SECTOR_NAMES } from './sectors';
import { catalogueLangs, dictionaries, interpolate, langFromSearch, translator } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogue dictionaries', () => {
  it('give every language exactly the keys of Vietnamese', () => {
    const keys = Object.keys(dictionaries.vi).sort();
    for (const lang of catalogueLangs) {
      expect(Object.keys(dictionaries[lang]).sort(), lang).toEqual(keys);
    }
  });

  it('use the same placeholders as Vietnamese in every language', () => {
    for (const lang of catalogueLangs) {
      for (const [key, text] of Object.entries(dictionaries.vi)) {
        const other = dictionaries[lang][key as keyof typeof dictionaries.vi];
        expect(placeholders(other), `${lang} ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('leave no text empty and no English left in the Asian languages', () => {
    for (const lang of catalogueLangs) {
      for (const [key, text] of Object.entries(dictionaries[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        const english = dictionaries.en[key as keyof typeof dictionaries.en];
        // Texts with words in them (not "m³" or "{score}/100") must be translated.
        const hasWords = /[a-z]{3,}/i.test(english.replace(/\{\w+\}/g, ''));
        if ((lang === 'ja' || lang === 'ko' || lang === 'zh') && hasWords) {
          expect(text, `${lang} ${key} is still the English text`).not.toBe(english);
        }
      }
    }
  });
});

describe('the catalogue language', () => {
  it('is read from ?lang= and falls back to Vietnamese', () => {
    expect(langFromSearch('?lang=ja&q=x')).toBe('ja');
    expect(langFromSearch('?lang=fr')).toBe('vi');
    expect(langFromSearch('')).toBe('vi');
  });

  it('names the missing translation in the interface language', () => {
    const vi = translator('vi');
    expect(vi('zone.translationMissing', { wanted: vi('lang.ja'), shown: vi('lang.vi') })).toBe(
      'Bản tiếng Nhật chưa có — hiển thị tiếng Việt',
    );
    const ja = translator('ja');
    expect(ja('zone.translationMissing', { wanted: ja('lang.ja'), shown: ja('lang.vi') })).toBe(
      '日本語版はまだありません — ベトナム語で表示しています',
    );
  });

  it('fills placeholders and keeps unknown ones', () => {
    expect(interpolate('{a} và {b}', { a: 1 })).toBe('1 và {b}');
  });
});

describe('the sector names', () => {
  it('cover in Japanese, Korean and Chinese exactly the sectors the catalogue offers', () => {
    expect(Object.keys(SECTOR_NAMES).sort()).toEqual(Object.keys(catalogueSectors).sort());
  });
});
