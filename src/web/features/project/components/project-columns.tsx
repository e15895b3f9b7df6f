import { Flex, Tag, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import type { DataTableColumn } from '../../../components/data-table/data-table';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { PROJECT_STATUS_COLORS, projectStatusLabel } from '../../../components/zone/zone-labels';
import { SyntheticTag } from '../../../components/zone/zone-tags';
import type { ProjectSort, ProjectSummary } from '../api/project-api';
import { capitalListText } from './project-labels';
import {
  organisationPagePath,
  projectPagePath,
  zonePath,
  type ProjectListLocationState,
} from '../../../lib/paths';

export type ProjectColumnKey = 'zone' | 'investor';

const stop = (event: MouseEvent) => event.stopPropagation();

/**
 * The columns of a project list: code, name, zone, investor (FDI marked), VSIC, certificate, status, leased
 * land, workers and registered capital per currency. Sortable ones name their server order.
 */
export function useProjectColumns(
  hide: readonly ProjectColumnKey[] = [],
  linkState: ProjectListLocationState = null,
): DataTableColumn<ProjectSummary, ProjectSort>[] {
  const t = useT();
  const format = useFormat();
  const columns: (DataTableColumn<ProjectSummary, ProjectSort> & { hideKey?: ProjectColumnKey })[] = [
    {
      title: t('project.field.code'),
      dataIndex: 'code',
      sortKey: 'code',
      // Column priorities (issue 10): the code from 768 px, the industry code and certificate from
      // 1600 px, so that status, leased land, workers and capital fit at 1366 px; the name stays on the left.
      responsive: ['md'],
      width: 140,
      render: (code: string) => (
        <Typography.Text code style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {code}
        </Typography.Text>
      ),
    },
    {
      title: t('project.field.name'),
      sortKey: 'name',
      fixed: 'left',
      width: 220,
      render: (_value, project) => (
        <Flex vertical gap={2} align="flex-start" style={{ minWidth: 200 }}>
          <Link to={projectPagePath(project.code)} state={linkState} onClick={stop}>
            {project.name}
          </Link>
          {project.isSynthetic ? <SyntheticTag /> : null}
        </Flex>
      ),
    },
    {
      title: t('project.field.zoneCode'),
      sortKey: 'zone',
      hideKey: 'zone',
      render: (_value, project) => (
        <Link to={zonePath(project.zoneCode)} onClick={stop}>
          {project.zoneName}
        </Link>
      ),
    },
    {
      title: t('project.field.investorCode'),
      sortKey: 'investor',
      hideKey: 'investor',
      render: (_value, project) => (
        <Flex vertical gap={2} align="flex-start" style={{ minWidth: 180 }}>
          <Link to={organisationPagePath(project.investorCode)} onClick={stop}>
            {project.investorName}
          </Link>
          {project.ownership === 'fdi' ? <Tag color="purple">FDI</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('project.field.vsicCode'),
      dataIndex: 'vsicCode',
      responsive: ['xxl'],
      render: (code: string | null) => code ?? '—',
    },
    {
      title: t('project.col.certificate'),
      key: 'certificate',
      responsive: ['xxl'],
      sortKey: 'certificateDate',
      render: (_value, project) =>
        project.certificateNo || project.certificateDate ? (
          <Flex vertical gap={0}>
            <span style={{ whiteSpace: 'nowrap' }}>{project.certificateNo ?? '—'}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {format.date(project.certificateDate)}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('project.field.status'),
      dataIndex: 'status',
      render: (status: string) => (
        <Tag color={PROJECT_STATUS_COLORS[status] ?? 'default'}>{projectStatusLabel(status, t)}</Tag>
      ),
    },
    {
      title: t('project.field.leasedHa'),
      dataIndex: 'leasedHa',
      sortKey: 'leasedHa',
      align: 'right',
      render: (value: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{format.area(value)}</span>,
    },
    {
      title: t('project.field.workers'),
      dataIndex: 'workers',
      sortKey: 'workers',
      align: 'right',
      render: (value: number | null) => format.number(value),
    },
    {
      title: t('project.field.registeredCapital'),
      key: 'capital',
      align: 'right',
      render: (_value, project) =>
        project.registeredCapital.length === 0 ? (
          '—'
        ) : (
          <Flex vertical align="flex-end">
            {project.registeredCapital.map((capital) => (
              <span key={capital.currency} style={{ whiteSpace: 'nowrap' }}>
                {capitalListText([capital], format)}
              </span>
            ))}
          </Flex>
        ),
    },
  ];
  return columns
    .filter((column) => !column.hideKey || !hide.includes(column.hideKey))
    .map(({ hideKey: _hidden, ...column }) => column);
}
