import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { ApiSchema } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { ErrorAlert } from '../ui/error-alert';
import { PageLoader } from '../ui/page-loader';

/**
 * How one kind of record speaks about its changes: Vietnamese field names, values in words (areas in ha,
 * money, statuses by name), the name of each audited action, and the order fields are listed in.
 */
export type HistoryVocabulary = {
  fieldLabel: (field: string) => string;
  valueText: (field: string, value: unknown) => string;
  actionLabel: (action: string) => string;
  /** Fields listed first, in this order; the others follow alphabetically. */
  order: readonly string[];
};

/** Bookkeeping fields that change with every write and say nothing to the reader. */
const HIDDEN_FIELDS = new Set([
  'version',
  'updatedAt',
  'createdAt',
  'searchText',
  'search_text',
  'id',
  'canEdit',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The fields that differ between two audit snapshots, bookkeeping left out, in the vocabulary's order. */
export function changedFields(before: unknown, after: unknown, order: readonly string[]): string[] {
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const created = !isRecord(before);
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys]
    .filter((key) => !HIDDEN_FIELDS.has(key) && JSON.stringify(left[key]) !== JSON.stringify(right[key]))
    .filter((key) => !created || !isEmpty(right[key]))
    .sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
    });
}

const cell = { padding: '2px 12px 2px 0', verticalAlign: 'top' } as const;

/** "Mã số thuế: 0100109106 → 0100109107", one line per changed field; a new record lists what it was given. */
export function ChangeList({
  before,
  after,
  vocabulary,
}: {
  before: unknown;
  after: unknown;
  vocabulary: HistoryVocabulary;
}) {
  const t = useT();
  const created = !isRecord(before);
  const fields = changedFields(before, after, vocabulary.order);
  if (fields.length === 0) {
    return <Typography.Text type="secondary">{t('history.noFieldChanges')}</Typography.Text>;
  }
  const value = (snapshot: unknown, field: string) => (isRecord(snapshot) ? snapshot[field] : undefined);
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }}>
      {created ? (
        <colgroup>
          <col style={{ width: '32%' }} />
          <col />
        </colgroup>
      ) : (
        <colgroup>
          <col style={{ width: '28%' }} />
          <col style={{ width: '33%' }} />
          <col style={{ width: 28 }} />
          <col />
        </colgroup>
      )}
      <tbody>
        {fields.map((field) => (
          <tr key={field}>
            <th scope="row" style={{ ...cell, fontWeight: 500, textAlign: 'left' }}>
              {vocabulary.fieldLabel(field)}
            </th>
            {created ? null : (
              <>
                <td style={cell}>
                  <Typography.Text delete type="secondary" style={{ wordBreak: 'break-word' }}>
                    {vocabulary.valueText(field, value(before, field))}
                  </Typography.Text>
                </td>
                <td style={cell} aria-hidden>
                  <ArrowRightOutlined />
                </td>
              </>
            )}
            <td style={{ ...cell, wordBreak: 'break-word' }}>
              {vocabulary.valueText(field, value(after, field))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What a history query gives: the record's audit entries, or an error. */
/** A change as the server's contract describes it (decision 0026). */
/** An entry of a record's history, as the contract answers it (shared by every record page). */
export type AuditEntry = ApiSchema<'AuditEntry'>;

export type HistoryQuery = {
  data?: AuditEntry[] | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
};

/** Lịch sử: who changed what and when, newest first, field by field, before → after. */
export function RecordHistory({
  query,
  vocabulary,
  testId,
}: {
  query: HistoryQuery;
  vocabulary: HistoryVocabulary;
  testId?: string;
}) {
  const t = useT();
  const format = useFormat();
  if (query.isPending) return <PageLoader />;
  if (query.error || !query.data) {
    return (
      <ErrorAlert
        error={query.error}
        action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (query.data.length === 0) return <Empty description={t('history.empty')} />;

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
            {vocabulary.actionLabel(entry.action)}
          </Typography.Text>
          <ChangeList before={entry.before} after={entry.after} vocabulary={vocabulary} />
        </Flex>
      ),
    },
  ];

  return (
    <Table<AuditEntry>
      data-testid={testId}
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...query.data].sort((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id))}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
    />
  );
}

/**
 * The notice of a refused stale edit (409): who changed what since the version being edited, what the user
 * tried to change (fields also changed by the other person marked), and the two ways on.
 */
export function ConflictNotice({
  changes,
  mine,
  overlap,
  vocabulary,
  onReapply,
  onReload,
  testId,
}: {
  changes: AuditEntry[];
  mine: Record<string, unknown>;
  overlap: ReadonlySet<string>;
  vocabulary: HistoryVocabulary;
  onReapply: () => void;
  onReload: () => void;
  testId?: string;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <Flex vertical gap={12} data-testid={testId}>
      <span>{t('conflict.description')}</span>
      {changes.length === 0 ? (
        <Typography.Text type="secondary">{t('conflict.noDetail')}</Typography.Text>
      ) : (
        changes.map((entry) => (
          <div key={entry.id}>
            <Typography.Text strong>
              {t('conflict.by', {
                actor: entry.actorName ?? t('audit.system'),
                time: format.dateTime(entry.at),
                action: vocabulary.actionLabel(entry.action),
              })}
            </Typography.Text>
            <ChangeList before={entry.before} after={entry.after} vocabulary={vocabulary} />
          </div>
        ))
      )}
      <div>
        <Typography.Text strong>{t('conflict.yours')}</Typography.Text>
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {Object.entries(mine).map(([field, value]) => (
            <li key={field}>
              {vocabulary.fieldLabel(field)}: {vocabulary.valueText(field, value)}
              {overlap.has(field) ? (
                <Typography.Text type="danger"> — {t('conflict.overlap')}</Typography.Text>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <Flex gap={8} wrap>
        <Button type="primary" onClick={onReapply}>
          {t('conflict.reapply')}
        </Button>
        <Button onClick={onReload}>{t('conflict.reload')}</Button>
      </Flex>
    </Flex>
  );
}
