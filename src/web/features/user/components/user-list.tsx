import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormat } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { positiveInt, useUrlState } from '../../../lib/url-state';
import { hasPermission, useCurrentUser } from '../../auth/api/session';
import { useUsers, type UserSummary } from '../api/user-api';
import { CreateUserModal } from './create-user-modal';

const URL_KEYS = ['q', 'page', 'pageSize'] as const;
const DEFAULT_PAGE_SIZE = 20;

/** Người dùng: who can sign in, with which role and scope; "Thêm người dùng" for those allowed to. */
export function UserList() {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'user.manage');
  const [state, setState] = useUrlState(URL_KEYS);
  const page = positiveInt(state.page, 1);
  const pageSize = positiveInt(state.pageSize, DEFAULT_PAGE_SIZE);
  const users = useUsers({ q: state.q, page, pageSize });
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<UserSummary> = [
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
          key={state.q}
          defaultValue={state.q}
          allowClear
          enterButton
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.search')}
          style={{ maxWidth: 400 }}
          onSearch={(q) => setState({ q: q.trim(), page: null })}
        />
      </Flex>
      {users.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert
            error={users.error}
            action={<Button onClick={() => void users.refetch()}>{t('common.retry')}</Button>}
          />
        </div>
      ) : null}
      <Table<UserSummary>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('table.total', { total: format.number(total) }),
        }}
        onChange={(pagination) =>
          setState({
            page: pagination.current === 1 ? null : pagination.current,
            pageSize: pagination.pageSize === DEFAULT_PAGE_SIZE ? null : pagination.pageSize,
          })
        }
      />
      {canManage ? <CreateUserModal open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
