import {
  AimOutlined,
  ApartmentOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FundOutlined,
  GlobalOutlined,
  HistoryOutlined,
  ImportOutlined,
  MailOutlined,
  SwapOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ProjectOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { hasAnyPermission, type SessionUser } from '../lib/session';
import type { MessageKey } from '../lib/i18n';
import { PATHS, PERMISSIONS } from '../lib/paths';

export type NavItem = {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding at least one of these permissions; everyone signed in when absent. */
  anyOf?: readonly string[];
};

export type NavGroup = { key: string; label: MessageKey; icon: ReactNode; children: NavItem[] };

export const NAVIGATION: (NavItem | NavGroup)[] = [
  { path: PATHS.dashboard, label: 'nav.dashboard', icon: <DashboardOutlined aria-hidden /> },
  {
    path: PATHS.registry,
    label: 'nav.registry',
    icon: <ApartmentOutlined aria-hidden />,
    anyOf: PERMISSIONS.zones,
  },
  {
    path: PATHS.projects,
    label: 'nav.projects',
    icon: <ProjectOutlined aria-hidden />,
    anyOf: PERMISSIONS.projects,
  },
  {
    path: PATHS.organisations,
    label: 'nav.organisations',
    icon: <ShopOutlined aria-hidden />,
    anyOf: PERMISSIONS.organisations,
  },
  {
    path: PATHS.capital,
    label: 'nav.capital',
    icon: <FundOutlined aria-hidden />,
    anyOf: PERMISSIONS.projects,
  },
  { path: PATHS.reports, label: 'nav.reports', icon: <FileTextOutlined aria-hidden /> },
  { path: PATHS.monitoring, label: 'nav.monitoring', icon: <ScheduleOutlined aria-hidden /> },
  { path: PATHS.targets, label: 'nav.targets', icon: <AimOutlined aria-hidden /> },
  { path: PATHS.briefings, label: 'nav.briefings', icon: <SolutionOutlined aria-hidden /> },
  { path: PATHS.map, label: 'nav.map', icon: <EnvironmentOutlined aria-hidden />, anyOf: PERMISSIONS.zones },
  {
    path: PATHS.import,
    label: 'nav.import',
    icon: <ImportOutlined aria-hidden />,
    anyOf: PERMISSIONS.import,
  },
  { path: PATHS.exchange, label: 'nav.exchange', icon: <SwapOutlined aria-hidden />, anyOf: ['report.sign'] },
  {
    path: PATHS.catalogue,
    label: 'nav.catalogue',
    icon: <GlobalOutlined aria-hidden />,
    anyOf: PERMISSIONS.catalogue,
  },
  {
    path: PATHS.inquiries,
    label: 'nav.inquiries',
    icon: <MailOutlined aria-hidden />,
    anyOf: PERMISSIONS.inquiries,
  },
  {
    key: 'admin',
    label: 'nav.admin',
    icon: <SettingOutlined aria-hidden />,
    children: [
      { path: PATHS.users, label: 'nav.users', icon: <TeamOutlined aria-hidden />, anyOf: PERMISSIONS.users },
      {
        path: PATHS.adminUnits,
        label: 'nav.adminUnits',
        icon: <ClusterOutlined aria-hidden />,
        anyOf: PERMISSIONS.adminUnits,
      },
      {
        path: PATHS.audit,
        label: 'nav.audit',
        icon: <HistoryOutlined aria-hidden />,
        anyOf: PERMISSIONS.audit,
      },
    ],
  },
];

export function isGroup(entry: NavItem | NavGroup): entry is NavGroup {
  return 'children' in entry;
}

function allowed(user: SessionUser, item: NavItem): boolean {
  return !item.anyOf || hasAnyPermission(user, item.anyOf);
}

/** The navigation this user may see: items they lack permission for are left out, and empty groups too. */
export function visibleNavigation(user: SessionUser): (NavItem | NavGroup)[] {
  const out: (NavItem | NavGroup)[] = [];
  for (const entry of NAVIGATION) {
    if (isGroup(entry)) {
      const children = entry.children.filter((child) => allowed(user, child));
      if (children.length > 0) out.push({ ...entry, children });
    } else if (allowed(user, entry)) {
      out.push(entry);
    }
  }
  return out;
}

/** The menu key to highlight for a location: the longest navigation path that prefixes it. */
export function selectedPath(pathname: string): string {
  let best: string = pathname === PATHS.dashboard ? PATHS.dashboard : '';
  for (const path of Object.values(PATHS)) {
    if (path !== '/' && (pathname === path || pathname.startsWith(`${path}/`)) && path.length > best.length) {
      best = path;
    }
  }
  return best;
}
