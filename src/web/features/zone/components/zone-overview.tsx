import { InfoCircleOutlined } from '@ant-design/icons';
import {
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Statistic,
  Tag,
  Tooltip,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageLoader } from '../../../components/ui/page-loader';
import { SourceText } from '../../../components/ui/source-text';
import { useFormat, type Formatters } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import type { ZoneDetail } from '../api/zone-api';
import {
  FIRE_SAFETY_COLORS,
  FIRE_SAFETY_LABELS,
  lifecycleLabel,
  WWTP_COLORS,
  WWTP_LABELS,
} from '../../../components/zone/zone-labels';
import { zonePath } from '../../../lib/paths';
import { ZonePlanPriceSummary } from './zone-plan-price-summary';
import { OccupancyCell } from '../../../components/zone/zone-tags';

// MapLibre is large: the small map loads only when the overview shows it.
const ZoneMiniMap = lazy(() => import('./zone-mini-map').then((m) => ({ default: m.ZoneMiniMap })));

/** "+3,2 %" / "−12 %": how far the drawn boundary is from the declared area. */
export function areaDifference(boundaryHa: number, declaredHa: number, format: Formatters): string {
  const ratio = (boundaryHa - declaredHa) / declaredHa;
  const text = format.percent(Math.abs(ratio));
  return ratio > 0 ? `+${text}` : ratio < 0 ? `−${text}` : text;
}

const Nowrap = ({ children }: { children: ReactNode }) => (
  <span style={{ whiteSpace: 'nowrap' }}>{children}</span>
);

