import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { foldVietnamese } from '../shared/text';
import type { LocalizedText } from '../shared/errors';

/**
 * Password rules (NIST 800-63B style, adapted): length matters more than character classes. At least 10
 * characters that are not padding whitespace, at least one letter and one digit, not containing the username
 * or a part of the person's name, and not guessable — judged by zxcvbn-ts with its well-known lists of common
 * passwords, names and words (shipped with the package, no network): a guessability score of at least 3 of 4.
 * Reusing the current password is refused where the current hash is at hand (the services).
 */
export const passwordMinLength = 10;
export const passwordMinScore = 3;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: the dictionaries take a few megabytes and ~100 ms to index. */
function guessability(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
}

export type PasswordOwner = { username: string; displayName?: string | null };

/** Parts of a person's name worth refusing inside a password: three letters or more, folded. */
function nameParts(owner: PasswordOwner): string[] {
  const words = foldVietnamese(`${owner.displayName ?? ''}`).split(/[^a-z0-9]+/);
  return words.filter((w) => w.length >= 3);
}

export function checkPassword(password: string, owner: PasswordOwner | string): LocalizedText | null {
  const who = typeof owner === 'string' ? { username: owner } : owner;
  const meaningful = password.replace(/\s+/g, ' ').trim();
  if (meaningful.length < passwordMinLength) {
    return {
      vi: `Mật khẩu phải có ít nhất ${passwordMinLength} ký tự (không tính khoảng trắng thừa).`,
      en: `The password must have at least ${passwordMinLength} characters (padding spaces do not count).`,
    };
  }
  if (meaningful !== password) {
    return {
      vi: 'Mật khẩu không được đệm bằng khoảng trắng ở đầu, cuối hoặc liên tiếp.',
      en: 'The password must not be padded with leading, trailing or repeated spaces.',
    };
  }
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    return {
      vi: 'Mật khẩu phải có cả chữ và số.',
      en: 'The password must contain both letters and digits.',
    };
  }
  const folded = foldVietnamese(password);
  if (who.username && folded.includes(foldVietnamese(who.username))) {
    return {
      vi: 'Mật khẩu không được chứa tên đăng nhập.',
      en: 'The password must not contain the username.',
    };
  }
  if (nameParts(who).some((part) => folded.includes(part))) {
    return {
      vi: 'Mật khẩu không được chứa họ tên của người dùng.',
      en: 'The password must not contain the user’s name.',
    };
  }
  const result = guessability().check(password, [who.username, ...nameParts(who)]);
  if (result.score < passwordMinScore) {
    return {
      vi: 'Mật khẩu quá phổ biến hoặc dễ đoán (ví dụ Qwerty123456). Hãy dùng một cụm từ dài hơn.',
      en: 'The password is too common or easy to guess (e.g. Qwerty123456). Use a longer phrase.',
    };
  }
  return null;
}

export const passwordReused: LocalizedText = {
  vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  en: 'The new password must differ from the current one.',
};
