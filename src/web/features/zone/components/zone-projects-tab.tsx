import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { projectPagePath } from '../../../lib/paths';
import { useZoneProjects, type ZoneProject } from '../api/zone-api';
import {
  capitalText,
  ownershipLabel,
  PROJECT_STATUS_COLORS,
  projectStatusLabel,
} from '../../../components/zone/zone-labels';

/** Doanh nghiệp: the tenant projects of the zone, with their investors, land, workers and registered capital. */
export function ZoneProjectsTab({ code }: { code: string }) {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const stop = (event: MouseEvent) => event.stopPropagation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const projects = useZoneProjects(code, paging.page, paging.pageSize);
  const items = projects.data?.items ?? [];

  const columns: TableColumnsType<ZoneProject> = [
    {
      title: t('zone.projects.code'),
      dataIndex: 'code',
      width: 130,
      render: (value: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
          {value}
        </Typography.Text>
      ),
    },
    {
      title: t('zone.projects.name'),
      key: 'name',
      width: 240,
      render: (_value, project) => (
        <Link to={projectPagePath(project.code)} onClick={stop}>
          {project.name}
        </Link>
      ),
    },
    {
      title: t('zone.projects.investor'),
      dataIndex: 'investorName',
      width: 220,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('zone.projects.ownership'),
      dataIndex: 'ownership',
      width: 170,
      render: (ownership: string | null) => ownershipLabel(ownership, t),
    },
    {
      title: t('zone.projects.status'),
      dataIndex: 'status',
      render: (status: string) => (
        <Tag color={PROJECT_STATUS_COLORS[status] ?? 'default'}>{projectStatusLabel(status, t)}</Tag>
      ),
    },
    {
      title: t('zone.projects.leased'),
      dataIndex: 'leasedHa',
      width: 110,
      align: 'right',
      render: (value: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{format.area(value)}</span>,
    },
    {
      title: t('zone.projects.workers'),
      dataIndex: 'workers',
      width: 110,
      align: 'right',
      render: (value: number | null) => format.number(value),
    },
    {
      title: t('zone.projects.capital'),
      key: 'capital',
      align: 'right',
      render: (_value, project) =>
        project.registeredCapital.length === 0 ? (
          '—'
        ) : (
          <Flex vertical align="flex-end">
            {project.registeredCapital.map((capital) => (
              <span key={capital.currency} style={{ whiteSpace: 'nowrap' }}>
                {capitalText(capital.amount, capital.currency, format)}
              </span>
            ))}
          </Flex>
        ),
    },
  ];

  const leased = items.reduce((sum, project) => sum + (project.leasedHa ?? 0), 0);
  const workers = items.reduce((sum, project) => sum + (project.workers ?? 0), 0);

  return (
    <>
      {projects.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert
            error={projects.error}
            action={<Button onClick={() => void projects.refetch()}>{t('common.retry')}</Button>}
          />
        </div>
      ) : null}
      <Table<ZoneProject>
        data-testid="zone-projects"
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={items}
        loading={projects.isFetching}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('zone.projects.empty') }}
        onRow={(project) => ({
          onClick: () => void navigate(projectPagePath(project.code)),
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: projects.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => t('table.total', { total: format.number(total) }),
        }}
        onChange={(pagination) =>
          setPaging({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? paging.pageSize })
        }
        footer={
          items.length > 0
            ? () => (
                <Typography.Text type="secondary">
                  {t('table.total', { total: format.number(projects.data?.total ?? items.length) })} ·{' '}
                  {t(
                    (projects.data?.total ?? 0) > items.length
                      ? 'zone.projects.pageTotals'
                      : 'zone.projects.totals',
                    { leased: format.area(leased), workers: format.number(workers) },
                  )}
                </Typography.Text>
              )
            : undefined
        }
      />
    </>
  );
}
