import { DownOutlined, KeyOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useT } from '../../../lib/i18n';
import { signOut } from '../api/auth-api';
import { describeAssignments, useCurrentUser } from '../../../lib/session';
import { ChangePasswordModal } from './change-password-modal';

/** Display name and role, "Đổi mật khẩu", "Đăng xuất", "Đăng xuất mọi thiết bị". */
export function UserMenu() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const roles = describeAssignments(user);

  async function doSignOut(everywhere: boolean) {
    try {
      await signOut(everywhere);
    } catch (error) {
      // Already signed out on the server: carry on to the sign-in page.
      if (!(error instanceof ApiError && error.status === 401)) {
        void message.error(errorText(error, t));
        return;
      }
    }
    // The sign-in page forgets the session once this page is gone; forgetting it here, while the shell is still
    // on screen, would read as an expired session.
    await navigate('/sign-in', { replace: true, state: { signedOut: true } });
  }

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <div style={{ maxWidth: 320 }}>
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{roles || t('user.noRole')}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('userMenu.changePassword') },
    { key: 'sign-out', icon: <LogoutOutlined aria-hidden />, label: t('userMenu.signOut') },
    {
      key: 'sign-out-everywhere',
      icon: <PoweroffOutlined aria-hidden />,
      label: t('userMenu.signOutEverywhere'),
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    else if (key === 'sign-out') void doSignOut(false);
    else if (key === 'sign-out-everywhere') {
      modal.confirm({
        title: t('userMenu.signOutEverywhereConfirmTitle'),
        content: t('userMenu.signOutEverywhereConfirm'),
        okText: t('userMenu.signOutEverywhere'),
        cancelText: t('common.cancel'),
        onOk: () => doSignOut(true),
      });
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          data-testid="user-menu"
          aria-label={t('userMenu.label', { name: user.displayName })}
        >
          <UserOutlined aria-hidden />
          <span className="izis-user-name">{user.displayName}</span>
          <DownOutlined aria-hidden style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
