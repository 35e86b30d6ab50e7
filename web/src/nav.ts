import { HomeOutlined, SearchOutlined } from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Role } from './api.ts';
import type { MessageKey } from './i18n/zh-CN.ts';

export interface NavItem {
  /** A route declared in App.tsx. */
  path: string;
  label: MessageKey;
  icon: ComponentType;
}

const publicPortal: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: HomeOutlined },
  { path: '/search', label: 'nav.search', icon: SearchOutlined },
];

/**
 * The navigation each role sees. Only pages that exist are listed: every role can use the public portal,
 * and a role's own pages join its entry as they are built.
 */
export const navByRole: Record<Role, readonly NavItem[]> = {
  public: publicPortal,
  subject: publicPortal,
  provider: publicPortal,
  gov: publicPortal,
  agency: publicPortal,
  center: publicPortal,
};
