import { Typography } from 'antd';
import { useParams } from 'react-router';
import { BriefingEditor } from '../../features/briefing/components/briefing-editor';
import { BriefingList } from '../../features/briefing/components/briefing-list';
import { useT } from '../../lib/i18n';

export function BriefingsPage() {
  const t = useT();
  const { id } = useParams();
  return (
    <>
      <Typography.Title level={3}>{t('briefing.title')}</Typography.Title>
      {id ? <BriefingEditor id={id} /> : <BriefingList />}
    </>
  );
}
