import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PATHS } from '../../../lib/paths';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { ApiError, buildUrl } from '../../../lib/api';
import { useFormat, type Formatters } from '../../../lib/format';
import { useLocale, useT, type Translate } from '../../../lib/i18n';
import { useUrlState } from '../../../lib/url-state';
import {
  parksExportUrl,
  useParkChoices,
  useParksReport,
  usePlanTargets,
  useSetPlanTarget,
  type ParksItem,
  type ParksQuery,
  type PlanTarget,
} from '../api/reporting-api';
import { useCurrentUser } from '../../../lib/session';
import { ownPark } from './parks-links';
import { formOf, itemLabel, periodLabel, unitKey } from './reporting-labels';
import { filingPagePath } from './reporting-paths';
import {
  GapItem,
  ItemDrilldown,
  itemColumns,
  ProjectLink,
  SectionTables,
  SourceItem,
  ZoneLink,
  sectionGroups,
  str,
} from './report-drilldown';

/** Quarters that have begun and whole years, this year and the last two, latest first. */
export function parksPeriodChoices(today: Date = new Date()): string[] {
  const year = today.getFullYear();
  const quarter = Math.floor(today.getMonth() / 3) + 1;
  const out: string[] = [];
  for (let y = year; y >= year - 2; y--) {
    out.push(String(y));
    for (let q = y === year ? quarter : 4; q >= 1; q--) out.push(`${y}-Q${q}`);
  }
  return out;
}

/** The last quarter that has ended: the one being reported on now. */
export function lastEndedQuarter(today: Date = new Date()): string {
  const quarter = Math.floor(today.getMonth() / 3);
  return quarter === 0 ? `${today.getFullYear() - 1}-Q4` : `${today.getFullYear()}-Q${quarter}`;
}

const decimalsOf = (unit: string) => (unit === 'project' || unit === 'person' || unit === 'park' ? 0 : 3);

function figure(value: number | null, unit: string, format: Formatters): string {
  return value === null ? '—' : format.number(value, { maxFractionDigits: decimalsOf(unit) });
}

function SourceLine({
  source,
  format,
  pt,
}: {
  source: Record<string, unknown>;
  format: Formatters;
  pt: Translate;
}) {
  const kind = str(source, 'kind');
  const id = str(source, 'id');
  const code = str(source, 'code');
  let what: ReactNode = kind;
  if (kind === 'filing' && id) {
    const project = str(source, 'projectCode');
    what = (
      <>
        <Link to={filingPagePath(id)}>
          {pt('reports.parks.srcFiling', { revision: str(source, 'revisionNo') ?? '' })}
        </Link>
        {project ? (
          <>
            {' · '}
            {pt('reports.parks.srcProject')} <ProjectLink code={project} />
          </>
        ) : null}
      </>
    );
  } else if (kind === 'capital') {
    const from = str(source, 'from');
    const to = str(source, 'to');
    what = (
      <Link to={buildUrl(PATHS.capital, { from, to, family: 'KCN', zone: str(source, 'zone') })}>
        {pt('reports.parks.srcCapital', { from: format.date(from), to: format.date(to) })}
      </Link>
    );
  } else if (kind === 'zone' && code) {
    what = (
      <>
        {pt('reports.parks.srcZone')} <ZoneLink code={code} />
      </>
    );
  } else if (kind === 'project' && code) {
    what = (
      <>
        {pt('reports.parks.srcProject')} <ProjectLink code={code} />
      </>
    );
  }
  return (
    <SourceItem source={source} format={format}>
      {what}
    </SourceItem>
  );
}

