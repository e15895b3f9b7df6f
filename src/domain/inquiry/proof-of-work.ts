/**
 * The proof of work that keeps bulk inquiry robots off without a third party (no CAPTCHA service): the server
 * issues a signed challenge (`GET /api/public/inquiry-challenge`), the browser searches a nonce such that
 * SHA-256(challenge + nonce) starts with `difficulty` zero bits, and the server checks it once. One hash costs
 * the server microseconds; finding it costs the sender about 2^difficulty hashes (at the default 15 bits
 * ≈ 32 000 Web Crypto digests, measured ≈ 25–35 µs each: about 1 s, done while the investor types), which is
 * nothing for one inquiry and a great deal for ten thousand.
 *
 * The challenge is `<id>.<difficulty>.<expiresAtMs>.<signature>`; the signature is an HMAC of the first three
 * parts under the server's secret, so no challenge is stored until it is used (then its id is, until it
 * expires, and a second use is refused). Pure: hashing and signing are the caller's.
 */

/** The default difficulty in leading zero bits (IZIS_INQUIRY_POW_BITS); tests use a tiny one. */
export const DEFAULT_POW_BITS = 15;
/** How long a challenge may be used (it covers filling in the form). */
export const CHALLENGE_TTL_MS = 30 * 60_000;

export type ChallengeParts = { id: string; difficulty: number; expiresAtMs: number; signature: string };

/** The text the signature covers. */
export function challengePayload(p: Omit<ChallengeParts, 'signature'>): string {
  return `${p.id}.${p.difficulty}.${p.expiresAtMs}`;
}

export function formatChallenge(p: ChallengeParts): string {
  return `${challengePayload(p)}.${p.signature}`;
}

/** The parts of a challenge, or null when it is not one (wrong shape). */
export function parseChallenge(challenge: string): ChallengeParts | null {
  const m = /^([A-Za-z0-9_-]{16,64})\.(\d{1,2})\.(\d{13})\.([A-Za-z0-9_-]{20,128})$/.exec(challenge);
  if (!m) return null;
  return { id: m[1]!, difficulty: Number(m[2]), expiresAtMs: Number(m[3]), signature: m[4]! };
}

/** The number of leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The text hashed for a nonce: the challenge followed by the nonce (decimal). */
export const proofInput = (challenge: string, nonce: string) => `${challenge}${nonce}`;

/** A nonce is a decimal number the browser counts up (bounded so it cannot be used to send a payload). */
export const NONCE_PATTERN = /^\d{1,16}$/;
