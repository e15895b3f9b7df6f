import { Forbidden } from '../../components/ui/forbidden';
import { PageHeader } from '../../components/ui/page-header';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { InquiryList } from '../../features/inquiry/components/inquiry-list';
import { useT } from '../../lib/i18n';
import { PERMISSIONS } from '../../lib/paths';

/** Yêu cầu của nhà đầu tư: the inquiries of the reader's zones. */
export function InquiriesPage() {
  const t = useT();
  const user = useCurrentUser();
  if (!hasAnyPermission(user, PERMISSIONS.inquiries)) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('inquiry.title')} subtitle={t('inquiry.subtitle')} />
      <InquiryList />
    </>
  );
}
