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

/** The words of a person's name, folded, without what stands in parentheses (a note, not a name). */
function nameWords(owner: PasswordOwner): string[] {
  const name = (owner.displayName ?? '').replace(/\([^)]*\)/g, ' ');
  return foldVietnamese(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * How a name shows up in a password: the whole name run together ("nguyenthuylinh") or its last two words
 * — the given name as people write it ("thuylinh"). Single short words are left to the guessability check,
 * which is given every word.
 */
function nameForms(owner: PasswordOwner): string[] {
  const words = nameWords(owner);
  if (words.length < 2) return [];
  return [words.join(''), words.slice(-2).join('')].filter((form) => form.length >= 6);
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
  if (nameForms(who).some((form) => folded.replace(/[^a-z0-9]/g, '').includes(form))) {
    return {
      vi: 'Mật khẩu không được chứa họ tên của người dùng.',
      en: 'The password must not contain the user’s name.',
    };
  }
  const result = guessability().check(password, [who.username, ...nameWords(who)]);
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
