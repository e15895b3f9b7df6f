import { formatDate } from '../format/format';
import { daysBetween, localDateOf, type IsoDate } from './calendar';
import type { FormVersion } from './form-types';
import type { NoticeText } from './notices';
import { formatPeriod } from './periods';

/** The reminders' words: due soon and overdue (to the reporter), overdue digests (to reviewers), returned. */

/** Reports named in a reviewer's overdue notice; the rest are counted. */
export const DIGEST_NAMES = 5;

const FOOTER =
  'Thư này được gửi tự động từ Hệ thống thông tin khu, cụm công nghiệp (IZIS); vui lòng không trả lời.';
const join = (base: string | undefined, link: string) => `${(base ?? '').replace(/\/+$/, '')}${link}`;

function daysLeftText(dueDate: IsoDate, now: Date): string {
  const left = daysBetween(localDateOf(now), dueDate);
  return left <= 0 ? 'hạn cuối là hôm nay' : `còn ${left} ngày`;
}

/** To a reporter: its report is due soon, or overdue. `link` opens that report's form for that period. */
export function reminderText(input: {
  now: Date;
  form: FormVersion;
  period: string;
  dueDate: IsoDate;
  overdue: boolean;
  reporterName: string;
  link: string;
  base: string | undefined;
}): NoticeText {
  const { form, overdue, link } = input;
  const url = join(input.base, link);
  const periodVi = formatPeriod(input.period, 'vi');
  const periodEn = formatPeriod(input.period, 'en');
  const dueVi = formatDate(input.dueDate, { locale: 'vi' });
  const dueEn = formatDate(input.dueDate, { locale: 'en' });
  const nameVi = form.shortTitle.vi;
  const nameEn = form.shortTitle.en;
  const who = input.reporterName ? ` — ${input.reporterName}` : '';
  const title = overdue
    ? { vi: `Quá hạn nộp ${nameVi} ${periodVi}${who}`, en: `${nameEn} for ${periodEn} is overdue${who}` }
    : {
        vi: `Sắp đến hạn nộp ${nameVi} ${periodVi}${who}`,
        en: `${nameEn} for ${periodEn} is due soon${who}`,
      };
  const body = overdue
    ? {
        vi: `Hạn nộp ${nameVi} kỳ ${periodVi} là ngày ${dueVi}; báo cáo chưa được gửi. Đề nghị nộp ngay.`,
        en: `${nameEn} for ${periodEn} was due on ${dueEn} and has not been submitted. Please submit it now.`,
      }
    : {
        vi: `Hạn nộp ${nameVi} kỳ ${periodVi} là ngày ${dueVi} — ${daysLeftText(input.dueDate, input.now)}.`,
        en: `${nameEn} for ${periodEn} is due on ${dueEn}.`,
      };
  const subject = overdue
    ? `[IZIS] Quá hạn nộp ${nameVi} kỳ ${periodVi}`
    : `[IZIS] Nhắc hạn nộp ${nameVi} kỳ ${periodVi}`;
  const text = [
    'Kính gửi Quý đơn vị,',
    '',
    `${form.title.vi}${who}.`,
    `Kỳ báo cáo: ${periodVi}. Hạn nộp: ${dueVi} (theo ${form.legalBasis}).`,
    overdue
      ? 'Báo cáo chưa được gửi và đã quá hạn. Đề nghị Quý đơn vị nộp báo cáo ngay.'
      : 'Đề nghị Quý đơn vị hoàn thành và gửi báo cáo trước thời hạn.',
    '',
    `Nộp báo cáo tại: ${url}`,
    '',
    FOOTER,
    '',
    '---',
    `${nameEn} for ${periodEn}${who} is ${overdue ? 'overdue' : 'due'} (due date ${dueEn}). File it at ${url}`,
  ].join('\n');
  return { title, body, link, mail: { subject, text } };
}

