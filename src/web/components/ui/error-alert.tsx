import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorText, requestIdOf } from '../../lib/errors';
import { useT } from '../../lib/i18n';

/** A failed call, with the server's message and the request id to quote to support. */
export function ErrorAlert({ error, action }: { error: unknown; action?: ReactNode }) {
  const t = useT();
  const requestId = requestIdOf(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(error, t)}
      description={requestId ? <RequestIdText requestId={requestId} /> : undefined}
      action={action}
    />
  );
}

export function RequestIdText({ requestId }: { requestId: string }) {
  const t = useT();
  return (
    <Typography.Text type="secondary">
      {t('error.requestId')}:{' '}
      <Typography.Text code copyable>
        {requestId}
      </Typography.Text>
    </Typography.Text>
  );
}
