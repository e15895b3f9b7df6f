import { Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn } from '../../../components/data-table/data-table';
import { kindText } from '../../../components/zone/zone-labels';
import { LifecycleTag, OccupancyCell } from '../../../components/zone/zone-tags';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { zonePath } from '../../../lib/paths';
import { useZones, type ZoneSummary } from '../api/zone-api';

/** The parks and clusters whose infrastructure this organisation develops (GET /api/zones?developer=…). */
export function DevelopedZones({ developer }: { developer: string }) {
  const t = useT();
  const format = useFormat();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const zones = useZones({ developer, sort: 'code', order: 'asc', ...paging });
  const noTypes = useMemo(() => new Map<string, string>(), []);
  const columns: DataTableColumn<ZoneSummary>[] = [
    {
      title: t('zone.col.name'),
      key: 'name',
      render: (_value, zone) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={zonePath(zone.code)}>{zone.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {zone.code}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('zone.col.kind'), key: 'kind', render: (_value, zone) => kindText(zone, t, noTypes) },
    {
      title: t('zone.col.commune'),
      dataIndex: 'communeName',
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('zone.col.area'),
      dataIndex: 'declaredAreaHa',
      align: 'right',
      render: (area: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{format.area(area)}</span>,
    },
    {
      title: t('zone.col.occupancy'),
      dataIndex: 'occupancy',
      render: (rate: number | null) => <OccupancyCell rate={rate} />,
    },
    {
      title: t('zone.col.state'),
      dataIndex: 'lifecycleState',
      render: (value: ZoneSummary['lifecycleState']) => <LifecycleTag state={value} />,
    },
  ];
  return (
    <DataTable<ZoneSummary>
      testId="organisation-zones"
      rowKey="code"
      size="small"
      state={{
        ...paging,
        sort: undefined as never,
        order: 'asc',
        pageSizeOptions: [20, 50, 100],
        setPaging: (page, pageSize) => setPaging({ page, pageSize }),
      }}
      query={zones}
      columns={columns}
      hideOnSinglePage
      emptyText={t('organisation.zones.empty')}
    />
  );
}
