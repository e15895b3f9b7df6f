import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Empty,
  Flex,
  Progress,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { Link } from 'react-router';
import { lifecycleLabels, type LifecycleState } from '../../../../domain/zone/lifecycle';
import { PATHS } from '../../../lib/paths';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { useFormat, type Formatters } from '../../../lib/format';
import { useLocale, useT, type Translate } from '../../../lib/i18n';
import { useUrlState } from '../../../lib/url-state';
import {
  planExportUrl,
  usePlanYear,
  type PlanFamily,
  type PlanView as Plan,
  type TargetProgress,
  type ZoneProgress,
} from '../api/plan-api';
import { GatesCard } from './gates-card';

const STATE_COLOURS: Record<ZoneProgress['state'], string> = {
  done: 'green',
  on_track: 'blue',
  at_risk: 'orange',
  late: 'red',
};
const STATES = ['done', 'on_track', 'at_risk', 'late'] as const;

/** Years a plan may be looked up for: from 2015 to next year, latest first. */
function yearChoices(today = new Date()): number[] {
  const last = today.getFullYear() + 1;
  return Array.from({ length: last - 2015 + 1 }, (_, i) => last - i);
}

function amount(t: Translate, f: Formatters, value: number | null, unit: string): string {
  if (value === null) return t('plan.notComputed');
  const n = f.number(value, { maxFractionDigits: 1 });
  if (unit === 'zones') return `${n} ${t('plan.unit.zones')}`;
  if (unit === 'task') return value >= 1 ? '✓' : '—';
  return unit === '%' ? `${n} %` : `${n} ${unit}`;
}

function planned(t: Translate, f: Formatters, target: TargetProgress): string {
  if (target.unit === 'task') return t('plan.unit.task');
  if (target.maxValue !== null) {
    const range = t('plan.range', {
      min: f.number(target.value),
      max: f.number(target.maxValue),
    });
    return target.unit === 'zones' ? `${range} ${t('plan.unit.zones')}` : `${range} ${target.unit}`;
  }
  return amount(t, f, target.value, target.unit);
}

function StateCounts({ target, t }: { target: TargetProgress; t: Translate }) {
  if (target.kind === 'figure') return null;
  if (target.kind === 'task') {
    return target.evidenceRef ? (
      <Tag color="green">{t('plan.taskDone', { ref: target.evidenceRef })}</Tag>
    ) : (
      <Tag>{t('plan.taskOpen')}</Tag>
    );
  }
  return (
    <Space size={4} wrap>
      {STATES.filter((s) => target.counts[s] > 0).map((s) => (
        <Tag key={s} color={STATE_COLOURS[s]}>
          {t(`plan.state.${s}`)}: {target.counts[s]}
        </Tag>
      ))}
    </Space>
  );
}

