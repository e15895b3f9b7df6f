import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ApiError } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { useSign, type CompilationQuery } from '../api/reporting-api';

/** Signing a Biểu 03/04: the document number and who signs; a report changed meanwhile answers 409. */
type SignForm = { docNo?: string; signerName: string; signerTitle: string };

export function SignModal({
  open,
  query,
  version,
  onClose,
  onConflict,
}: {
  open: boolean;
  query: CompilationQuery;
  version: number | null;
  onClose: () => void;
  onConflict: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const sign = useSign(query);
  const [form] = Form.useForm<SignForm>();
  const [failure, setFailure] = useState<unknown>(null);
  async function submit(values: SignForm) {
    setFailure(null);
    try {
      await sign.mutateAsync({
        docNo: values.docNo?.trim() ? values.docNo.trim() : null,
        signerName: values.signerName.trim(),
        signerTitle: values.signerTitle.trim(),
        version,
      });
      void message.success(t('reports.compiled.signedOk'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onClose();
        onConflict();
      } else setFailure(error);
    }
  }
  return (
    <Modal
      open={open}
      title={t('reports.compiled.signTitle')}
      okText={t('reports.compiled.sign')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: sign.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reports.compiled.signHint')}</Typography.Paragraph>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form<SignForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="docNo" label={t('reports.compiled.docNo')}>
          <Input maxLength={64} placeholder="12/BC-UBND" />
        </Form.Item>
        <Form.Item
          name="signerName"
          label={t('reports.compiled.signerName')}
          rules={[{ required: true, whitespace: true, message: t('reports.compiled.signerRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="signerTitle"
          label={t('reports.compiled.signerTitle')}
          rules={[{ required: true, whitespace: true, message: t('reports.compiled.signerTitleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
