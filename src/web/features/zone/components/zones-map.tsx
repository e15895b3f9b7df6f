import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Segmented, theme, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useUrlState } from '../../../lib/url-state';
import { useZone, useZonesMap, type ZoneMapProperties } from '../api/zone-api';
import { ZoneFilterBar } from './zone-filter-bar';
import { FILTER_KEYS, filtersFromUrl } from './zone-filter-state';
import { KIND_LABELS } from '../../../components/zone/zone-labels';
import { zonePath } from '../../../lib/paths';
import { LifecycleTag, OccupancyCell } from '../../../components/zone/zone-tags';
import { MapLegend } from '../../../components/map/map-legend';
import { hasCustomBasemap, type ColorMode, type MapTerritory } from '../../../components/map/map-style';

// MapLibre comes with the canvas: the filters and the legend show while it downloads.
const MapCanvas = lazy(() =>
  import('../../../components/map/map-canvas').then((m) => ({ default: m.MapCanvas })),
);

const URL_KEYS = [...FILTER_KEYS, 'color', 'zone'] as const;
const overlay = { position: 'absolute', zIndex: 2, boxShadow: '0 2px 8px rgba(0,0,0,0.15)' } as const;

/**
 * Bản đồ: every zone in scope, filtered like the list, coloured by status or occupancy; click for a card. The
 * communes drawn under the zones come from the page (app/pages/map-page), which asks the territory for them.
 */
export function ZonesMap({ territory }: { territory: MapTerritory | undefined }) {
  const t = useT();
  const format = useFormat();
  const [state, setState] = useUrlState(URL_KEYS);
  const filters = filtersFromUrl(state);
  const colorMode: ColorMode = state.color === 'occupancy' ? 'occupancy' : 'lifecycle';
  const map = useZonesMap(filters);
  const features = useMemo(() => map.data?.features ?? [], [map.data]);
  const unplaced = map.data?.unplaced ?? [];
  const selected = features.find((feature) => feature.properties.code === state.zone)?.properties ?? null;
  const boundaries = features.filter((feature) => feature.properties.geometry === 'boundary').length;
  const approximate = features.filter((feature) => feature.properties.placement !== 'exact').length;
  const nearCityCentre = features.filter((feature) => feature.properties.placement === 'city');
  const territoryApproximate = (territory?.features ?? []).some(
    (feature) => feature.properties.layer !== 'label' && feature.properties.approximate,
  );

  return (
    <>
      <PageHeader title={t('nav.map')} subtitle={t('map.subtitle')} />
      <ZoneFilterBar
        filters={filters}
        rawQuery={state.q}
        onChange={(patch) => setState({ ...patch, zone: null })}
      />
      <Flex gap={16} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex gap={8} align="center">
          <Typography.Text id="map-color-by">{t('map.colorBy')}</Typography.Text>
          <Segmented<ColorMode>
            aria-labelledby="map-color-by"
            value={colorMode}
            options={[
              { value: 'lifecycle', label: t('map.colorBy.lifecycle') },
              { value: 'occupancy', label: t('map.colorBy.occupancy') },
            ]}
            onChange={(value) => setState({ color: value === 'lifecycle' ? null : value })}
          />
        </Flex>
        <Typography.Text type="secondary" data-testid="map-count">
          {map.data
            ? t('map.count', {
                total: format.number(features.length),
                boundaries: format.number(boundaries),
                points: format.number(features.length - boundaries - approximate),
                approximate: format.number(approximate),
              })
            : null}{' '}
          · {t('map.basemap', { name: t(hasCustomBasemap() ? 'map.basemap.custom' : 'map.basemap.blank') })}
          {territoryApproximate ? <> · {t('map.legend.territoryApproximate')}</> : null}
        </Typography.Text>
      </Flex>
      {nearCityCentre.length ? (
        <Typography.Paragraph type="secondary" data-testid="map-city-placed" style={{ marginTop: -4 }}>
          {t('map.cityPlaced', { count: format.number(nearCityCentre.length) })}{' '}
          {nearCityCentre.map((feature, index) => (
            <span key={feature.properties.code}>
              {index ? ', ' : null}
              <Typography.Link onClick={() => setState({ zone: feature.properties.code })}>
                {feature.properties.name}
              </Typography.Link>
            </span>
          ))}
        </Typography.Paragraph>
      ) : null}
      {unplaced.length ? (
        <Typography.Paragraph type="secondary" data-testid="map-unplaced" style={{ marginTop: -4 }}>
          {t('map.missing', { count: format.number(unplaced.length) })}{' '}
          {unplaced.map((zone, index) => (
            <span key={zone.code}>
              {index ? ', ' : null}
              <Link to={zonePath(zone.code)}>{zone.name}</Link>
            </span>
          ))}
        </Typography.Paragraph>
      ) : null}
      {map.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert
            error={map.error}
            action={<Button onClick={() => void map.refetch()}>{t('common.retry')}</Button>}
          />
        </div>
      ) : null}
      <Suspense fallback={<PageLoader />}>
        <MapCanvas
          zones={map.data}
          territory={territory}
          colorMode={colorMode}
          selectedCode={state.zone || null}
          onSelect={(code) => setState({ zone: code })}
          height="max(440px, calc(100vh - 360px))"
          ariaLabel={t('map.label')}
        >
          <Card
            size="small"
            style={{
              ...overlay,
              left: 10,
              bottom: 36,
              maxWidth: 260,
              maxHeight: 'calc(100% - 90px)',
              overflowY: 'auto',
            }}
          >
            <MapLegend mode={colorMode} territoryApproximate={territoryApproximate} />
          </Card>
          {map.data && features.length === 0 ? (
            <Alert
              type="info"
              showIcon
              title={t('map.empty')}
              style={{ ...overlay, top: 10, left: 50, right: 50 }}
            />
          ) : null}
          {selected ? <ZoneCard zone={selected} onClose={() => setState({ zone: null })} /> : null}
        </MapCanvas>
      </Suspense>
    </>
  );
}

