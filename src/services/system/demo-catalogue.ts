import { formatNumber } from '../../domain/format/format';
import type { PublishableFieldKey } from '../../domain/catalogue/catalogue.schema';
import { findDemoCatalogueZones } from '../catalogue/catalogue.repository';
import { saveZoneDescription, savePublicationOf } from '../catalogue/publication.service';
import type { ServiceDeps } from '../deps';

/** The fields the demo publishes (no developer contact: the demo has no real one). */
const demoFields: PublishableFieldKey[] = [
  'area',
  'occupancy',
  'status',
  'infrastructure',
  'wwtp',
  'fireSafety',
  'sectors',
  'prices',
  'location',
  'description',
  'reporting',
];

/**
 * Publishes the operating zones with the most unleased land (up to 12) in the investor catalogue, with a short
 * Vietnamese and English description each — written here from the registry's own facts and marked as demo
 * text — so the public catalogue is not empty after `npm start`.
 */
export async function seedDemoCatalogue(deps: ServiceDeps): Promise<{ published: number }> {
  const zones = await findDemoCatalogueZones(deps.db, 12);
  for (const z of zones) {
    const family = z.kind === 'CCN' ? 'CCN' : 'KCN';
    await savePublicationOf(deps, z.code, {
      published: true,
      fields: demoFields,
      sectors: family === 'CCN' ? ['16', '22', '25', '31'] : ['26', '27', '28', '29'],
      version: 0,
    });
    const place = z.communeName ?? 'Hà Nội';
    const area = z.declaredAreaHa === null ? null : formatNumber(z.declaredAreaHa, { maxFractionDigits: 2 });
    const areaEn =
      z.declaredAreaHa === null
        ? null
        : formatNumber(z.declaredAreaHa, { locale: 'en', maxFractionDigits: 2 });
    const kindVi = family === 'CCN' ? 'Cụm công nghiệp' : 'Khu công nghiệp';
    const kindEn = family === 'CCN' ? 'industrial cluster' : 'industrial park';
    await saveZoneDescription(deps, z.code, 'vi', {
      text:
        `${z.name}: ${kindVi.toLowerCase()} đang hoạt động tại ${place}, thành phố Hà Nội` +
        (area ? `, diện tích quy hoạch ${area} ha.` : '.') +
        ' Nhà đầu tư xem diện tích đất còn trống, giá thuê và hạ tầng ở các mục dưới đây. (Nội dung giới thiệu minh hoạ của bản demo.)',
      version: 0,
    });
    await saveZoneDescription(deps, z.code, 'en', {
      text:
        `${z.name}: an operating ${kindEn} in ${place}, Hanoi` +
        (areaEn ? `, with a planned area of ${areaEn} ha.` : '.') +
        ' Unleased land, prices and infrastructure are listed below. (Demo description.)',
      version: 0,
    });
  }
  return { published: zones.length };
}
