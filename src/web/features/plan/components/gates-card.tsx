import { Card, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PATHS } from '../../../lib/paths';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import type { GateRow, PlanYearView } from '../api/plan-api';

/** The Decree 32 gates per commune (or former district): the answer and the figures behind it. */
export function GatesCard({ gates }: { gates: PlanYearView['gates'] }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const [level, setLevel] = useState<'communes' | 'formerDistricts'>('communes');
  const pct = (v: number | null) => (v === null ? '—' : `${f.number(v, { maxFractionDigits: 1 })} %`);
  const columns: TableColumnsType<GateRow> = [
    { title: t('plan.gates.area'), dataIndex: 'name' },
    {
      title: t('plan.gates.clusters'),
      key: 'clusters',
      align: 'right',
      render: (_, g) =>
        g.clustersWithoutLand
          ? t('plan.gates.clustersOf', { n: g.clusters, total: g.clusters + g.clustersWithoutLand })
          : g.clusters,
    },
    {
      title: t('plan.gates.land'),
      dataIndex: 'industrialLandHa',
      align: 'right',
      render: (v: number) => f.area(v),
    },
    {
      title: t('plan.gates.unleased'),
      dataIndex: 'unleasedHa',
      align: 'right',
      render: (v: number) => f.area(v),
    },
    { title: t('plan.gates.occupancy'), dataIndex: 'occupancyPct', align: 'right', render: pct },
    {
      title: t('plan.gates.newCluster'),
      key: 'new',
      render: (_, g) => (
        <Space direction="vertical" size={0}>
          <Tag color={g.newClusterAllowed === null ? 'default' : g.newClusterAllowed ? 'green' : 'red'}>
            {t(
              g.newClusterAllowed === null
                ? 'plan.gates.unknown'
                : g.newClusterAllowed
                  ? 'plan.gates.allowed'
                  : 'plan.gates.notAllowed',
            )}
          </Tag>
          {g.newClusterReason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`plan.gates.reason.${g.newClusterReason}`)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('plan.gates.expansion'),
      key: 'expansion',
      render: (_, g) => {
        const eligible = g.zones.filter((z) => z.expansion === 'yes' || z.expansion === 'check');
        if (!eligible.length)
          return <Typography.Text type="secondary">{t('plan.gates.none')}</Typography.Text>;
        return (
          <Space size={4} wrap>
            {eligible.map((z) => (
              <Tag key={z.code} color={z.expansion === 'yes' ? 'green' : 'gold'}>
                <Link to={`${PATHS.registry}/${encodeURIComponent(z.code)}`}>{z.code}</Link>{' '}
                {pct(z.occupancyPct)} · {t(`plan.gates.expansion.${z.expansion as 'yes' | 'check'}`)}
              </Tag>
            ))}
          </Space>
        );
      },
    },
  ];
  return (
    <Card
      id="decree-32-gates"
      title={t('plan.gates.title')}
      extra={
        <Segmented
          value={level}
          onChange={(v) => setLevel(v as typeof level)}
          options={[
            { value: 'communes', label: t('plan.gates.byCommune') },
            { value: 'formerDistricts', label: t('plan.gates.byDistrict') },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        {t('plan.gates.rule', {
          newPct: f.number(gates.thresholds.newClusterMinAverageOccupancyPct),
          maxHa: f.number(gates.thresholds.newClusterMaxUnleasedHa),
          minPct: f.number(gates.thresholds.expansionMinPct),
          condPct: f.number(gates.thresholds.expansionConditionalPct),
        })}{' '}
        ({gates.reference[locale]})
      </Typography.Paragraph>
      <Table<GateRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={gates[level]}
        pagination={gates[level].length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('plan.gates.empty') }}
      />
    </Card>
  );
}
