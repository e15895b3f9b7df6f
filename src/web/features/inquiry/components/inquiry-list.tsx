import { Flex, Input, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { InquiryStatus } from '../../../../domain/inquiry/inquiry';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { positiveInt, useUrlState } from '../../../lib/url-state';
import { useInquiries, type InquiryView } from '../api/inquiry-api';
import { inquiryStatuses, inquiryStatusLabels, STATUS_COLORS } from './inquiry-labels';

const KEYS = ['status', 'zone', 'page'] as const;
const PAGE_SIZE = 20;

/** The inquiries of the reader's zones, newest first, one tab per status with its count (in the address). */
export function InquiryList() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const [values, update] = useUrlState(KEYS);
  const status = (inquiryStatuses as readonly string[]).includes(values.status)
    ? (values.status as InquiryStatus)
    : undefined;
  const page = positiveInt(values.page, 1);
  const list = useInquiries({ status, zone: values.zone || undefined, page, pageSize: PAGE_SIZE });
  const counts = list.data?.counts;
  const columns: TableColumnsType<InquiryView> = [
    {
      title: t('inquiry.col.reference'),
      key: 'reference',
      render: (_v, i) => <Link to={`/inquiries/${i.id}`}>{i.reference}</Link>,
    },
    {
      title: t('inquiry.col.zone'),
      key: 'zone',
      render: (_v, i) => `${i.zone.name} (${i.zone.code})`,
    },
    {
      title: t('inquiry.col.purpose'),
      key: 'purpose',
      render: (_v, i) => (
        <Flex vertical gap={2}>
          <Typography.Text>{i.purpose}</Typography.Text>
          {i.landHa !== null ? (
            <Typography.Text type="secondary">{format.area(i.landHa)}</Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('inquiry.col.contact'),
      key: 'contact',
      render: (_v, i) =>
        i.contactName
          ? `${i.contactName}${i.organisation ? ` · ${i.organisation}` : ''} (${i.country})`
          : i.country,
    },
    { title: t('inquiry.col.received'), key: 'createdAt', render: (_v, i) => format.dateTime(i.createdAt) },
    {
      title: t('inquiry.col.status'),
      key: 'status',
      render: (_v, i) => <Tag color={STATUS_COLORS[i.status]}>{inquiryStatusLabels[i.status][locale]}</Tag>,
    },
  ];
  const all = counts ? Object.values(counts).reduce((s, n) => s + n, 0) : undefined;
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Segmented
          value={status ?? 'all'}
          onChange={(v) => update({ status: v === 'all' ? null : String(v), page: null })}
          options={[
            { value: 'all', label: `${t('inquiry.tab.all')}${all !== undefined ? ` (${all})` : ''}` },
            ...inquiryStatuses.map((s) => ({
              value: s,
              label: `${inquiryStatusLabels[s][locale]}${counts ? ` (${counts[s] ?? 0})` : ''}`,
            })),
          ]}
          data-testid="inquiry-status-tabs"
        />
        <Input.Search
          allowClear
          defaultValue={values.zone}
          placeholder={t('inquiry.filter.zone')}
          aria-label={t('inquiry.filter.zone')}
          style={{ maxWidth: 220 }}
          onSearch={(v) => update({ zone: v.trim() || null, page: null })}
        />
      </Flex>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('inquiry.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => update({ page: p === 1 ? null : String(p) }),
        }}
        data-testid="inquiry-table"
      />
    </Flex>
  );
}
