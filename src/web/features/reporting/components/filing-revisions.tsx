import { Card, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { FormItem, FormVersion } from '../../../../domain/reporting/form-types';
import { indicatorOf } from '../../../../domain/reporting/indicators';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import type { FilingDetail } from '../api/reporting-api';
import { FILING_STATUS_COLORS, filingStatusKey } from './reporting-labels';

/** Every revision side by side: columns are revisions, rows are items; a changed figure is highlighted. */
export function RevisionHistory({ form, detail }: { form: FormVersion; detail: FilingDetail }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const revisions = detail.revisions;
  const show = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : format.number(value, { maxFractionDigits: 4 });
  const columns: TableColumnsType<FormItem> = [
    { title: t('reports.col.no'), dataIndex: 'no', width: 60, fixed: 'left' },
    {
      title: t('reports.col.item'),
      key: 'label',
      width: 260,
      fixed: 'left',
      render: (_, item) => (item.label ?? indicatorOf(item.indicator).name)[locale],
    },
    ...revisions.map((rev, index) => ({
      key: `r${rev.revisionNo}`,
      align: 'right' as const,
      width: 170,
      title: (
        <Flex vertical gap={2} align="flex-end">
          <span>{t('reports.revision', { no: rev.revisionNo })}</span>
          <Tag color={FILING_STATUS_COLORS[rev.state]} style={{ marginInlineEnd: 0 }}>
            {t(filingStatusKey(rev.state))}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {format.dateTime(rev.submittedAt ?? rev.updatedAt)}
          </Typography.Text>
        </Flex>
      ),
      onCell: (item: FormItem) => {
        const before = index > 0 ? revisions[index - 1]?.values[item.indicator] : undefined;
        const changed = index > 0 && (before ?? null) !== (rev.values[item.indicator] ?? null);
        return changed
          ? { style: { background: 'var(--ant-color-warning-bg, #fffbe6)', fontWeight: 600 } }
          : {};
      },
      render: (_: unknown, item: FormItem) => show(rev.values[item.indicator]),
    })),
  ];
  const reasons = revisions.filter((r) => r.returnReason);
  return (
    <Card size="small" title={t('reports.revisions.title')} data-testid="revisions">
      {reasons.length > 0 ? (
        <ul style={{ marginTop: 0 }}>
          {reasons.map((r) => (
            <li key={r.revisionNo}>
              <Typography.Text strong>{t('reports.revision', { no: r.revisionNo })}:</Typography.Text>{' '}
              {t('reports.revisions.returned')} — {r.returnReason}
            </li>
          ))}
        </ul>
      ) : null}
      {revisions.length > 0 ? (
        <Table<FormItem>
          size="small"
          rowKey="indicator"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...form.items]}
          columns={columns}
        />
      ) : (
        <Empty />
      )}
    </Card>
  );
}
