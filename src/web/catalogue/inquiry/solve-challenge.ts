import { leadingZeroBits, proofInput } from '../../../domain/inquiry/proof-of-work';

/**
 * Finds the nonce of a proof-of-work challenge in the browser with Web Crypto: SHA-256(challenge + nonce) must
 * start with `difficulty` zero bits. Digests run in batches of `batch` (Web Crypto pipelines them), and the
 * page gets the main thread back between batches, so typing stays smooth while it works (≈ 1 s at 15 bits).
 */
export async function solveChallenge(
  challenge: string,
  difficulty: number,
  options: { signal?: AbortSignal; batch?: number; subtle?: SubtleCrypto } = {},
): Promise<string> {
  const subtle = options.subtle ?? globalThis.crypto.subtle;
  const batch = options.batch ?? 256;
  const encoder = new TextEncoder();
  for (let start = 0; start < 2 ** 40; start += batch) {
    if (options.signal?.aborted) throw new DOMException('The proof of work was stopped.', 'AbortError');
    const digests = await Promise.all(
      Array.from({ length: batch }, (_, i) =>
        subtle.digest('SHA-256', encoder.encode(proofInput(challenge, String(start + i)))),
      ),
    );
    const found = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d)) >= difficulty);
    if (found >= 0) return String(start + found);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  throw new Error('No nonce found.');
}
