import { describe, expect, it } from 'vitest';
import { exchangePackageUrl } from './exchange-api';

describe('the exchange package download address', () => {
  it('names the period and, when given, the signed version', () => {
    expect(exchangePackageUrl('2026-H1')).toBe('/api/compilations/exchange-package?period=2026-H1');
    expect(exchangePackageUrl('2026-H1', 2)).toBe(
      '/api/compilations/exchange-package?period=2026-H1&version=2',
    );
  });
});
