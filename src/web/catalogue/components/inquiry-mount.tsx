import { lazy, Suspense } from 'react';
import { useCatalogue } from '../context';
import { Skeleton } from './status';

/**
 * The investor inquiry form (`../inquiry/`, with its own words in the five languages and its proof of work),
 * loaded with the zone page's lower part rather than in the catalogue's first load.
 */
const InquiryForm = lazy(() => import('../inquiry/inquiry-form').then((m) => ({ default: m.InquiryForm })));

export function InquiryMount({ zoneCode, zoneName }: { zoneCode: string; zoneName: string }) {
  const { lang } = useCatalogue();
  return (
    <div id="inquiry" className="cat-inquiry" data-zone={zoneCode}>
      <Suspense fallback={<Skeleton lines={4} />}>
        <InquiryForm key={zoneCode} zoneCode={zoneCode} zoneName={zoneName} lang={lang} />
      </Suspense>
    </div>
  );
}
