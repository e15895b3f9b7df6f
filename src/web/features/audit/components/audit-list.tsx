import { Button, Flex, Input, Tag, Typography } from 'antd';
import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn } from '../../../components/data-table/data-table';
import { useTableState } from '../../../components/data-table/use-table-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { hasPermission, useCurrentUser } from '../../../lib/session';
import { useAuditEntries, type AuditEntry } from '../api/audit-api';
import { AuditChainPanel } from './audit-chain-panel';
import { AuditChange } from './audit-change';

const URL_KEYS = ['entityType', 'actorId', 'actorName'] as const;

/** A person whose changes to show, as the filter keeps it in the address. */
export type Actor = { id: string; name: string };
export type ActorPickerProps = {
  value: Actor | null;
  onChange: (actor: Actor | null) => void;
  ariaLabel: string;
  placeholder: string;
};

/**
 * Nhật ký thay đổi: who changed what and when, with the record before and after. The picker of the person
 * searches users, which are the user feature's: the page hands it in (`actorPicker`, app/pages/audit-page).
 */
export function AuditList({ actorPicker }: { actorPicker: (props: ActorPickerProps) => ReactNode }) {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const table = useTableState({ keys: URL_KEYS });
  const { values: state, setFilters, searchWith, page, pageSize } = table;
  const stop = (event: MouseEvent) => event.stopPropagation();
  const entries = useAuditEntries({
    entityType: state.entityType || undefined,
    actorId: state.actorId || undefined,
    page,
    pageSize,
  });

  const columns: DataTableColumn<AuditEntry>[] = [
    { title: t('audit.at'), dataIndex: 'at', render: (at: string) => format.dateTime(at) },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_value, entry) =>
        entry.actorId ? (
          <Link
            title={t('audit.filterByActor')}
            to={searchWith({ actorId: entry.actorId, actorName: entry.actorName, page: null })}
            onClick={stop}
          >
            {entry.actorName ?? entry.actorId}
          </Link>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => <Typography.Text code>{action}</Typography.Text>,
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      render: (entityType: string) => (
        <Link
          title={t('audit.filterByEntityType')}
          to={searchWith({ entityType, page: null })}
          onClick={stop}
        >
          {entityType}
        </Link>
      ),
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (id: string) => (
        <Typography.Text code copyable>
          {id}
        </Typography.Text>
      ),
    },
  ];

  const filtered = Boolean(state.entityType || state.actorId);

  return (
    <>
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <AuditChainPanel />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          key={state.entityType}
          defaultValue={state.entityType}
          allowClear
          enterButton
          placeholder={t('audit.entityTypePlaceholder')}
          aria-label={t('audit.entityType')}
          style={{ maxWidth: 300 }}
          onSearch={(entityType) => setFilters({ entityType: entityType.trim() })}
        />
        {hasPermission(me, 'user.read') ? (
          actorPicker({
            value: state.actorId ? { id: state.actorId, name: state.actorName || state.actorId } : null,
            onChange: (actor) => setFilters({ actorId: actor?.id ?? null, actorName: actor?.name ?? null }),
            ariaLabel: t('audit.actor'),
            placeholder: t('audit.actorPlaceholder'),
          })
        ) : state.actorId ? (
          <Tag closable onClose={() => setFilters({ actorId: null, actorName: null })}>
            {t('audit.actor')}: {state.actorName || state.actorId}
          </Tag>
        ) : null}
        {filtered ? (
          <Button
            type="link"
            onClick={() => setFilters({ entityType: null, actorId: null, actorName: null })}
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Flex>
      <DataTable<AuditEntry>
        rowKey="id"
        state={table}
        query={entries}
        columns={columns}
        expandable={{ expandedRowRender: (entry) => <AuditChange entry={entry} />, expandRowByClick: true }}
      />
    </>
  );
}
