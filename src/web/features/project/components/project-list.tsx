import { FundOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { DataTable } from '../../../components/data-table/data-table';
import { useTableState } from '../../../components/data-table/use-table-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { hasPermission, useCurrentUser } from '../../../lib/session';
import { OrganisationSelect } from '../../../components/ui/organisation-select';
import { projectStatusLabel } from '../../../components/zone/zone-labels';
import {
  PROJECT_OWNERSHIPS,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  projectExportUrl,
  useProjects,
  type ProjectFilters,
  type ProjectOwnership,
  type ProjectSort,
  type ProjectStatus,
  type ProjectSummary,
} from '../api/project-api';
import { useProjectColumns } from './project-columns';
import { ProjectEditDrawer } from './project-edit-drawer';
import { projectPagePath, type ProjectListLocationState } from '../../../lib/paths';
import { ZoneSelect } from './zone-select';

const FILTER_KEYS = ['q', 'zone', 'investor', 'status', 'vsic', 'ownership'] as const;
const OWNERSHIP_LABELS = {
  fdi: 'project.ownership.fdi',
  domestic: 'project.ownership.domestic',
  unknown: 'project.ownership.unknown',
} as const;

function oneOf<T extends string>(values: readonly T[], text: string): T | undefined {
  return (values as readonly string[]).includes(text) ? (text as T) : undefined;
}

/** Dự án thứ phát: every tenant project in sight, filtered and sorted on the server, choices in the URL. */
export function ProjectList() {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useCurrentUser();
  const canCreate = hasPermission(me, 'project.manage');
  const [creating, setCreating] = useState(false);
  const table = useTableState<(typeof FILTER_KEYS)[number], ProjectSort>({
    keys: FILTER_KEYS,
    defaultPageSize: 50,
    pageSizeOptions: [20, 50, 100, 200],
    sorts: PROJECT_SORTS,
    defaultSort: 'code',
  });
  const { values, setFilters } = table;
  const vsic = values.vsic.trim().toUpperCase();
  const filters: ProjectFilters = {
    q: values.q.trim() || undefined,
    zone: values.zone.trim() || undefined,
    investor: values.investor.trim() || undefined,
    status: oneOf(PROJECT_STATUSES, values.status),
    vsic: /^([A-U]|\d{1,5})$/.test(vsic) ? vsic : undefined,
    ownership: oneOf(PROJECT_OWNERSHIPS, values.ownership),
  };
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const projects = useProjects({
    ...filters,
    sort: table.sort,
    order: table.order,
    page: table.page,
    pageSize: table.pageSize,
  });
  const linkState: ProjectListLocationState = { fromList: location.search };
  const columns = useProjectColumns([], linkState);
  const exportFilters = { ...filters, sort: table.sort, order: table.order };
  const badVsic = values.vsic !== '' && filters.vsic === undefined;

  return (
    <>
      <PageHeader
        title={t('nav.projects')}
        subtitle={t('project.list.subtitle')}
        extra={
          <Flex gap={8} wrap>
            <Link to={`/capital${filters.zone ? `?zone=${encodeURIComponent(filters.zone)}` : ''}`}>
              <Button icon={<FundOutlined aria-hidden />}>{t('nav.capital')}</Button>
            </Link>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {t('project.add')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Flex gap={8} wrap align="flex-start" style={{ marginBottom: 16 }}>
        <Input.Search
          key={values.q}
          defaultValue={values.q}
          allowClear
          enterButton
          placeholder={t('project.filter.searchPlaceholder')}
          aria-label={t('project.filter.search')}
          style={{ width: 320 }}
          onSearch={(q) => setFilters({ q: q.trim() || null })}
        />
        <ZoneSelect
          value={filters.zone ?? null}
          ariaLabel={t('project.field.zoneCode')}
          placeholder={t('project.filter.allZones')}
          style={{ width: 240 }}
          onChange={(zone) => setFilters({ zone })}
        />
        <OrganisationSelect
          value={filters.investor ?? null}
          ariaLabel={t('project.field.investorCode')}
          placeholder={t('project.filter.allInvestors')}
          style={{ width: 240 }}
          onChange={(investor) => setFilters({ investor })}
        />
        <Select<ProjectStatus>
          allowClear
          aria-label={t('project.field.status')}
          placeholder={t('project.filter.allStatuses')}
          style={{ width: 190 }}
          value={filters.status}
          options={PROJECT_STATUSES.map((value) => ({ value, label: projectStatusLabel(value, t) }))}
          onChange={(value) => setFilters({ status: value ?? null })}
        />
        <Select<ProjectOwnership>
          allowClear
          aria-label={t('project.filter.ownership')}
          placeholder={t('project.filter.allOwnerships')}
          style={{ width: 200 }}
          value={filters.ownership}
          options={PROJECT_OWNERSHIPS.map((value) => ({ value, label: t(OWNERSHIP_LABELS[value]) }))}
          onChange={(value) => setFilters({ ownership: value ?? null })}
        />
        <Flex vertical gap={2}>
          <Input.Search
            key={values.vsic}
            defaultValue={values.vsic}
            allowClear
            placeholder={t('project.filter.vsicPlaceholder')}
            aria-label={t('project.field.vsicCode')}
            status={badVsic ? 'error' : undefined}
            style={{ width: 200 }}
            onSearch={(text) => setFilters({ vsic: text.trim().toUpperCase() || null })}
          />
          {badVsic ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('project.filter.vsicInvalid')}
            </Typography.Text>
          ) : null}
        </Flex>
        {filtered || badVsic ? (
          <Button
            type="link"
            onClick={() =>
              setFilters({ q: null, zone: null, investor: null, status: null, vsic: null, ownership: null })
            }
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Flex>
      <DataTable<ProjectSummary, ProjectSort>
        testId="project-list"
        rowKey="code"
        size="small"
        state={table}
        query={projects}
        columns={columns}
        emptyText={t(filtered ? 'project.empty' : 'project.emptyNoFilter')}
        toolbar={
          projects.data?.asOf ? (
            <Typography.Text type="secondary" data-testid="project-as-of">
              {t('zone.asOf', { time: format.dateTime(projects.data.asOf) })}
            </Typography.Text>
          ) : null
        }
        exports={[
          { format: 'xlsx', href: projectExportUrl('xlsx', exportFilters) },
          { format: 'csv', href: projectExportUrl('csv', exportFilters) },
        ]}
        onRowClick={(project) => void navigate(projectPagePath(project.code), { state: linkState })}
      />
      {canCreate ? (
        <ProjectEditDrawer
          mode="create"
          open={creating}
          defaults={{ zoneCode: filters.zone ?? null, investorCode: filters.investor ?? null }}
          onClose={() => setCreating(false)}
          onSaved={(project) => {
            setCreating(false);
            void navigate(projectPagePath(project.code));
          }}
        />
      ) : null}
    </>
  );
}
