import { Flex, Grid, Layout, Menu, Typography, theme, type MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../lib/session';
import { LanguageSwitch } from '../features/auth/components/language-switch';
import { UserMenu } from '../features/auth/components/user-menu';
import { NotificationBell } from '../features/notification/components/notification-bell';
import { PageLoader } from '../components/ui/page-loader';
import { UiProvider } from '../components/ui/ui-provider';
import { useT } from '../lib/i18n';
import { isGroup, selectedPath, visibleNavigation } from './navigation';

/** The signed-in frame: module navigation on the side, name, language and user menu on top. */
export function AppShell() {
  return (
    <UiProvider>
      <Shell />
    </UiProvider>
  );
}

function Shell() {
  const t = useT();
  const user = useCurrentUser();
  const location = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the menu folds away entirely (a tab at the edge opens it) so pages get the full width.
  const phone = Grid.useBreakpoint().md === false;

  const items = useMemo<MenuProps['items']>(
    () =>
      visibleNavigation(user).map((entry) =>
        isGroup(entry)
          ? {
              key: entry.key,
              icon: entry.icon,
              label: t(entry.label),
              children: entry.children.map((child) => ({
                key: child.path,
                icon: child.icon,
                label: <Link to={child.path}>{t(child.label)}</Link>,
              })),
            }
          : { key: entry.path, icon: entry.icon, label: <Link to={entry.path}>{t(entry.label)}</Link> },
      ),
    [user, t],
  );

  const selected = selectedPath(location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => (selected.startsWith('/admin/') ? ['admin'] : []));
  // Arriving on an administration page (by link or address) opens its group; closing stays the user's choice.
  const [lastSelected, setLastSelected] = useState(selected);
  if (selected !== lastSelected) {
    setLastSelected(selected);
    if (selected.startsWith('/admin/') && !openKeys.includes('admin')) setOpenKeys([...openKeys, 'admin']);
  }

  return (
    <Layout data-testid="app-shell" style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 16,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'baseline', gap: 8, minWidth: 0, flex: 1 }}>
          <Typography.Text
            strong
            style={{ fontSize: 20, color: token.colorPrimary, whiteSpace: 'nowrap', flex: 'none' }}
          >
            {t('app.name')}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis className="izis-app-title">
            {t('app.title')}
          </Typography.Text>
        </Link>
        <Flex align="center" gap={12}>
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider
          width={288}
          theme="light"
          breakpoint="lg"
          collapsedWidth={phone ? 0 : 80}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
        >
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected ? [selected] : []}
              openKeys={openKeys}
              onOpenChange={setOpenKeys}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <main>
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
