import { lazy, Suspense, useMemo } from 'react';
import { Alert, Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { formatFigure } from '../../../../domain/briefing/template';
import { useLocale, useT } from '../../../lib/i18n';
import { useFormat } from '../../../lib/format';
import { useDashboard, type Dashboard, type DashboardFigure } from '../api/dashboard-api';

const EChart = lazy(() => import('../../../components/chart/echart').then((m) => ({ default: m.EChart })));

function FigureCard({ figure }: { figure: DashboardFigure }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  return (
    <Card size="small" data-testid={`figure-${figure.code}`}>
      <Link to={figure.drill}>
        <Statistic
          title={figure.name[locale]}
          value={
            formatFigure(figure.value, figure.unit, locale) +
            (figure.outOf !== null ? ` / ${formatFigure(figure.outOf, figure.unit, locale)}` : '')
          }
        />
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          // States of today (the watch list, obstacles) have no "same period last year".
          figure.previous !== null
            ? t('dashboard.previous', { value: formatFigure(figure.previous, figure.unit, locale) })
            : null,
          figure.planPct !== null
            ? t('dashboard.plan', { pct: formatFigure(figure.planPct, 'pct', locale) })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        <br />
        {t('dashboard.asOf', { time: format.dateTime(figure.asOf) })}
      </Typography.Text>
    </Card>
  );
}

const STATE_LABEL: Record<string, { vi: string; en: string }> = {
  operating: { vi: 'đang hoạt động', en: 'operating' },
  developing: { vi: 'đang đầu tư', en: 'developing' },
  planned: { vi: 'quy hoạch', en: 'planned' },
  suspended: { vi: 'tạm dừng', en: 'suspended' },
  unknown: { vi: 'chưa rõ trạng thái', en: 'state unknown' },
};

function Charts({ data }: { data: Dashboard }) {
  const t = useT();
  const locale = useLocale();
  const capital = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('dashboard.fdi'), t('dashboard.domestic')] },
      xAxis: { type: 'category', data: data.capitalByYear.map((c) => String(c.year)) },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('dashboard.fdi'),
          type: 'bar',
          stack: 'c',
          data: data.capitalByYear.map((c) => Math.round(c.fdi * 10) / 10),
        },
        {
          name: t('dashboard.domestic'),
          type: 'bar',
          stack: 'c',
          data: data.capitalByYear.map((c) => Math.round(c.domestic * 10) / 10),
        },
      ],
    }),
    [data, t],
  );
  const occupancy = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 120 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: data.occupancyByZone.map((z) => z.name).reverse() },
      series: [
        {
          type: 'bar',
          data: data.occupancyByZone.map((z) => Math.round((z.occupancyPct ?? 0) * 10) / 10).reverse(),
        },
      ],
    }),
    [data],
  );
  const states = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: data.zonesByState.map((z) => ({
            name: `${z.family} · ${STATE_LABEL[z.state]?.[locale] ?? z.state}`,
            value: z.zones,
          })),
        },
      ],
    }),
    [data, locale],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.capitalChart')}>
          <EChart option={capital} label={t('dashboard.capitalChart')} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.statesChart')}>
          <EChart option={states} label={t('dashboard.statesChart')} />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('dashboard.occupancyChart')}>
          <EChart
            option={occupancy}
            height={Math.max(240, data.occupancyByZone.length * 18)}
            label={t('dashboard.occupancyChart')}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** The home page: headline figures over the user's scope, each with its "as of" time and drill-down; charts. */
export function DashboardView() {
  const t = useT();
  const format = useFormat();
  const { data, error } = useDashboard();
  if (error) return <Alert type="error" message={error.message} />;
  if (!data) return <Skeleton active />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('dashboard.range', { from: format.date(data.range.from), to: format.date(data.range.to) })} ·{' '}
        <Link to="/analysis">{t('dashboard.analysis')}</Link>
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {data.figures.map((f) => (
          <Col key={f.code} xs={24} sm={12} md={8} xl={6}>
            <FigureCard figure={f} />
          </Col>
        ))}
      </Row>
      {data.completeness ? (
        <Link to="/reports">
          <Alert
            type="info"
            message={t('dashboard.completeness', {
              ...data.completeness,
              received: String(data.completeness.received),
              expected: String(data.completeness.expected),
              overdue: String(data.completeness.overdue),
            })}
          />
        </Link>
      ) : null}
      <Suspense fallback={<Skeleton active />}>
        <Charts data={data} />
      </Suspense>
    </Space>
  );
}
