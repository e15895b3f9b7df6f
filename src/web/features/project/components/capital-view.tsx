import { WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Select,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { toIsoDate } from '../../../../domain/format/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { useDatePickerFormat, useFormat, type Formatters } from '../../../lib/format';
import { useT, type Translate } from '../../../lib/i18n';
import { matchesFolded } from '../../../lib/text';
import { useUrlState } from '../../../lib/url-state';
import { adminUnitLabel, useAllAdminUnits } from '../../../lib/admin-units';
import { capitalText, FAMILY_LABELS } from '../../../components/zone/zone-labels';
import { useCapital, type CapitalQuery, type CapitalReport } from '../api/project-api';
import { ZoneSelect } from './zone-select';

type Attracted = CapitalReport['attracted'];
type ByCurrency = Attracted['byCurrency'][number];
type MissingRate = CapitalReport['missingRates'][number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const URL_KEYS = ['from', 'to', 'family', 'zone', 'commune'] as const;

const usd = (amount: string, format: Formatters) => capitalText(amount, 'USD', format);

/**
 * Thu hút đầu tư: for a period and a part of the caller's scope, the capital attracted (new registrations +
 * increases) per currency and converted to USD at the configured rates, FDI against domestic, the
 * registered capital at the period's end, and the events no rate covers — all computed by /api/capital. The
 * rates themselves are the exchange-rate feature's, shown below the report (`rates`, composed by the page).
 */
export function CapitalView({ rates }: { rates: ReactNode }) {
  const t = useT();
  const dateFormat = useDatePickerFormat();
  const today = useMemo(() => toIsoDate(new Date()), []);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const [state, setState] = useUrlState(URL_KEYS);
  const from = ISO_DATE.test(state.from) ? state.from : yearStart;
  const to = ISO_DATE.test(state.to) ? state.to : today;
  const query: CapitalQuery = {
    from,
    to,
    family: state.family === 'KCN' || state.family === 'CCN' ? state.family : undefined,
    zone: state.zone.trim() || undefined,
    commune: /^\d{5}$/.test(state.commune) ? state.commune : undefined,
  };
  const capital = useCapital(query);
  const communes = useAllAdminUnits('commune', today);
  const report = capital.data;
  const year = dayjs(today).year();
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('capital.preset.thisYear'), value: [dayjs(yearStart), dayjs(today)] },
    {
      label: t('capital.preset.lastYear'),
      value: [dayjs(`${year - 1}-01-01`), dayjs(`${year - 1}-12-31`)],
    },
    {
      label: t('capital.preset.firstHalf', { year }),
      value: [dayjs(`${year}-01-01`), dayjs(`${year}-06-30`)],
    },
    {
      label: t('capital.preset.firstHalf', { year: year - 1 }),
      value: [dayjs(`${year - 1}-01-01`), dayjs(`${year - 1}-06-30`)],
    },
  ];
  const scoped = Boolean(query.family || query.zone || query.commune);

  return (
    <>
      <PageHeader title={t('nav.capital')} subtitle={t('capital.subtitle')} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} data-testid="capital-filters">
        <DatePicker.RangePicker
          aria-label={t('capital.period')}
          format={dateFormat}
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          presets={presets}
          onChange={(range) => {
            const [start, end] = range ?? [];
            setState({
              from: start ? start.format('YYYY-MM-DD') : null,
              to: end ? end.format('YYYY-MM-DD') : null,
            });
          }}
        />
        <Select<'KCN' | 'CCN'>
          allowClear
          aria-label={t('zone.filter.family')}
          placeholder={t('zone.filter.allFamilies')}
          style={{ width: 240 }}
          value={query.family}
          options={(['KCN', 'CCN'] as const).map((value) => ({ value, label: t(FAMILY_LABELS[value]) }))}
          onChange={(value) => setState({ family: value ?? null })}
        />
        <ZoneSelect
          value={query.zone ?? null}
          ariaLabel={t('project.field.zoneCode')}
          placeholder={t('project.filter.allZones')}
          style={{ width: 260 }}
          onChange={(zone) => setState({ zone })}
        />
        <Select<string>
          allowClear
          aria-label={t('zone.filter.commune')}
          placeholder={t('zone.filter.allCommunes')}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          loading={communes.isPending}
          value={query.commune}
          showSearch={{
            filterOption: (input, option) => matchesFolded(String(option?.label ?? ''), input),
          }}
          options={(communes.data ?? []).map((unit) => ({ value: unit.code, label: adminUnitLabel(unit) }))}
          onChange={(value) => setState({ commune: value ?? null })}
        />
        {scoped || state.from || state.to ? (
          <Button
            type="link"
            onClick={() => setState({ from: null, to: null, family: null, zone: null, commune: null })}
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Flex>
      {capital.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert
            error={capital.error}
            action={<Button onClick={() => void capital.refetch()}>{t('common.retry')}</Button>}
          />
        </div>
      ) : null}
      {report ? (
        <CapitalReportView report={report} loading={capital.isFetching} />
      ) : capital.isPending ? (
        <PageLoader />
      ) : null}
      <div style={{ marginTop: 24 }}>{rates}</div>
    </>
  );
}

