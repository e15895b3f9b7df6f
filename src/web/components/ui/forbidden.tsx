import { Result } from 'antd';
import { useT } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The page exists but the signed-in user's role does not include it. */
export function Forbidden() {
  const t = useT();
  useDocumentTitle(t('forbidden.title'));
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.description')} />;
}
