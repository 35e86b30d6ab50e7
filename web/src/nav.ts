import {
  ApiOutlined,
  AppstoreOutlined,
  CalendarOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyOutlined,
  SearchOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Role } from './api.ts';
import type { MessageKey } from './i18n/zh-CN.ts';

export interface NavItem {
  /** A route declared in App.tsx. */
  path: string;
  label: MessageKey;
  icon: ComponentType;
}

const home: NavItem = { path: '/', label: 'nav.home', icon: HomeOutlined };
const search: NavItem = { path: '/search', label: 'nav.search', icon: SearchOutlined };
const workspace: NavItem = { path: '/workspace', label: 'nav.workspace', icon: AppstoreOutlined };
const account: NavItem = { path: '/account', label: 'nav.account', icon: SafetyOutlined };
const verify: NavItem = { path: '/verify', label: 'nav.verify', icon: IdcardOutlined };
const adminAccounts: NavItem = { path: '/admin/accounts', label: 'nav.adminAccounts', icon: TeamOutlined };
const adminClients: NavItem = { path: '/admin/api-clients', label: 'nav.adminApiClients', icon: ApiOutlined };
const adminCalendar: NavItem = {
  path: '/admin/calendar',
  label: 'nav.adminCalendar',
  icon: CalendarOutlined,
};

/** Every signed-in role: its workspace first, then the public portal, then its own account. */
const signedIn = (...own: NavItem[]): readonly NavItem[] => [workspace, ...own, home, search, account];

/**
 * The navigation each role sees. Only pages that exist are listed, and only to the roles whose
 * permissions let them use those pages (src/modules/accounts/permissions.ts).
 */
export const navByRole: Record<Role, readonly NavItem[]> = {
  public: [home, search],
  subject: signedIn(verify),
  provider: signedIn(),
  gov: signedIn(),
  agency: signedIn(),
  center_admin: signedIn(adminAccounts, adminClients, adminCalendar),
  center_staff: signedIn(),
  archive: signedIn(),
  competent: signedIn(),
};
