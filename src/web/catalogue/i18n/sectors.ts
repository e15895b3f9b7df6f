/**
 * Names of the VSIC 2018 divisions the catalogue offers (`catalogueSectors` in the domain has Vietnamese and
 * English) in Japanese, Korean and simplified Chinese — interface labels of a fixed list, so they live with the
 * catalogue's dictionaries. A code missing here shows the English name.
 */
export const SECTOR_NAMES: Record<string, { ja: string; ko: string; zh: string }> = {
  '10': { ja: '食料品製造', ko: '식료품 제조', zh: '食品制造' },
  '11': { ja: '飲料製造', ko: '음료 제조', zh: '饮料制造' },
  '13': { ja: '繊維', ko: '섬유', zh: '纺织' },
  '14': { ja: '衣服製造', ko: '의복 제조', zh: '服装制造' },
  '15': { ja: '皮革・関連製品', ko: '가죽 및 관련 제품', zh: '皮革及相关产品' },
  '16': { ja: '木材・木製品', ko: '목재 및 목제품', zh: '木材及木制品' },
  '17': { ja: '紙・紙製品', ko: '종이 및 종이제품', zh: '纸及纸制品' },
  '18': { ja: '印刷・記録媒体複製', ko: '인쇄 및 기록매체 복제', zh: '印刷和记录媒介复制' },
  '20': { ja: '化学品・化学製品', ko: '화학물질 및 화학제품', zh: '化学品及化学制品' },
  '21': { ja: '医薬品', ko: '의약품', zh: '医药制品' },
  '22': { ja: 'ゴム・プラスチック製品', ko: '고무 및 플라스틱 제품', zh: '橡胶和塑料制品' },
  '23': { ja: 'その他の非金属鉱物製品', ko: '기타 비금속 광물제품', zh: '其他非金属矿物制品' },
  '24': { ja: '基礎金属', ko: '1차 금속', zh: '基本金属' },
  '25': { ja: '金属製品', ko: '금속 가공제품', zh: '金属制品' },
  '26': { ja: 'コンピュータ・電子・光学製品', ko: '컴퓨터, 전자 및 광학제품', zh: '计算机、电子和光学产品' },
  '27': { ja: '電気機器', ko: '전기장비', zh: '电气设备' },
  '28': { ja: 'その他の機械・設備', ko: '기타 기계 및 장비', zh: '其他机械和设备' },
  '29': { ja: '自動車', ko: '자동차', zh: '汽车' },
  '30': { ja: 'その他の輸送機器', ko: '기타 운송장비', zh: '其他运输设备' },
  '31': { ja: '家具', ko: '가구', zh: '家具' },
  '32': { ja: 'その他の製造業', ko: '기타 제조업', zh: '其他制造业' },
  '33': { ja: '機械の修理・据付', ko: '기계 수리 및 설치', zh: '机械修理和安装' },
  '35': { ja: '電気・ガス供給', ko: '전기 및 가스 공급', zh: '电力和燃气供应' },
  '38': {
    ja: '廃棄物の収集・処理・リサイクル',
    ko: '폐기물 수집, 처리 및 재활용',
    zh: '废物收集、处理和回收',
  },
  '52': { ja: '倉庫・物流', ko: '창고 및 물류', zh: '仓储和物流' },
  '72': { ja: '研究開発', ko: '연구개발', zh: '研究与开发' },
};
