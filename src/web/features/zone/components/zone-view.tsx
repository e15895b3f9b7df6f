import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { RecordLoadState, useRecordPage } from '../../../components/record-page/record-page';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useZone } from '../api/zone-api';
import { ZoneBoundaryTab } from './zone-boundary-tab';
import { ZoneEditDrawer } from './zone-edit-drawer';
import { ZoneHistoryTab } from './zone-history-tab';
import { KIND_LABELS } from '../../../components/zone/zone-labels';
import { ZoneLifecycleTab } from './zone-lifecycle-tab';
import { ZoneOverview } from './zone-overview';
import { ZonePlanTab } from './zone-plan-tab';
import { ZonePricesTab } from './zone-prices-tab';
import { ZoneProjectsTab } from './zone-projects-tab';
import { LifecycleTag, SyntheticTag } from '../../../components/zone/zone-tags';

const TABS = [
  'overview',
  'lifecycle',
  'plan',
  'projects',
  'prices',
  'documents',
  'obstacles',
  'history',
  'boundary',
  'schedule',
  'inspections',
] as const;

/**
 * The tabs of a zone that other features own (documents, obstacles, schedule, inspections and incidents): the
 * page composes them (app/pages/zone-page), so the zone feature imports none of those features.
 */
export type ZoneTabsOfOtherFeatures = Record<
  'documents' | 'obstacles' | 'schedule' | 'inspections',
  (code: string) => ReactNode
>;

/**
 * One park or cluster: key figures, lifecycle, master plan, tenant projects, prices, documents, history,
 * boundary; editing for its keepers.
 */
export function ZoneView({ code, tabs }: { code: string; tabs: ZoneTabsOfOtherFeatures }) {
  const t = useT();
  const format = useFormat();
  const zone = useZone(code);
  const { tab, setTab, back } = useRecordPage({
    tabs: TABS,
    listPath: '/zones',
    backLabel: t('zone.backToList'),
  });
  const [editing, setEditing] = useState(false);
  // The server says whether this zone is editable by this user (role and scope), not just the permission.
  const canManage = zone.data?.canEdit ?? false;

  const loadState = <RecordLoadState query={zone} back={back} notFoundTitle={t('zone.notFound', { code })} />;
  if (!zone.data) return loadState;
  const detail = zone.data;

  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={detail.name}
        subtitle={
          <Flex component="span" gap={8} wrap align="center">
            <Typography.Text code>{detail.code}</Typography.Text>
            <Tag>{t(KIND_LABELS[detail.kind])}</Tag>
            <LifecycleTag state={detail.lifecycleState} />
            {detail.isSynthetic ? <SyntheticTag /> : null}
            <Typography.Text type="secondary">
              {t('zone.updatedAt', { time: format.dateTime(detail.updatedAt) })}
            </Typography.Text>
          </Flex>
        }
        extra={
          canManage ? (
            <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {t('zone.edit')}
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'overview',
            label: t('zone.tab.overview'),
            children: <ZoneOverview zone={detail} />,
          },
          {
            key: 'lifecycle',
            label: t('zone.tab.lifecycle'),
            children: <ZoneLifecycleTab zone={detail} canManage={canManage} />,
          },
          {
            key: 'plan',
            label: t('zone.tab.plan'),
            children: <ZonePlanTab zone={detail} />,
          },
          {
            key: 'projects',
            label: t('zone.tab.projects'),
            children: <ZoneProjectsTab code={detail.code} />,
          },
          {
            key: 'prices',
            label: t('zone.tab.prices'),
            children: <ZonePricesTab code={detail.code} />,
          },
          {
            key: 'documents',
            label: t('zone.tab.documents'),
            children: tabs.documents(detail.code),
          },
          {
            key: 'obstacles',
            label: t('monitoring.obstacle.tab'),
            children: tabs.obstacles(detail.code),
          },
          {
            key: 'history',
            label: t('zone.tab.history'),
            children: <ZoneHistoryTab code={detail.code} />,
          },
          {
            key: 'boundary',
            label: t('zone.tab.boundary'),
            children: <ZoneBoundaryTab zone={detail} canManage={canManage} />,
          },
          { key: 'schedule', label: t('schedule.tab'), children: tabs.schedule(detail.code) },
          {
            key: 'inspections',
            label: t('inspection.tab'),
            children: tabs.inspections(detail.code),
          },
        ]}
      />
      {canManage ? <ZoneEditDrawer zone={detail} open={editing} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
