import { Typography } from 'antd';
import { DashboardView } from '../../features/dashboard/components/dashboard-view';
import { useT } from '../../lib/i18n';

export function DashboardPage() {
  const t = useT();
  return (
    <>
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      <DashboardView />
    </>
  );
}
