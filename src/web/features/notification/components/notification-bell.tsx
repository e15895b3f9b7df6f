import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Flex, Typography, theme } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useMyNotifications,
  type NotificationView,
} from '../api/notification-api';

/** The bell in the header: the unread count, and a list of my latest notifications that opens their page. */
export function NotificationBell() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [open, setOpen] = useState(false);
  const { data } = useMyNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = data?.unread ?? 0;
  const items = data?.items ?? [];

  function openNotification(n: NotificationView) {
    setOpen(false);
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  }

  const panel = (
    <div
      role="dialog"
      aria-label={t('notification.title')}
      style={{
        width: 380,
        maxWidth: 'calc(100vw - 32px)',
        background: token.colorBgElevated,
        borderRadius: token.borderRadiusLG,
        boxShadow: token.boxShadowSecondary,
      }}
    >
      <Flex
        justify="space-between"
        align="center"
        style={{ padding: '8px 12px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Typography.Text strong>{t('notification.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notification.markAllRead')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('notification.empty')}
          style={{ padding: 16 }}
        />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 420, overflowY: 'auto' }}>
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                onClick={() => openNotification(n)}
                style={{
                  display: 'block',
                  width: '100%',
                  textAlign: 'left',
                  padding: '8px 12px',
                  border: 0,
                  borderBottom: `1px solid ${token.colorBorderSecondary}`,
                  background: n.readAt ? 'transparent' : token.colorPrimaryBg,
                  cursor: 'pointer',
                  font: 'inherit',
                }}
              >
                <Typography.Text strong={!n.readAt}>{n.title[locale]}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {n.body[locale]}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format.dateTime(n.createdAt)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => panel}
    >
      <Button
        type="text"
        aria-label={t('notification.bell', { count: unread })}
        data-testid="notification-bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined aria-hidden style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Dropdown>
  );
}
