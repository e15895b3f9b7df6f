import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { changePassword } from '../api/auth-api';
import { useCurrentUser } from '../../../lib/session';
import { sessionQueryKey } from '../api/session';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

/** "Đổi mật khẩu": current password, new password twice; field errors come from the server. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: () => {
      void message.success(t('password.changed'));
      // The server may rotate the session (and its CSRF token) when the password changes.
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      close();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) {
        setFormError(error);
        return;
      }
      // The session is gone: the API client is already taking the user to the sign-in page.
      if (error.status === 401) return;
      if (error.code === 'auth.wrong_password') {
        form.setFields([{ name: 'currentPassword', errors: [error.message || t('password.wrongCurrent')] }]);
        setFormError(null);
        return;
      }
      const fields = Object.entries(error.fieldErrors);
      if (fields.length > 0) {
        form.setFields(fields.map(([name, text]) => ({ name: name as keyof Values, errors: [text] })));
        const known = new Set<string>(['currentPassword', 'newPassword']);
        setFormError(fields.some(([name]) => !known.has(name)) ? error : null);
      } else {
        setFormError(error);
      }
    },
  });

  function close() {
    form.resetFields();
    setFormError(null);
    mutation.reset();
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('password.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      forceRender
    >
      {formError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Form<Values>
        form={form}
        name="change-password"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        {/* Lets password managers know whose password changes. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          rules={[{ required: true, message: t('password.newRequired') }]}
          extra={t('password.newHint')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