function GapLine({ gap, pt }: { gap: Record<string, unknown>; pt: Translate }) {
  const kind = str(gap, 'kind');
  let text = kind ?? '';
  if (kind === 'filing_missing')
    text = pt('reports.parks.gapFiling', {
      id: str(gap, 'projectCode') ?? (str(gap, 'reporterId') ?? '').slice(0, 8),
    });
  else if (kind === 'exchange_rate_missing')
    text = pt('reports.parks.gapRate', {
      events: str(gap, 'events') ?? '',
      range:
        str(gap, 'range') === 'year_to_date'
          ? pt('reports.parks.gapRangeYtd')
          : pt('reports.parks.gapRangePeriod'),
    });
  else if (kind === 'registry_missing')
    text = pt('reports.parks.gapRegistry', {
      field: str(gap, 'field') === 'wwtpStatus' ? pt('reports.parks.fieldWwtp') : (str(gap, 'field') ?? ''),
      zone: str(gap, 'zoneCode') ?? (str(gap, 'zoneId') ?? '').slice(0, 8),
    });
  return <GapItem text={text} />;
}

type Row = ParksItem & { key: string };

/** The first missing reports are listed; the rest are counted (the completeness page lists them all). */
const GAPS_SHOWN = 12;

function ItemsTable({
  items,
  period,
  zone,
}: {
  items: ParksItem[];
  period: string;
  zone: string | undefined;
}) {
  const t = useT();
  const pt = useT();
  const locale = useLocale();
  const format = useFormat();
  const form = formOf('KCN_BOARD', period);
  const quarterly = period.includes('-Q');
  const rows: Row[] = items.map((i) => ({
    ...i,
    key: i.no,
    // The capital sources link to the capital page of the same park.
    sources: i.sources.map((s) => (s['kind'] === 'capital' && zone ? { ...s, zone } : s)),
  }));
  const columns: TableColumnsType<Row> = [
    ...itemColumns<Row>({
      t,
      locale,
      form,
      noWidth: 60,
      gapText: (count) => pt('reports.parks.gaps', { count }),
    }),
    {
      title: quarterly ? pt('reports.parks.colPeriodQuarter') : pt('reports.parks.colPeriodYear'),
      key: 'value',
      width: 120,
      align: 'right',
      render: (_, item) => <Typography.Text strong>{figure(item.value, item.unit, format)}</Typography.Text>,
    },
    {
      title: pt('reports.parks.colYtd'),
      key: 'ytd',
      width: 120,
      align: 'right',
      render: (_, item) => figure(item.yearToDate, item.unit, format),
    },
    {
      title: pt('reports.parks.colTarget'),
      key: 'target',
      width: 120,
      align: 'right',
      render: (_, item) => figure(item.target, item.unit, format),
    },
    {
      title: pt('reports.parks.colPct'),
      key: 'pct',
      width: 170,
      render: (_, item) =>
        item.achievedPct === null ? (
          '—'
        ) : (
          <Flex gap={8} align="center">
            <Progress
              percent={Math.min(100, item.achievedPct)}
              showInfo={false}
              size="small"
              style={{ width: 70, margin: 0 }}
              status={item.achievedPct >= 100 ? 'success' : 'normal'}
            />
            <span>{format.number(item.achievedPct, { maxFractionDigits: 1 })} %</span>
          </Flex>
        ),
    },
  ];
  return (
    <SectionTables<Row>
      groups={sectionGroups(rows, form?.sections ?? [], locale)}
      columns={columns}
      drilldown={(item) => (
        <ItemDrilldown
          item={item}
          gapsShown={GAPS_SHOWN}
          texts={{
            sources: (count) => pt('reports.parks.sources', { count }),
            moreSources: (count) => pt('reports.parks.moreSources', { count }),
            gaps: (count) => pt('reports.parks.gaps', { count }),
            moreGaps: (count) => pt('reports.parks.moreGaps', { count }),
          }}
          renderSource={(s, i) => <SourceLine key={i} source={s} format={format} pt={pt} />}
          renderGap={(g, i) => <GapLine key={i} gap={g} pt={pt} />}
        />
      )}
    />
  );
}

