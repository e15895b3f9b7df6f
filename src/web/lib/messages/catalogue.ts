/** The officers' catalogue publishing page (Danh mục đầu tư). */
const vi = {
  'catalogue.title': 'Danh mục đầu tư công khai',
  'catalogue.hint':
    'Chọn khu, cụm công nghiệp được công bố cho nhà đầu tư và các trường thông tin được công khai. Diện tích đất công nghiệp chưa cho thuê luôn được công khai theo khoản 5 Điều 19 Nghị định 32/2024/NĐ-CP. Thay đổi có hiệu lực ngay trên trang công khai.',
  'catalogue.search': 'Tìm theo mã, tên',
  'catalogue.zone': 'Khu, cụm',
  'catalogue.commune': 'Xã, phường',
  'catalogue.published': 'Công bố',
  'catalogue.fields': 'Trường công khai',
  'catalogue.languages': 'Ngôn ngữ giới thiệu',
  'catalogue.documents': 'Tài liệu công khai',
  'catalogue.empty': 'Không có khu, cụm nào trong phạm vi của bạn.',
  'catalogue.edit': 'Chỉnh sửa',
  'catalogue.save': 'Lưu',
  'catalogue.saved': 'Đã lưu; trang công khai đã cập nhật.',
  'catalogue.conflict': 'Người khác vừa thay đổi; đã tải lại dữ liệu mới nhất, vui lòng chọn lại.',
  'catalogue.alwaysPublic': 'luôn công khai theo luật',
  'catalogue.sectors': 'Ngành nghề thu hút (VSIC cấp 2)',
  'catalogue.contactName': 'Người/bộ phận liên hệ',
  'catalogue.contactPhone': 'Điện thoại',
  'catalogue.contactEmail': 'Thư điện tử',
  'catalogue.contactWebsite': 'Trang web',
  'catalogue.descriptions': 'Giới thiệu theo ngôn ngữ',
  'catalogue.descriptionHint':
    'Cán bộ tự viết cho từng ngôn ngữ; không dùng bản dịch máy. Ngôn ngữ chưa có bản giới thiệu sẽ hiển thị tiếng Việt kèm ghi chú.',
  'catalogue.addLanguage': 'Thêm ngôn ngữ',
  'catalogue.removeDescription': 'Xóa bản giới thiệu này',
  'catalogue.documentsHint':
    'Đánh dấu tài liệu, hình ảnh của khu, cụm được tải về từ trang công khai. Tải tài liệu lên ở trang khu, cụm.',
  'catalogue.noDocuments': 'Khu, cụm chưa có tài liệu.',
  'catalogue.photo': 'Ảnh',
  'catalogue.viewPublic': 'Xem trang công khai',
};

const en: Record<keyof typeof vi, string> = {
  'catalogue.title': 'Public investment catalogue',
  'catalogue.hint':
    'Choose the parks and clusters published to investors and which of their fields are public. Unleased industrial land is always public (Decree 32/2024, Art. 19.5). Changes show on the public pages at once.',
  'catalogue.search': 'Search by code or name',
  'catalogue.zone': 'Park or cluster',
  'catalogue.commune': 'Commune',
  'catalogue.published': 'Published',
  'catalogue.fields': 'Public fields',
  'catalogue.languages': 'Description languages',
  'catalogue.documents': 'Public documents',
  'catalogue.empty': 'No park or cluster in your scope.',
  'catalogue.edit': 'Edit',
  'catalogue.save': 'Save',
  'catalogue.saved': 'Saved; the public pages are up to date.',
  'catalogue.conflict': 'Someone else just changed this; the latest state was loaded, please choose again.',
  'catalogue.alwaysPublic': 'always public by law',
  'catalogue.sectors': 'Sectors welcomed (VSIC divisions)',
  'catalogue.contactName': 'Contact person or office',
  'catalogue.contactPhone': 'Phone',
  'catalogue.contactEmail': 'E-mail',
  'catalogue.contactWebsite': 'Website',
  'catalogue.descriptions': 'Description per language',
  'catalogue.descriptionHint':
    'Written by officers for each language; no machine translation. A language without a description shows the Vietnamese one with a note.',
  'catalogue.addLanguage': 'Add language',
  'catalogue.removeDescription': 'Remove this description',
  'catalogue.documentsHint':
    "Mark the zone's documents and photos downloadable from the public pages. Upload documents on the zone's page.",
  'catalogue.noDocuments': 'The zone has no documents.',
  'catalogue.photo': 'Photo',
  'catalogue.viewPublic': 'View public page',
};

export const catalogueMessages = { vi, en };