function Figure({
  title,
  value,
  footer,
  testId,
}: {
  title: ReactNode;
  value: ReactNode;
  footer?: ReactNode;
  testId?: string;
}) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Statistic title={title} valueRender={() => value} />
      {footer ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {footer}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

function CapitalReportView({ report, loading }: { report: CapitalReport; loading: boolean }) {
  const t = useT();
  const format = useFormat();
  const incomplete = report.missingRates.length > 0;
  const registeredIncomplete = report.registered.missingRates.length > 0;
  const period = t('capital.periodText', { from: format.date(report.from), to: format.date(report.to) });
  const partial = (text: string, missing: boolean) => (missing ? `${text} *` : text);

  const currencyColumns: TableColumnsType<ByCurrency> = [
    { title: t('capital.col.currency'), dataIndex: 'currency' },
    {
      title: t('capital.col.newProjects'),
      dataIndex: 'newProjects',
      align: 'right',
      render: (value: number) => format.number(value),
    },
    {
      title: t('capital.col.newAmount'),
      key: 'newAmount',
      align: 'right',
      render: (_value, row) => capitalText(row.newAmount, row.currency, format),
    },
    {
      title: t('capital.col.increases'),
      dataIndex: 'increases',
      align: 'right',
      render: (value: number) => format.number(value),
    },
    {
      title: t('capital.col.increaseAmount'),
      key: 'increaseAmount',
      align: 'right',
      render: (_value, row) => capitalText(row.increaseAmount, row.currency, format),
    },
    {
      title: t('capital.col.attracted'),
      key: 'attracted',
      align: 'right',
      render: (_value, row) => (
        <Typography.Text strong>{capitalText(row.attracted, row.currency, format)}</Typography.Text>
      ),
    },
  ];

  type OwnerRow = { key: 'fdi' | 'domestic' | 'unknown'; section: Attracted };
  const owners: OwnerRow[] = (['fdi', 'domestic', 'unknown'] as const)
    .map((key) => ({ key, section: report.byOwnership[key] }))
    .filter((row) => row.key !== 'unknown' || row.section.newProjects + row.section.increases > 0);
  const ownerColumns: TableColumnsType<OwnerRow> = [
    { title: t('capital.col.group'), key: 'group', render: (_value, row) => t(`capital.owner.${row.key}`) },
    {
      title: t('capital.col.newProjects'),
      key: 'newProjects',
      align: 'right',
      render: (_value, row) => format.number(row.section.newProjects),
    },
    {
      title: t('capital.col.increases'),
      key: 'increases',
      align: 'right',
      render: (_value, row) => format.number(row.section.increases),
    },
    {
      title: t('capital.col.byCurrency'),
      key: 'byCurrency',
      align: 'right',
      render: (_value, row) =>
        row.section.byCurrency.length === 0 ? (
          '—'
        ) : (
          <Flex vertical align="flex-end">
            {row.section.byCurrency.map((item) => (
              <span key={item.currency} style={{ whiteSpace: 'nowrap' }}>
                {capitalText(item.attracted, item.currency, format)}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      title: t('capital.col.convertedUsd'),
      key: 'converted',
      align: 'right',
      render: (_value, row) => (
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {partial(usd(row.section.convertedUsd.attracted, format), incomplete)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} style={{ opacity: loading ? 0.6 : 1 }} data-testid="capital-report">
      <Typography.Text type="secondary">
        {t('capital.asOf', { period, time: format.dateTime(report.asOf) })}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={6}>
          <Figure
            testId="capital-attracted-usd"
            title={t('capital.attractedUsd')}
            value={partial(usd(report.attracted.convertedUsd.attracted, format), incomplete)}
            footer={t('capital.attractedSplit', {
              newAmount: usd(report.attracted.convertedUsd.newAmount, format),
              increaseAmount: usd(report.attracted.convertedUsd.increaseAmount, format),
            })}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Figure
            testId="capital-new-projects"
            title={t('capital.col.newProjects')}
            value={format.number(report.attracted.newProjects)}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Figure title={t('capital.col.increases')} value={format.number(report.attracted.increases)} />
        </Col>
        <Col xs={24} md={12} xl={10}>
          <Figure
            testId="capital-registered"
            title={t('capital.registeredAt', { date: format.date(report.registered.at) })}
            value={partial(usd(report.registered.convertedUsd, format), registeredIncomplete)}
            footer={
              report.registered.byCurrency.length === 0
                ? t('capital.none')
                : report.registered.byCurrency
                    .map((item) => capitalText(item.amount, item.currency, format))
                    .join(' · ')
            }
          />
        </Col>
      </Row>
      {incomplete || registeredIncomplete ? (
        <MissingRates period={report.missingRates} registered={report.registered.missingRates} />
      ) : null}
      <Card size="small" title={t('capital.byCurrency')}>
        {report.attracted.byCurrency.length === 0 ? (
          <Empty description={t('capital.noEvents')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Table<ByCurrency>
            data-testid="capital-by-currency"
            rowKey="currency"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={currencyColumns}
            dataSource={report.attracted.byCurrency}
          />
        )}
      </Card>
      <Card size="small" title={t('capital.byOwnership')}>
        <Table<OwnerRow>
          data-testid="capital-by-ownership"
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={ownerColumns}
          dataSource={owners}
        />
      </Card>
    </Flex>
  );
}

function missingText(row: MissingRate, t: Translate, format: Formatters): string {
  return t('capital.missing.row', {
    rate: row.rateCurrency,
    date: format.date(row.date),
    events: format.number(row.events),
    amount: capitalText(row.amount, row.eventCurrency, format),
  });
}

/** The events no configured rate covers: left out of the converted totals (marked *), listed here. */
function MissingRates({ period, registered }: { period: MissingRate[]; registered: MissingRate[] }) {
  const t = useT();
  const format = useFormat();
  const extra = registered.filter(
    (row) =>
      !period.some(
        (other) =>
          other.date === row.date &&
          other.rateCurrency === row.rateCurrency &&
          other.eventCurrency === row.eventCurrency,
      ),
  );
  return (
    <Alert
      type="warning"
      showIcon
      icon={<WarningOutlined aria-hidden />}
      data-testid="capital-missing-rates"
      title={t('capital.missing.title')}
      description={
        <Flex vertical gap={8}>
          <span>{t('capital.missing.hint')}</span>
          {period.length > 0 ? (
            <div>
              <Typography.Text strong>{t('capital.missing.period')}</Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {period.map((row) => (
                  <li key={`${row.rateCurrency}-${row.eventCurrency}-${row.date}`}>
                    {missingText(row, t, format)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {extra.length > 0 ? (
            <div>
              <Typography.Text strong>{t('capital.missing.registered')}</Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {extra.slice(0, 50).map((row) => (
                  <li key={`${row.rateCurrency}-${row.eventCurrency}-${row.date}`}>
                    {missingText(row, t, format)}
                  </li>
                ))}
                {extra.length > 50 ? (
                  <li>{t('capital.missing.more', { count: format.number(extra.length - 50) })}</li>
                ) : null}
              </ul>
            </div>
          ) : null}
        </Flex>
      }
    />
  );
}
