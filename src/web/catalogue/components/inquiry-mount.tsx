import { useCatalogue } from '../context';

/**
 * Where the investor inquiry form goes on a zone page. The form itself is built in `../inquiry/` (investor
 * inquiries, issue 14); until it is mounted this says where it will be.
 */
export function InquiryMount({ zoneCode }: { zoneCode: string; zoneName: string }) {
  const { t } = useCatalogue();
  return (
    <section
      aria-labelledby="inquiry"
      className="cat-inquiry"
      data-zone={zoneCode}
      data-testid="inquiry-mount"
    >
      <h2 id="inquiry">{t('zone.inquiry')}</h2>
      <p className="cat-muted">{t('zone.inquirySoon')}</p>
    </section>
  );
}
