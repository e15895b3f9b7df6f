import type { LocalizedText } from '../shared/errors';
import { occupancy } from '../zone/occupancy';
import type { PublishableFieldKey, Score, ScoreKey, Scorecard, ScorecardMethod } from './catalogue.schema';
import { isPublic, publicPrices, type CatalogueRecord } from './public-zone';

/**
 * The zone scorecard — a computed profile in the manner of a park rating. Each score is 0–100 with the records
 * that gave it; a score is shown only when every field it reads is published, and is null (not zero) when the
 * records it needs are missing. Pure: the reporting counts come from the reporting module (its completeness
 * table), computed by the caller.
 */
export const SCORECARD_METHOD = '2026.1';

/** A zone's statutory filings whose due day is over, in the look-back window. */
export type ReportingCounts = {
  /** Filings owed whose due day is over. */
  due: number;
  onTime: number;
  late: number;
  /** Owed, due day over, not submitted. */
  overdue: number;
  /** The periods counted, e.g. ["2026-Q1", "2026-Q2"]. */
  periods: string[];
};

type Rule = { key: ScoreKey; label: LocalizedText; needs: PublishableFieldKey[]; rule: LocalizedText };

const rules: Rule[] = [
  {
    key: 'infrastructure',
    label: { vi: 'Hạ tầng hoàn thiện', en: 'Infrastructure complete' },
    needs: ['infrastructure', 'area'],
    rule: {
      vi: 'Diện tích đã hoàn thành hạ tầng ÷ diện tích quy hoạch × 100 (tối đa 100).',
      en: 'Area with completed infrastructure ÷ planned area × 100 (at most 100).',
    },
  },
  {
    key: 'wwtp',
    label: { vi: 'Xử lý nước thải', en: 'Wastewater treatment' },
    needs: ['wwtp'],
    rule: {
      vi: 'Trạm xử lý nước thải tập trung: đạt QCVN 100; đang vận hành 75; đang xây dựng 25; chưa có 0.',
      en: 'Central WWTP: compliant with QCVN 100; operating 75; under construction 25; none 0.',
    },
  },
  {
    key: 'fireSafety',
    label: { vi: 'Phòng cháy chữa cháy', en: 'Fire safety' },
    needs: ['fireSafety'],
    rule: {
      vi: 'Nghiệm thu PCCC: đã nghiệm thu 100; nghiệm thu một phần 50; chưa 0.',
      en: 'Fire-safety acceptance: accepted 100; partly accepted 50; none 0.',
    },
  },
  {
    key: 'occupancy',
    label: { vi: 'Tỷ lệ lấp đầy', en: 'Occupancy' },
    needs: ['occupancy'],
    rule: {
      vi: 'Tỷ lệ lấp đầy theo Nghị định 32/2024/NĐ-CP × 100 (tối đa 100): (đất đã cho thuê + đã có chủ trương đầu tư) ÷ đất công nghiệp.',
      en: 'Occupancy under Decree 32/2024 × 100 (at most 100): (leased + covered by investment approvals) ÷ industrial land.',
    },
  },
  {
    key: 'services',
    label: { vi: 'Dịch vụ cho nhà đầu tư', en: 'Services to investors' },
    needs: ['prices', 'developer'],
    rule: {
      vi: '50 điểm khi có phí dịch vụ dùng chung đang hiệu lực được công bố; 50 điểm khi chủ đầu tư hạ tầng công bố điện thoại hoặc thư điện tử liên hệ.',
      en: '50 points for a published shared-service fee in force; 50 points for a published developer phone or e-mail contact.',
    },
  },
  {
    key: 'reporting',
    label: { vi: 'Chấp hành chế độ báo cáo', en: 'Reporting discipline' },
    needs: ['reporting'],
    rule: {
      vi: 'Số báo cáo định kỳ (Thông tư 14) của khu/cụm và doanh nghiệp trong khu/cụm nộp đúng hạn ÷ số báo cáo đã đến hạn trong 12 tháng qua × 100.',
      en: 'Statutory reports (Circular 14) of the zone and its tenants submitted on time ÷ reports due in the last 12 months × 100.',
    },
  },
];

