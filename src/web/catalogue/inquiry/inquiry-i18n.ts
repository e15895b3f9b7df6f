/**
 * The inquiry form's words in the catalogue's five languages. Vietnamese defines the keys; every other
 * language has exactly them (checked by `inquiry-i18n.test.ts`). The catalogue may merge these dictionaries
 * into its own; the form also works on its own with `inquiryTranslator(lang)`.
 */
const vi = {
  'inquiry.title': 'Gửi yêu cầu thông tin',
  'inquiry.intro':
    'Cho chúng tôi biết Quý vị cần gì; cơ quan quản lý và chủ đầu tư hạ tầng của khu/cụm sẽ trả lời qua email.',
  'inquiry.purpose': 'Mục đích đầu tư (sản phẩm, hoạt động)',
  'inquiry.sector': 'Ngành nghề',
  'inquiry.landHa': 'Diện tích đất cần (ha)',
  'inquiry.timeframe': 'Khi nào cần đất',
  'inquiry.timeframe.now': 'Ngay bây giờ',
  'inquiry.timeframe.within_6_months': 'Trong 6 tháng',
  'inquiry.timeframe.within_1_year': 'Trong 1 năm',
  'inquiry.timeframe.later': 'Sau 1 năm',
  'inquiry.message': 'Nội dung thêm',
  'inquiry.contact': 'Thông tin liên hệ',
  'inquiry.name': 'Họ và tên',
  'inquiry.organisation': 'Công ty / tổ chức',
  'inquiry.email': 'Email',
  'inquiry.phone': 'Điện thoại',
  'inquiry.country': 'Quốc gia',
  'inquiry.countryChoose': 'Chọn quốc gia',
  'inquiry.optional': '(không bắt buộc)',
  'inquiry.notice': 'Thông báo về xử lý dữ liệu cá nhân',
  'inquiry.consent': 'Tôi đã đọc và đồng ý với thông báo trên.',
  'inquiry.honeypot': 'Không điền vào ô này',
  'inquiry.submit': 'Gửi yêu cầu',
  'inquiry.sending': 'Đang gửi…',
  'inquiry.checking': 'Đang kiểm tra chống thư rác, vui lòng chờ trong giây lát…',
  'inquiry.sent': 'Đã gửi yêu cầu',
  'inquiry.sentBody':
    'Mã yêu cầu của Quý vị là {reference}. Vui lòng nêu mã này khi liên hệ. Chúng tôi sẽ trả lời qua email.',
  'inquiry.another': 'Gửi yêu cầu khác',
  'inquiry.error.required': 'Vui lòng điền ô này.',
  'inquiry.error.email': 'Địa chỉ email không hợp lệ.',
  'inquiry.error.number': 'Nhập một số lớn hơn 0, ví dụ 2,5.',
  'inquiry.error.consent': 'Vui lòng đồng ý với thông báo về dữ liệu cá nhân để gửi yêu cầu.',
  'inquiry.error.country': 'Vui lòng chọn quốc gia.',
  'inquiry.error.phone': 'Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . -',
  'inquiry.error.form': 'Vui lòng sửa các ô được đánh dấu.',
  'inquiry.error.rateLimited':
    'Quý vị đã gửi nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau {minutes} phút.',
  'inquiry.error.notFound': 'Khu/cụm này hiện không nhận yêu cầu qua trang công khai.',
  'inquiry.error.failed': 'Chưa gửi được yêu cầu. Nội dung Quý vị nhập vẫn còn; vui lòng thử lại.',
};

export type InquiryDictionary = Record<keyof typeof vi, string>;
export type InquiryMessageKey = keyof typeof vi;

const en: InquiryDictionary = {
  'inquiry.title': 'Send an inquiry',
  'inquiry.intro':
    "Tell us what you need; the zone's authority and infrastructure developer will answer by e-mail.",
  'inquiry.purpose': 'What you plan to do (product, activity)',
  'inquiry.sector': 'Sector',
  'inquiry.landHa': 'Land needed (ha)',
  'inquiry.timeframe': 'When you need the land',
  'inquiry.timeframe.now': 'Now',
  'inquiry.timeframe.within_6_months': 'Within 6 months',
  'inquiry.timeframe.within_1_year': 'Within a year',
  'inquiry.timeframe.later': 'Later than a year',
  'inquiry.message': 'Anything else',
  'inquiry.contact': 'Your contact details',
  'inquiry.name': 'Full name',
  'inquiry.organisation': 'Company / organisation',
  'inquiry.email': 'E-mail',
  'inquiry.phone': 'Phone',
  'inquiry.country': 'Country',
  'inquiry.countryChoose': 'Choose a country',
  'inquiry.optional': '(optional)',
  'inquiry.notice': 'Personal data notice',
  'inquiry.consent': 'I have read and agree to the notice above.',
  'inquiry.honeypot': 'Leave this field empty',
  'inquiry.submit': 'Send inquiry',
  'inquiry.sending': 'Sending…',
  'inquiry.checking': 'Running the anti-spam check, one moment please…',
  'inquiry.sent': 'Inquiry sent',
  'inquiry.sentBody':
    'Your reference is {reference}. Please quote it in any contact. We will answer by e-mail.',
  'inquiry.another': 'Send another inquiry',
  'inquiry.error.required': 'Please fill in this field.',
  'inquiry.error.email': 'The e-mail address is not valid.',
  'inquiry.error.number': 'Enter a number above 0, for example 2.5.',
  'inquiry.error.consent': 'Please agree to the personal data notice to send the inquiry.',
  'inquiry.error.country': 'Please choose a country.',
  'inquiry.error.phone': 'A phone number has digits, spaces and + ( ) . - only.',
  'inquiry.error.form': 'Please correct the marked fields.',
  'inquiry.error.rateLimited':
    'You have sent several inquiries in a short time. Please try again in {minutes} minutes.',
  'inquiry.error.notFound': 'This zone does not take inquiries through the public site at the moment.',
  'inquiry.error.failed': 'The inquiry could not be sent. What you typed is kept; please try again.',
};