/** The clicked zone: what the map knows at once, the commune once the zone's record has loaded. */
function ZoneCard({ zone, onClose }: { zone: ZoneMapProperties; onClose: () => void }) {
  const t = useT();
  const { token } = theme.useToken();
  const format = useFormat();
  const detail = useZone(zone.code);
  return (
    <Card
      size="small"
      data-testid="map-zone-card"
      style={{ ...overlay, top: 10, right: 50, width: 340, maxWidth: 'calc(100% - 100px)' }}
      title={<span style={{ whiteSpace: 'normal' }}>{zone.name}</span>}
      extra={
        <Button
          type="text"
          size="small"
          aria-label={t('common.close')}
          icon={<CloseOutlined />}
          onClick={onClose}
        />
      }
      actions={[
        <Link key="open" to={zonePath(zone.code)} style={{ color: token.colorPrimary }}>
          {t('map.openZone')}
        </Link>,
      ]}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'kind', label: t('zone.col.kind'), children: t(KIND_LABELS[zone.kind]) },
          {
            key: 'commune',
            label: t('zone.col.commune'),
            children: detail.data?.communeName ?? (detail.isPending ? '…' : '—'),
          },
          { key: 'area', label: t('zone.col.area'), children: format.area(zone.declaredAreaHa) },
          {
            key: 'occupancy',
            label: t('zone.col.occupancy'),
            children: <OccupancyCell rate={zone.occupancy} />,
          },
          {
            key: 'state',
            label: t('zone.col.state'),
            children: <LifecycleTag state={zone.lifecycleState} />,
          },
          ...(zone.placement === 'exact'
            ? []
            : [
                {
                  key: 'placement',
                  label: t('map.card.placement'),
                  children: t(`map.placement.${zone.placement}`),
                },
              ]),
        ]}
      />
    </Card>
  );
}
