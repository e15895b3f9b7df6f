import { Flex, Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import {
  LIFECYCLE_GROUP_COLORS,
  LIFECYCLE_GROUP_LABELS,
  LIFECYCLE_GROUPS,
  OCCUPANCY_BAND_COLORS,
  OCCUPANCY_BAND_LABELS,
  OCCUPANCY_BANDS,
} from '../../zone/components/zone-labels';
import type { ColorMode } from './map-style';

function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 14,
        height: 14,
        borderRadius: 3,
        background: color,
        opacity: 0.8,
        border: '1px solid rgba(0,0,0,0.2)',
        flex: 'none',
      }}
    />
  );
}

/** What the colours mean, for the current colouring; the same colours as the map's expressions. */
export function MapLegend({ mode }: { mode: ColorMode }) {
  const t = useT();
  const entries =
    mode === 'lifecycle'
      ? LIFECYCLE_GROUPS.map((group) => ({
          key: group,
          color: LIFECYCLE_GROUP_COLORS[group],
          label: t(LIFECYCLE_GROUP_LABELS[group]),
        }))
      : OCCUPANCY_BANDS.map((band) => ({
          key: band,
          color: OCCUPANCY_BAND_COLORS[band],
          label: t(OCCUPANCY_BAND_LABELS[band]),
        }));
  return (
    <section aria-label={t('map.legend')} data-testid="map-legend">
      <Typography.Text strong>{t('map.legend')}</Typography.Text>
      <ul style={{ listStyle: 'none', margin: '8px 0 0', padding: 0 }}>
        {entries.map((entry) => (
          <li key={entry.key} style={{ marginBottom: 4 }}>
            <Flex gap={8} align="center">
              <Swatch color={entry.color} />
              <span>{entry.label}</span>
            </Flex>
          </li>
        ))}
      </ul>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('map.legend.shapes')}
      </Typography.Text>
    </section>
  );
}