const ja: InquiryDictionary = {
  'inquiry.title': 'お問い合わせ',
  'inquiry.intro': 'ご要望をお知らせください。管理機関とインフラ開発事業者がメールでご回答します。',
  'inquiry.purpose': '投資の目的（製品・事業内容）',
  'inquiry.sector': '業種',
  'inquiry.landHa': '必要な土地面積（ha）',
  'inquiry.timeframe': '土地が必要な時期',
  'inquiry.timeframe.now': '今すぐ',
  'inquiry.timeframe.within_6_months': '6か月以内',
  'inquiry.timeframe.within_1_year': '1年以内',
  'inquiry.timeframe.later': '1年以上先',
  'inquiry.message': 'その他のご要望',
  'inquiry.contact': 'ご連絡先',
  'inquiry.name': '氏名',
  'inquiry.organisation': '会社・団体名',
  'inquiry.email': 'メールアドレス',
  'inquiry.phone': '電話番号',
  'inquiry.country': '国',
  'inquiry.countryChoose': '国を選択してください',
  'inquiry.optional': '（任意）',
  'inquiry.notice': '個人データの取り扱いについて',
  'inquiry.consent': '上記の通知を読み、同意します。',
  'inquiry.honeypot': 'この欄には何も入力しないでください',
  'inquiry.submit': '送信する',
  'inquiry.sending': '送信中…',
  'inquiry.checking': 'スパム対策の確認中です。しばらくお待ちください…',
  'inquiry.sent': 'お問い合わせを送信しました',
  'inquiry.sentBody':
    '受付番号は {reference} です。ご連絡の際はこの番号をお知らせください。メールでご回答します。',
  'inquiry.another': '別のお問い合わせを送る',
  'inquiry.error.required': 'この欄を入力してください。',
  'inquiry.error.email': 'メールアドレスが正しくありません。',
  'inquiry.error.number': '0より大きい数値を入力してください（例：2.5）。',
  'inquiry.error.consent': '送信するには個人データの取り扱いに同意してください。',
  'inquiry.error.country': '国を選択してください。',
  'inquiry.error.phone': '電話番号には数字、スペース、+ ( ) . - のみ使用できます。',
  'inquiry.error.form': '印の付いた欄を修正してください。',
  'inquiry.error.rateLimited':
    '短時間に多くのお問い合わせが送信されました。{minutes} 分後に再度お試しください。',
  'inquiry.error.notFound': 'この団地は現在、公開サイトからのお問い合わせを受け付けていません。',
  'inquiry.error.failed': '送信できませんでした。入力内容は保持されています。もう一度お試しください。',
};

