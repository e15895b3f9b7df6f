import { DeleteOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError } from '../../../lib/api';
import { typedAmount, type TypedAmount } from '../../../lib/amount';
import { useFormat, type Formatters } from '../../../lib/format';
import { useLocale, useT, type MessageKey, type Translate } from '../../../lib/i18n';
import {
  PRICE_CURRENCIES,
  PRICE_KINDS,
  PRICE_UNITS,
  useAddPrice,
  useRemovePrice,
  useZonePrices,
  type Price,
  type PriceInput,
  type PriceKind,
  type PriceUnit,
  type ZonePrices,
} from '../api/zone-plan-api';
import { PRICE_KIND_LABELS, PRICE_UNIT_LABELS } from './zone-plan-price-labels';

/** "1.850.000 VND/m²/cả thời hạn thuê" */
export function priceText(
  price: Pick<Price, 'amount' | 'currency' | 'unit'>,
  t: Translate,
  format: Formatters,
) {
  return `${format.number(price.amount, { maxFractionDigits: 4 })} ${price.currency}/${t(PRICE_UNIT_LABELS[price.unit])}`;
}

/** "từ 1/1/2026" or "1/1/2024 – 31/12/2025" */
export function validityText(price: Pick<Price, 'validFrom' | 'validTo'>, t: Translate, format: Formatters) {
  return price.validTo
    ? t('zone.price.period', { from: format.date(price.validFrom), to: format.date(price.validTo) })
    : t('zone.price.openEnded', { from: format.date(price.validFrom) });
}

/** The price of each kind in force today, as the overview and this tab show it. */
export function CurrentPrices({ prices, compact = false }: { prices: ZonePrices; compact?: boolean }) {
  const t = useT();
  const format = useFormat();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      layout={compact ? 'vertical' : 'horizontal'}
      data-testid="current-prices"
      items={PRICE_KINDS.map((kind) => {
        const price = prices.current[kind];
        return {
          key: kind,
          label: t(PRICE_KIND_LABELS[kind]),
          children: price ? (
            <Flex vertical gap={2}>
              <Typography.Text strong>{priceText(price, t, format)}</Typography.Text>
              <Typography.Text type="secondary">{validityText(price, t, format)}</Typography.Text>
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('zone.price.none')}</Typography.Text>
          ),
        };
      })}
    />
  );
}

