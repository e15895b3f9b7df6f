/** Exchange rates. */
const vi = {
  'exchangeRate.title': 'Tỷ giá quy đổi',
  'exchangeRate.hint':
    'Số đồng trên một đơn vị ngoại tệ cho từng khoảng thời gian; tỷ giá USD dùng để quy đổi VND sang USD. Các khoảng của một loại tiền không được chồng nhau.',
  'exchangeRate.add': 'Thêm tỷ giá',
  'exchangeRate.added': 'Đã thêm tỷ giá; các tổng quy đổi được tính lại.',
  'exchangeRate.empty': 'Chưa cấu hình tỷ giá nào.',
  'exchangeRate.currency': 'Loại tiền',
  'exchangeRate.period': 'Hiệu lực',
  'exchangeRate.validFrom': 'Hiệu lực từ ngày',
  'exchangeRate.validTo': 'Đến hết ngày',
  'exchangeRate.vndPerUnit': 'Tỷ giá (đồng/đơn vị)',
  'exchangeRate.source': 'Nguồn tỷ giá',
  'exchangeRate.rateRequired': 'Vui lòng nhập tỷ giá.',
  'exchangeRate.rateFormat': 'Tỷ giá không đọc được: ví dụ 24.000 hoặc 25.450,5.',
  'exchangeRate.dateRequired': 'Vui lòng chọn ngày.',
};

const en: Record<keyof typeof vi, string> = {
  'exchangeRate.title': 'Exchange rates',
  'exchangeRate.hint':
    'Đồng per unit of a foreign currency for each period; the USD rate converts VND to USD. Periods of one currency may not overlap.',
  'exchangeRate.add': 'Add rate',
  'exchangeRate.added': 'Rate added; converted totals are recomputed.',
  'exchangeRate.empty': 'No rates configured.',
  'exchangeRate.currency': 'Currency',
  'exchangeRate.period': 'Valid',
  'exchangeRate.validFrom': 'Valid from',
  'exchangeRate.validTo': 'Valid to (inclusive)',
  'exchangeRate.vndPerUnit': 'Rate (đồng per unit)',
  'exchangeRate.source': 'Source of the rate',
  'exchangeRate.rateRequired': 'Please enter the rate.',
  'exchangeRate.rateFormat': 'The rate cannot be read: e.g. 24,000 or 25,450.5.',
  'exchangeRate.dateRequired': 'Please choose the date.',
};

export const exchangeRateMessages = { vi, en };
