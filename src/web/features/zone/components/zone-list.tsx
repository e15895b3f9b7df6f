import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useMemo, type MouseEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ExportButtons } from '../../../components/data-table/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { buildUrl } from '../../../lib/api';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { positiveInt, useUrlState } from '../../../lib/url-state';
import {
  useCcnTypes,
  useOccupancy,
  useZones,
  ZONE_SORTS,
  type OccupancyGroup,
  type ZoneSort,
  type ZoneSummary,
} from '../api/zone-api';
import { ZoneFilterBar } from './zone-filter-bar';
import { FILTER_KEYS, filtersFromUrl, hasFilters } from './zone-filter-state';
import { FAMILY_LABELS, kindText } from '../../../components/zone/zone-labels';
import { zonePath, type ZoneListLocationState } from '../../../lib/paths';
import { LifecycleTag, OccupancyCell, SyntheticTag } from '../../../components/zone/zone-tags';

const URL_KEYS = [...FILTER_KEYS, 'sort', 'order', 'page', 'pageSize'] as const;
// A screen shows about ten rows: twenty a page keeps the first one quick (50, 100 and 200 are offered).
const DEFAULT_PAGE_SIZE = 20;

function asSort(text: string): ZoneSort {
  return (ZONE_SORTS as readonly string[]).includes(text) ? (text as ZoneSort) : 'code';
}

/** Khu & cụm công nghiệp: the registry, filtered and sorted on the server, every choice kept in the URL. */
export function ZoneList() {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const [state, setState, searchWith] = useUrlState(URL_KEYS);
  const filters = filtersFromUrl(state);
  const sort = asSort(state.sort);
  const order = state.order === 'desc' ? 'desc' : 'asc';
  const page = positiveInt(state.page, 1);
  const pageSize = positiveInt(state.pageSize, DEFAULT_PAGE_SIZE);
  const zones = useZones({ ...filters, sort, order, page, pageSize });
  const screens = Grid.useBreakpoint();
  const wide = screens.xxl === true;
  const occupancy = useOccupancy('family', filters.family);
  const ccnTypes = useCcnTypes();
  const ccnTypeNames = useMemo(
    () => new Map((ccnTypes.data ?? []).map((type) => [type.code, type.name])),
    [ccnTypes.data],
  );
  const linkState: ZoneListLocationState = { fromList: location.search };
  const stop = (event: MouseEvent) => event.stopPropagation();
  const sortOrder = (key: ZoneSort): SortOrder =>
    sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null;

  // Column priorities (issue 10): at 1366 px beside the menu the key columns — name, area, occupancy,
  // status, projects — fit without scrolling; former district and developer appear from 1600 px (xxl),
  // the code from 768 px (md); the kind is under the name until its own column shows. The name stays
  // fixed on the left when the table scrolls sideways (phones).
  const columns: TableColumnsType<ZoneSummary> = [
    {
      title: t('zone.col.code'),
      key: 'code',
      dataIndex: 'code',
      sorter: true,
      sortOrder: sortOrder('code'),
      responsive: ['md'],
      width: 130,
      ellipsis: { showTitle: true },
      render: (code: string) => (
        <Typography.Text code style={{ fontSize: 12 }}>
          {code}
        </Typography.Text>
      ),
    },
    {
      title: t('zone.col.name'),
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      fixed: 'left',
      width: 220,
      render: (_value, zone) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={zonePath(zone.code)} state={linkState} onClick={stop}>
            {zone.name}
          </Link>
          {wide ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {kindText(zone, t, ccnTypeNames)}
            </Typography.Text>
          )}
          {zone.isSynthetic ? <SyntheticTag /> : null}
        </Flex>
      ),
    },
    {
      title: t('zone.col.kind'),
      key: 'kind',
      responsive: ['xxl'],
      render: (_value, zone) => kindText(zone, t, ccnTypeNames),
    },
    {
      title: t('zone.col.commune'),
      key: 'commune',
      dataIndex: 'communeName',
      sorter: true,
      sortOrder: sortOrder('commune'),
      width: 150,
      ellipsis: { showTitle: true },
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('zone.col.formerDistrict'),
      dataIndex: 'formerDistrictName',
      responsive: ['xxl'],
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('zone.col.developer'),
      dataIndex: 'developerName',
      responsive: ['xxl'],
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('zone.col.area'),
      key: 'area',
      dataIndex: 'declaredAreaHa',
      align: 'right',
      width: 100,
      sorter: true,
      sortOrder: sortOrder('area'),
      render: (area: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{format.area(area)}</span>,
    },
    {
      title: (
        <Tooltip title={t('zone.occupancyFormula')}>
          <span>{t('zone.col.occupancy')}</span>
        </Tooltip>
      ),
      key: 'occupancy',
      dataIndex: 'occupancy',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('occupancy'),
      render: (rate: number | null) => <OccupancyCell rate={rate} />,
    },
    {
      title: t('zone.col.state'),
      dataIndex: 'lifecycleState',
      width: 170,
      render: (state: ZoneSummary['lifecycleState']) => <LifecycleTag state={state} />,
    },
    {
      title: t('zone.col.projects'),
      dataIndex: 'projects',
      align: 'right',
      width: 70,
      render: (count: number) => format.number(count),
    },
  ];
  // The columns shown at this width (antd would hide the others itself, but the occupancy summary row
  // must know the visible columns to line up under them).
  const shown = columns.filter(
    (column) => !column.responsive || column.responsive.some((breakpoint) => screens[breakpoint]),
  );
  const occupancyColumn = shown.findIndex((column) => column.key === 'occupancy');

  return (
    <>
      <PageHeader
        title={t('nav.registry')}
        subtitle={t('zone.list.subtitle')}
        extra={
          <Flex gap={8} wrap align="center" data-testid="zone-list-actions">
            <Link to={`/map${searchWith({ sort: null, order: null, page: null, pageSize: null })}`}>
              <Button icon={<EnvironmentOutlined aria-hidden />}>{t('nav.map')}</Button>
            </Link>
            <ExportButtons
              size="middle"
              exports={(['xlsx', 'csv', 'geojson'] as const).map((format) => ({
                format,
                href: buildUrl(`/api/zones/export.${format}`, { ...filters, sort, order }),
              }))}
            />
          </Flex>
        }
      />
      <ZoneFilterBar filters={filters} rawQuery={state.q} onChange={setState} />
      {zones.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert
            error={zones.error}
            action={<Button onClick={() => void zones.refetch()}>{t('common.retry')}</Button>}
          />
        </div>
      ) : null}
      {zones.data?.asOf ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="zone-as-of">
          {t('zone.asOf', { time: format.dateTime(zones.data.asOf) })}
        </Typography.Paragraph>
      ) : null}
      <Table<ZoneSummary>
        rowKey="code"
        size="small"
        columns={shown}
        dataSource={zones.data?.items ?? []}
        loading={zones.isFetching}
        scroll={{ x: 'max-content' }}
        // No "no zones in your scope" while the first answer is on its way (issue 10).
        locale={{
          emptyText: zones.isPending ? ' ' : t(hasFilters(filters) ? 'zone.empty' : 'zone.emptyNoFilter'),
        }}
        onRow={(zone) => ({
          onClick: () => void navigate(zonePath(zone.code), { state: linkState }),
          style: { cursor: 'pointer' },
        })}
        summary={() => (
          <OccupancySummary
            groups={occupancy.data?.items ?? []}
            error={occupancy.error}
            labelColumns={occupancyColumn}
            restColumns={shown.length - occupancyColumn - 1}
          />
        )}
        pagination={{
          current: page,
          pageSize,
          total: zones.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('zone.total', { total: format.number(total) }),
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = one?.order ? asSort(String(one.columnKey)) : 'code';
            setState({
              sort: key === 'code' ? null : key,
              order: one?.order === 'descend' ? 'desc' : null,
              page: null,
            });
            return;
          }
          setState({
            page: pagination.current === 1 ? null : pagination.current,
            pageSize: pagination.pageSize === DEFAULT_PAGE_SIZE ? null : pagination.pageSize,
          });
        }}
      />
    </>
  );
}

