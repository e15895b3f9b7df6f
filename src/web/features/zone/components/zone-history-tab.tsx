import { Button, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageLoader } from '../../../components/ui/page-loader';
import { useFormat } from '../../../lib/format';
import { useT, type MessageKey, type Translate } from '../../../lib/i18n';
import { useZoneHistory, type AuditEntry } from '../api/zone-api';
import { FieldChanges } from './zone-field-changes';

/** Lịch sử: who changed what and when, field by field, before → after. */
export function ZoneHistoryTab({ code }: { code: string }) {
  const t = useT();
  const format = useFormat();
  const history = useZoneHistory(code);

  if (history.isPending) return <PageLoader />;
  if (history.error) {
    return (
      <ErrorAlert
        error={history.error}
        action={<Button onClick={() => void history.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (history.data.length === 0) return <Empty description={t('zone.history.empty')} />;

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 150,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{format.dateTime(at)}</span>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 180,
      render: (_value, entry) =>
        entry.actorName ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      key: 'change',
      render: (_value, entry) => (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {actionLabel(entry.action, t)}
            {documentTitle(entry) ? ` — “${documentTitle(entry)}”` : null}
          </Typography.Text>
          <FieldChanges before={entry.before} after={entry.after} />
        </Flex>
      ),
    },
  ];

  return (
    <Table<AuditEntry>
      data-testid="zone-history"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...history.data].sort((a, b) => b.at.localeCompare(a.at))}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
    />
  );
}

const ACTIONS: Record<string, MessageKey> = {
  'zone.create': 'zone.action.create',
  'zone.update': 'zone.action.update',
  'zone.delete': 'zone.action.delete',
  'zone.import': 'zone.action.import',
  'zone.lifecycle_event': 'zone.action.lifecycle',
  'zone.boundary_set': 'zone.action.boundary',
  'zone.boundary_cleared': 'zone.action.boundaryCleared',
  'document.upload': 'zone.action.documentUpload',
  'document.withdraw': 'zone.action.documentWithdraw',
  'zone.price_add': 'zone.action.priceAdd',
  'zone.price_update': 'zone.action.priceUpdate',
  'zone.price_remove': 'zone.action.priceRemove',
  'zone.plan_entry_add': 'zone.action.planEntryAdd',
  'zone.plan_entry_remove': 'zone.action.planEntryRemove',
};

/** Which document an upload or withdrawal was about (its title is the same before and after). */
function documentTitle(entry: AuditEntry): string | null {
  if (!entry.action.startsWith('document.')) return null;
  const title = (entry.after as { title?: unknown } | null)?.title;
  return typeof title === 'string' ? title : null;
}

/** "zone.update" → "Sửa thông tin"; an action this list does not know yet is shown as the server names it. */
function actionLabel(action: string, t: Translate): string {
  const key = ACTIONS[action];
  return key ? t(key) : action;
}
