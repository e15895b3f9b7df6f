import { useParams, Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { InquiryDetail } from '../../features/inquiry/components/inquiry-detail';
import { useT } from '../../lib/i18n';
import { PATHS } from '../../lib/paths';

/** One inquiry (the address notices link to): details, reply box, history. */
export function InquiryPage() {
  const t = useT();
  const { id = '' } = useParams();
  return (
    <>
      <PageHeader title={t('inquiry.title')} extra={<Link to={PATHS.inquiries}>{t('inquiry.back')}</Link>} />
      <InquiryDetail id={id} />
    </>
  );
}
