import { Typography } from 'antd';
import { useMemo } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageLoader } from '../../../components/ui/page-loader';
import { useT } from '../../../lib/i18n';
import { useZonesMap, type ZoneMapCollection } from '../api/zone-api';
import { MapCanvas } from '../../../components/map/map-canvas';

/** One zone on a small map (its boundary, or its marker), from the same data as the map page. */
export function ZoneMiniMap({ code, height = 260 }: { code: string; height?: number }) {
  const t = useT();
  const map = useZonesMap({});
  const zone = useMemo<ZoneMapCollection | undefined>(() => {
    if (!map.data) return undefined;
    return {
      type: 'FeatureCollection',
      features: map.data.features.filter((f) => f.properties.code === code),
    };
  }, [map.data, code]);

  if (map.isPending) return <PageLoader />;
  if (map.error) return <ErrorAlert error={map.error} />;
  if (!zone || zone.features.length === 0) {
    return <Typography.Text type="secondary">{t('zone.mapUnavailable')}</Typography.Text>;
  }
  return <MapCanvas zones={zone} height={height} ariaLabel={t('zone.section.map')} />;
}
