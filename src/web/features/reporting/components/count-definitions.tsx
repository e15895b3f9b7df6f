import { Alert } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';

/**
 * What Biểu 03/04 count, said beside the figures (issue 10: the registry lists every cluster record while
 * the form counts clusters by their legal stage at the period's end), with links to the registry list
 * filtered the same way: every cluster record, and those without a lifecycle that the form cannot count.
 */
export function CountDefinitions({ scope }: { scope: { kind: 'commune' | 'city'; code: string } }) {
  const t = useT();
  const base = `/zones?family=CCN${scope.kind === 'commune' ? `&commune=${scope.code}` : ''}`;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="compiled-count-definitions"
      title={t('counts.compiled.title')}
      description={
        <>
          {t('counts.compiled.definition')} <Link to={base}>{t('counts.compiled.all')}</Link>
          {' · '}
          <Link to={`${base}&state=none`}>{t('counts.compiled.none')}</Link>
        </>
      }
    />
  );
}
