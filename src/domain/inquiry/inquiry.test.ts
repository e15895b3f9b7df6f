import { describe, expect, it } from 'vitest';
import { consentText, holdReason, nextInquiryStatus, personalDataDueAt } from './inquiry';

describe('the inquiry state machine', () => {
  it('goes from new to answered to closed, answers again while answered, and never reopens', () => {
    expect(nextInquiryStatus('new', 'reply')).toBe('answered');
    expect(nextInquiryStatus('answered', 'reply')).toBe('answered');
    expect(nextInquiryStatus('answered', 'close')).toBe('closed');
    expect(nextInquiryStatus('closed', 'reply')).toBeNull();
    expect(nextInquiryStatus('closed', 'release')).toBeNull();
  });

  it('lets only a held inquiry be released, and a held one be answered only after release', () => {
    expect(nextInquiryStatus('held', 'release')).toBe('new');
    expect(nextInquiryStatus('held', 'reply')).toBeNull();
    expect(nextInquiryStatus('new', 'release')).toBeNull();
  });
});

describe('holding suspected spam', () => {
  it('holds an inquiry whose hidden field was filled, or that is mostly links, and passes a plain one', () => {
    expect(holdReason({ honeypot: 'http://x', purpose: 'Nhà máy may' })).toBe('honeypot');
    expect(holdReason({ purpose: 'Buy', message: 'http://a.io http://b.io www.c.io cheap pills' })).toBe(
      'links',
    );
    expect(
      holdReason({ honeypot: '', purpose: 'Nhà máy linh kiện điện tử', message: 'Xem https://acme.vn' }),
    ).toBeNull();
  });
});

describe('personal data retention', () => {
  it('falls due the same day some months after closing, or the last day of a shorter month', () => {
    expect(personalDataDueAt(new Date('2026-03-15T08:00:00Z'), 24).toISOString()).toBe(
      '2028-03-15T08:00:00.000Z',
    );
    expect(personalDataDueAt(new Date('2026-08-31T08:00:00Z'), 6).toISOString()).toBe(
      '2027-02-28T08:00:00.000Z',
    );
  });

  it('states the configured retention in the consent text in both languages', () => {
    const text = consentText(18);
    expect(text.vi).toContain('18 tháng');
    expect(text.en).toContain('18 months');
    expect(text.vi).toContain('Nghị định 13/2023');
  });
});
