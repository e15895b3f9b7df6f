import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useInquiry, useInquiryStep, type InquiryDetail as Detail } from '../api/inquiry-api';
import {
  ACTION_LABELS,
  holdReasonLabels,
  inquiryStatusLabels,
  inquiryTimeframeLabels,
  STATUS_COLORS,
} from './inquiry-labels';

/** One inquiry: what the investor wants, who they are (until erased), its history and the reply box. */
export function InquiryDetail({ id }: { id: string }) {
  const inquiry = useInquiry(id);
  if (inquiry.isPending) return <PageLoader />;
  if (inquiry.error) return <ErrorAlert error={inquiry.error} />;
  return <InquiryBody inquiry={inquiry.data} />;
}

function InquiryBody({ inquiry }: { inquiry: Detail }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const { message } = App.useApp();
  const step = useInquiryStep(inquiry.id);
  const [form] = Form.useForm<{ text: string }>();
  const [error, setError] = useState<unknown>(null);
  const can = (a: Detail['actions'][number]) => inquiry.actions.includes(a);

  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      void message.warning(t('inquiry.conflict'));
      step.reset();
      return;
    }
    const text = e instanceof ApiError ? e.fieldErrors.text : undefined;
    if (text) form.setFields([{ name: 'text', errors: [text] }]);
    else setError(e);
  };
  const reply = ({ text }: { text: string }) => {
    setError(null);
    step.mutate(
      { action: 'reply', text, version: inquiry.version },
      {
        onSuccess: () => {
          void message.success(t('inquiry.reply.sent'));
          form.resetFields();
        },
        onError,
      },
    );
  };
  const simple = (action: 'close' | 'release') => {
    setError(null);
    step.mutate(
      { action, version: inquiry.version },
      { onSuccess: () => void message.success(t('inquiry.done')), onError },
    );
  };

  const personal = (value: string | null) => value ?? '—';
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <Tag color={STATUS_COLORS[inquiry.status]} data-testid="inquiry-status">
          {inquiryStatusLabels[inquiry.status][locale]}
        </Tag>
        <Typography.Text copyable>{inquiry.reference}</Typography.Text>
      </Flex>
      {inquiry.status === 'held' && inquiry.heldReason ? (
        <Alert
          type="warning"
          showIcon
          message={t('inquiry.held', {
            reason:
              holdReasonLabels[inquiry.heldReason as keyof typeof holdReasonLabels]?.[locale] ??
              inquiry.heldReason,
          })}
        />
      ) : null}
      {inquiry.erasedAt ? (
        <Alert type="info" showIcon message={t('inquiry.erased', { date: format.date(inquiry.erasedAt) })} />
      ) : null}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'zone',
            label: t('inquiry.field.zone'),
            children: (
              <Link to={`/zones/${encodeURIComponent(inquiry.zone.code)}`}>
                {inquiry.zone.name} ({inquiry.zone.code})
              </Link>
            ),
          },
          { key: 'purpose', label: t('inquiry.field.purpose'), children: inquiry.purpose },
          { key: 'sector', label: t('inquiry.field.sector'), children: inquiry.sector ?? '—' },
          { key: 'land', label: t('inquiry.field.land'), children: format.area(inquiry.landHa) },
          {
            key: 'timeframe',
            label: t('inquiry.field.timeframe'),
            children: inquiryTimeframeLabels[inquiry.timeframe][locale],
          },
          { key: 'message', label: t('inquiry.field.message'), children: personal(inquiry.message) },
          { key: 'contact', label: t('inquiry.field.contact'), children: personal(inquiry.contactName) },
          { key: 'org', label: t('inquiry.field.organisation'), children: personal(inquiry.organisation) },
          {
            key: 'email',
            label: t('inquiry.field.email'),
            children: inquiry.email ? <a href={`mailto:${inquiry.email}`}>{inquiry.email}</a> : '—',
          },
          { key: 'phone', label: t('inquiry.field.phone'), children: personal(inquiry.phone) },
          { key: 'country', label: t('inquiry.field.country'), children: inquiry.country },
          { key: 'language', label: t('inquiry.field.language'), children: inquiry.language },
          {
            key: 'received',
            label: t('inquiry.field.received'),
            children: format.dateTime(inquiry.createdAt),
          },
          {
            key: 'consent',
            label: t('inquiry.field.consent'),
            children: (
              <Typography.Text type="secondary">
                {t('inquiry.consentAt', {
                  version: inquiry.consent.version,
                  at: format.dateTime(inquiry.consent.at),
                })}
              </Typography.Text>
            ),
          },
        ]}
      />
      {error ? <ErrorAlert error={error} /> : null}
      {can('release') || can('close') ? (
        <Flex gap={8} wrap data-testid="inquiry-actions">
          {can('release') ? (
            <Button type="primary" loading={step.isPending} onClick={() => simple('release')}>
              {t('inquiry.release')}
            </Button>
          ) : null}
          {can('close') ? (
            <Popconfirm
              title={t('inquiry.close.confirm')}
              okText={t('inquiry.close')}
              cancelText={t('common.cancel')}
              onConfirm={() => simple('close')}
            >
              <Button loading={step.isPending}>{t('inquiry.close')}</Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ) : null}
      {can('reply') ? (
        <Form form={form} layout="vertical" onFinish={reply} name="inquiry-reply" data-testid="inquiry-reply">
          <Form.Item
            name="text"
            label={t('inquiry.reply')}
            extra={t('inquiry.reply.help')}
            rules={[{ required: true, whitespace: true, message: t('inquiry.reply.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={8000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={step.isPending}>
            {t('inquiry.reply.send')}
          </Button>
        </Form>
      ) : null}
      <div data-testid="inquiry-history">
        <Typography.Title level={5}>{t('inquiry.history')}</Typography.Title>
        {inquiry.history.length ? (
          <Timeline
            items={inquiry.history.map((e, i) => ({
              key: `${e.at}-${i}`,
              children: (
                <Flex vertical gap={2}>
                  <Typography.Text strong>
                    {t(ACTION_LABELS[e.action as keyof typeof ACTION_LABELS] ?? 'inquiry.history')}
                    {e.toStatus && e.fromStatus !== e.toStatus
                      ? ` → ${inquiryStatusLabels[e.toStatus][locale]}`
                      : ''}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {format.dateTime(e.at)} ·{' '}
                    {e.actorName === 'public' ? t('inquiry.col.contact') : e.actorName}
                  </Typography.Text>
                  {e.text ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {e.text}
                    </Typography.Paragraph>
                  ) : null}
                </Flex>
              ),
            }))}
          />
        ) : (
          <Empty />
        )}
      </div>
    </Flex>
  );
}