/** The year's targets of the scope; the Board edits them in place, a stale edit shows who won. */
function TargetsCard({ year, zone }: { year: number; zone: string | undefined }) {
  const t = useT();
  const pt = useT();
  const locale = useLocale();
  const format = useFormat();
  const { message } = App.useApp();
  const targets = usePlanTargets(year, zone);
  const save = useSetPlanTarget();
  const [editing, setEditing] = useState<{ indicator: string; value: number | null; note: string } | null>(
    null,
  );
  const [conflict, setConflict] = useState<PlanTarget | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const form = formOf('KCN_BOARD', String(year));
  if (targets.error) return <ErrorAlert error={targets.error} />;
  const list = targets.data;
  const canEdit = list?.canEdit ?? false;

  async function submit(row: PlanTarget) {
    if (!editing || editing.value === null || editing.value < 0) {
      void message.error(pt('reports.parks.valueRequired'));
      return;
    }
    setFailure(null);
    try {
      await save.mutateAsync({
        year,
        family: 'KCN',
        zone: zone ?? null,
        indicator: row.indicator,
        value: editing.value,
        note: editing.note.trim() || null,
        version: row.version,
      });
      setEditing(null);
      void message.success(pt('reports.parks.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const current = (error.details as { current?: PlanTarget } | undefined)?.current ?? null;
        setConflict(current ?? row);
        setEditing(null);
        void targets.refetch();
      } else setFailure(error);
    }
  }

  const columns: TableColumnsType<PlanTarget> = [
    {
      title: pt('reports.parks.colIndicator'),
      key: 'indicator',
      render: (_, row) => (form ? itemLabel(form, row.indicator, locale) : row.indicator),
    },
    { title: pt('reports.parks.colUnit'), key: 'unit', width: 120, render: (_, row) => t(unitKey(row.unit)) },
    {
      title: pt('reports.parks.colValue'),
      key: 'value',
      width: 170,
      align: 'right',
      render: (_, row) =>
        editing?.indicator === row.indicator ? (
          <InputNumber<number>
            aria-label={`${pt('reports.parks.colValue')} ${row.indicator}`}
            min={0}
            style={{ width: 150 }}
            decimalSeparator={locale === 'vi' ? ',' : '.'}
            value={editing.value}
            onChange={(value) => setEditing({ ...editing, value })}
          />
        ) : row.value === null ? (
          <Typography.Text type="secondary">{pt('reports.parks.notSet')}</Typography.Text>
        ) : (
          format.number(row.value, { maxFractionDigits: 4 })
        ),
    },
    {
      title: pt('reports.parks.colNote'),
      key: 'note',
      render: (_, row) =>
        editing?.indicator === row.indicator ? (
          <Input
            aria-label={`${pt('reports.parks.colNote')} ${row.indicator}`}
            maxLength={1000}
            value={editing.note}
            onChange={(e) => setEditing({ ...editing, note: e.target.value })}
          />
        ) : (
          (row.note ?? '')
        ),
    },
    {
      title: pt('reports.parks.colUpdated'),
      key: 'updated',
      width: 150,
      render: (_, row) => (row.updatedAt ? format.dateTime(row.updatedAt) : '—'),
    },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'actions',
            width: 150,
            render: (_: unknown, row: PlanTarget) =>
              editing?.indicator === row.indicator ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    loading={save.isPending}
                    onClick={() => void submit(row)}
                  >
                    {pt('reports.parks.save')}
                  </Button>
                  <Button size="small" onClick={() => setEditing(null)}>
                    {pt('reports.parks.cancel')}
                  </Button>
                </Space>
              ) : (
                <Button
                  size="small"
                  disabled={editing !== null}
                  onClick={() => {
                    setConflict(null);
                    setEditing({ indicator: row.indicator, value: row.value, note: row.note ?? '' });
                  }}
                >
                  {row.version === null ? pt('reports.parks.set') : pt('reports.parks.edit')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Card size="small" title={pt('reports.parks.targetsTitle', { year })} data-testid="plan-targets">
      <Typography.Paragraph type="secondary">
        {canEdit ? pt('reports.parks.targetsHint') : pt('reports.parks.targetsReadOnly')}
      </Typography.Paragraph>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={pt('reports.parks.conflict', {
            value: conflict.value === null ? '—' : format.number(conflict.value, { maxFractionDigits: 4 }),
          })}
          action={
            <Button size="small" onClick={() => setConflict(null)}>
              OK
            </Button>
          }
        />
      ) : null}
      {failure ? <ErrorAlert error={failure} /> : null}
      <Table<PlanTarget>
        size="small"
        rowKey="indicator"
        loading={targets.isFetching}
        pagination={false}
        dataSource={list?.items ?? []}
        columns={columns}
      />
    </Card>
  );
}

