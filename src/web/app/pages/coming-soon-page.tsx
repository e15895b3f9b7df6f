import { ToolOutlined } from '@ant-design/icons';
import { Result, Typography } from 'antd';
import { useT, type MessageKey } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

export type PlannedModule =
  | 'dashboard'
  | 'registry'
  | 'enterprises'
  | 'reports'
  | 'monitoring'
  | 'targets'
  | 'briefings'
  | 'map'
  | 'catalogue';

const LABELS: Record<PlannedModule, { title: MessageKey; description: MessageKey }> = {
  dashboard: { title: 'nav.dashboard', description: 'planned.dashboard' },
  registry: { title: 'nav.registry', description: 'planned.registry' },
  enterprises: { title: 'nav.enterprises', description: 'planned.enterprises' },
  reports: { title: 'nav.reports', description: 'planned.reports' },
  monitoring: { title: 'nav.monitoring', description: 'planned.monitoring' },
  targets: { title: 'nav.targets', description: 'planned.targets' },
  briefings: { title: 'nav.briefings', description: 'planned.briefings' },
  map: { title: 'nav.map', description: 'planned.map' },
  catalogue: { title: 'nav.catalogue', description: 'planned.catalogue' },
};

/** An honest placeholder for a module not built yet: what it will do, and no made-up figures. */
export function ComingSoonPage({ module }: { module: PlannedModule }) {
  const t = useT();
  const labels = LABELS[module];
  useDocumentTitle(t(labels.title));
  return (
    <Result
      data-testid="coming-soon"
      icon={<ToolOutlined aria-hidden />}
      title={t(labels.title)}
      subTitle={t('planned.status')}
      extra={
        <Typography.Paragraph style={{ maxWidth: 720, margin: '0 auto', textAlign: 'left' }}>
          {t(labels.description)}
        </Typography.Paragraph>
      }
    />
  );
}
