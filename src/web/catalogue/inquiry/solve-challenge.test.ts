import { describe, expect, it } from 'vitest';
import { leadingZeroBits } from '../../../domain/inquiry/proof-of-work';
import { solveChallenge } from './solve-challenge';

describe('the browser proof of work', () => {
  it('finds a nonce whose SHA-256 with the challenge has the leading zero bits the server checks', async () => {
    const challenge = 'AAAAAAAAAAAAAAAAAAAAAA.10.1796000000000.SIGNATURESIGNATURESIGNATURE';
    const nonce = await solveChallenge(challenge, 10, { batch: 64 });
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${challenge}${nonce}`));
    expect(leadingZeroBits(new Uint8Array(digest))).toBeGreaterThanOrEqual(10);
    // The first such nonce: every smaller one fails.
    for (let n = 0; n < Number(nonce); n++) {
      const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${challenge}${n}`));
      expect(leadingZeroBits(new Uint8Array(d))).toBeLessThan(10);
    }
  });

  it('stops when the form is left', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(solveChallenge('x'.repeat(30), 30, { signal: controller.signal })).rejects.toThrow(
      /stopped/,
    );
  });
});
