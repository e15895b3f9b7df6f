import { App, Button, Card, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { ApiError } from '../../../lib/api';
import { useLocale, useT } from '../../../lib/i18n';
import { useInspectionKinds, useRecordInspection, type InspectionInput } from '../api/inspection-api';

type ItemValue = { passed?: boolean; description?: string; action?: string; deadline?: string };
type Values = {
  kindCode?: string;
  inspectedOn?: string;
  agency?: string;
  decisionNo?: string;
  conclusion?: string;
  items?: Record<string, ItemValue>;
};

/**
 * Recording an inspection: its kind's checklist with pass/fail per item; a failed item asks what to remedy
 * and by when (the server refuses a failed item without a deadline, naming the row).
 */
export function InspectionForm({ code, onDone }: { code: string; onDone?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kinds = useInspectionKinds();
  const record = useRecordInspection(code);
  const [error, setError] = useState<unknown>(null);
  const kindCode = Form.useWatch('kindCode', form);
  const items = Form.useWatch('items', form) ?? {};
  const kind = kinds.data?.find((k) => k.code === kindCode);
  const required = [{ required: true, message: t('inspection.required') }];

  function submit(values: Values) {
    if (!kind) return;
    setError(null);
    const answers = values.items ?? {};
    const input: InspectionInput = {
      kindCode: kind.code,
      inspectedOn: values.inspectedOn!,
      agency: values.agency!.trim(),
      decisionNo: values.decisionNo?.trim() || null,
      conclusion: values.conclusion?.trim() || null,
      results: kind.items.map((i) => ({ itemCode: i.code, passed: answers[i.code]?.passed !== false })),
      findings: kind.items
        .filter((i) => answers[i.code]?.passed === false)
        .map((i) => ({
          itemCode: i.code,
          description: answers[i.code]?.description?.trim() || (locale === 'vi' ? i.labelVi : i.labelEn),
          action: answers[i.code]?.action?.trim() || null,
          deadline: answers[i.code]?.deadline ?? null,
        })),
    };
    record.mutate(input, {
      onSuccess: () => {
        void message.success(t('inspection.recorded'));
        form.resetFields();
        onDone?.();
      },
      onError: (e) => {
        const fields = e instanceof ApiError ? Object.keys(e.fieldErrors) : [];
        const simple = fields.filter((f) => ['kindCode', 'inspectedOn', 'agency', 'decisionNo'].includes(f));
        if (simple.length && e instanceof ApiError) {
          form.setFields(
            simple.map((name) => ({ name: name as keyof Values, errors: [e.fieldErrors[name]!] })),
          );
        }
        if (simple.length < fields.length || fields.length === 0) setError(e);
      },
    });
  }

  return (
    <Card size="small" title={t('inspection.record')} data-testid="inspection-form">
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="kindCode" label={t('inspection.kind')} rules={required}>
          <Select
            loading={kinds.isPending}
            options={(kinds.data ?? []).map((k) => ({
              value: k.code,
              label: locale === 'vi' ? k.nameVi : k.nameEn,
            }))}
          />
        </Form.Item>
        <Form.Item name="inspectedOn" label={t('inspection.date')} rules={required}>
          <IsoDatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="agency" label={t('inspection.agency')} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="decisionNo" label={t('inspection.decisionNo')}>
          <Input maxLength={100} />
        </Form.Item>
        <Typography.Text strong>{t('inspection.checklist')}</Typography.Text>
        {!kind ? (
          <Typography.Paragraph type="secondary">{t('inspection.chooseKind')}</Typography.Paragraph>
        ) : (
          <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
            {kind.items.map((item) => {
              const failed = items[item.code]?.passed === false;
              return (
                <Card size="small" key={item.code} data-testid={`check-${item.code}`}>
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <span>{locale === 'vi' ? item.labelVi : item.labelEn}</span>
                    <Form.Item name={['items', item.code, 'passed']} initialValue={true} noStyle>
                      <Radio.Group
                        optionType="button"
                        size="small"
                        options={[
                          { value: true, label: t('inspection.passed') },
                          { value: false, label: t('inspection.failed') },
                        ]}
                      />
                    </Form.Item>
                  </Flex>
                  {failed ? (
                    <Flex vertical style={{ marginTop: 8 }}>
                      <Form.Item name={['items', item.code, 'description']} label={t('inspection.finding')}>
                        <Input maxLength={2000} />
                      </Form.Item>
                      <Form.Item name={['items', item.code, 'action']} label={t('inspection.action')}>
                        <Input maxLength={2000} />
                      </Form.Item>
                      <Form.Item
                        name={['items', item.code, 'deadline']}
                        label={t('inspection.deadline')}
                        rules={required}
                      >
                        <IsoDatePicker
                          style={{ width: '100%' }}
                          ariaLabel={`${t('inspection.deadline')} ${item.code}`}
                        />
                      </Form.Item>
                    </Flex>
                  ) : null}
                </Card>
              );
            })}
          </Flex>
        )}
        <Form.Item name="conclusion" label={t('inspection.conclusion')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('inspection.save')}
        </Button>
      </Form>
    </Card>
  );
}