/** The area-weighted occupancy of each family shown (from /api/zones/occupancy), under the table. */
function OccupancySummary({
  groups,
  error,
  labelColumns,
  restColumns,
}: {
  groups: OccupancyGroup[];
  error: unknown;
  labelColumns: number;
  restColumns: number;
}) {
  const t = useT();
  const format = useFormat();
  if (error) {
    return (
      <Table.Summary.Row>
        <Table.Summary.Cell index={0} colSpan={labelColumns + 1 + restColumns}>
          <ErrorAlert error={error} />
        </Table.Summary.Cell>
      </Table.Summary.Row>
    );
  }
  if (groups.length === 0) return null;
  return (
    <Table.Summary>
      {groups.map((group) => (
        <Table.Summary.Row key={group.key} data-testid="zone-occupancy-summary">
          <Table.Summary.Cell index={0} colSpan={labelColumns}>
            <Tooltip title={`${t('zone.summary.hint')} ${t('zone.occupancyFormula')}`}>
              <Typography.Text strong>
                {t('zone.summary.title')} —{' '}
                {group.key === 'KCN' || group.key === 'CCN' ? t(FAMILY_LABELS[group.key]) : group.label}
              </Typography.Text>
            </Tooltip>
            <div>
              <Typography.Text type="secondary">
                {group.zones === 0
                  ? t('zone.summary.none', { allZones: format.number(group.allZones) })
                  : t('zone.summary.detail', {
                      occupied: format.area(group.occupiedHa),
                      land: format.area(group.industrialLandHa),
                      zones: format.number(group.zones),
                      allZones: format.number(group.allZones),
                    })}
              </Typography.Text>
            </div>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={labelColumns}>
            <OccupancyCell rate={group.rate} />
          </Table.Summary.Cell>
          {restColumns > 0 ? <Table.Summary.Cell index={labelColumns + 1} colSpan={restColumns} /> : null}
        </Table.Summary.Row>
      ))}
    </Table.Summary>
  );
}
