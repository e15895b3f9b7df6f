import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useT, type Translate } from '../../../lib/i18n';
import { RequestIdText } from '../../../components/ui/error-alert';
import { signIn, type SignInInput } from '../api/auth-api';
import type { Session } from '../../../lib/session';

const THROTTLED = 'auth.throttled';

/** "4 phút 30 giây" / "4 min 30 s". */
function formatWait(totalSeconds: number, t: Translate): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return t('time.seconds', { seconds });
  if (seconds === 0) return t('time.minutes', { minutes });
  return t('time.minutesSeconds', { minutes, seconds });
}

type Wait = { until: number; secondsLeft: number };

const secondsUntil = (until: number): number => Math.max(0, Math.ceil((until - Date.now()) / 1000));

/** A wait imposed by the server, counting down every second until it is over. */
function useCountdown(): [number, (seconds: number | null) => void] {
  const [wait, setWait] = useState<Wait | null>(null);
  const until = wait?.until ?? null;
  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => {
      const secondsLeft = secondsUntil(until);
      setWait({ until, secondsLeft });
      if (secondsLeft === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  const start = useCallback((seconds: number | null) => {
    setWait(seconds === null ? null : { until: Date.now() + seconds * 1000, secondsLeft: seconds });
  }, []);
  return [wait?.secondsLeft ?? 0, start];
}

export function SignInForm({ onSignedIn }: { onSignedIn: (session: Session) => void | Promise<void> }) {
  const t = useT();
  const [form] = Form.useForm<SignInInput>();
  const [secondsLeft, startWait] = useCountdown();

  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: async (session) => {
      await onSignedIn(session);
    },
    onError: (error) => {
      form.setFieldValue('password', '');
      if (error instanceof ApiError) {
        const fields = Object.entries(error.fieldErrors);
        form.setFields(
          fields.map(([name, message]) => ({ name: name as keyof SignInInput, errors: [message] })),
        );
      }
      if (error instanceof ApiError && error.code === THROTTLED) {
        startWait(error.detailNumber('retryAfterSeconds'));
      } else {
        startWait(null);
      }
    },
  });

  const error = mutation.error;
  const throttled = error instanceof ApiError && error.code === THROTTLED;

  return (
    <Form<SignInInput>
      form={form}
      name="sign-in"
      layout="vertical"
      requiredMark={false}
      disabled={mutation.isPending}
      onFinish={(values) => mutation.mutate({ username: values.username.trim(), password: values.password })}
      onValuesChange={() => {
        if (mutation.isError && !throttled) mutation.reset();
      }}
    >
      {error ? (
        <Alert
          style={{ marginBottom: 16 }}
          type={throttled ? 'warning' : 'error'}
          showIcon
          role="alert"
          title={errorText(error, t)}
          description={
            throttled ? (
              secondsLeft > 0 ? (
                t('signIn.retryIn', { time: formatWait(secondsLeft, t) })
              ) : (
                t('signIn.retryNow')
              )
            ) : error instanceof ApiError && error.requestId && error.status >= 500 ? (
              <RequestIdText requestId={error.requestId} />
            ) : undefined
          }
        />
      ) : null}
      <Form.Item
        label={t('signIn.username')}
        name="username"
        rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
      >
        <Input autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Form.Item
        label={t('signIn.password')}
        name="password"
        rules={[{ required: true, message: t('signIn.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={mutation.isPending}
        disabled={throttled && secondsLeft > 0}
      >
        {t('signIn.submit')}
      </Button>
    </Form>
  );
}
