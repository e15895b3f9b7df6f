import { formatPeriod } from './periods';
import type { FormVersion } from './form-types';

/**
 * The texts of the reporting workflow's notices — one per step — in the app (Vietnamese and English) and by
 * e-mail (Vietnamese first, English below). Pure: who receives them is the filing policy's answer, sending is
 * `notifyUsers`. `base` starts the e-mail's link (the public URL, or the outbox's placeholder for it).
 */

export type NoticeText = {
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  link: string;
  mail: { subject: string; text: string };
};

export type FilingStep = 'submitted' | 'resubmitted' | 'returned' | 'accepted';

const FOOTER =
  'Thư này được gửi tự động từ Hệ thống thông tin khu, cụm công nghiệp (IZIS); vui lòng không trả lời.';

const url = (base: string, link: string) => `${base.replace(/\/+$/, '')}${link}`;

/** A step of a filing's review, told to the reviewers (submitted, resubmitted) or the reporter (returned, accepted). */
export function filingStepText(input: {
  step: FilingStep;
  form: FormVersion;
  period: string;
  reporterName: string;
  revisionNo: number;
  reason?: string | null;
  link: string;
  base: string;
}): NoticeText {
  const { form, step, reporterName: who, revisionNo } = input;
  const pVi = formatPeriod(input.period, 'vi');
  const pEn = formatPeriod(input.period, 'en');
  const fVi = form.shortTitle.vi;
  const fEn = form.shortTitle.en;
  const reason = input.reason?.trim() ?? '';
  const texts: Record<FilingStep, { title: NoticeText['title']; body: NoticeText['body']; mail: string }> = {
    submitted: {
      title: { vi: `${who} đã nộp ${fVi} kỳ ${pVi}`, en: `${who} submitted ${fEn} for ${pEn}` },
      body: {
        vi: `Báo cáo chờ đồng chí tiếp nhận: xem, rồi chấp nhận hoặc trả lại (kèm lý do).`,
        en: 'The report awaits your review: accept it or return it with a reason.',
      },
      mail: `${who} đã nộp ${form.title.vi}, kỳ ${pVi}. Báo cáo chờ đồng chí xem xét, chấp nhận hoặc trả lại.`,
    },
    resubmitted: {
      title: {
        vi: `${who} đã nộp lại ${fVi} kỳ ${pVi} (lần ${revisionNo})`,
        en: `${who} resubmitted ${fEn} for ${pEn} (revision ${revisionNo})`,
      },
      body: {
        vi: `Bản sửa đổi lần ${revisionNo} chờ đồng chí tiếp nhận.`,
        en: `Revision ${revisionNo} awaits your review.`,
      },
      mail: `${who} đã nộp lại ${form.title.vi}, kỳ ${pVi} (bản sửa đổi lần ${revisionNo}). Báo cáo chờ đồng chí xem xét.`,
    },
    returned: {
      title: {
        vi: `${fVi} kỳ ${pVi} bị trả lại — ${who}`,
        en: `${fEn} for ${pEn} was returned — ${who}`,
      },
      body: {
        vi: `Lý do: “${reason}”. Đề nghị sửa và nộp lại.`,
        en: `Reason: “${reason}”. Please correct and resubmit it.`,
      },
      mail: `${form.title.vi} — ${who}, kỳ ${pVi}, đã bị cơ quan tiếp nhận trả lại với lý do:\n“${reason}”\nĐề nghị Quý đơn vị sửa và nộp lại báo cáo.`,
    },
    accepted: {
      title: {
        vi: `${fVi} kỳ ${pVi} đã được chấp nhận — ${who}`,
        en: `${fEn} for ${pEn} was accepted — ${who}`,
      },
      body: {
        vi: `Bản lần ${revisionNo} đã được cơ quan tiếp nhận chấp nhận; số liệu được dùng để tổng hợp.`,
        en: `Revision ${revisionNo} was accepted; its figures are used in the compiled reports.`,
      },
      mail: `${form.title.vi} — ${who}, kỳ ${pVi}, đã được cơ quan tiếp nhận chấp nhận (bản lần ${revisionNo}).`,
    },
  };
  const t = texts[step];
  const address = url(input.base, input.link);
  const reviewer = step === 'submitted' || step === 'resubmitted';
  return {
    title: t.title,
    body: t.body,
    link: input.link,
    mail: {
      subject: `[IZIS] ${t.title.vi}`,
      text: [
        reviewer ? 'Kính gửi cán bộ phụ trách,' : 'Kính gửi Quý đơn vị,',
        '',
        t.mail,
        '',
        `Xem báo cáo tại: ${address}`,
        '',
        FOOTER,
        '',
        '---',
        `${t.title.en}. ${t.body.en} See ${address}`,
      ].join('\n'),
    },
  };
}

/** A compiled report (Biểu 03 of a commune, Biểu 04 of the city) was signed: told to the next level. */
export function signedText(input: {
  form: FormVersion;
  period: string;
  scopeName: string;
  versionNo: number;
  docNo: string | null;
  signer: string;
  link: string;
  base: string;
}): NoticeText {
  const { form } = input;
  const pVi = formatPeriod(input.period, 'vi');
  const pEn = formatPeriod(input.period, 'en');
  const doc = input.docNo ? ` (số ${input.docNo})` : '';
  const docEn = input.docNo ? ` (No. ${input.docNo})` : '';
  const title = {
    vi: `${form.shortTitle.vi} kỳ ${pVi} của ${input.scopeName} đã ký ban hành`,
    en: `${form.shortTitle.en} for ${pEn} of ${input.scopeName} was signed`,
  };
  const address = url(input.base, input.link);
  return {
    title,
    body: {
      vi: `Phiên bản ${input.versionNo}${doc}, người ký: ${input.signer}.`,
      en: `Version ${input.versionNo}${docEn}, signed by ${input.signer}.`,
    },
    link: input.link,
    mail: {
      subject: `[IZIS] ${title.vi}`,
      text: [
        'Kính gửi cán bộ phụ trách,',
        '',
        `${form.title.vi}, kỳ ${pVi}, của ${input.scopeName} đã được ký ban hành${doc} — phiên bản ${input.versionNo}, người ký: ${input.signer}.`,
        '',
        `Xem và tải báo cáo (Excel, Word, PDF) tại: ${address}`,
        '',
        FOOTER,
        '',
        '---',
        `${title.en}: version ${input.versionNo}${docEn}, signed by ${input.signer}. See ${address}`,
      ].join('\n'),
    },
  };
}