function ZoneTable({ target }: { target: TargetProgress }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const columns: TableColumnsType<ZoneProgress> = [
    {
      title: t('plan.zone.code'),
      dataIndex: 'code',
      render: (code: string) => <Link to={`${PATHS.registry}/${encodeURIComponent(code)}`}>{code}</Link>,
    },
    {
      title: t('plan.zone.name'),
      dataIndex: 'name',
      render: (name: string, z) => (
        <>
          {name} {z.isSynthetic ? <Tag>{t('plan.synthetic')}</Tag> : null}
        </>
      ),
    },
    { title: t('plan.zone.commune'), dataIndex: 'communeName', render: (v: string | null) => v ?? '—' },
    {
      title: t('plan.zone.state'),
      dataIndex: 'state',
      render: (s: ZoneProgress['state']) => <Tag color={STATE_COLOURS[s]}>{t(`plan.state.${s}`)}</Tag>,
    },
    { title: t('plan.zone.reachedOn'), dataIndex: 'reachedOn', render: (d: string | null) => f.date(d) },
    {
      title: t('plan.zone.lifecycle'),
      dataIndex: 'lifecycleState',
      render: (s: string | null) => (s ? (lifecycleLabels[s as LifecycleState]?.[locale] ?? s) : '—'),
    },
    {
      title: t('plan.zone.occupancy'),
      dataIndex: 'occupancyPct',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : `${f.number(v, { maxFractionDigits: 1 })} %`),
    },
    { title: t('plan.zone.responsible'), dataIndex: 'responsible', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {target.measure === 'established_or_expanded' ? (
        <Typography.Text type="secondary">{t('plan.seeGates')}</Typography.Text>
      ) : null}
      <Table<ZoneProgress>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={target.zones}
        pagination={target.zones.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
        locale={{ emptyText: t('plan.noZones') }}
      />
      {target.hiddenZones > 0 ? (
        <Typography.Text type="secondary">{t('plan.hidden', { count: target.hiddenZones })}</Typography.Text>
      ) : null}
    </Space>
  );
}

function TargetTable({ targets }: { targets: TargetProgress[] }) {
  const t = useT();
  const f = useFormat();
  const columns: TableColumnsType<TargetProgress> = [
    { title: t('plan.col.target'), dataIndex: 'title', width: '36%' },
    { title: t('plan.col.planned'), key: 'planned', render: (_, r) => planned(t, f, r) },
    {
      title: t('plan.col.actual'),
      key: 'actual',
      render: (_, r) => (
        <>
          {amount(t, f, r.actual, r.unit)}
          {r.range ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t(
                r.range === 'below'
                  ? 'plan.rangeBelow'
                  : r.range === 'within'
                    ? 'plan.rangeWithin'
                    : 'plan.rangeAbove',
              )}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('plan.col.pct'),
      key: 'pct',
      width: 200,
      render: (_, r) =>
        r.pct === null ? (
          '—'
        ) : (
          <Flex align="center" gap={8}>
            <Progress
              percent={Math.min(r.pct, 100)}
              showInfo={false}
              status={r.pct >= 100 ? 'success' : 'normal'}
              style={{ flex: 1, margin: 0 }}
            />
            <span data-testid="target-pct" style={{ whiteSpace: 'nowrap' }}>
              {f.number(r.pct, { maxFractionDigits: 1 })} %
            </span>
          </Flex>
        ),
    },
    { title: t('plan.col.states'), key: 'states', render: (_, r) => <StateCounts target={r} t={t} /> },
  ];
  return (
    <Table<TargetProgress>
      rowKey="id"
      columns={columns}
      dataSource={targets}
      pagination={false}
      expandable={{
        expandedRowRender: (r) => <ZoneTable target={r} />,
        rowExpandable: (r) => r.kind === 'count' || r.kind === 'rule',
      }}
    />
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  const t = useT();
  const f = useFormat();
  return (
    <Card
      title={`${plan.number} — ${plan.title}`}
      extra={
        plan.withdrawn ? (
          <Tag color="red">{t('plan.withdrawn', { reason: plan.withdrawn.reason })}</Tag>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {t('plan.issued', { number: plan.number, date: f.date(plan.issuedOn), issuer: plan.issuer })}
        {plan.documentRef ? ` · ${t('plan.document')}: ${plan.documentRef}` : ''}
      </Typography.Paragraph>
      {plan.withdrawn ? null : <TargetTable targets={plan.targets} />}
    </Card>
  );
}

/** `/targets?year=2026&family=CCN&plan=…`: the year's plans, each target's live %, the zones and the gates. */
export function PlanYearView() {
  const t = useT();
  const f = useFormat();
  const [state, update] = useUrlState(['year', 'family', 'plan'] as const);
  const years = yearChoices();
  const year = Number(state.year) || new Date().getFullYear();
  const family: PlanFamily = state.family === 'KCN' ? 'KCN' : 'CCN';
  const query = usePlanYear(year, family);
  const view = query.data;
  const inForce = view?.plans ?? [];
  const selected =
    inForce.find((p) => p.id === state.plan) ?? inForce.find((p) => !p.withdrawn) ?? inForce[0];

  return (
    <>
      <PageHeader
        title={t('plan.title')}
        subtitle={t('plan.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={planExportUrl(year, family)}>
            {t('plan.export')}
          </Button>
        }
      />
      <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>{t('plan.year')}</Typography.Text>
          <Select
            aria-label={t('plan.year')}
            value={year}
            style={{ width: 100 }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            onChange={(y) => update({ year: String(y), plan: null })}
          />
        </Space>
        <Segmented
          value={family}
          options={(['CCN', 'KCN'] as const).map((v) => ({ value: v, label: t(`plan.family.${v}`) }))}
          onChange={(v) => update({ family: v === 'CCN' ? null : v, plan: null })}
        />
        {inForce.length > 1 ? (
          <Space>
            <Typography.Text>{t('plan.plan')}</Typography.Text>
            <Select
              aria-label={t('plan.plan')}
              value={selected?.id}
              style={{ minWidth: 220 }}
              options={inForce.map((p) => ({ value: p.id, label: p.number }))}
              onChange={(id) => update({ plan: id })}
            />
          </Space>
        ) : null}
      </Flex>
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {!view ? (
        query.isPending ? (
          <PageLoader />
        ) : null
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('plan.asOf', { date: f.date(view.asOf), time: f.dateTime(view.computedAt) })}
          </Typography.Text>
          {selected ? <PlanCard plan={selected} /> : <Empty description={t('plan.none', { year })} />}
          {view.otherTargets.length ? (
            <Card title={t('plan.otherTargets')}>
              <TargetTable targets={view.otherTargets} />
            </Card>
          ) : null}
          {family === 'CCN' ? <GatesCard gates={view.gates} /> : null}
        </Space>
      )}
    </>
  );
}
