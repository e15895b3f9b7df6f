import { lazy, Suspense, useMemo } from 'react';
import { Alert, Button, Card, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { formatFigure } from '../../../../domain/briefing/template';
import type { IndicatorUnit } from '../../../../domain/analysis/indicators';
import { useLocale, useT } from '../../../lib/i18n';
import { analysisExportUrl, useAnalysis, type AnalysisQuery } from '../api/analysis-api';

const EChart = lazy(() => import('../../../components/chart/echart').then((m) => ({ default: m.EChart })));

const BY_LABEL: Record<string, { vi: string; en: string }> = {
  none: { vi: 'Toàn thành phố', en: 'City total' },
  family: { vi: 'Loại (KCN/CCN)', en: 'Family' },
  state: { vi: 'Trạng thái', en: 'State' },
  commune: { vi: 'Xã/phường', en: 'Commune' },
  former_district: { vi: 'Quận/huyện cũ', en: 'Former district' },
  zone: { vi: 'Khu/cụm', en: 'Zone' },
  sector: { vi: 'Ngành (VSIC)', en: 'Sector (VSIC)' },
  ownership: { vi: 'Nguồn vốn (FDI/trong nước)', en: 'Ownership' },
};

/** The view lives in the URL (?indicator=&by=&step=&from=&to=), so it can be shared. */
function useQueryFromUrl(): [AnalysisQuery, (patch: Partial<AnalysisQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const year = new Date().getFullYear();
  const query: AnalysisQuery = {
    indicator: params.get('indicator') ?? 'capital_attracted_usd',
    by: (params.get('by') as AnalysisQuery['by']) ?? 'none',
    step: (params.get('step') as AnalysisQuery['step']) ?? 'year',
    from: params.get('from') ?? `${year - 9}-01-01`,
    to: params.get('to') ?? `${year}-12-31`,
  };
  const update = (patch: Partial<AnalysisQuery>) => {
    const next = { ...query, ...patch };
    setParams(Object.fromEntries(Object.entries(next).map(([k, v]) => [k, String(v)])), { replace: true });
  };
  return [query, update];
}

export function AnalysisView() {
  const t = useT();
  const locale = useLocale();
  const [query, update] = useQueryFromUrl();
  const { data, error } = useAnalysis(query);
  const unit = (data?.indicator.unit ?? 'count') as IndicatorUnit;
  const option = useMemo(
    () =>
      data && {
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll' },
        xAxis: { type: 'category', data: data.periods.map((p) => p.label) },
        yAxis: { type: 'value' },
        series: data.series.slice(0, 12).map((s) => ({
          name: s.label,
          type: query.by === 'none' ? 'line' : 'bar',
          stack: query.by === 'none' ? undefined : 'all',
          data: s.values.map((v) => (v === null ? null : Math.round(v * 10) / 10)),
        })),
      },
    [data, query.by],
  );
  const columns = [
    { title: t('analysis.group'), dataIndex: 'label', key: 'label', fixed: 'left' as const },
    ...(data?.periods ?? []).map((p, i) => ({
      title: p.label,
      key: p.label,
      align: 'right' as const,
      render: (_: unknown, row: { values: (number | null)[] }) =>
        formatFigure(row.values[i] ?? null, unit, locale),
    })),
  ];
  const rows = data
    ? [
        ...data.series.map((s) => ({ key: s.key, label: s.label, values: s.values })),
        { key: '__total', label: t('analysis.total'), values: data.total },
      ]
    : [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('analysis.indicator')}</span>
        <Select
          aria-label={t('analysis.indicator')}
          style={{ minWidth: 320 }}
          value={query.indicator}
          options={(data?.catalogue ?? []).map((c) => ({ value: c.code, label: c.name[locale] }))}
          onChange={(indicator: string) => update({ indicator, by: 'none' })}
        />
        <span>{t('analysis.by')}</span>
        <Select
          aria-label={t('analysis.by')}
          data-testid="analysis-by"
          style={{ minWidth: 220 }}
          value={query.by}
          options={(data?.indicator.breakdowns ?? ['none']).map((b) => ({
            value: b,
            label: BY_LABEL[b]?.[locale] ?? b,
          }))}
          onChange={(by: AnalysisQuery['by']) => update({ by })}
        />
        <span>{t('analysis.step')}</span>
        <Select
          aria-label={t('analysis.step')}
          value={query.step}
          options={[
            { value: 'year', label: t('analysis.year') },
            { value: 'quarter', label: t('analysis.quarter') },
            { value: 'month', label: t('analysis.month') },
          ]}
          onChange={(step: AnalysisQuery['step']) => update({ step })}
        />
        <Button href={analysisExportUrl(query)}>{t('analysis.export')}</Button>
      </Space>
      {error ? <Alert type="error" message={error.message} /> : null}
      {data ? <Typography.Text type="secondary">{data.indicator.how[locale]}</Typography.Text> : null}
      <Card size="small">
        <Suspense fallback={<Skeleton active />}>
          {option ? <EChart option={option} label={data!.indicator.name[locale]} /> : null}
        </Suspense>
      </Card>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: true }}
        columns={columns}
        dataSource={rows}
        loading={!data}
      />
    </Space>
  );
}
