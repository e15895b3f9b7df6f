import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import type { AreaGeometry } from '../../../lib/geo';
import { useT } from '../../../lib/i18n';
import { useZonesMap, type ZoneMapCollection } from '../../zone/api/zone-api';
import { MapCanvas } from './map-canvas';
import { LIFECYCLE_GROUP_COLORS, lifecycleGroup } from '../../zone/components/zone-labels';
import { PREVIEW_COLOR } from './map-style';

/** The zone's current boundary (or marker) and, dashed in red, the boundary about to replace it. */
export function BoundaryMap({
  code,
  preview,
  height = 360,
}: {
  code: string;
  preview: AreaGeometry | null;
  height?: number;
}) {
  const t = useT();
  const map = useZonesMap({});
  const current = useMemo<ZoneMapCollection | undefined>(() => {
    if (!map.data) return undefined;
    return {
      type: 'FeatureCollection',
      features: map.data.features.filter((f) => f.properties.code === code),
    };
  }, [map.data, code]);
  const currentColor =
    LIFECYCLE_GROUP_COLORS[lifecycleGroup(current?.features[0]?.properties.lifecycleState)];
  return (
    <Flex vertical gap={8}>
      <MapCanvas zones={current} preview={preview} height={height} ariaLabel={t('zone.tab.boundary')} />
      <Flex gap={16} wrap>
        {current && current.features.length > 0 ? (
          <Typography.Text type="secondary">
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 18,
                borderTop: `3px solid ${currentColor}`,
                verticalAlign: 'middle',
              }}
            />{' '}
            {t('zone.boundary.legendCurrent')}
          </Typography.Text>
        ) : null}
        {preview ? (
          <Typography.Text type="secondary">
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 18,
                borderTop: `3px dashed ${PREVIEW_COLOR}`,
                verticalAlign: 'middle',
              }}
            />{' '}
            {t('zone.boundary.legendNew')}
          </Typography.Text>
        ) : null}
      </Flex>
    </Flex>
  );
}