const ko: InquiryDictionary = {
  'inquiry.title': '문의하기',
  'inquiry.intro': '필요하신 내용을 알려 주세요. 관리 기관과 기반시설 개발사가 이메일로 답변드립니다.',
  'inquiry.purpose': '투자 목적 (제품, 사업 내용)',
  'inquiry.sector': '업종',
  'inquiry.landHa': '필요한 토지 면적 (ha)',
  'inquiry.timeframe': '토지가 필요한 시기',
  'inquiry.timeframe.now': '즉시',
  'inquiry.timeframe.within_6_months': '6개월 이내',
  'inquiry.timeframe.within_1_year': '1년 이내',
  'inquiry.timeframe.later': '1년 이후',
  'inquiry.message': '기타 문의 내용',
  'inquiry.contact': '연락처',
  'inquiry.name': '성명',
  'inquiry.organisation': '회사 / 기관명',
  'inquiry.email': '이메일',
  'inquiry.phone': '전화번호',
  'inquiry.country': '국가',
  'inquiry.countryChoose': '국가를 선택하세요',
  'inquiry.optional': '(선택)',
  'inquiry.notice': '개인정보 처리 안내',
  'inquiry.consent': '위 안내를 읽었으며 이에 동의합니다.',
  'inquiry.honeypot': '이 칸은 비워 두세요',
  'inquiry.submit': '문의 보내기',
  'inquiry.sending': '보내는 중…',
  'inquiry.checking': '스팸 방지 확인 중입니다. 잠시만 기다려 주세요…',
  'inquiry.sent': '문의가 접수되었습니다',
  'inquiry.sentBody':
    '접수 번호는 {reference}입니다. 연락하실 때 이 번호를 알려 주세요. 이메일로 답변드리겠습니다.',
  'inquiry.another': '다른 문의 보내기',
  'inquiry.error.required': '이 칸을 입력해 주세요.',
  'inquiry.error.email': '이메일 주소가 올바르지 않습니다.',
  'inquiry.error.number': '0보다 큰 숫자를 입력하세요 (예: 2.5).',
  'inquiry.error.consent': '문의를 보내려면 개인정보 처리 안내에 동의해 주세요.',
  'inquiry.error.country': '국가를 선택해 주세요.',
  'inquiry.error.phone': '전화번호에는 숫자, 공백, + ( ) . - 만 사용할 수 있습니다.',
  'inquiry.error.form': '표시된 칸을 수정해 주세요.',
  'inquiry.error.rateLimited':
    '짧은 시간에 여러 건의 문의를 보내셨습니다. {minutes}분 후에 다시 시도해 주세요.',
  'inquiry.error.notFound': '이 단지는 현재 공개 사이트를 통한 문의를 받지 않습니다.',
  'inquiry.error.failed': '문의를 보내지 못했습니다. 입력하신 내용은 유지됩니다. 다시 시도해 주세요.',
};

const zh: InquiryDictionary = {
  'inquiry.title': '发送咨询',
  'inquiry.intro': '请告诉我们您的需求；园区管理机构和基础设施开发商将通过电子邮件答复。',
  'inquiry.purpose': '投资目的（产品、业务）',
  'inquiry.sector': '行业',
  'inquiry.landHa': '所需土地面积（公顷）',
  'inquiry.timeframe': '何时需要土地',
  'inquiry.timeframe.now': '立即',
  'inquiry.timeframe.within_6_months': '6个月内',
  'inquiry.timeframe.within_1_year': '1年内',
  'inquiry.timeframe.later': '1年以后',
  'inquiry.message': '其他说明',
  'inquiry.contact': '联系方式',
  'inquiry.name': '姓名',
  'inquiry.organisation': '公司 / 机构',
  'inquiry.email': '电子邮件',
  'inquiry.phone': '电话',
  'inquiry.country': '国家',
  'inquiry.countryChoose': '请选择国家',
  'inquiry.optional': '（选填）',
  'inquiry.notice': '个人数据处理说明',
  'inquiry.consent': '我已阅读并同意上述说明。',
  'inquiry.honeypot': '请勿填写此栏',
  'inquiry.submit': '发送咨询',
  'inquiry.sending': '正在发送…',
  'inquiry.checking': '正在进行反垃圾信息验证，请稍候…',
  'inquiry.sent': '咨询已发送',
  'inquiry.sentBody': '您的咨询编号为 {reference}。联系时请提供此编号。我们将通过电子邮件答复。',
  'inquiry.another': '发送另一条咨询',
  'inquiry.error.required': '请填写此栏。',
  'inquiry.error.email': '电子邮件地址无效。',
  'inquiry.error.number': '请输入大于0的数字，例如 2.5。',
  'inquiry.error.consent': '发送咨询前请同意个人数据处理说明。',
  'inquiry.error.country': '请选择国家。',
  'inquiry.error.phone': '电话号码只能包含数字、空格和 + ( ) . -',
  'inquiry.error.form': '请更正标出的栏目。',
  'inquiry.error.rateLimited': '您在短时间内发送了多条咨询。请在 {minutes} 分钟后重试。',
  'inquiry.error.notFound': '该园区目前不通过公开网站接受咨询。',
  'inquiry.error.failed': '咨询未能发送。您输入的内容已保留，请重试。',
};

export const inquiryLangs = ['vi', 'en', 'ja', 'ko', 'zh'] as const;
export type InquiryLang = (typeof inquiryLangs)[number];

export const inquiryDictionaries: Record<InquiryLang, InquiryDictionary> = { vi, en, ja, ko, zh };
export { vi as inquiryVi, en as inquiryEn, ja as inquiryJa, ko as inquiryKo, zh as inquiryZh };

export type InquiryTranslate = (key: InquiryMessageKey, values?: Record<string, string | number>) => string;

export function inquiryTranslator(lang: InquiryLang): InquiryTranslate {
  const dictionary = inquiryDictionaries[lang] ?? vi;
  return (key, values) =>
    (dictionary[key] ?? vi[key]).replace(/\{(\w+)\}/g, (whole, name: string) =>
      values?.[name] === undefined ? whole : String(values[name]),
    );
}
