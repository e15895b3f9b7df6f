import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  challengePayload,
  CHALLENGE_TTL_MS,
  formatChallenge,
  leadingZeroBits,
  parseChallenge,
  proofInput,
} from '../../domain/inquiry/proof-of-work';
import type { LocalizedText } from '../../domain/shared/errors';

/**
 * Issuing and checking the inquiry form's proof of work (domain/inquiry/proof-of-work.ts). The key is derived
 * from the server's secret, so challenges need no storage until used and survive a restart.
 */

export type ProofSettings = { secret: string; powBits: number };

const keyOf = (secret: string) => createHmac('sha256', secret).update('izis:inquiry-challenge:v1').digest();
const sign = (secret: string, payload: string) =>
  createHmac('sha256', keyOf(secret)).update(payload).digest('base64url');

export function issueChallenge(settings: ProofSettings, now: Date) {
  const parts = {
    id: randomBytes(16).toString('base64url'),
    difficulty: settings.powBits,
    expiresAtMs: now.getTime() + CHALLENGE_TTL_MS,
  };
  return {
    challenge: formatChallenge({ ...parts, signature: sign(settings.secret, challengePayload(parts)) }),
    difficulty: parts.difficulty,
    expiresAt: new Date(parts.expiresAtMs),
  };
}

export type ProofCheck = { ok: true; id: string; expiresAt: Date } | { ok: false; problem: LocalizedText };

const problems = {
  invalid: {
    vi: 'Mã kiểm tra chống thư rác không hợp lệ. Vui lòng gửi lại biểu mẫu.',
    en: 'The anti-spam check is not valid. Please send the form again.',
  },
  expired: {
    vi: 'Mã kiểm tra chống thư rác đã hết hạn. Vui lòng gửi lại biểu mẫu.',
    en: 'The anti-spam check has expired. Please send the form again.',
  },
  weak: {
    vi: 'Lời giải kiểm tra chống thư rác không đúng. Vui lòng gửi lại biểu mẫu.',
    en: 'The anti-spam check was not solved. Please send the form again.',
  },
} satisfies Record<string, LocalizedText>;

export const reusedChallengeProblem: LocalizedText = {
  vi: 'Mã kiểm tra chống thư rác này đã được dùng. Vui lòng gửi lại biểu mẫu.',
  en: 'This anti-spam check was used already. Please send the form again.',
};

/**
 * Checks a solved challenge: ours (signature), not expired, of at least the configured difficulty, and
 * SHA-256(challenge + nonce) has the leading zero bits. Whether it was used before is the caller's check (the
 * database's). Every failure names the `proof` field; the form then fetches a new challenge and tries again.
 */
export function checkProof(
  settings: ProofSettings,
  proof: { challenge: string; nonce: string },
  now: Date,
): ProofCheck {
  const parts = parseChallenge(proof.challenge);
  if (!parts) return { ok: false, problem: problems.invalid };
  const expected = Buffer.from(sign(settings.secret, challengePayload(parts)));
  const given = Buffer.from(parts.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, problem: problems.invalid };
  if (parts.expiresAtMs <= now.getTime()) return { ok: false, problem: problems.expired };
  if (parts.difficulty < settings.powBits) return { ok: false, problem: problems.invalid };
  const digest = createHash('sha256').update(proofInput(proof.challenge, proof.nonce)).digest();
  if (leadingZeroBits(digest) < parts.difficulty) return { ok: false, problem: problems.weak };
  return { ok: true, id: parts.id, expiresAt: new Date(parts.expiresAtMs) };
}

/** Finds a nonce the slow way (tests and the CLI; the browser has its own with Web Crypto). */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const digest = createHash('sha256')
      .update(proofInput(challenge, String(n)))
      .digest();
    if (leadingZeroBits(digest) >= difficulty) return String(n);
  }
}
