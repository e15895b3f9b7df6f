import type { Translate } from '../../lib/i18n';
import type { DrawProblem, RingPlace } from '../../geometry/geo-validate';

/** "vùng 2", "lỗ 1 của vùng 2": a ring named as the officer sees it (numbered from 1). */
export function ringName(place: RingPlace, t: Translate): string {
  return place.ring === 0
    ? t('draw.where.polygon', { polygon: place.polygon + 1 })
    : t('draw.where.hole', { hole: place.ring, polygon: place.polygon + 1 });
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** A problem of the drawing as one sentence. */
export function drawProblemText(problem: DrawProblem, t: Translate): string {
  switch (problem.kind) {
    case 'empty':
      return t('draw.error.empty');
    case 'open':
      return t('draw.error.open');
    case 'crossing':
    case 'inside':
      return t(`draw.error.${problem.kind}`, {
        where: capitalised(ringName(problem.at, t)),
        other: ringName(problem.other, t),
      });
    default:
      return t(`draw.error.${problem.kind}`, { where: capitalised(ringName(problem.at, t)) });
  }
}
