import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { NumberInput } from '../../../components/ui/number-input';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import type { ZoneDetail } from '../api/zone-api';
import { PLAN_CHANGE_LABELS, PLAN_STATUS_LABELS } from './zone-plan-price-labels';
import {
  PLAN_CHANGES,
  useAddPlanEntry,
  useCreateMasterPlan,
  useRemovePlanEntry,
  useZonePlan,
  type MasterPlan,
  type MasterPlanInput,
  type PlanChange,
  type PlanEntryInput,
  type PlanEntryView,
  type PlanStatus,
  type PlanStatusKind,
} from '../api/zone-plan-api';

const PLAN_STATUS_COLORS: Record<PlanStatusKind, string> = {
  in_plan: 'green',
  area_changed: 'blue',
  removed: 'red',
  not_in_plan: 'default',
};
const PLAN_CHANGE_COLORS: Record<PlanChange, string> = {
  added: 'green',
  area_changed: 'blue',
  removed: 'red',
};

/** "Trong quy hoạch" with the plan, the planned area and the decision — the status derived on the server. */
export function PlanStatusView({ status }: { status: PlanStatus }) {
  const t = useT();
  const format = useFormat();
  return (
    <Flex vertical gap={4} align="flex-start" data-testid="plan-status">
      <Tag color={PLAN_STATUS_COLORS[status.status]}>{t(PLAN_STATUS_LABELS[status.status])}</Tag>
      {status.status === 'not_in_plan' ? null : (
        <>
          <span>
            {t('zone.plan.planLine', { code: status.plan.code, name: status.plan.name })}
            {status.plan.decisionNo ? (
              <Typography.Text type="secondary"> ({status.plan.decisionNo})</Typography.Text>
            ) : null}
          </span>
          {status.status === 'in_plan' && status.areaHa !== null ? (
            <span>
              {t('zone.plan.inPlanArea', { area: format.area(status.areaHa, { maxFractionDigits: 4 }) })}
            </span>
          ) : null}
          {status.status === 'area_changed' ? (
            <span>
              {t('zone.plan.areaChangedTo', {
                area: format.area(status.areaHa, { maxFractionDigits: 4 }),
                previous: format.area(status.previousAreaHa, { maxFractionDigits: 4 }),
              })}
            </span>
          ) : null}
          <Typography.Text type="secondary">
            {status.decisionNo
              ? t('zone.plan.sinceDecision', { date: format.date(status.since), no: status.decisionNo })
              : t('zone.plan.since', { date: format.date(status.since) })}
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}

/** Quy hoạch: the zone's status on a chosen day, every entry over time, the plan versions; forms for keepers. */
export function ZonePlanTab({ zone }: { zone: ZoneDetail }) {
  const t = useT();
  const [at, setAt] = useState<string | null>(null);
  const plan = useZonePlan(zone.code, at ?? undefined);

  if (plan.isPending) return <PageLoader />;
  if (plan.error) {
    return (
      <ErrorAlert
        error={plan.error}
        action={<Button onClick={() => void plan.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const data = plan.data;

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={data.canEdit ? 16 : 24}>
        <Flex vertical gap={16}>
          <Card
            size="small"
            title={t('zone.plan.statusTitle')}
            extra={
              <Flex gap={8} align="center">
                <label htmlFor="plan-at">{t('zone.plan.at')}</label>
                <IsoDatePicker
                  id="plan-at"
                  value={at}
                  onChange={setAt}
                  placeholder={t('zone.plan.today')}
                  style={{ width: 150 }}
                />
              </Flex>
            }
          >
            <PlanStatusView status={data.status} />
          </Card>
          <Card size="small" title={t('zone.plan.entriesTitle')}>
            <EntryTable code={zone.code} entries={data.entries} canEdit={data.canEdit} />
          </Card>
          <PlanVersions zone={zone} plans={data.plans} canManage={data.canManagePlans} />
        </Flex>
      </Col>
      {data.canEdit ? (
        <Col xs={24} xl={8}>
          <AddEntryForm zone={zone} plans={data.plans} />
        </Col>
      ) : null}
    </Row>
  );
}

function EntryTable({
  code,
  entries,
  canEdit,
}: {
  code: string;
  entries: PlanEntryView[];
  canEdit: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const remove = useRemovePlanEntry(code);
  if (entries.length === 0) return <Empty description={t('zone.plan.entriesEmpty')} />;
  const columns: TableColumnsType<PlanEntryView> = [
    {
      title: t('zone.plan.col.date'),
      dataIndex: 'effectiveDate',
      width: 120,
      render: (date: string) => <span style={{ whiteSpace: 'nowrap' }}>{format.date(date)}</span>,
    },
    {
      title: t('zone.plan.col.plan'),
      key: 'plan',
      render: (_value, entry) => (
        <Tooltip title={entry.plan.name}>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {entry.plan.code}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('zone.plan.col.change'),
      dataIndex: 'change',
      render: (change: PlanChange) => (
        <Tag color={PLAN_CHANGE_COLORS[change]}>{t(PLAN_CHANGE_LABELS[change])}</Tag>
      ),
    },
    {
      title: t('zone.plan.col.area'),
      dataIndex: 'areaHa',
      align: 'right',
      render: (area: number | null) => (
        <span style={{ whiteSpace: 'nowrap' }}>{format.area(area, { maxFractionDigits: 4 })}</span>
      ),
    },
    {
      title: t('zone.plan.col.decision'),
      key: 'decision',
      render: (_value, entry) =>
        entry.amendmentDecisionNo ?? (entry.change === 'added' ? (entry.plan.decisionNo ?? '—') : '—'),
    },
    {
      title: t('zone.plan.col.name'),
      dataIndex: 'plannedName',
      responsive: ['lg'],
    },
  ];
  if (canEdit) {
    columns.push({
      title: '',
      key: 'remove',
      width: 48,
      render: (_value, entry) => (
        <Popconfirm
          title={t('zone.plan.removeEntryConfirm')}
          okText={t('zone.plan.removeEntry')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            new Promise<void>((resolve) =>
              remove.mutate(entry.id, {
                onSuccess: () => {
                  void message.success(t('zone.plan.entryRemoved'));
                  resolve();
                },
                onError: (error) => {
                  const text = error instanceof ApiError ? Object.values(error.fieldErrors)[0] : undefined;
                  void message.error(text ?? error.message);
                  resolve();
                },
              }),
            )
          }
        >
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('zone.plan.removeEntry')}
          />
        </Popconfirm>
      ),
    });
  }
  return (
    <Table<PlanEntryView>
      data-testid="plan-entries"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      pagination={false}
    />
  );
}

function PlanVersions({
  zone,
  plans,
  canManage,
}: {
  zone: ZoneDetail;
  plans: MasterPlan[];
  canManage: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<MasterPlan> = [
    {
      title: t('zone.plan.plan.code'),
      dataIndex: 'code',
      render: (code: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {code}
        </Typography.Text>
      ),
    },
    { title: t('zone.plan.plan.name'), dataIndex: 'name' },
    {
      title: t('zone.plan.plan.decisionNo'),
      key: 'decision',
      render: (_value, plan) =>
        plan.decisionNo
          ? `${plan.decisionNo}${plan.decisionDate ? ` (${format.date(plan.decisionDate)})` : ''}`
          : '—',
    },
    {
      title: t('zone.plan.plan.validity'),
      key: 'validity',
      render: (_value, plan) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {plan.validTo
            ? t('zone.plan.plan.period', { from: format.date(plan.validFrom), to: format.date(plan.validTo) })
            : t('zone.plan.plan.openEnded', { from: format.date(plan.validFrom) })}
        </span>
      ),
    },
    {
      title: t('zone.plan.plan.supersedes'),
      key: 'supersedes',
      responsive: ['lg'],
      render: (_value, plan) => plan.supersedes?.code ?? '—',
    },
  ];
  return (
    <Card
      size="small"
      title={t('zone.plan.plansTitle', { family: zone.family })}
      extra={
        canManage ? (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('zone.plan.newPlan')}
          </Button>
        ) : null
      }
    >
      {plans.length === 0 ? (
        <Empty description={t('zone.plan.noPlans')} />
      ) : (
        <Table<MasterPlan> rowKey="id" size="small" columns={columns} dataSource={plans} pagination={false} />
      )}
      {creating ? <NewPlanDialog zone={zone} plans={plans} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}

type PlanValues = {
  code?: string;
  name?: string;
  decisionNo?: string;
  decisionDate?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  supersedesCode?: string | null;
  carryOver?: boolean;
};
const PLAN_FIELDS = new Set([
  'code',
  'name',
  'decisionNo',
  'decisionDate',
  'validFrom',
  'validTo',
  'supersedesCode',
  'carryOver',
]);

/** A new plan version of the zone's family; it may replace the plan in force and carry its zones over. */
function NewPlanDialog({
  zone,
  plans,
  onClose,
}: {
  zone: ZoneDetail;
  plans: MasterPlan[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const create = useCreateMasterPlan(zone.code);
  const [formError, setFormError] = useState<unknown>(null);
  const supersedes = Form.useWatch('supersedesCode', form);

  function submit(values: PlanValues) {
    setFormError(null);
    const input: MasterPlanInput = {
      code: (values.code ?? '').trim().toUpperCase(),
      name: (values.name ?? '').trim(),
      family: zone.family,
      decisionNo: values.decisionNo?.trim() || null,
      decisionDate: values.decisionDate ?? null,
      validFrom: values.validFrom ?? '',
      validTo: values.validTo ?? null,
      supersedesCode: values.supersedesCode ?? null,
      carryOver: Boolean(values.supersedesCode && values.carryOver),
    };
    create.mutate(input, {
      onSuccess: (plan) => {
        void message.success(t('zone.plan.plan.created', { code: plan.code }));
        onClose();
      },
      onError: (error) => {
        const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
        const shown = fields.filter(([name]) => PLAN_FIELDS.has(name));
        if (shown.length)
          form.setFields(shown.map(([name, text]) => ({ name: name as keyof PlanValues, errors: [text] })));
        if (shown.length === 0 || shown.length < fields.length) setFormError(error);
      },
    });
  }

  const required = [{ required: true, message: t('zone.plan.required') }];
  return (
    <Modal
      open
      width={640}
      title={t('zone.plan.newPlanTitle', { family: zone.family })}
      okText={t('common.save')}
      okButtonProps={{ loading: create.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Form<PlanValues>
        form={form}
        layout="vertical"
        name="new-master-plan"
        onFinish={submit}
        initialValues={{ carryOver: true }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item label={t('zone.plan.plan.code')} name="code" rules={required}>
              <Input maxLength={64} placeholder="QH-CCN-2025" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item label={t('zone.plan.plan.name')} name="name" rules={required}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.plan.plan.decisionNo')} name="decisionNo">
              <Input maxLength={100} placeholder="1292/QĐ-UBND" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.plan.plan.decisionDate')} name="decisionDate">
              <IsoDatePicker />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.plan.plan.validFrom')} name="validFrom" rules={required}>
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.plan.plan.validTo')} name="validTo">
              <IsoDatePicker />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('zone.plan.plan.supersedes')} name="supersedesCode">
          <Select
            allowClear
            options={plans.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
          />
        </Form.Item>
        {supersedes ? (
          <Form.Item name="carryOver" valuePropName="checked">
            <Checkbox>{t('zone.plan.plan.carryOver')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

type EntryValues = {
  planCode?: string;
  change?: PlanChange;
  areaHa?: number | null;
  effectiveDate?: string | null;
  amendmentDecisionNo?: string;
  plannedName?: string;
};
const ENTRY_FIELDS = new Set([
  'planCode',
  'change',
  'areaHa',
  'effectiveDate',
  'amendmentDecisionNo',
  'plannedName',
]);

function AddEntryForm({ zone, plans }: { zone: ZoneDetail; plans: MasterPlan[] }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const add = useAddPlanEntry(zone.code);
  const [formError, setFormError] = useState<unknown>(null);
  const change = Form.useWatch('change', form);
  const planCode = Form.useWatch('planCode', form);
  // A plan added after the form appeared becomes its default.
  const defaultPlan = plans.find((p) => p.validTo === null)?.code ?? plans[0]?.code;
  useEffect(() => {
    if (!planCode && defaultPlan) form.setFieldValue('planCode', defaultPlan);
  }, [planCode, defaultPlan, form]);

  function submit(values: EntryValues) {
    setFormError(null);
    if (!values.planCode || !values.change || !values.effectiveDate) return;
    const input: PlanEntryInput = {
      planCode: values.planCode,
      change: values.change,
      areaHa: values.change === 'removed' ? null : (values.areaHa ?? null),
      effectiveDate: values.effectiveDate,
      amendmentDecisionNo: values.amendmentDecisionNo?.trim() || null,
      plannedName: values.plannedName?.trim() || null,
    };
    add.mutate(input, {
      onSuccess: () => {
        void message.success(t('zone.plan.added'));
        form.resetFields(['change', 'areaHa', 'effectiveDate', 'amendmentDecisionNo']);
      },
      onError: (error) => {
        const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
        const shown = fields.filter(([name]) => ENTRY_FIELDS.has(name));
        if (shown.length)
          form.setFields(shown.map(([name, text]) => ({ name: name as keyof EntryValues, errors: [text] })));
        if (shown.length === 0 || shown.length < fields.length) setFormError(error);
      },
    });
  }

  const required = [{ required: true, message: t('zone.plan.required') }];
  return (
    <Card size="small" title={t('zone.plan.addTitle')}>
      <Typography.Paragraph type="secondary">{t('zone.plan.addHint')}</Typography.Paragraph>
      {plans.length === 0 ? (
        <Typography.Paragraph type="warning">{t('zone.plan.noPlans')}</Typography.Paragraph>
      ) : null}
      {formError ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Form<EntryValues>
        form={form}
        layout="vertical"
        name="plan-entry"
        onFinish={submit}
        initialValues={{ planCode: defaultPlan }}
      >
        <Form.Item label={t('zone.plan.field.plan')} name="planCode" rules={required}>
          <Select options={plans.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.plan.field.change')} name="change" rules={required}>
              <Select
                options={PLAN_CHANGES.map((value) => ({ value, label: t(PLAN_CHANGE_LABELS[value]) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('zone.plan.field.effectiveDate')} name="effectiveDate" rules={required}>
              <IsoDatePicker />
            </Form.Item>
          </Col>
        </Row>
        {change !== 'removed' ? (
          <Form.Item
            label={t('zone.plan.field.areaHa')}
            name="areaHa"
            rules={change === 'area_changed' ? required : []}
          >
            <NumberInput min={0} suffix="ha" />
          </Form.Item>
        ) : null}
        <Form.Item label={t('zone.plan.field.amendmentDecisionNo')} name="amendmentDecisionNo">
          <Input maxLength={100} placeholder="3300/QĐ-UBND" />
        </Form.Item>
        <Form.Item
          label={t('zone.plan.field.plannedName')}
          name="plannedName"
          extra={t('zone.plan.field.plannedNameHint')}
        >
          <Input maxLength={300} placeholder={zone.name} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending} disabled={plans.length === 0}>
          {t('zone.plan.submit')}
        </Button>
      </Form>
    </Card>
  );
}