function Figure({ title, value, footer }: { title: ReactNode; value: ReactNode; footer?: ReactNode }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} valueRender={() => value} />
      {footer ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {footer}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/** Tổng quan: the key figures first, then the facts by theme, the sources and (lazily) a small map. */
export function ZoneOverview({ zone }: { zone: ZoneDetail }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const occupiedHa =
    zone.leasedHa === null && zone.approvedHa === null ? null : (zone.leasedHa ?? 0) + (zone.approvedHa ?? 0);
  const formula = (
    <Tooltip title={t('zone.occupancyFormula')}>
      <InfoCircleOutlined aria-label={t('zone.occupancyFormulaLabel')} style={{ marginInlineStart: 6 }} />
    </Tooltip>
  );
  const boundaryValue =
    zone.boundaryAreaHa !== null
      ? `${format.area(zone.boundaryAreaHa)}${
          zone.declaredAreaHa
            ? ` (${t('zone.boundaryDiff', { diff: areaDifference(zone.boundaryAreaHa, zone.declaredAreaHa, format) })})`
            : ''
        }`
      : t('zone.noBoundary');
  const boundaryLine =
    zone.boundaryAreaHa !== null ? `${t('zone.field.boundaryAreaHa')}: ${boundaryValue}` : boundaryValue;
  const occupancyLine =
    occupiedHa !== null && zone.industrialLandHa !== null
      ? t('zone.occupancyOf', { occupied: format.area(occupiedHa), land: format.area(zone.industrialLandHa) })
      : t('zone.occupancyUnknown');
  const canShowMap = zone.hasBoundary || (zone.lat !== null && zone.lon !== null);

  const areas: DescriptionsProps['items'] = [
    {
      key: 'declared',
      label: t('zone.field.declaredAreaHa'),
      children: <Nowrap>{format.area(zone.declaredAreaHa)}</Nowrap>,
    },
    { key: 'boundary', label: t('zone.field.boundaryAreaHa'), children: boundaryValue },
    {
      key: 'industrial',
      label: t('zone.field.industrialLandHa'),
      children: <Nowrap>{format.area(zone.industrialLandHa)}</Nowrap>,
    },
    {
      key: 'infra',
      label: t('zone.field.infrastructureCompleteHa'),
      children: <Nowrap>{format.area(zone.infrastructureCompleteHa)}</Nowrap>,
    },
    {
      key: 'leased',
      label: t('zone.field.leasedHa'),
      children: <Nowrap>{format.area(zone.leasedHa)}</Nowrap>,
    },
    {
      key: 'approved',
      label: t('zone.field.approvedHa'),
      children: <Nowrap>{format.area(zone.approvedHa)}</Nowrap>,
    },
    {
      key: 'priority',
      label: t('zone.field.priorityReservedHa'),
      children: <Nowrap>{format.area(zone.priorityReservedHa)}</Nowrap>,
    },
    {
      key: 'occupancy',
      label: (
        <span>
          {t('zone.field.occupancy')}
          {formula}
        </span>
      ),
      children: (
        <Flex vertical gap={2}>
          <OccupancyCell rate={zone.occupancy} width={120} />
          <Typography.Text type="secondary">{occupancyLine}</Typography.Text>
        </Flex>
      ),
    },
  ];

  const infrastructure: DescriptionsProps['items'] = [
    {
      key: 'wwtp',
      label: t('zone.field.wwtpStatus'),
      children: zone.wwtpStatus ? (
        <Flex gap={8} wrap align="center">
          <Tag color={WWTP_COLORS[zone.wwtpStatus]}>{t(WWTP_LABELS[zone.wwtpStatus])}</Tag>
          {zone.wwtpCapacityM3Day !== null ? (
            <span>{t('zone.wwtpCapacity', { value: format.number(zone.wwtpCapacityM3Day) })}</span>
          ) : null}
        </Flex>
      ) : (
        '—'
      ),
    },
    {
      key: 'fire',
      label: t('zone.field.fireSafetyStatus'),
      children: zone.fireSafetyStatus ? (
        <Tag color={FIRE_SAFETY_COLORS[zone.fireSafetyStatus]}>
          {t(FIRE_SAFETY_LABELS[zone.fireSafetyStatus])}
        </Tag>
      ) : (
        '—'
      ),
    },
  ];

  const investment: DescriptionsProps['items'] = [
    {
      key: 'approved',
      label: t('zone.field.infraInvestmentApprovedVnd'),
      children: <Nowrap>{format.money(zone.infraInvestmentApprovedVnd, 'VND')}</Nowrap>,
    },
    {
      key: 'paid',
      label: t('zone.field.infraInvestmentPaidVnd'),
      children: <Nowrap>{format.money(zone.infraInvestmentPaidVnd, 'VND')}</Nowrap>,
    },
  ];

  const management: DescriptionsProps['items'] = [
    {
      key: 'developer',
      label: t('zone.field.developerCode'),
      children: zone.developerName ? (
        <span>
          {zone.developerName}{' '}
          {zone.developerCode ? (
            <Typography.Text type="secondary">({zone.developerCode})</Typography.Text>
          ) : null}
        </span>
      ) : (
        (zone.developerCode ?? '—')
      ),
    },
    { key: 'authority', label: t('zone.field.managingAuthority'), children: zone.managingAuthority ?? '—' },
    { key: 'commune', label: t('zone.field.communeCode'), children: zone.communeName ?? '—' },
    { key: 'district', label: t('zone.field.formerDistrictCode'), children: zone.formerDistrictName ?? '—' },
    {
      key: 'formerCommune',
      label: t('zone.field.formerCommuneCode'),
      children: zone.formerCommuneName ?? '—',
    },
  ];
  if (zone.phaseOf) {
    management.push({
      key: 'phaseOf',
      label: t('zone.phaseOf'),
      children: <Link to={zonePath(zone.phaseOf.code)}>{zone.phaseOf.name}</Link>,
    });
  }
  if (zone.phases.length > 0) {
    management.push({
      key: 'phases',
      label: t('zone.phases'),
      children: (
        <Flex vertical gap={2}>
          {zone.phases.map((phase) => (
            <span key={phase.code}>
              <Link to={zonePath(phase.code)}>{phase.name}</Link>
              {phase.phaseNo !== null ? (
                <Typography.Text type="secondary">
                  {' '}
                  ({t('zone.phaseNo', { no: phase.phaseNo })})
                </Typography.Text>
              ) : null}
            </span>
          ))}
        </Flex>
      ),
    });
  }

  const { lifecycle } = zone;
  const lifecycleItems: DescriptionsProps['items'] = [
    {
      key: 'state',
      label: t('zone.lifecycle.current'),
      children: lifecycle.state
        ? `${lifecycleLabel(lifecycle.state, locale)}${lifecycle.since ? ` (${t('zone.lifecycle.since', { date: format.date(lifecycle.since) })})` : ''}`
        : t('zone.noState'),
    },
    {
      key: 'established',
      label: t('zone.lifecycle.established'),
      children: lifecycle.established
        ? lifecycle.established.decisionNo
          ? t('zone.lifecycle.establishedValue', {
              no: lifecycle.established.decisionNo,
              date: format.date(lifecycle.established.date),
            })
          : t('zone.lifecycle.establishedDate', { date: format.date(lifecycle.established.date) })
        : t('zone.lifecycle.notEstablished'),
    },
  ];
  if (lifecycle.landClearancePct !== null) {
    lifecycleItems.push({
      key: 'clearance',
      label: t('zone.lifecycle.landClearance'),
      children: `${format.number(lifecycle.landClearancePct)} %`,
    });
  }
  if (lifecycle.constructionPct !== null) {
    lifecycleItems.push({
      key: 'construction',
      label: t('zone.lifecycle.construction'),
      children: `${format.number(lifecycle.constructionPct)} %`,
    });
  }
  if (zone.sourceStatusText) {
    lifecycleItems.push({
      key: 'source',
      label: t('zone.field.sourceStatusText'),
      children: zone.sourceStatusText,
    });
  }

  const sectionProps = {
    column: { xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 },
    size: 'small',
    bordered: true,
  } as const;

  return (
    <Flex vertical gap={16} data-testid="zone-overview">
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Figure
            title={t('zone.field.declaredAreaHa')}
            value={format.area(zone.declaredAreaHa)}
            footer={boundaryLine}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Figure
            title={t('zone.field.industrialLandHa')}
            value={format.area(zone.industrialLandHa)}
            footer={`${t('zone.field.infrastructureCompleteHa')}: ${format.area(zone.infrastructureCompleteHa)}`}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Figure
            title={
              <span>
                {t('zone.field.occupancy')}
                {formula}
              </span>
            }
            value={format.percent(zone.occupancy)}
            footer={occupancyLine}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Figure
            title={t('zone.col.projects')}
            value={format.number(zone.projects)}
            footer={`${t('zone.field.leasedHa')}: ${format.area(zone.leasedHa)}`}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Descriptions title={t('zone.section.areas')} items={areas} {...sectionProps} />
            <Descriptions title={t('zone.section.lifecycle')} items={lifecycleItems} {...sectionProps} />
            <Descriptions title={t('zone.section.infrastructure')} items={infrastructure} {...sectionProps} />
            <Descriptions title={t('zone.section.investment')} items={investment} {...sectionProps} />
            <Descriptions title={t('zone.section.management')} items={management} {...sectionProps} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('zone.section.map')}>
              {canShowMap ? (
                <Suspense fallback={<PageLoader />}>
                  <ZoneMiniMap code={zone.code} />
                </Suspense>
              ) : (
                <Typography.Text type="secondary">{t('zone.mapUnavailable')}</Typography.Text>
              )}
            </Card>
            <ZonePlanPriceSummary code={zone.code} />
            <Card size="small" title={t('zone.section.sources')} data-testid="zone-sources">
              {zone.sources.length > 0 ? (
                <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                  {zone.sources.map((source, index) => (
                    <li key={index} style={{ wordBreak: 'break-word' }}>
                      <SourceText text={source} />
                    </li>
                  ))}
                </ol>
              ) : (
                <Typography.Text type="secondary">{t('zone.noSources')}</Typography.Text>
              )}
            </Card>
            {zone.notes ? (
              <Card size="small" title={t('zone.section.notes')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {zone.notes}
                </Typography.Paragraph>
              </Card>
            ) : null}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