const URL_KEYS = ['period', 'zone'] as const;

/** Báo cáo định kỳ khu công nghiệp: period and park pickers, the figures with their sources, the targets. */
export function ParksReportView() {
  const t = useT();
  const pt = useT();
  const locale = useLocale();
  const format = useFormat();
  const [state, setState] = useUrlState(URL_KEYS);
  const choices = useMemo(() => parksPeriodChoices(), []);
  const period = choices.includes(state.period) ? state.period : lastEndedQuarter();
  const own = ownPark(useCurrentUser());
  const zone = state.zone ? state.zone : (own ?? undefined);
  const query: ParksQuery = { period, zone };
  const report = useParksReport(query);
  const parks = useParkChoices();
  const form = formOf('KCN_BOARD', period);
  const year = Number(period.slice(0, 4));

  const header = (
    <PageHeader
      title={pt('reports.parks.title')}
      subtitle={`${report.data?.scope.name ?? ''}${form ? ` · ${form.title[locale]}` : ''}`}
      extra={
        <Space wrap>
          <Select
            aria-label={pt('reports.parks.period')}
            data-testid="parks-period"
            value={period}
            style={{ minWidth: 150 }}
            options={choices.map((p) => ({ value: p, label: periodLabel(p, locale) }))}
            onChange={(value) => setState({ period: value })}
          />
          <Select
            aria-label={pt('reports.parks.scope')}
            data-testid="parks-zone"
            value={zone ?? ''}
            style={{ minWidth: 260 }}
            showSearch
            optionFilterProp="label"
            options={[
              ...(own ? [] : [{ value: '', label: pt('reports.parks.city') }]),
              ...(parks.data?.items ?? []).map((z) => ({ value: z.code, label: z.name })),
            ]}
            onChange={(value: string) => setState({ zone: value || null })}
          />
          <Button icon={<DownloadOutlined aria-hidden />} href={parksExportUrl(query, 'xlsx')}>
            {t('reports.download.xlsx')}
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} href={parksExportUrl(query, 'docx')}>
            {t('reports.download.docx')}
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} href={parksExportUrl(query, 'pdf')}>
            {pt('reports.parks.pdf')}
          </Button>
          <Link to={PATHS.reports}>
            <Button>{pt('reports.parks.back')}</Button>
          </Link>
        </Space>
      }
    />
  );
  if (report.isPending)
    return (
      <>
        {header}
        <PageLoader />
      </>
    );
  if (report.error)
    return (
      <>
        {header}
        <ErrorAlert error={report.error} />
      </>
    );
  const view = report.data;
  return (
    <>
      {header}
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={pt('reports.parks.window')}>
              {format.date(view.report.window.start)} – {format.date(view.report.window.end)}
            </Descriptions.Item>
            <Descriptions.Item label={pt('reports.parks.ytd')}>
              {format.date(view.report.yearToDate.start)}
            </Descriptions.Item>
            <Descriptions.Item label={pt('reports.parks.computedAt')}>
              {format.dateTime(view.computedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={pt('reports.parks.basis')}>{form?.legalBasis ?? ''}</Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{pt('reports.parks.live')}</Typography.Text>
        </Card>
        <Card size="small" title={pt('reports.parks.items')} data-testid="parks-items">
          <ItemsTable items={view.report.items} period={view.report.period} zone={zone} />
        </Card>
        <TargetsCard year={year} zone={zone} />
      </Flex>
    </>
  );
}