/** The reviewer's notice: the overdue reports of one form and period in their scope, the first few by name. */
export function digestText(
  form: FormVersion,
  period: string,
  dueDate: IsoDate,
  names: readonly string[],
  base: string | undefined,
  link = `/reports?period=${encodeURIComponent(period)}`,
): NoticeText {
  const url = join(base, link);
  const periodVi = formatPeriod(period, 'vi');
  const periodEn = formatPeriod(period, 'en');
  const dueVi = formatDate(dueDate, { locale: 'vi' });
  const dueEn = formatDate(dueDate, { locale: 'en' });
  const count = names.length;
  const shown = names.slice(0, DIGEST_NAMES).filter((n) => n);
  const rest = count - Math.min(count, DIGEST_NAMES);
  const listVi = `${shown.join('; ')}${rest > 0 ? ` và ${rest} báo cáo khác` : ''}`;
  const listEn = `${shown.join('; ')}${rest > 0 ? ` and ${rest} more` : ''}`;
  const nameVi = form.shortTitle.vi;
  const nameEn = form.shortTitle.en;
  return {
    title: {
      vi: `Để biết: ${count} ${nameVi} kỳ ${periodVi} quá hạn nộp`,
      en: `For your information: ${count} × ${nameEn} for ${periodEn} overdue`,
    },
    body: {
      vi: `Hạn nộp ${dueVi}; chưa gửi: ${listVi}. Hệ thống đã nhắc các đơn vị báo cáo.`,
      en: `Due on ${dueEn}; not submitted: ${listEn}. The reporters have been reminded.`,
    },
    link,
    mail: {
      subject: `[IZIS] Để biết: ${count} ${nameVi} kỳ ${periodVi} quá hạn nộp`,
      text: [
        'Kính gửi cán bộ phụ trách,',
        '',
        `${form.title.vi}, kỳ ${periodVi}, hạn nộp ${dueVi} (theo ${form.legalBasis}):`,
        `${count} báo cáo thuộc phạm vi đồng chí phụ trách đến nay chưa được gửi — ${listVi}.`,
        'Hệ thống đã nhắc các đơn vị báo cáo. Thư này để đồng chí biết và theo dõi.',
        '',
        `Xem tình hình nộp báo cáo tại: ${url}`,
        '',
        FOOTER,
        '',
        '---',
        `For your information: ${count} × ${nameEn} for ${periodEn} (due ${dueEn}) not submitted: ${listEn}. See ${url}`,
      ].join('\n'),
    },
  };
}

/** To a reporter whose returned report has not been resubmitted, with the reviewer's reason. */
export function returnedText(input: {
  form: FormVersion;
  period: string;
  returnedAt: Date;
  reason: string;
  reporterName: string;
  link: string;
  base: string | undefined;
}): NoticeText {
  const { form, reason, link } = input;
  const url = join(input.base, link);
  const periodVi = formatPeriod(input.period, 'vi');
  const periodEn = formatPeriod(input.period, 'en');
  const returnedVi = formatDate(localDateOf(input.returnedAt), { locale: 'vi' });
  const returnedEn = formatDate(localDateOf(input.returnedAt), { locale: 'en' });
  const who = input.reporterName ? ` — ${input.reporterName}` : '';
  const nameVi = form.shortTitle.vi;
  const nameEn = form.shortTitle.en;
  return {
    title: {
      vi: `${nameVi} ${periodVi} bị trả lại chưa được nộp lại${who}`,
      en: `${nameEn} for ${periodEn} was returned and not resubmitted${who}`,
    },
    body: {
      vi: `Báo cáo bị trả lại ngày ${returnedVi} với lý do: “${reason}”. Đề nghị sửa và nộp lại.`,
      en: `The report was returned on ${returnedEn}: “${reason}”. Please correct and resubmit it.`,
    },
    link,
    mail: {
      subject: `[IZIS] Đề nghị nộp lại ${nameVi} kỳ ${periodVi}`,
      text: [
        'Kính gửi Quý đơn vị,',
        '',
        `${form.title.vi}${who}, kỳ ${periodVi}, đã bị cơ quan tiếp nhận trả lại ngày ${returnedVi} với lý do:`,
        `“${reason}”`,
        'Đến nay báo cáo chưa được nộp lại. Đề nghị Quý đơn vị sửa và nộp lại báo cáo.',
        '',
        `Sửa và nộp lại tại: ${url}`,
        '',
        FOOTER,
        '',
        '---',
        `${nameEn} for ${periodEn}${who} was returned on ${returnedEn} (“${reason}”) and has not been resubmitted. Correct it at ${url}`,
      ].join('\n'),
    },
  };
}
