/** The Biểu 04 exchange with the national database. */
const vi = {
  'nav.exchange': 'Trao đổi dữ liệu',
  'exchange.title': 'Trao đổi Biểu 04 với cơ sở dữ liệu quốc gia',
  'exchange.subtitle':
    'Nhận gói trao đổi Biểu 04 đã ký của tỉnh/thành phố khác: IZIS kiểm tra mã SHA-256, phiên bản định dạng và tính lại 27 chỉ tiêu từ danh sách cụm kèm theo trước khi lưu.',
  'exchange.schema': 'Lược đồ JSON của gói',
  'exchange.upload': 'Nhận gói trao đổi',
  'exchange.uploadHint': 'Kéo thả hoặc bấm để chọn tệp gói trao đổi (.json)',
  'exchange.accepted':
    'Đã nhận Biểu 04 kỳ {period} của {province} (bản ký số {version}): số liệu khớp khi tính lại.',
  'exchange.alreadyReceived':
    'Gói Biểu 04 kỳ {period} của {province} (bản ký số {version}) đã được nhận từ trước; không ghi thêm.',
  'exchange.received': 'Các gói đã nhận',
  'exchange.empty': 'Chưa nhận gói trao đổi nào.',
  'exchange.province': 'Tỉnh/thành phố',
  'exchange.period': 'Kỳ báo cáo',
  'exchange.version': 'Bản ký',
  'exchange.signedAt': 'Thời điểm ký',
  'exchange.clusters': 'Số cụm',
  'exchange.importedAt': 'Thời điểm nhận',
  'exchange.items': 'Các chỉ tiêu',
  'exchange.itemNo': 'STT',
  'exchange.item': 'Chỉ tiêu',
  'exchange.value': 'Giá trị',
  'exchange.unit': 'Đơn vị tính',
  'exchange.download': 'Tải gói trao đổi',
};

const en: Record<keyof typeof vi, string> = {
  'nav.exchange': 'Data exchange',
  'exchange.title': 'Biểu 04 exchange with the national database',
  'exchange.subtitle':
    'Receive another province’s signed Biểu 04 exchange package: IZIS checks its SHA-256, its format version and recomputes the 27 items from the clusters it carries before storing it.',
  'exchange.schema': 'JSON Schema of the package',
  'exchange.upload': 'Receive a package',
  'exchange.uploadHint': 'Drop or click to choose the exchange package file (.json)',
  'exchange.accepted':
    'Received Biểu 04 for {period} from {province} (signed version {version}): the figures recompute.',
  'exchange.alreadyReceived':
    'The Biểu 04 package for {period} from {province} (signed version {version}) was already received; nothing was added.',
  'exchange.received': 'Received packages',
  'exchange.empty': 'No package received yet.',
  'exchange.province': 'Province',
  'exchange.period': 'Period',
  'exchange.version': 'Signed version',
  'exchange.signedAt': 'Signed at',
  'exchange.clusters': 'Clusters',
  'exchange.importedAt': 'Received at',
  'exchange.items': 'Items',
  'exchange.itemNo': 'No.',
  'exchange.item': 'Item',
  'exchange.value': 'Value',
  'exchange.unit': 'Unit',
  'exchange.download': 'Download exchange package',
};

export const exchangeMessages = { vi, en };
