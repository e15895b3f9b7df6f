import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ObstacleStatus } from '../../../../domain/monitoring/obstacle';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { positiveInt, useUrlState } from '../../../lib/url-state';
import { exportHref, useObstacleCategories, useObstacles, type ObstacleView } from '../api/monitoring-api';
import { ObstacleDrawer } from './obstacle-drawer';
import { ObstacleForm } from './obstacle-form';
import { obstacleStatuses, obstacleStatusLabels, STATUS_COLORS } from './obstacle-labels';

const KEYS = ['status', 'category', 'overdue', 'zone', 'q', 'obstacle', 'page'] as const;

/**
 * The obstacles list (filters: status, category, overdue, zone; in the address), the drawer of one, and for
 * those who keep zones the form to record one. `zoneCode` (and `projectCode`) fix the zone or project (the
 * zone and project pages' tabs).
 */
export function ObstacleListPanel({ zoneCode, projectCode }: { zoneCode?: string; projectCode?: string }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const [values, update] = useUrlState(KEYS);
  const [creating, setCreating] = useState(false);
  const categories = useObstacleCategories();
  const page = positiveInt(values.page, 1);
  const query = {
    status: (values.status || undefined) as ObstacleStatus | 'active' | undefined,
    category: values.category || undefined,
    overdue: values.overdue === 'true' ? ('true' as const) : undefined,
    zone: zoneCode ?? (values.zone || undefined),
    project: projectCode,
    q: values.q || undefined,
    page,
    pageSize: 20,
  };
  const list = useObstacles(query as never);
  const columns: TableColumnsType<ObstacleView> = [
    {
      title: t('monitoring.obstacle.title'),
      key: 'title',
      render: (_v, o) => (
        <Flex vertical gap={2}>
          <a
            href={`?obstacle=${o.id}`}
            onClick={(e) => {
              e.preventDefault();
              update({ obstacle: o.id });
            }}
          >
            {o.title}
          </a>
          <Typography.Text type="secondary">{o.categoryName[locale]}</Typography.Text>
        </Flex>
      ),
    },
    ...(zoneCode
      ? []
      : [
          {
            title: t('monitoring.obstacle.zone'),
            key: 'zone',
            render: (_v: unknown, o: ObstacleView) => (
              <Link to={`/zones/${encodeURIComponent(o.zone.code)}`}>{o.zone.name}</Link>
            ),
          },
        ]),
    { title: t('monitoring.obstacle.agency'), dataIndex: 'agency', responsive: ['lg'] },
    {
      title: t('monitoring.obstacle.deadline'),
      key: 'deadline',
      render: (_v, o) => (
        <Flex vertical gap={2}>
          <span>{o.deadline ? format.date(o.deadline) : '—'}</span>
          {o.daysOverdue !== null ? (
            <Tag color="red">{t('monitoring.obstacle.overdueDays', { days: o.daysOverdue })}</Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('monitoring.obstacle.status'),
      key: 'status',
      render: (_v, o) => <Tag color={STATUS_COLORS[o.status]}>{obstacleStatusLabels[o.status][locale]}</Tag>,
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="obstacle-list">
      <Flex gap={8} wrap align="center">
        <Select
          aria-label={t('monitoring.filter.status')}
          style={{ minWidth: 180 }}
          value={values.status || ''}
          onChange={(status) => update({ status, page: null })}
          options={[
            { value: '', label: t('monitoring.filter.all') },
            { value: 'active', label: t('monitoring.filter.active') },
            ...obstacleStatuses.map((s) => ({ value: s, label: obstacleStatusLabels[s][locale] })),
          ]}
        />
        <Select
          aria-label={t('monitoring.filter.category')}
          style={{ minWidth: 200 }}
          value={values.category || ''}
          onChange={(category) => update({ category, page: null })}
          options={[
            { value: '', label: t('monitoring.filter.category') },
            ...(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.name[locale] })),
          ]}
        />
        <Select
          aria-label={t('monitoring.filter.overdue')}
          style={{ minWidth: 140 }}
          value={values.overdue || ''}
          onChange={(overdue) => update({ overdue, page: null })}
          options={[
            { value: '', label: t('monitoring.filter.all') },
            { value: 'true', label: t('monitoring.filter.overdueOnly') },
          ]}
        />
        {zoneCode ? null : (
          <Input.Search
            aria-label={t('monitoring.filter.zone')}
            placeholder={t('monitoring.filter.zone')}
            allowClear
            style={{ width: 200 }}
            defaultValue={values.zone}
            onSearch={(zone) => update({ zone: zone.trim().toUpperCase(), page: null })}
          />
        )}
        <a
          href={exportHref('/api/obstacles/export.xlsx', { ...query, page: undefined, pageSize: undefined })}
        >
          {t('monitoring.export')}
        </a>
        {list.data?.canRaise ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('monitoring.obstacle.new')}
          </Button>
        ) : null}
      </Flex>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<ObstacleView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('monitoring.obstacle.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => update({ page: p === 1 ? null : p }),
        }}
      />
      <ObstacleForm
        open={creating}
        zoneCode={zoneCode}
        projectCode={projectCode}
        today={list.data?.asOf ?? new Date().toISOString().slice(0, 10)}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          update({ obstacle: id });
        }}
      />
      <ObstacleDrawer id={values.obstacle || null} onClose={() => update({ obstacle: null })} />
    </Flex>
  );
}
