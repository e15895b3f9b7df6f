import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { scheduleStepLabels, type ScheduleStep } from '../../../../domain/schedule/schedule';
import type { ScheduleStepView } from '../../../../domain/schedule/schedule.schema';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { IsoDatePicker } from '../../../components/ui/iso-date-picker';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import {
  useAddReading,
  useZoneSchedule,
  type ProgressReadingInput,
  type ZoneSchedule,
} from '../api/schedule-api';
import type { CurveSeries } from './progress-chart';

const ProgressChart = lazy(() => import('./progress-chart'));

const STATUS_COLORS: Record<NonNullable<ScheduleStepView['status']>, string> = {
  done: 'green',
  done_late: 'gold',
  pending: 'default',
  overdue: 'orange',
  late: 'red',
};

/** Tiến độ: planned steps against the lifecycle, the planned-versus-actual curve, readings, commitments. */
export function ZoneScheduleTab({ code }: { code: string }) {
  const t = useT();
  const schedule = useZoneSchedule(code);
  if (schedule.isPending) return <PageLoader />;
  if (schedule.error) {
    return (
      <ErrorAlert
        error={schedule.error}
        action={<Button onClick={() => void schedule.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const data = schedule.data;
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={data.canRecordProgress ? 16 : 24}>
        <Flex vertical gap={16}>
          <StepsCard data={data} />
          <Card size="small" title={t('schedule.curveTitle')}>
            <Curve data={data} />
          </Card>
          <CommitmentsCard data={data} />
          <ReadingsCard data={data} />
        </Flex>
      </Col>
      {data.canRecordProgress ? (
        <Col xs={24} xl={8}>
          <AddReading code={code} />
        </Col>
      ) : null}
    </Row>
  );
}

function StepsCard({ data }: { data: ZoneSchedule }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const slippage = (days: number | null) => {
    if (days === null) return '—';
    if (days > 0) return t('schedule.daysLate', { days: format.number(days) });
    if (days < 0) return t('schedule.daysAhead', { days: format.number(-days) });
    return t('schedule.onTime');
  };
  return (
    <Card size="small" title={t('schedule.stepsTitle')}>
      <Typography.Paragraph type="secondary">
        {t('schedule.stepsHint', { days: data.toleranceDays })}
      </Typography.Paragraph>
      <Table
        data-testid="schedule-steps"
        size="small"
        rowKey="step"
        pagination={false}
        dataSource={data.steps}
        scroll={{ x: true }}
        columns={[
          { title: t('schedule.step'), key: 'step', render: (_, s) => scheduleStepLabels[s.step][locale] },
          {
            title: t('schedule.planned'),
            key: 'planned',
            render: (_, s) => (s.plannedDate ? format.date(s.plannedDate) : t('schedule.notPlanned')),
          },
          { title: t('schedule.actual'), key: 'actual', render: (_, s) => format.date(s.reachedOn) },
          {
            title: t('schedule.slippage'),
            key: 'slippage',
            render: (_, s) =>
              s.status ? (
                <Flex gap={4} wrap>
                  <Tag color={STATUS_COLORS[s.status]}>{t(`schedule.status.${s.status}`)}</Tag>
                  <span>{slippage(s.slippageDays)}</span>
                </Flex>
              ) : (
                '—'
              ),
          },
          { title: t('schedule.agency'), key: 'agency', render: (_, s) => s.agency ?? '—' },
          { title: t('schedule.source'), key: 'source', render: (_, s) => s.sourceRef ?? '—' },
        ]}
      />
    </Card>
  );
}

function Curve({ data }: { data: ZoneSchedule }) {
  const t = useT();
  const format = useFormat();
  const series = useMemo<CurveSeries[]>(() => {
    const actual = (kind: 'land_clearance' | 'construction') =>
      data.readings.filter((r) => r.kind === kind).map((r) => ({ date: r.readingDate, pct: r.pct }));
    return [
      {
        name: t('schedule.curve.plannedClearance'),
        points: data.planned.land_clearance,
        dashed: true,
        color: '#d48806',
      },
      {
        name: t('schedule.curve.actualClearance'),
        points: actual('land_clearance'),
        dashed: false,
        color: '#d48806',
      },
      {
        name: t('schedule.curve.plannedConstruction'),
        points: data.planned.construction,
        dashed: true,
        color: '#1677ff',
      },
      {
        name: t('schedule.curve.actualConstruction'),
        points: actual('construction'),
        dashed: false,
        color: '#1677ff',
      },
    ].filter((s) => s.points.length > 0);
  }, [data, t]);
  if (series.length === 0) return <Empty description={t('schedule.curveEmpty')} />;
  return (
    <Suspense fallback={<PageLoader />}>
      <ProgressChart series={series} formatDate={format.date} />
    </Suspense>
  );
}

function CommitmentsCard({ data }: { data: ZoneSchedule }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const colors = { kept: 'green', missed: 'gold', open: 'default', missed_open: 'red' } as const;
  return (
    <Card size="small" title={t('schedule.commitmentsTitle')}>
      {data.commitments.length === 0 ? (
        <Empty description={t('schedule.commitmentsEmpty')} />
      ) : (
        <Flex vertical gap={12} data-testid="commitments">
          {data.commitments.map((c) => (
            <Flex vertical gap={4} key={c.id}>
              <Typography.Text strong>
                {t('schedule.commitment.signed', {
                  doc: c.documentRef,
                  date: format.date(c.signedOn),
                  by: c.signedBy,
                })}
              </Typography.Text>
              {c.targets.map((target) => (
                <Flex gap={8} wrap key={target.id} align="center">
                  <span>
                    {t('schedule.target', {
                      step: scheduleStepLabels[target.step as ScheduleStep][locale],
                      date: format.date(target.targetDate),
                    })}
                  </span>
                  <Tag color={colors[target.status]}>
                    {t(`schedule.target.${target.status}`, { days: format.number(target.daysLate ?? 0) })}
                  </Tag>
                </Flex>
              ))}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function ReadingsCard({ data }: { data: ZoneSchedule }) {
  const t = useT();
  const format = useFormat();
  return (
    <Card size="small" title={t('schedule.readingsTitle')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...data.readings].reverse()}
        locale={{ emptyText: t('schedule.readingsEmpty') }}
        columns={[
          { title: t('schedule.reading.date'), key: 'date', render: (_, r) => format.date(r.readingDate) },
          { title: t('schedule.reading.kind'), key: 'kind', render: (_, r) => t(`schedule.kind.${r.kind}`) },
          { title: t('schedule.reading.pct'), key: 'pct', render: (_, r) => `${format.number(r.pct)} %` },
          { title: t('schedule.reading.source'), dataIndex: 'source' },
          {
            title: t('schedule.reading.reporter'),
            key: 'reporter',
            render: (_, r) => t(`schedule.reporter.${r.reporterKind}`),
          },
        ]}
      />
    </Card>
  );
}

type ReadingValues = {
  kind?: ProgressReadingInput['kind'];
  readingDate?: string;
  pct?: number;
  source?: string;
};

function AddReading({ code }: { code: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReadingValues>();
  const add = useAddReading(code);
  const [error, setError] = useState<unknown>(null);
  const required = [{ required: true, message: t('schedule.required') }];
  function submit(values: ReadingValues) {
    setError(null);
    add.mutate(
      {
        kind: values.kind!,
        readingDate: values.readingDate!,
        pct: values.pct!,
        source: values.source!.trim(),
      },
      {
        onSuccess: () => {
          void message.success(t('schedule.reading.added'));
          form.resetFields();
        },
        onError: (e) => {
          const fields = e instanceof ApiError ? Object.entries(e.fieldErrors) : [];
          if (fields.length)
            form.setFields(
              fields.map(([name, text]) => ({ name: name as keyof ReadingValues, errors: [text] })),
            );
          else setError(e);
        },
      },
    );
  }
  return (
    <Card size="small" title={t('schedule.reading.add')}>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="kind" label={t('schedule.reading.kind')} rules={required}>
          <Select
            options={(['land_clearance', 'construction'] as const).map((k) => ({
              value: k,
              label: t(`schedule.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="readingDate" label={t('schedule.reading.date')} rules={required}>
          <IsoDatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="pct" label={t('schedule.reading.pct')} rules={required}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} decimalSeparator="," />
        </Form.Item>
        <Form.Item name="source" label={t('schedule.reading.source')} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('schedule.reading.add')}
        </Button>
      </Form>
    </Card>
  );
}
