import { formatArea } from '../format/format';
import type { LocalizedText } from '../shared/errors';
import { inquiryLink, inquiryTimeframeLabels, type InquiryTimeframe } from './inquiry';

/**
 * The texts of inquiry notices. The staff notice names the zone, what is wanted and the reference, and no
 * personal data: notices and e-mails to staff outlive the inquiry's retention period, the investor's name and
 * address stay on the inquiry page (where they are erased). Pure; sending is `notifyUsers`.
 */

const FOOTER =
  'Thư này được gửi tự động từ Hệ thống thông tin khu, cụm công nghiệp (IZIS); vui lòng không trả lời.';
const url = (base: string, link: string) => `${base.replace(/\/+$/, '')}${link}`;

export type InquiryNoticeFacts = {
  id: string;
  reference: string;
  zoneName: string;
  purpose: string;
  landHa: string | number | null;
  timeframe: InquiryTimeframe;
};

export function newInquiryNotice(
  i: InquiryNoticeFacts,
  base: string,
): {
  title: LocalizedText;
  body: LocalizedText;
  link: string;
  mail: { subject: string; text: string };
} {
  const link = inquiryLink(i.id);
  const landVi = i.landHa === null ? '' : `, cần ${formatArea(i.landHa, { locale: 'vi' })}`;
  const landEn = i.landHa === null ? '' : `, needs ${formatArea(i.landHa, { locale: 'en' })}`;
  const whenVi = inquiryTimeframeLabels[i.timeframe].vi.toLowerCase();
  const whenEn = inquiryTimeframeLabels[i.timeframe].en.toLowerCase();
  return {
    title: {
      vi: `Yêu cầu mới của nhà đầu tư về ${i.zoneName} (${i.reference})`,
      en: `New investor inquiry about ${i.zoneName} (${i.reference})`,
    },
    body: {
      vi: `${i.purpose}${landVi}, thời gian: ${whenVi}. Vui lòng trả lời nhà đầu tư.`,
      en: `${i.purpose}${landEn}, when: ${whenEn}. Please answer the investor.`,
    },
    link,
    mail: {
      subject: `[IZIS] Yêu cầu mới của nhà đầu tư về ${i.zoneName} (${i.reference})`,
      text: [
        `Có yêu cầu mới của nhà đầu tư về ${i.zoneName} (mã ${i.reference}).`,
        `Nội dung: ${i.purpose}${landVi}; thời gian: ${whenVi}.`,
        `Xem và trả lời: ${url(base, link)}`,
        '',
        `A new investor inquiry about ${i.zoneName} (reference ${i.reference}): ${i.purpose}${landEn}; when: ${whenEn}.`,
        `Read and answer it: ${url(base, link)}`,
        '',
        FOOTER,
      ].join('\n'),
    },
  };
}

/** The e-mail that carries a reply to the investor: Vietnamese first, English below, the reply itself once. */
export function replyMail(input: {
  reference: string;
  zoneName: string;
  contactName: string;
  reply: string;
}): {
  subject: string;
  text: string;
} {
  return {
    subject: `[IZIS] Trả lời yêu cầu ${input.reference} / Reply to your inquiry ${input.reference}`,
    text: [
      `Kính gửi ${input.contactName},`,
      `Trả lời yêu cầu ${input.reference} của Quý vị về ${input.zoneName}:`,
      `Dear ${input.contactName}, here is the reply to your inquiry ${input.reference} about ${input.zoneName}:`,
      '',
      input.reply,
      '',
      `Khi liên hệ tiếp, vui lòng nêu mã ${input.reference}. / Please quote ${input.reference} in any reply.`,
    ].join('\n'),
  };
}
