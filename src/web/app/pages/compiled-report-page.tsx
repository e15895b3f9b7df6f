import { Alert } from 'antd';
import { useSearchParams } from 'react-router';
import { Forbidden } from '../../components/ui/forbidden';
import { hasPermission, useCurrentUser } from '../../lib/session';
import { CompiledView } from '../../features/reporting/components/compiled-view';
import { useT } from '../../lib/i18n';

/** `/reports/compiled?formCode=B03&period=2026-H1&commune=00454`, or `formCode=B04` for the city. */
export function CompiledReportPage() {
  const t = useT();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  if (!hasPermission(user, 'report.read')) return <Forbidden />;
  const formCode = params.get('formCode');
  const period = params.get('period') ?? '';
  const commune = params.get('commune') ?? undefined;
  if ((formCode !== 'B03' && formCode !== 'B04') || !period || (formCode === 'B03' && !commune))
    return <Alert type="error" showIcon title={t('reports.compiled.badQuery')} />;
  return <CompiledView query={{ formCode, period, commune }} />;
}
