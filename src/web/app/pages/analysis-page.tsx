import { Typography } from 'antd';
import { AnalysisView } from '../../features/analysis/components/analysis-view';
import { useT } from '../../lib/i18n';

export function AnalysisPage() {
  const t = useT();
  return (
    <>
      <Typography.Title level={3}>{t('analysis.title')}</Typography.Title>
      <AnalysisView />
    </>
  );
}
