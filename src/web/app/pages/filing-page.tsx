import { useParams, useSearchParams } from 'react-router';
import { Forbidden } from '../../components/ui/forbidden';
import { hasPermission, useCurrentUser } from '../../lib/session';
import { FilingView, NewFilingView } from '../../features/reporting/components/filing-view';

/** `/reports/filings/:id`, and `/reports/filings/new?formCode=&period=&kind=&code=` for a report not started. */
export function FilingPage() {
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  if (!hasPermission(user, 'report.read')) return <Forbidden />;
  if (id === 'new') {
    const kind = params.get('kind') === 'zone' ? 'zone' : 'project';
    return (
      <NewFilingView
        target={{
          formCode: params.get('formCode') ?? '',
          period: params.get('period') ?? '',
          kind,
          code: params.get('code') ?? '',
          name: params.get('name') ?? undefined,
        }}
      />
    );
  }
  return <FilingView id={id} />;
}
