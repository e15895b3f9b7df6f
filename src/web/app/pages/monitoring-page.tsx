import { Tabs } from 'antd';
import { Forbidden } from '../../components/ui/forbidden';
import { PageHeader } from '../../components/ui/page-header';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { ObstacleListPanel } from '../../features/monitoring/components/obstacle-list-panel';
import { WatchListPanel } from '../../features/monitoring/components/watch-list-panel';
import { useT } from '../../lib/i18n';
import { useUrlState } from '../../lib/url-state';
import { PERMISSIONS } from '../../lib/paths';

/** Giám sát: opens on the watch list of the reader's scope; the obstacles list beside it. */
export function MonitoringPage() {
  const t = useT();
  const user = useCurrentUser();
  const [{ tab }, update] = useUrlState(['tab']);
  if (!hasAnyPermission(user, PERMISSIONS.zones)) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('monitoring.title')} subtitle={t('monitoring.subtitle')} />
      <Tabs
        activeKey={tab === 'obstacles' ? 'obstacles' : 'watch'}
        onChange={(key) => update({ tab: key === 'watch' ? null : key, obstacle: null } as never)}
        destroyOnHidden
        items={[
          { key: 'watch', label: t('monitoring.tab.watch'), children: <WatchListPanel /> },
          { key: 'obstacles', label: t('monitoring.tab.obstacles'), children: <ObstacleListPanel /> },
        ]}
      />
    </>
  );
}
