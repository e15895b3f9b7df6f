import { describe, expect, it } from 'vitest';
import { inquiryDictionaries, inquiryLangs, inquiryTranslator } from './inquiry-i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the inquiry form dictionaries', () => {
  it('give every language exactly the keys and placeholders of Vietnamese, none empty', () => {
    const vi = inquiryDictionaries.vi;
    for (const lang of inquiryLangs) {
      const d = inquiryDictionaries[lang];
      expect(Object.keys(d).sort(), lang).toEqual(Object.keys(vi).sort());
      for (const [key, text] of Object.entries(vi)) {
        const other = d[key as keyof typeof vi];
        expect(other.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(other), `${lang} ${key}`).toEqual(placeholders(text));
        if (lang === 'ja' || lang === 'ko' || lang === 'zh') {
          expect(other, `${lang} ${key} is still English`).not.toBe(
            inquiryDictionaries.en[key as keyof typeof vi],
          );
        }
      }
    }
  });

  it('fills in the reference in the language chosen', () => {
    expect(inquiryTranslator('ko')('inquiry.sentBody', { reference: 'YC-ABCDEFGH' })).toContain(
      'YC-ABCDEFGH',
    );
    expect(inquiryTranslator('vi')('inquiry.error.rateLimited', { minutes: 10 })).toContain('10 phút');
  });
});