/** The published method (`GET /api/public/scorecard-method`). */
export function scorecardMethod(): ScorecardMethod {
  return {
    method: SCORECARD_METHOD,
    summary: {
      vi: 'Mỗi điểm từ 0 đến 100, tính tự động từ dữ liệu của hệ thống quản lý khu, cụm công nghiệp, kèm các bản ghi làm căn cứ. Chỉ hiển thị điểm khi mọi trường dữ liệu nó dùng đều được công bố; không có dữ liệu thì không chấm điểm (không phải 0).',
      en: 'Each score is 0–100, computed from the registry of parks and clusters, with the records behind it. A score is shown only when every field it reads is published; missing records give no score (not zero).',
    },
    scores: rules.map((r) => ({ key: r.key, label: r.label, needs: [...r.needs], rule: r.rule })),
  };
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

const wwtpPoints: Record<string, number> = { compliant: 100, operating: 75, building: 25, none: 0 };
const firePoints: Record<string, number> = { accepted: 100, partial: 50, none: 0 };

function score(rule: Rule, value: number | null, explanation: LocalizedText, basis: Score['basis']): Score {
  return { key: rule.key, label: rule.label, score: value, explanation, basis };
}

function compute(
  rule: Rule,
  record: CatalogueRecord,
  today: string,
  reporting: ReportingCounts | null,
): Score {
  switch (rule.key) {
    case 'infrastructure': {
      const basis: Score['basis'] = [
        {
          field: 'infrastructureCompleteHa',
          value: record.infrastructureCompleteHa,
          label: {
            vi: 'Diện tích đã hoàn thành hạ tầng (ha)',
            en: 'Area with completed infrastructure (ha)',
          },
        },
        {
          field: 'declaredAreaHa',
          value: record.declaredAreaHa,
          label: { vi: 'Diện tích quy hoạch (ha)', en: 'Planned area (ha)' },
        },
      ];
      if (record.infrastructureCompleteHa === null || !record.declaredAreaHa) {
        return score(rule, null, { vi: 'Chưa có số liệu diện tích.', en: 'No area figures.' }, basis);
      }
      const value = clamp((record.infrastructureCompleteHa / record.declaredAreaHa) * 100);
      return score(
        rule,
        value,
        {
          vi: `Hạ tầng hoàn thành trên ${value}% diện tích.`,
          en: `Infrastructure complete on ${value}% of the area.`,
        },
        basis,
      );
    }
    case 'wwtp': {
      const basis = [
        {
          field: 'wwtpStatus',
          value: record.wwtpStatus,
          label: { vi: 'Trạng thái trạm xử lý nước thải', en: 'WWTP status' },
        },
      ];
      const points = record.wwtpStatus === null ? null : (wwtpPoints[record.wwtpStatus] ?? null);
      return score(rule, points, rule.rule, basis);
    }
    case 'fireSafety': {
      const basis = [
        {
          field: 'fireSafetyStatus',
          value: record.fireSafetyStatus,
          label: { vi: 'Nghiệm thu phòng cháy chữa cháy', en: 'Fire-safety acceptance' },
        },
      ];
      const points = record.fireSafetyStatus === null ? null : (firePoints[record.fireSafetyStatus] ?? null);
      return score(rule, points, rule.rule, basis);
    }
    case 'occupancy': {
      const rate = occupancy(record);
      const basis = [
        {
          field: 'occupancy',
          value: rate === null ? null : Math.round(rate * 10_000) / 10_000,
          label: { vi: 'Tỷ lệ lấp đầy (Nghị định 32)', en: 'Occupancy (Decree 32)' },
        },
      ];
      if (rate === null) {
        return score(
          rule,
          null,
          { vi: 'Chưa có diện tích đất công nghiệp.', en: 'No industrial land on record.' },
          basis,
        );
      }
      const value = clamp(rate * 100);
      return score(rule, value, { vi: `Lấp đầy ${value}%.`, en: `${value}% occupied.` }, basis);
    }
    case 'services': {
      const fee = publicPrices(record, today).sharedService;
      const contact = record.contactPhone ?? record.contactEmail;
      const basis = [
        {
          field: 'prices.sharedService',
          value: fee ? `${fee.amount} ${fee.currency}/${fee.unit}` : null,
          label: { vi: 'Phí dịch vụ dùng chung đang hiệu lực', en: 'Shared-service fee in force' },
        },
        {
          field: 'developer.contact',
          value: contact,
          label: { vi: 'Liên hệ của chủ đầu tư hạ tầng', en: 'Developer contact' },
        },
      ];
      const value = (fee ? 50 : 0) + (contact ? 50 : 0);
      return score(rule, value, rule.rule, basis);
    }
    case 'reporting': {
      const counts = reporting ?? { due: 0, onTime: 0, late: 0, overdue: 0, periods: [] };
      const basis = [
        { field: 'filings.due', value: counts.due, label: { vi: 'Báo cáo đã đến hạn', en: 'Reports due' } },
        {
          field: 'filings.onTime',
          value: counts.onTime,
          label: { vi: 'Nộp đúng hạn', en: 'Submitted on time' },
        },
        { field: 'filings.late', value: counts.late, label: { vi: 'Nộp muộn', en: 'Submitted late' } },
        { field: 'filings.overdue', value: counts.overdue, label: { vi: 'Quá hạn chưa nộp', en: 'Overdue' } },
        {
          field: 'filings.periods',
          value: counts.periods.join(', ') || null,
          label: { vi: 'Các kỳ', en: 'Periods' },
        },
      ];
      if (counts.due === 0) {
        return score(rule, null, { vi: 'Chưa có báo cáo đến hạn.', en: 'No report has fallen due.' }, basis);
      }
      const value = clamp((counts.onTime / counts.due) * 100);
      return score(
        rule,
        value,
        {
          vi: `${counts.onTime}/${counts.due} báo cáo nộp đúng hạn.`,
          en: `${counts.onTime} of ${counts.due} reports on time.`,
        },
        basis,
      );
    }
  }
}

/** The scorecard of a published zone: the scores whose every input field is published. */
export function computeScorecard(
  record: CatalogueRecord,
  today: string,
  reporting: ReportingCounts | null,
): Scorecard {
  return {
    method: SCORECARD_METHOD,
    scores: rules
      .filter((r) => r.needs.every((key) => isPublic(record, key)))
      .map((r) => compute(r, record, today, reporting)),
  };
}
