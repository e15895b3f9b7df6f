import type { LocalizedText } from '../shared/errors';
import { addDays } from '../schedule/schedule';

/**
 * Inspections: kinds and their checklists are configuration (table inspection_kind, seeded with environment &
 * WWTP against QCVN, fire safety with the "4 tại chỗ" checklist, construction order, land use, labour, food
 * safety). The rules over a recorded inspection and its follow-up live here, once.
 */

/** The "4 tại chỗ" items of the fire-safety checklist: command, forces, equipment, logistics on site. */
export const fourOnSiteItems = ['onsite_command', 'onsite_forces', 'onsite_equipment', 'onsite_logistics'];

export type ResultInput = { itemCode: string; passed: boolean };
export type FindingInput = { itemCode?: string | null; deadline?: string | null };
export type PenaltyInput = { decidedOn: string };

/**
 * Field problems of an inspection as recorded: every checklist item of its kind answered once, every failed
 * item with a finding that says what to remedy by when, findings and penalties not dated before the visit.
 */
export function checkInspection(
  input: {
    inspectedOn: string;
    results: readonly ResultInput[];
    findings: readonly FindingInput[];
    penalties: readonly PenaltyInput[];
  },
  checklist: readonly string[],
  today: string,
): Record<string, LocalizedText> {
  const problems: Record<string, LocalizedText> = {};
  if (input.inspectedOn > today) {
    problems.inspectedOn = {
      vi: 'Ngày kiểm tra không thể sau hôm nay.',
      en: 'The inspection date cannot be after today.',
    };
  }
  const seen = new Set<string>();
  input.results.forEach((r, i) => {
    if (!checklist.includes(r.itemCode)) {
      problems[`results.${i}.itemCode`] = {
        vi: `Hạng mục "${r.itemCode}" không thuộc danh mục kiểm tra của loại này.`,
        en: `Item "${r.itemCode}" is not on this kind's checklist.`,
      };
    } else if (seen.has(r.itemCode)) {
      problems[`results.${i}.itemCode`] = {
        vi: `Hạng mục "${r.itemCode}" được ghi hai lần.`,
        en: `Item "${r.itemCode}" is recorded twice.`,
      };
    }
    seen.add(r.itemCode);
  });
  const missing = checklist.filter((c) => !seen.has(c));
  if (missing.length) {
    problems.results = {
      vi: `Chưa ghi kết quả các hạng mục: ${missing.join(', ')}.`,
      en: `Results missing for: ${missing.join(', ')}.`,
    };
  }
  const failed = new Set(input.results.filter((r) => !r.passed).map((r) => r.itemCode));
  input.results.forEach((r, i) => {
    if (!r.passed && !input.findings.some((f) => f.itemCode === r.itemCode && f.deadline)) {
      problems[`results.${i}.passed`] = {
        vi: 'Hạng mục không đạt cần có kiến nghị khắc phục kèm thời hạn.',
        en: 'A failed item needs a remediation finding with a deadline.',
      };
    }
  });
  input.findings.forEach((f, i) => {
    if (f.itemCode && !failed.has(f.itemCode)) {
      problems[`findings.${i}.itemCode`] = {
        vi: 'Kiến nghị chỉ gắn với hạng mục không đạt.',
        en: 'A finding can only refer to a failed item.',
      };
    }
    if (f.deadline && f.deadline < input.inspectedOn) {
      problems[`findings.${i}.deadline`] = {
        vi: 'Thời hạn khắc phục không thể trước ngày kiểm tra.',
        en: 'The remediation deadline cannot be before the inspection.',
      };
    }
  });
  input.penalties.forEach((p, i) => {
    if (p.decidedOn < input.inspectedOn) {
      problems[`penalties.${i}.decidedOn`] = {
        vi: 'Ngày quyết định xử phạt không thể trước ngày kiểm tra.',
        en: 'The penalty decision cannot be dated before the inspection.',
      };
    }
  });
  return problems;
}

/**
 * The watch-list rule "a failed inspection not remedied by its deadline": a finding with a deadline that has
 * passed and no remedy recorded. Returns the day it went on the list (the day after the deadline), or null.
 * (inspection.watch.ts repeats the predicate in SQL; inspection.watch.db.test.ts proves they agree.)
 */
export function findingUnremediedSince(
  finding: { deadline: string | null; remediedOn: string | null },
  today: string,
): string | null {
  if (!finding.deadline || finding.remediedOn) return null;
  return finding.deadline < today ? addDays(finding.deadline, 1) : null;
}

/** Problems of a remedy: dated not before the inspection nor after today. */
export function checkRemedy(
  remedy: { remediedOn: string },
  inspectedOn: string,
  today: string,
): Record<string, LocalizedText> {
  if (remedy.remediedOn < inspectedOn) {
    return {
      remediedOn: {
        vi: 'Ngày khắc phục không thể trước ngày kiểm tra.',
        en: 'The remedy cannot be dated before the inspection.',
      },
    };
  }
  if (remedy.remediedOn > today) {
    return {
      remediedOn: {
        vi: 'Ngày khắc phục không thể sau hôm nay.',
        en: 'The remedy cannot be dated after today.',
      },
    };
  }
  return {};
}
