import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../lib/i18n';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  useDocumentTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.description')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
