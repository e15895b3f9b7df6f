import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { ApiError } from '../../../lib/api';
import { useLocale, useT } from '../../../lib/i18n';
import { useObstacleCategories, useRaiseObstacle, type ObstacleInput } from '../api/monitoring-api';

type Values = Partial<Record<keyof ObstacleInput, string | null>>;
const FIELDS = new Set([
  'zoneCode',
  'projectCode',
  'categoryCode',
  'title',
  'description',
  'agency',
  'raisedOn',
  'deadline',
]);

/** Records a new obstacle; the server's field messages appear beside their inputs. */
export function ObstacleForm({
  open,
  zoneCode,
  projectCode,
  today,
  onClose,
  onCreated,
}: {
  open: boolean;
  zoneCode?: string;
  projectCode?: string;
  today: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useObstacleCategories();
  const raise = useRaiseObstacle();
  const [error, setError] = useState<unknown>(null);
  const required = [{ required: true, message: t('monitoring.obstacle.required') }];

  function submit(v: Values) {
    setError(null);
    raise.mutate(
      {
        zoneCode: (zoneCode ?? v.zoneCode ?? '').trim(),
        projectCode: projectCode ?? (v.projectCode?.trim() || null),
        categoryCode: v.categoryCode ?? '',
        title: v.title ?? '',
        description: v.description?.trim() || null,
        agency: v.agency ?? '',
        raisedOn: v.raisedOn ?? today,
        deadline: v.deadline ?? null,
      },
      {
        onSuccess: (created) => {
          void message.success(t('monitoring.obstacle.created'));
          form.resetFields();
          onCreated(created.id);
        },
        onError: (e) => {
          const fields = e instanceof ApiError ? Object.entries(e.fieldErrors) : [];
          const shown = fields.filter(([name]) => FIELDS.has(name));
          if (shown.length)
            form.setFields(shown.map(([name, text]) => ({ name: name as keyof Values, errors: [text] })));
          if (!shown.length || shown.length < fields.length) setError(e);
        },
      },
    );
  }

  return (
    <Modal
      open={open}
      title={t('monitoring.obstacle.newTitle')}
      okText={t('monitoring.obstacle.new')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={raise.isPending}
      destroyOnHidden
      width={640}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="obstacle"
        onFinish={submit}
        initialValues={{ raisedOn: today, categoryCode: 'land_clearance', zoneCode }}
      >
        {zoneCode ? null : (
          <Form.Item label={t('monitoring.obstacle.zone')} name="zoneCode" rules={required}>
            <Input placeholder="DEMO-CCN-DONG-ANH" />
          </Form.Item>
        )}
        {projectCode ? null : (
          <Form.Item label={t('monitoring.obstacle.project')} name="projectCode">
            <Input />
          </Form.Item>
        )}
        <Form.Item label={t('monitoring.obstacle.category')} name="categoryCode" rules={required}>
          <Select
            loading={categories.isPending}
            options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.name[locale] }))}
          />
        </Form.Item>
        <Form.Item label={t('monitoring.obstacle.title')} name="title" rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label={t('monitoring.obstacle.description')} name="description">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} />
        </Form.Item>
        <Form.Item label={t('monitoring.obstacle.agency')} name="agency" rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label={t('monitoring.obstacle.raisedOn')} name="raisedOn" rules={required}>
          <IsoDatePicker ariaLabel={t('monitoring.obstacle.raisedOn')} />
        </Form.Item>
        <Form.Item label={t('monitoring.obstacle.deadline')} name="deadline">
          <IsoDatePicker ariaLabel={t('monitoring.obstacle.deadline')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
