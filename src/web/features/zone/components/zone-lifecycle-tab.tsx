import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Select,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { lifecycleStates } from '../../../../domain/zone/lifecycle';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError } from '../../../lib/api';
import { useDatePickerFormat, useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import {
  useAddLifecycleEvent,
  useZoneLifecycle,
  type LifecycleEvent,
  type LifecycleEventInput,
  type LifecycleState,
  type ZoneDetail,
} from '../api/zone-api';
import {
  LIFECYCLE_GROUP_COLORS,
  LIFECYCLE_TAG_COLORS,
  lifecycleGroup,
  lifecycleLabel,
} from '../../../components/zone/zone-labels';

const WITH_PROGRESS: readonly LifecycleState[] = ['land_clearance', 'construction'];

function byDate(a: LifecycleEvent, b: LifecycleEvent): number {
  return a.eventDate.localeCompare(b.eventDate) || a.seq - b.seq;
}

/** Vòng đời: the dated history of legal steps (never overwritten) and, for its keepers, a form to add one. */
export function ZoneLifecycleTab({ zone, canManage }: { zone: ZoneDetail; canManage: boolean }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const events = useZoneLifecycle(zone.code);

  let history;
  if (events.isPending) history = <PageLoader />;
  else if (events.error) {
    history = (
      <ErrorAlert
        error={events.error}
        action={<Button onClick={() => void events.refetch()}>{t('common.retry')}</Button>}
      />
    );
  } else if (events.data.length === 0) {
    history = <Empty description={t('zone.lifecycle.empty')} />;
  } else {
    history = (
      <Timeline
        data-testid="zone-lifecycle"
        items={[...events.data].sort(byDate).map((event) => {
          const progress =
            event.progressPct === null || event.progressPct === undefined ? null : Number(event.progressPct);
          const group = lifecycleGroup(event.state);
          let decision: string | null = null;
          if (event.decisionNo && event.decisionDate) {
            decision = t('zone.lifecycle.decisionWithDate', {
              no: event.decisionNo,
              date: format.date(event.decisionDate),
            });
          } else if (event.decisionNo) decision = t('zone.lifecycle.decision', { no: event.decisionNo });
          else if (event.decisionDate) {
            decision = t('zone.lifecycle.decisionDateOnly', { date: format.date(event.decisionDate) });
          }
          return {
            key: event.id,
            color: LIFECYCLE_GROUP_COLORS[group],
            content: (
              <Flex vertical gap={4} align="flex-start">
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{format.date(event.eventDate)}</Typography.Text>
                  <Tag color={LIFECYCLE_TAG_COLORS[group]}>{lifecycleLabel(event.state, locale)}</Tag>
                </Flex>
                {decision ? (
                  <span>
                    {decision}
                    {event.issuedBy ? ` — ${event.issuedBy}` : ''}
                  </span>
                ) : event.issuedBy ? (
                  <span>{event.issuedBy}</span>
                ) : null}
                {progress !== null && Number.isFinite(progress) ? (
                  <Flex gap={8} align="center" style={{ minWidth: 240 }}>
                    <Progress
                      percent={progress}
                      size="small"
                      showInfo={false}
                      style={{ width: 160, margin: 0 }}
                    />
                    <span>{t('zone.lifecycle.progress', { pct: `${format.number(progress)} %` })}</span>
                  </Flex>
                ) : null}
                {event.note ? (
                  <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                    {event.note}
                  </Typography.Text>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('zone.lifecycle.recordedAt', { time: format.dateTime(event.createdAt) })}
                </Typography.Text>
              </Flex>
            ),
          };
        })}
      />
    );
  }

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={canManage ? 14 : 24}>
        {history}
      </Col>
      {canManage ? (
        <Col xs={24} lg={10}>
          <AddLifecycleEvent code={zone.code} />
        </Col>
      ) : null}
    </Row>
  );
}

type Values = {
  state?: LifecycleState;
  eventDate?: Dayjs;
  progressPct?: number | null;
  decisionNo?: string;
  decisionDate?: Dayjs | null;
  issuedBy?: string;
  note?: string;
};

const FORM_FIELDS = new Set([
  'state',
  'eventDate',
  'progressPct',
  'decisionNo',
  'decisionDate',
  'issuedBy',
  'note',
]);

function AddLifecycleEvent({ code }: { code: string }) {
  const t = useT();
  const locale = useLocale();
  const dateFormat = useDatePickerFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddLifecycleEvent(code);
  const [formError, setFormError] = useState<unknown>(null);
  const state = Form.useWatch('state', form);

  function submit(values: Values) {
    setFormError(null);
    if (!values.state || !values.eventDate) return;
    const input: LifecycleEventInput = {
      state: values.state,
      eventDate: values.eventDate.format('YYYY-MM-DD'),
      progressPct: WITH_PROGRESS.includes(values.state) ? (values.progressPct ?? null) : null,
      decisionNo: values.decisionNo?.trim() || null,
      decisionDate: values.decisionDate ? values.decisionDate.format('YYYY-MM-DD') : null,
      issuedBy: values.issuedBy?.trim() || null,
      note: values.note?.trim() || null,
    };
    const label = lifecycleLabel(values.state, locale);
    add.mutate(input, {
      onSuccess: () => {
        void message.success(t('zone.lifecycle.added', { state: label }));
        form.resetFields();
      },
      onError: (error) => {
        const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
        const shown = fields.filter(([name]) => FORM_FIELDS.has(name));
        if (shown.length > 0) {
          form.setFields(shown.map(([name, text]) => ({ name: name as keyof Values, errors: [text] })));
        }
        // Whatever no field of this form can show (a rule on the whole history, an unknown field) goes on top.
        if (shown.length === 0 || shown.length < fields.length) setFormError(error);
      },
    });
  }

  return (
    <Card size="small" title={t('zone.lifecycle.addTitle')}>
      <Typography.Paragraph type="secondary">{t('zone.lifecycle.addHint')}</Typography.Paragraph>
      {formError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Form<Values> form={form} layout="vertical" name="lifecycle-event" onFinish={submit}>
        <Form.Item
          label={t('zone.lifecycle.state')}
          name="state"
          rules={[{ required: true, message: t('zone.lifecycle.stateRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={lifecycleStates.map((value) => ({ value, label: lifecycleLabel(value, locale) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('zone.lifecycle.eventDate')}
              name="eventDate"
              rules={[{ required: true, message: t('zone.lifecycle.dateRequired') }]}
            >
              <DatePicker format={dateFormat} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {state && WITH_PROGRESS.includes(state) ? (
            <Col xs={24} sm={12}>
              <Form.Item label={t('zone.lifecycle.progressPct')} name="progressPct">
                <InputNumber<number>
                  min={0}
                  max={100}
                  step={1}
                  decimalSeparator={locale === 'vi' ? ',' : '.'}
                  style={{ width: '100%' }}
                  suffix="%"
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.lifecycle.decisionNo')} name="decisionNo">
              <Input placeholder="1292/QĐ-UBND" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.lifecycle.decisionDate')} name="decisionDate">
              <DatePicker format={dateFormat} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('zone.lifecycle.issuedBy')} name="issuedBy">
          <Input />
        </Form.Item>
        <Form.Item label={t('zone.lifecycle.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('zone.lifecycle.submit')}
        </Button>
      </Form>
    </Card>
  );
}
