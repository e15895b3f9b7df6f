import { Button, Result, Space } from 'antd';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { RequestIdText } from '../components/ui/error-alert';
import { UiProvider } from '../components/ui/ui-provider';
import { errorText, isChunkLoadError, requestIdOf } from '../lib/errors';
import { useT } from '../lib/i18n';
import { useDocumentTitle } from '../lib/use-document-title';
import { NotFound } from './not-found';

/** What a page that crashed shows instead: the reason, the request id to quote, and a way out. */
export function RouteError() {
  return (
    <UiProvider>
      <RouteErrorContent />
    </UiProvider>
  );
}

function RouteErrorContent() {
  const t = useT();
  const navigate = useNavigate();
  const error = useRouteError();
  useDocumentTitle(t('error.title'));
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;

  const requestId = requestIdOf(error);
  const chunk = isChunkLoadError(error);
  return (
    <Result
      status={chunk ? 'warning' : '500'}
      title={chunk ? t('error.chunkLoadTitle') : t('error.title')}
      subTitle={
        <Space orientation="vertical" size={4}>
          <span>{errorText(error, t)}</span>
          {requestId ? <RequestIdText requestId={requestId} /> : null}
        </Space>
      }
      extra={
        <Space>
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('error.reload')}
          </Button>
          <Button onClick={() => void navigate('/')}>{t('common.backHome')}</Button>
        </Space>
      }
    />
  );
}
