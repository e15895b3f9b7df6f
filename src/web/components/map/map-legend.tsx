import { Flex, Typography } from 'antd';
import { useT } from '../../lib/i18n';
import {
  LIFECYCLE_GROUP_COLORS,
  LIFECYCLE_GROUP_LABELS,
  LIFECYCLE_GROUPS,
  OCCUPANCY_BAND_COLORS,
  OCCUPANCY_BAND_LABELS,
  OCCUPANCY_BANDS,
} from '../zone/zone-labels';
import { TERRITORY_COLORS, type ColorMode } from './map-style';

function Line({ color, dashed, width }: { color: string; dashed: boolean; width: number }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 18,
        borderTop: `${width}px ${dashed ? 'dashed' : 'solid'} ${color}`,
        flex: 'none',
      }}
    />
  );
}

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
export function MapLegend({
  mode,
  territoryApproximate = false,
}: {
  mode: ColorMode;
  /** Whether some of the territory's lines are approximations (dashed), not imported boundaries. */
  territoryApproximate?: boolean;
}) {
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
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {t('map.legend.shapes')}
      </Typography.Text>
      <Flex gap={8} align="center" style={{ fontSize: 12 }}>
        <span
          aria-hidden
          style={{
            width: 12,
            height: 12,
            borderRadius: 6,
            border: '2.5px solid #5b8ff9',
            background: 'rgba(91,143,249,0.25)',
            flex: 'none',
          }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('map.legend.approximate')}
        </Typography.Text>
      </Flex>
      <Flex gap={8} align="center" style={{ fontSize: 12, marginTop: 4 }}>
        <Line color={TERRITORY_COLORS.province} dashed={territoryApproximate} width={2.5} />
        <span>{t('map.legend.province')}</span>
      </Flex>
      <Flex gap={8} align="center" style={{ fontSize: 12 }}>
        <Line color={TERRITORY_COLORS.commune} dashed={territoryApproximate} width={1} />
        <span>{t('map.legend.communes')}</span>
      </Flex>
    </section>
  );
}
