import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorText, requestIdOf } from '../../lib/errors';
import { useT } from '../../lib/i18n';

/**
 * A failed call, with the server's message and the request id to quote to support; `details` (e.g. the
 * field messages of a form that cannot show them beside its inputs) goes between the two.
 */
export function ErrorAlert({
  error,
  action,
  details,
}: {
  error: unknown;
  action?: ReactNode;
  details?: ReactNode;
}) {
  const t = useT();
  const requestId = requestIdOf(error);
  const description =
    details || requestId ? (
      <>
        {details}
        {requestId ? <RequestIdText requestId={requestId} /> : null}
      </>
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(error, t)}
      description={description}
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
