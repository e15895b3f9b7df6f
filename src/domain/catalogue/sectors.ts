import type { LocalizedText } from '../shared/errors';

/**
 * VSIC 2018 divisions (ngành cấp 2) a zone can welcome — manufacturing, energy, waste, logistics and R&D, the
 * ones that settle in parks and clusters — with their names in Vietnamese and English.
 */
export const catalogueSectors: Record<string, LocalizedText> = {
  '10': { vi: 'Sản xuất chế biến thực phẩm', en: 'Food products' },
  '11': { vi: 'Sản xuất đồ uống', en: 'Beverages' },
  '13': { vi: 'Dệt', en: 'Textiles' },
  '14': { vi: 'Sản xuất trang phục', en: 'Wearing apparel' },
  '15': { vi: 'Sản xuất da và sản phẩm có liên quan', en: 'Leather and related products' },
  '16': { vi: 'Chế biến gỗ và sản phẩm từ gỗ', en: 'Wood and wood products' },
  '17': { vi: 'Sản xuất giấy và sản phẩm từ giấy', en: 'Paper and paper products' },
  '18': { vi: 'In, sao chép bản ghi', en: 'Printing and reproduction of recorded media' },
  '20': { vi: 'Sản xuất hóa chất và sản phẩm hóa chất', en: 'Chemicals and chemical products' },
  '21': { vi: 'Sản xuất thuốc, hóa dược và dược liệu', en: 'Pharmaceuticals' },
  '22': { vi: 'Sản xuất sản phẩm từ cao su và plastic', en: 'Rubber and plastics products' },
  '23': { vi: 'Sản xuất sản phẩm từ khoáng phi kim loại', en: 'Other non-metallic mineral products' },
  '24': { vi: 'Sản xuất kim loại', en: 'Basic metals' },
  '25': { vi: 'Sản xuất sản phẩm từ kim loại đúc sẵn', en: 'Fabricated metal products' },
  '26': {
    vi: 'Sản xuất sản phẩm điện tử, máy vi tính và quang học',
    en: 'Computer, electronic and optical products',
  },
  '27': { vi: 'Sản xuất thiết bị điện', en: 'Electrical equipment' },
  '28': { vi: 'Sản xuất máy móc, thiết bị chưa phân vào đâu', en: 'Machinery and equipment n.e.c.' },
  '29': { vi: 'Sản xuất xe có động cơ', en: 'Motor vehicles' },
  '30': { vi: 'Sản xuất phương tiện vận tải khác', en: 'Other transport equipment' },
  '31': { vi: 'Sản xuất giường, tủ, bàn, ghế', en: 'Furniture' },
  '32': { vi: 'Công nghiệp chế biến, chế tạo khác', en: 'Other manufacturing' },
  '33': { vi: 'Sửa chữa, bảo dưỡng và lắp đặt máy móc', en: 'Repair and installation of machinery' },
  '35': { vi: 'Sản xuất và phân phối điện, khí đốt', en: 'Electricity and gas supply' },
  '38': { vi: 'Thu gom, xử lý và tái chế chất thải', en: 'Waste collection, treatment and recycling' },
  '52': { vi: 'Kho bãi và hỗ trợ vận tải (logistics)', en: 'Warehousing and logistics' },
  '72': { vi: 'Nghiên cứu khoa học và phát triển', en: 'Research and development' },
};
export const catalogueSectorCodes = Object.keys(catalogueSectors) as [string, ...string[]];
