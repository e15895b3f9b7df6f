import { describe, expect, it } from 'vitest';
import { registryField } from './facts';
import { registryFieldLabel } from './registry-fields';

describe('registry field labels', () => {
  it('names every field the compiled reports cite, in both languages', () => {
    // The fields aggregate.ts and parks-report.ts write as literals, and the registry fallbacks' fields.
    const literal = ['lifecycle', 'planEntries.areaHa', 'industrialLandHa', 'areaHa', 'wwtpStatus'];
    for (const field of new Set([...literal, ...Object.values(registryField)])) {
      expect(registryFieldLabel(field, 'vi'), field).not.toBe(field);
      expect(registryFieldLabel(field, 'en'), field).not.toBe(field);
    }
    expect(registryFieldLabel('infraInvestmentPaidVnd', 'vi')).toBe('vốn đầu tư hạ tầng đã thực hiện');
    expect(registryFieldLabel('unknownField', 'vi')).toBe('unknownField');
  });
});
