import { Flex, Typography } from 'antd';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMemo, useState } from 'react';
import type { AreaGeometry } from '../../../geometry/geo';
import { useT } from '../../../lib/i18n';
import { useZonesMap, type ZoneMapCollection } from '../api/zone-api';
import { LIFECYCLE_GROUP_COLORS, lifecycleGroup } from '../../../components/zone/zone-labels';
import { BoundaryDrawStatus, BoundaryDrawToolbar } from '../../../components/map/boundary-draw-toolbar';
import { DRAW_COLOR } from '../../../components/map/draw-style';
import { MapCanvas } from '../../../components/map/map-canvas';
import { PREVIEW_COLOR } from '../../../components/map/map-style';
import { useBoundaryDrawing, type BoundaryEditor } from '../../../components/map/use-boundary-drawing';

function LegendLine({ color, dashed, children }: { color: string; dashed?: boolean; children: string }) {
  return (
    <Typography.Text type="secondary">
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 18,
          borderTop: `3px ${dashed ? 'dashed' : 'solid'} ${color}`,
          verticalAlign: 'middle',
        }}
      />{' '}
      {children}
    </Typography.Text>
  );
}

/**
 * The zone's current boundary (or marker); dashed in red, an uploaded boundary about to replace it; and, with an
 * `editor`, the boundary being drawn or edited by hand in blue, with its tools above the map.
 */
export function BoundaryMap({
  code,
  preview,
  editor,
  height = 360,
}: {
  code: string;
  preview: AreaGeometry | null;
  editor?: BoundaryEditor | undefined;
  height?: number;
}) {
  const t = useT();
  const map = useZonesMap({});
  const [instance, setInstance] = useState<MapLibreMap | null>(null);
  useBoundaryDrawing(instance, editor);
  const current = useMemo<ZoneMapCollection | undefined>(() => {
    if (!map.data) return undefined;
    return {
      type: 'FeatureCollection',
      features: map.data.features.filter((f) => f.properties.code === code),
    };
  }, [map.data, code]);
  const currentColor =
    LIFECYCLE_GROUP_COLORS[lifecycleGroup(current?.features[0]?.properties.lifecycleState)];
  const active = !!editor?.state.active;
  const drawing = active && editor?.state.mode === 'draw';
  return (
    <Flex vertical gap={8}>
      <MapCanvas
        zones={current}
        preview={preview}
        height={height}
        ariaLabel={t('zone.tab.boundary')}
        onMap={editor ? setInstance : undefined}
      >
        {drawing ? (
          // The centre, where the keyboard (Space, or the button) places the next vertex.
          <span
            aria-hidden
            data-testid="draw-crosshair"
            style={{
              position: 'absolute',
              left: '50%',
              top: '50%',
              width: 18,
              height: 18,
              marginLeft: -9,
              marginTop: -9,
              pointerEvents: 'none',
              background: `linear-gradient(${DRAW_COLOR}, ${DRAW_COLOR}) center/2px 100% no-repeat, linear-gradient(${DRAW_COLOR}, ${DRAW_COLOR}) center/100% 2px no-repeat`,
              opacity: 0.6,
            }}
          />
        ) : null}
      </MapCanvas>
      {/* Below the map, so that buttons appearing and wrapping never move the map under the pointer. */}
      {editor && active ? <BoundaryDrawToolbar editor={editor} map={instance} /> : null}
      {editor && active ? <BoundaryDrawStatus editor={editor} /> : null}
      <Flex gap={16} wrap>
        {current && current.features.length > 0 ? (
          <LegendLine color={currentColor}>{t('zone.boundary.legendCurrent')}</LegendLine>
        ) : null}
        {preview ? (
          <LegendLine color={PREVIEW_COLOR} dashed>
            {t('zone.boundary.legendNew')}
          </LegendLine>
        ) : null}
        {active ? <LegendLine color={DRAW_COLOR}>{t('draw.legend')}</LegendLine> : null}
      </Flex>
      {active ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('draw.keys')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
