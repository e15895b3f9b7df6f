import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { showFieldErrors } from '../../../components/record-form/record-form';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { hasPermission, useCurrentUser } from '../../../lib/session';
import { typedAmount } from '../../../lib/amount';
import {
  useCreateExchangeRate,
  useExchangeRates,
  type ExchangeRate,
  type ExchangeRateInput,
} from '../api/exchange-rate-api';

/**
 * Tỷ giá quy đổi: the configured rates (đồng per unit of a currency, per period) that convert capital to USD;
 * those with exchange_rate.manage add one for a period no other rate of that currency covers.
 */
export function ExchangeRates() {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'exchange_rate.manage');
  const rates = useExchangeRates();
  const [adding, setAdding] = useState(false);

  const columns: TableColumnsType<ExchangeRate> = [
    { title: t('exchangeRate.currency'), dataIndex: 'currency', width: 100 },
    {
      title: t('exchangeRate.period'),
      key: 'period',
      render: (_value, rate) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {format.date(rate.validFrom)} – {format.date(rate.validTo)}
        </span>
      ),
    },
    {
      title: t('exchangeRate.vndPerUnit'),
      dataIndex: 'vndPerUnit',
      align: 'right',
      render: (value: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{`${format.number(value, { maxFractionDigits: 4 })} ₫`}</span>
      ),
    },
    {
      title: t('exchangeRate.source'),
      dataIndex: 'source',
      render: (source: string | null) => source ?? '—',
    },
  ];

  return (
    <Card
      size="small"
      title={t('exchangeRate.title')}
      extra={
        canManage ? (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('exchangeRate.add')}
          </Button>
        ) : null
      }
      data-testid="exchange-rates"
    >
      <Typography.Paragraph type="secondary">{t('exchangeRate.hint')}</Typography.Paragraph>
      {rates.error ? (
        <ErrorAlert
          error={rates.error}
          action={<Button onClick={() => void rates.refetch()}>{t('common.retry')}</Button>}
        />
      ) : (
        <Table<ExchangeRate>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rates.data ?? []}
          loading={rates.isFetching}
          locale={{ emptyText: t('exchangeRate.empty') }}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        />
      )}
      {canManage ? <AddRateModal open={adding} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}

type Values = {
  currency: string;
  validFrom: string | null;
  validTo: string | null;
  vndPerUnit: string;
  source: string | null;
};
const FIELDS = ['currency', 'validFrom', 'validTo', 'vndPerUnit', 'source'] as const;

function AddRateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateExchangeRate();
  const [formError, setFormError] = useState<unknown>(null);

  function submit(values: Values) {
    setFormError(null);
    const rate = typedAmount(values.vndPerUnit, locale);
    if (!rate.ok) {
      form.setFields([{ name: 'vndPerUnit', errors: [t('exchangeRate.rateFormat')] }]);
      return;
    }
    const input: ExchangeRateInput = {
      currency: values.currency.trim().toUpperCase(),
      validFrom: values.validFrom ?? '',
      validTo: values.validTo ?? '',
      vndPerUnit: rate.decimal,
      source: values.source?.trim() || null,
    };
    create.mutate(input, {
      onSuccess: () => {
        void message.success(t('exchangeRate.added'));
        form.resetFields();
        onClose();
      },
      onError: (error) => {
        if (showFieldErrors(form, error, FIELDS) === null) setFormError(error);
      },
    });
  }

  return (
    <Modal
      open={open}
      title={t('exchangeRate.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Form<Values>
        form={form}
        name="exchange-rate"
        layout="vertical"
        initialValues={{ currency: 'USD', validFrom: null, validTo: null, vndPerUnit: '', source: null }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) =>
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))
        }
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              label={t('exchangeRate.currency')}
              name="currency"
              rules={[{ required: true, whitespace: true, message: t('project.ledger.currencyRequired') }]}
            >
              <Input maxLength={3} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              label={t('exchangeRate.vndPerUnit')}
              name="vndPerUnit"
              rules={[{ required: true, whitespace: true, message: t('exchangeRate.rateRequired') }]}
            >
              <Input inputMode="decimal" suffix="₫" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              label={t('exchangeRate.validFrom')}
              name="validFrom"
              rules={[{ required: true, message: t('exchangeRate.dateRequired') }]}
            >
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={t('exchangeRate.validTo')}
              name="validTo"
              rules={[{ required: true, message: t('exchangeRate.dateRequired') }]}
            >
              <IsoDatePicker />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('exchangeRate.source')} name="source">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