/** Giá, phí: the prices in force, the history of each kind, and for the zone's keepers a form to add one. */
export function ZonePricesTab({ code }: { code: string }) {
  const t = useT();
  const format = useFormat();
  const prices = useZonePrices(code);
  if (prices.isPending) return <PageLoader />;
  if (prices.error) {
    return (
      <ErrorAlert
        error={prices.error}
        action={<Button onClick={() => void prices.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={prices.data.canEdit ? 16 : 24}>
        <Flex vertical gap={16}>
          <Card size="small" title={t('zone.price.current', { date: format.date(prices.data.asOf) })}>
            <CurrentPrices prices={prices.data} />
          </Card>
          <Card size="small" title={t('zone.price.historyTitle')}>
            <PriceHistory code={code} prices={prices.data} />
          </Card>
        </Flex>
      </Col>
      {prices.data.canEdit ? (
        <Col xs={24} xl={8}>
          <AddPriceForm code={code} />
        </Col>
      ) : null}
    </Row>
  );
}

function PriceHistory({ code, prices }: { code: string; prices: ZonePrices }) {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const remove = useRemovePrice(code);
  if (prices.items.length === 0) return <Empty description={t('zone.price.empty')} />;
  const currentIds = new Set(PRICE_KINDS.map((kind) => prices.current[kind]?.id));
  const columns: TableColumnsType<Price> = [
    {
      title: t('zone.price.col.kind'),
      dataIndex: 'kind',
      render: (kind: PriceKind) => t(PRICE_KIND_LABELS[kind]),
    },
    {
      title: t('zone.price.col.amount'),
      key: 'amount',
      align: 'right',
      render: (_value, price) => <span style={{ whiteSpace: 'nowrap' }}>{priceText(price, t, format)}</span>,
    },
    {
      title: t('zone.price.col.validity'),
      key: 'validity',
      render: (_value, price) => (
        <Flex gap={6} wrap align="center">
          <span style={{ whiteSpace: 'nowrap' }}>{validityText(price, t, format)}</span>
          {currentIds.has(price.id) ? <Tag color="green">{t('zone.price.inForce')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('zone.price.col.note'),
      dataIndex: 'note',
      responsive: ['lg'],
      render: (note: string | null) => note ?? '—',
    },
  ];
  if (prices.canEdit) {
    columns.push({
      title: '',
      key: 'remove',
      width: 48,
      render: (_value, price) => (
        <Popconfirm
          title={t('zone.price.removeConfirm')}
          okText={t('zone.price.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            new Promise<void>((resolve) =>
              remove.mutate(
                { id: price.id, version: price.version },
                {
                  onSuccess: () => {
                    void message.success(t('zone.price.removed'));
                    resolve();
                  },
                  onError: (error) => {
                    void message.error(error.message);
                    resolve();
                  },
                },
              ),
            )
          }
        >
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('zone.price.remove')}
          />
        </Popconfirm>
      ),
    });
  }
  return (
    <Table<Price>
      data-testid="price-history"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={prices.items}
      pagination={false}
    />
  );
}

type Values = {
  kind?: PriceKind;
  amount?: string;
  currency?: PriceInput['currency'];
  unit?: PriceUnit;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string;
};
const FORM_FIELDS = new Set(['kind', 'amount', 'currency', 'unit', 'validFrom', 'validTo', 'note']);
const AMOUNT_PROBLEMS: Record<Exclude<TypedAmount, { ok: true }>['problem'], MessageKey> = {
  format: 'zone.price.amountFormat',
  negative: 'zone.price.amountNegative',
  decimals: 'zone.price.amountDecimals',
  tooLarge: 'zone.price.amountTooLarge',
};

function AddPriceForm({ code }: { code: string }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddPrice(code);
  const [formError, setFormError] = useState<unknown>(null);

  function submit(values: Values) {
    setFormError(null);
    if (!values.kind || !values.amount || !values.currency || !values.unit || !values.validFrom) return;
    const amount = typedAmount(values.amount, locale);
    if (!amount.ok) {
      form.setFields([{ name: 'amount', errors: [t(AMOUNT_PROBLEMS[amount.problem])] }]);
      return;
    }
    const input: PriceInput = {
      kind: values.kind,
      amount: amount.decimal,
      currency: values.currency,
      unit: values.unit,
      validFrom: values.validFrom,
      validTo: values.validTo ?? null,
      note: values.note?.trim() || null,
    };
    add.mutate(input, {
      onSuccess: ({ closed }) => {
        void message.success(
          closed ? t('zone.price.addedClosed', { date: format.date(closed.validTo) }) : t('zone.price.added'),
        );
        form.resetFields(['amount', 'validFrom', 'validTo', 'note']);
      },
      onError: (error) => {
        const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
        const shown = fields.filter(([name]) => FORM_FIELDS.has(name));
        if (shown.length)
          form.setFields(shown.map(([name, text]) => ({ name: name as keyof Values, errors: [text] })));
        if (shown.length === 0 || shown.length < fields.length) setFormError(error);
      },
    });
  }

  const required = [{ required: true, message: t('zone.price.required') }];
  return (
    <Card size="small" title={t('zone.price.addTitle')}>
      <Typography.Paragraph type="secondary">{t('zone.price.addHint')}</Typography.Paragraph>
      {formError ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="zone-price"
        onFinish={submit}
        initialValues={{ kind: 'sublease', currency: 'VND', unit: 'm2_term' }}
      >
        <Form.Item label={t('zone.price.field.kind')} name="kind" rules={required}>
          <Select options={PRICE_KINDS.map((value) => ({ value, label: t(PRICE_KIND_LABELS[value]) }))} />
        </Form.Item>
        <Form.Item
          label={t('zone.price.field.amount')}
          name="amount"
          rules={required}
          extra={t('zone.price.amountHint')}
        >
          <Input inputMode="decimal" placeholder={locale === 'vi' ? '1.850.000' : '1,850,000'} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item label={t('zone.price.field.currency')} name="currency" rules={required}>
              <Select options={PRICE_CURRENCIES.map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item label={t('zone.price.field.unit')} name="unit" rules={required}>
              <Select
                options={PRICE_UNITS.map((value) => ({ value, label: `/${t(PRICE_UNIT_LABELS[value])}` }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.price.field.validFrom')} name="validFrom" rules={required}>
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.price.field.validTo')} name="validTo">
              <IsoDatePicker placeholder={t('zone.price.untilFurtherNotice')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('zone.price.field.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('zone.price.submit')}
        </Button>
      </Form>
    </Card>
  );
}
