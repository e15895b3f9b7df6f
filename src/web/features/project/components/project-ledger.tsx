import { PlusOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { toIsoDate } from '../../../../domain/format/format';
import { showFieldErrors } from '../../../components/record-form/record-form';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { useFormat } from '../../../lib/format';
import { useLocale, useT, type MessageKey } from '../../../lib/i18n';
import { capitalText } from '../../../components/zone/zone-labels';
import {
  INVESTMENT_EVENT_KINDS,
  useAddInvestmentEvent,
  type InvestmentEvent,
  type InvestmentEventInput,
  type InvestmentEventKind,
  type ProjectDetail,
} from '../api/project-api';
import { typedAmount, type TypedAmount } from '../../../lib/amount';
import { EVENT_KIND_COLORS, EVENT_KIND_LABELS } from './project-labels';

/** The currencies investors register in most; any other ISO 4217 code may be typed. */
const CURRENCIES = ['USD', 'VND', 'EUR', 'JPY', 'KRW', 'CNY', 'TWD', 'SGD', 'HKD', 'THB', 'GBP'];

/**
 * Sổ vốn đầu tư: the project's capital events in ledger order, each with the registered capital of its
 * currency after it; below it, for those who may, a form to record the next event. The ledger is
 * append-only: a correction is a new event.
 */
export function ProjectLedger({ project, canEdit }: { project: ProjectDetail; canEdit: boolean }) {
  const t = useT();
  const format = useFormat();
  const columns: TableColumnsType<InvestmentEvent> = [
    {
      title: t('project.ledger.date'),
      dataIndex: 'eventDate',
      width: 120,
      render: (date: string) => <span style={{ whiteSpace: 'nowrap' }}>{format.date(date)}</span>,
    },
    {
      title: t('project.ledger.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (kind: InvestmentEventKind) => (
        <Tag color={EVENT_KIND_COLORS[kind]}>{t(EVENT_KIND_LABELS[kind])}</Tag>
      ),
    },
    {
      title: t('project.ledger.amount'),
      key: 'amount',
      align: 'right',
      render: (_value, event) => {
        const text = capitalText(event.amount, event.currency, format);
        const sign = event.kind === 'decrease' || event.kind === 'termination' ? '−' : '+';
        return <span style={{ whiteSpace: 'nowrap' }}>{`${sign} ${text}`}</span>;
      },
    },
    {
      title: t('project.ledger.registeredAfter'),
      key: 'registeredAfter',
      align: 'right',
      render: (_value, event) => (
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {capitalText(event.registeredAfter, event.currency, format)}
        </Typography.Text>
      ),
    },
    {
      title: t('project.ledger.note'),
      dataIndex: 'note',
      render: (note: string | null) => note ?? '—',
    },
    {
      title: t('project.ledger.recordedAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {format.dateTime(at)}
        </Typography.Text>
      ),
    },
  ];
  const terminated = project.events.some((event) => event.kind === 'termination');

  return (
    <Flex vertical gap={16}>
      <Table<InvestmentEvent>
        data-testid="project-ledger"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={project.events}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('project.ledger.empty') }}
        summary={() =>
          project.registeredCapital.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>{t('project.ledger.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Flex vertical align="flex-end" data-testid="project-ledger-total">
                  {project.registeredCapital.map((capital) => (
                    <Typography.Text strong key={capital.currency} style={{ whiteSpace: 'nowrap' }}>
                      {capitalText(capital.amount, capital.currency, format)}
                    </Typography.Text>
                  ))}
                </Flex>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} colSpan={2} />
            </Table.Summary.Row>
          ) : null
        }
      />
      {canEdit && !terminated ? <AddEventForm project={project} /> : null}
      {terminated ? <Alert type="info" showIcon title={t('project.ledger.closed')} /> : null}
    </Flex>
  );
}

type Values = {
  kind: InvestmentEventKind;
  eventDate: string | null;
  amount: string;
  currency: string;
  note: string | null;
};
const FIELDS = ['kind', 'eventDate', 'amount', 'currency', 'note'] as const;

