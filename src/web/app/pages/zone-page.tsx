import { useParams } from 'react-router';
import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { DocumentsPanel } from '../../features/document/components/documents-panel';
import { ZoneIncidentsPanel } from '../../features/incident/components/zone-incidents-panel';
import { ZoneInspectionsTab } from '../../features/inspection/components/zone-inspections-tab';
import { ObstacleListPanel } from '../../features/monitoring/components/obstacle-list-panel';
import { ZoneScheduleTab } from '../../features/schedule/components/zone-schedule-tab';
import { ZoneView, type ZoneTabsOfOtherFeatures } from '../../features/zone/components/zone-view';
import { PERMISSIONS } from '../../lib/paths';

/** The zone page composes the zone with what other features show of it (features never import each other). */
const ZONE_TABS: ZoneTabsOfOtherFeatures = {
  documents: (code) => <DocumentsPanel owner={{ kind: 'zone', code }} />,
  obstacles: (code) => <ObstacleListPanel zoneCode={code} />,
  schedule: (code) => <ZoneScheduleTab code={code} />,
  inspections: (code) => <ZoneInspectionsTab code={code} extra={<ZoneIncidentsPanel code={code} />} />,
};

export function ZonePage() {
  const user = useCurrentUser();
  const { code = '' } = useParams();
  if (!hasAnyPermission(user, PERMISSIONS.zones)) return <Forbidden />;
  // A new code is a new page: no state (tabs, forms) carried over from the previous zone.
  return <ZoneView key={code} code={code} tabs={ZONE_TABS} />;
}
