import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, type DataTableColumn } from '../../../components/data-table/data-table';
import { useTableState } from '../../../components/data-table/use-table-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { hasPermission, useCurrentUser } from '../../../lib/session';
import { useUsers, type UserSummary } from '../api/user-api';
import { CreateUserModal } from './create-user-modal';

const URL_KEYS = ['q'] as const;

/** Người dùng: who can sign in, with which role and scope; "Thêm người dùng" for those allowed to. */
export function UserList() {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'user.manage');
  const table = useTableState({ keys: URL_KEYS });
  const { page, pageSize } = table;
  const users = useUsers({ q: table.values.q, page, pageSize });
  const [creating, setCreating] = useState(false);

  const columns: DataTableColumn<UserSummary>[] = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      render: (name: string, user) => (
        <div>
          <div>{name}</div>
          {user.email ? <Typography.Text type="secondary">{user.email}</Typography.Text> : null}
        </div>
      ),
    },
    {
      title: t('users.roleAndScope'),
      key: 'roles',
      render: (_value, user) =>
        user.assignments.length === 0 ? (
          <Typography.Text type="secondary">{t('user.noRole')}</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {user.assignments.map((assignment, index) => (
              <Flex
                key={`${assignment.role}-${assignment.scopeRef ?? ''}-${index}`}
                gap={8}
                align="center"
                wrap
              >
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                  {assignment.roleName}
                </Tag>
                {assignment.scopeLabel ? <Typography.Text>{assignment.scopeLabel}</Typography.Text> : null}
              </Flex>
            ))}
          </Flex>
        ),
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      render: (status: UserSummary['status']) =>
        status === 'active' ? (
          <Tag color="success">{t('users.status.active')}</Tag>
        ) : (
          <Tag>{t('users.status.disabled')}</Tag>
        ),
    },
    {
      title: t('users.lastSignIn'),
      dataIndex: 'lastSignInAt',
      render: (at: string | null) =>
        at ? (
          format.dateTime(at)
        ) : (
          <Typography.Text type="secondary">{t('users.neverSignedIn')}</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={t('users.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('users.add')}
            </Button>
          ) : null
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={table.values.q}
          defaultValue={table.values.q}
          allowClear
          enterButton
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.search')}
          style={{ maxWidth: 400 }}
          onSearch={(q) => table.setFilters({ q: q.trim() })}
        />
      </Flex>
      <DataTable<UserSummary> rowKey="id" state={table} query={users} columns={columns} />
      {canManage ? <CreateUserModal open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
