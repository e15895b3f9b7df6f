import {
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useUrlState } from '../../../lib/url-state';
import { hasPermission, useCurrentUser } from '../../../lib/session';
import {
  FILING_STATUSES,
  useCompleteness,
  useFilings,
  type CompletenessRow,
  type FilingStatus,
  type FilingSummary,
  type Outstanding,
} from '../api/reporting-api';
import {
  currentPeriod,
  FILING_STATUS_COLORS,
  filingStatusKey,
  formShortTitle,
  periodChoices,
  periodLabel,
} from './reporting-labels';
import { parksReportPath, readsParksReport } from './parks-links';
import { bulkFilingPath, filesForTenants } from './bulk-filing-links';
import { compiledPath, filingPagePath, newFilingPath } from './reporting-paths';
import { compiledReportsOf } from './compiled-links';

const URL_KEYS = ['period', 'status', 'group', 'page'] as const;
const GROUPS = ['form', 'commune', 'zone'] as const;
type Group = (typeof GROUPS)[number];

/**
 * Báo cáo: for one reporting period, what the user still owes (or, for an officer, what is owed to them), the
 * reports received in their scope with their review state, and completeness per form, commune or zone.
 */
export function ReportsHome() {
  const t = useT();
  const locale = useLocale();
  const user = useCurrentUser();
  const [state, setState] = useUrlState(URL_KEYS);
  const choices = useMemo(() => periodChoices(new Date(), state.period), [state.period]);
  const asked = state.period?.trim().toUpperCase();
  const period = asked && choices.includes(asked) ? asked : currentPeriod();
  const status = (FILING_STATUSES as readonly string[]).includes(state.status)
    ? (state.status as FilingStatus)
    : undefined;
  const group: Group = (GROUPS as readonly string[]).includes(state.group) ? (state.group as Group) : 'form';
  const page = Math.max(1, Number(state.page) || 1);
  const canSign = hasPermission(user, 'report.sign');
  const compiled = compiledReportsOf(user);
  const canReview = hasPermission(user, 'report.review');

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        extra={
          <Space wrap>
            <Typography.Text>{t('reports.period')}</Typography.Text>
            <Select
              aria-label={t('reports.period')}
              data-testid="period-select"
              value={period}
              style={{ minWidth: 180, maxWidth: '100%' }}
              options={choices.map((p) => ({ value: p, label: periodLabel(p, locale) }))}
              onChange={(value) => setState({ period: value, page: null })}
            />
            {compiled.b03.map((b) => (
              <Link key={b.commune} to={compiledPath('B03', period, b.commune)} data-testid="open-b03">
                <Button type="primary">
                  {compiled.b03.length > 1 && b.label
                    ? t('reports.openB03Of', { commune: b.label })
                    : t('reports.openB03Own')}
                </Button>
              </Link>
            ))}
            {compiled.b04 ? (
              <Link to={compiledPath('B04', period)} data-testid="open-b04">
                <Button>{t('reports.openB04')}</Button>
              </Link>
            ) : null}
            {filesForTenants(user) ? (
              <Link to={bulkFilingPath(period)} data-testid="open-bulk-filing">
                <Button>{t('reports.workbook.bulkLink')}</Button>
              </Link>
            ) : null}
            {readsParksReport(user) ? (
              <Link to={parksReportPath()} data-testid="open-parks-report">
                <Button>{t('reports.parks.homeLink')}</Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <OutstandingCard key={period} period={period} canFile={hasPermission(user, 'report.file')} />
        <FilingsCard
          period={period}
          status={status}
          page={page}
          canReview={canReview}
          onStatus={(value) => setState({ status: value ?? null, page: null })}
          onPage={(value) => setState({ page: value })}
        />
        <CompletenessCard
          period={period}
          group={group}
          onGroup={(value) => setState({ group: value })}
          canCompile={canReview || canSign}
        />
      </Flex>
    </>
  );
}

function OutstandingCard({ period, canFile }: { period: string; canFile: boolean }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  // Paged by the server: a department officer's list is ten thousand reports at city scale.
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const completeness = useCompleteness(period, 'form', page, pageSize);
  const columns: TableColumnsType<Outstanding> = [
    {
      title: t('reports.col.form'),
      key: 'form',
      render: (_, row) => formShortTitle(row.formCode, row.period, locale),
      width: 110,
    },
    {
      title: t('reports.col.reporter'),
      key: 'reporter',
      render: (_, row) => (
        <>
          {row.reporter.name ?? row.reporter.code}
          {row.reporter.code ? (
            <Typography.Text type="secondary"> · {row.reporter.code}</Typography.Text>
          ) : null}
          {row.reporter.investorName ? (
            <Typography.Text type="secondary"> · {row.reporter.investorName}</Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('reports.col.due'),
      dataIndex: 'dueDate',
      render: (value: string) => format.date(value),
      width: 130,
    },
    {
      title: t('reports.col.state'),
      key: 'state',
      width: 190,
      render: (_, row) => (
        <Space size={4} wrap>
          <Tag color={row.status === 'overdue' ? 'error' : 'default'}>
            {row.status === 'overdue' ? t('reports.overdue') : t('reports.pending')}
          </Tag>
          {row.filingStatus ? (
            <Tag color={FILING_STATUS_COLORS[row.filingStatus as FilingStatus] ?? 'default'}>
              {t(filingStatusKey(row.filingStatus as FilingStatus))}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    ...(canFile
      ? [
          {
            title: '',
            key: 'action',
            width: 150,
            render: (_: unknown, row: Outstanding) =>
              row.reporter.code && (row.reporter.kind === 'project' || row.reporter.kind === 'zone') ? (
                <Link
                  to={newFilingPath(
                    row.formCode,
                    row.period,
                    row.reporter.kind,
                    row.reporter.code,
                    row.reporter.name,
                  )}
                >
                  <Button type="primary" size="small">
                    {t('reports.enter')}
                  </Button>
                </Link>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card title={t('reports.outstanding.title')} data-testid="outstanding">
      {completeness.error ? <ErrorAlert error={completeness.error} /> : null}
      <Table<Outstanding>
        size="small"
        // A phone scrolls the table inside its card instead of widening the page.
        scroll={{ x: 'max-content' }}
        rowKey={(row) => `${row.formCode}:${row.reporter.kind}:${row.reporter.id}`}
        loading={completeness.isFetching}
        dataSource={completeness.data?.outstanding.items ?? []}
        columns={columns}
        pagination={{
          current: page,
          pageSize,
          total: completeness.data?.outstanding.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => t('table.total', { total }),
          onChange: setPage,
        }}
        locale={{ emptyText: <Empty description={t('reports.outstanding.empty')} /> }}
      />
    </Card>
  );
}

function FilingsCard({
  period,
  status,
  page,
  canReview,
  onStatus,
  onPage,
}: {
  period: string;
  status: FilingStatus | undefined;
  page: number;
  canReview: boolean;
  onStatus: (status: FilingStatus | undefined) => void;
  onPage: (page: number) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const pageSize = 20;
  const filings = useFilings({ period, status, page, pageSize });
  const columns: TableColumnsType<FilingSummary> = [
    {
      title: t('reports.col.form'),
      key: 'form',
      width: 110,
      render: (_, row) => formShortTitle(row.formCode, row.period, locale),
    },
    {
      title: t('reports.col.reporter'),
      key: 'reporter',
      render: (_, row) => (
        <Link to={filingPagePath(row.id)}>
          {row.reporter.name}
          <Typography.Text type="secondary"> · {row.reporter.code}</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('reports.col.status'),
      key: 'status',
      width: 200,
      render: (_, row) => (
        <Space size={4} wrap>
          <Tag color={FILING_STATUS_COLORS[row.status]}>{t(filingStatusKey(row.status))}</Tag>
          {row.onTime === false ? <Tag color="error">{t('reports.late')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('reports.col.revision'),
      dataIndex: 'currentRevision',
      width: 90,
      align: 'right',
    },
    {
      title: t('reports.col.submitted'),
      dataIndex: 'firstSubmittedAt',
      width: 160,
      render: (value: string | null) => (value ? format.dateTime(value) : '—'),
    },
    {
      title: t('reports.col.due'),
      dataIndex: 'dueAt',
      width: 130,
      render: (value: string) => format.date(value),
    },
  ];
  return (
    <Card
      title={t('reports.filings.title')}
      data-testid="filings"
      extra={
        <Space wrap>
          {canReview ? (
            <Button
              size="small"
              type={status === 'submitted' ? 'primary' : 'default'}
              onClick={() => onStatus(status === 'submitted' ? undefined : 'submitted')}
            >
              {t('reports.filings.inTray')}
            </Button>
          ) : null}
          <Select
            aria-label={t('reports.col.status')}
            allowClear
            placeholder={t('reports.filings.allStatuses')}
            style={{ minWidth: 170 }}
            value={status}
            options={FILING_STATUSES.map((s) => ({ value: s, label: t(filingStatusKey(s)) }))}
            onChange={(value: FilingStatus | undefined) => onStatus(value)}
          />
        </Space>
      }
    >
      {filings.error ? <ErrorAlert error={filings.error} /> : null}
      <Table<FilingSummary>
        size="small"
        scroll={{ x: 'max-content' }}
        rowKey="id"
        loading={filings.isFetching}
        dataSource={filings.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: <Empty description={t('reports.filings.empty')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: filings.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => t('table.total', { total }),
          onChange: onPage,
        }}
      />
    </Card>
  );
}

function CompletenessCard({
  period,
  group,
  onGroup,
  canCompile,
}: {
  period: string;
  group: Group;
  onGroup: (group: Group) => void;
  canCompile: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const completeness = useCompleteness(period, group);
  const n = (value: number) => format.number(value);
  // One Biểu 03 link per commune: on the commune's first row (a commune has a row per form).
  const firstOfGroup = new Set<CompletenessRow>();
  const seen = new Set<string>();
  for (const row of completeness.data?.rows ?? []) {
    if (row.group.code && !seen.has(row.group.code)) {
      seen.add(row.group.code);
      firstOfGroup.add(row);
    }
  }
  const columns: TableColumnsType<CompletenessRow> = [
    {
      title: t('reports.col.form'),
      key: 'form',
      width: 110,
      render: (_, row) => formShortTitle(row.formCode, row.period, locale),
    },
    ...(group === 'form'
      ? []
      : [
          {
            title: group === 'commune' ? t('reports.col.commune') : t('reports.col.zone'),
            key: 'group',
            render: (_: unknown, row: CompletenessRow) => row.group.name ?? row.group.code ?? '—',
          },
        ]),
    { title: t('reports.col.expected'), dataIndex: 'expected', align: 'right', render: n },
    { title: t('reports.col.received'), dataIndex: 'received', align: 'right', render: n },
    { title: t('reports.col.onTime'), dataIndex: 'onTime', align: 'right', render: n },
    { title: t('reports.col.late'), dataIndex: 'late', align: 'right', render: n },
    {
      title: t('reports.col.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      render: (value: number) =>
        value > 0 ? <Typography.Text type="danger">{n(value)}</Typography.Text> : n(value),
    },
    { title: t('reports.col.pending'), dataIndex: 'pending', align: 'right', render: n },
    {
      title: t('reports.col.due'),
      dataIndex: 'dueDate',
      width: 120,
      render: (value: string) => format.date(value),
    },
    ...(group === 'commune' && canCompile
      ? [
          {
            title: '',
            key: 'b03',
            width: 120,
            render: (_: unknown, row: CompletenessRow) =>
              row.group.code && firstOfGroup.has(row) ? (
                <Link to={compiledPath('B03', row.period, row.group.code)}>{t('reports.openB03')}</Link>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card
      title={t('reports.completeness.title')}
      data-testid="completeness"
      extra={
        <Select
          aria-label={t('reports.completeness.groupBy')}
          value={group}
          style={{ minWidth: 160 }}
          options={GROUPS.map((g) => ({ value: g, label: t(`reports.group.${g}`) }))}
          onChange={onGroup}
        />
      }
    >
      {completeness.error ? <ErrorAlert error={completeness.error} /> : null}
      <Table<CompletenessRow>
        size="small"
        scroll={{ x: 'max-content' }}
        rowKey={(row) => `${row.formCode}:${row.group.kind}:${row.group.id ?? ''}`}
        loading={completeness.isFetching}
        dataSource={completeness.data?.rows ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('reports.completeness.empty')} /> }}
      />
    </Card>
  );
}