const AMOUNT_PROBLEMS: Record<Exclude<TypedAmount, { ok: true }>['problem'], MessageKey> = {
  format: 'project.ledger.amountFormat',
  negative: 'project.ledger.amountNegative',
  decimals: 'project.ledger.amountDecimals',
  tooLarge: 'project.ledger.amountTooLarge',
};

function AddEventForm({ project }: { project: ProjectDetail }) {
  const t = useT();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddInvestmentEvent(project.code);
  const [formError, setFormError] = useState<unknown>(null);
  const today = useMemo(() => toIsoDate(new Date()), []);
  const hasNew = project.events.some((event) => event.kind === 'new');
  const initial: Values = {
    kind: hasNew ? 'increase' : 'new',
    eventDate: today,
    amount: '',
    currency: project.registeredCapital[0]?.currency ?? (project.ownership === 'fdi' ? 'USD' : 'VND'),
    note: null,
  };
  const currency = Form.useWatch('currency', form);

  function send(values: Values, input: InvestmentEventInput) {
    add.mutate(input, {
      onSuccess: () => {
        void message.success(t('project.ledger.added'));
        form.resetFields();
        form.setFieldsValue({ ...initial, kind: 'increase', currency: values.currency });
      },
      onError: (error) => {
        if (showFieldErrors(form, error, FIELDS) === null) setFormError(error);
      },
    });
  }

  function submit(values: Values) {
    setFormError(null);
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    const amount = typedAmount(values.amount, locale);
    if (!amount.ok) {
      form.setFields([{ name: 'amount', errors: [t(AMOUNT_PROBLEMS[amount.problem])] }]);
      return;
    }
    const input: InvestmentEventInput = {
      kind: values.kind,
      eventDate: values.eventDate ?? '',
      amount: amount.decimal,
      currency: values.currency.trim().toUpperCase(),
      note: values.note?.trim() || null,
    };
    if (values.kind === 'termination') {
      modal.confirm({
        title: t('project.ledger.terminateConfirm'),
        content: t('project.ledger.terminateHint'),
        okText: t('project.ledger.terminate'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => send(values, input),
      });
      return;
    }
    send(values, input);
  }

  return (
    <Card size="small" title={t('project.ledger.addTitle')} data-testid="project-event-form">
      {formError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Form<Values>
        form={form}
        name="investment-event"
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) =>
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))
        }
        disabled={add.isPending}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12} lg={5}>
            <Form.Item label={t('project.ledger.kind')} name="kind" rules={[{ required: true }]}>
              <Select
                options={INVESTMENT_EVENT_KINDS.map((value) => ({
                  value,
                  label: t(EVENT_KIND_LABELS[value]),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <Form.Item
              label={t('project.ledger.date')}
              name="eventDate"
              rules={[{ required: true, message: t('project.ledger.dateRequired') }]}
            >
              <IsoDatePicker allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={7}>
            <Form.Item
              label={t('project.ledger.amount')}
              name="amount"
              extra={t('project.ledger.amountHint')}
              rules={[{ required: true, whitespace: true, message: t('project.ledger.amountRequired') }]}
            >
              <Input
                inputMode="decimal"
                autoComplete="off"
                suffix={(currency ?? '').toUpperCase() === 'VND' ? '₫' : (currency ?? '').toUpperCase()}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={7}>
            <Form.Item
              label={t('project.ledger.currency')}
              name="currency"
              rules={[{ required: true, whitespace: true, message: t('project.ledger.currencyRequired') }]}
            >
              <AutoComplete
                options={CURRENCIES.map((value) => ({ value }))}
                filterOption={(input, option) =>
                  String(option?.value ?? '').startsWith(input.trim().toUpperCase())
                }
              >
                <Input maxLength={3} style={{ textTransform: 'uppercase' }} />
              </AutoComplete>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('project.ledger.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={add.isPending}>
          {t('project.ledger.add')}
        </Button>
      </Form>
    </Card>
  );
}
