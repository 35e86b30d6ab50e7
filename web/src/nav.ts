import {
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  ExceptionOutlined,
  FileSearchOutlined,
  HistoryOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  SafetyOutlined,
  SearchOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
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
const catalog: NavItem = { path: '/catalog', label: 'nav.catalog', icon: BookOutlined };
const workspace: NavItem = { path: '/workspace', label: 'nav.workspace', icon: AppstoreOutlined };
const account: NavItem = { path: '/account', label: 'nav.account', icon: SafetyOutlined };
const verify: NavItem = { path: '/verify', label: 'nav.verify', icon: IdcardOutlined };
const myCredit: NavItem = { path: '/me/credit', label: 'nav.myCredit', icon: UserOutlined };
const govQuery: NavItem = { path: '/gov/query', label: 'nav.govQuery', icon: SolutionOutlined };
const adminAccounts: NavItem = { path: '/admin/accounts', label: 'nav.adminAccounts', icon: TeamOutlined };
const adminClients: NavItem = { path: '/admin/api-clients', label: 'nav.adminApiClients', icon: ApiOutlined };
const adminCalendar: NavItem = {
  path: '/admin/calendar',
  label: 'nav.adminCalendar',
  icon: CalendarOutlined,
};
const providerSubmit: NavItem = {
  path: '/provider/submit',
  label: 'nav.providerSubmit',
  icon: CloudUploadOutlined,
};
const providerBatches: NavItem = {
  path: '/provider/batches',
  label: 'nav.providerBatches',
  icon: HistoryOutlined,
};
const centerBatches: NavItem = {
  path: '/center/batches',
  label: 'nav.centerBatches',
  icon: DatabaseOutlined,
};
const centerArchive: NavItem = {
  path: '/center/archive',
  label: 'nav.centerArchive',
  icon: FileSearchOutlined,
};
const centerProviders: NavItem = {
  path: '/center/providers',
  label: 'nav.centerProviders',
  icon: BankOutlined,
};
const centerCatalog: NavItem = { path: '/center/catalog', label: 'nav.centerCatalog', icon: ProfileOutlined };
const thirdParty: NavItem = { path: '/third-party', label: 'nav.thirdParty', icon: KeyOutlined };
const servicePoint: NavItem = { path: '/service-point', label: 'nav.servicePoint', icon: ShopOutlined };
const agencyBatches: NavItem = {
  path: '/agency/batches',
  label: 'nav.agencyBatches',
  icon: UnorderedListOutlined,
};
const batchApprovals: NavItem = {
  path: '/center/batch-approvals',
  label: 'nav.batchApprovals',
  icon: AuditOutlined,
};
const centerObjections: NavItem = {
  path: '/center/objections',
  label: 'nav.centerObjections',
  icon: ExceptionOutlined,
};
const providerObjections: NavItem = {
  path: '/provider/objections',
  label: 'nav.providerObjections',
  icon: ExceptionOutlined,
};
const queryLog: NavItem = { path: '/center/query-log', label: 'nav.queryLog', icon: ReconciliationOutlined };

/** Every signed-in role: its workspace first, then the public portal, then its own account. */
const signedIn = (...own: NavItem[]): readonly NavItem[] => [
  workspace,
  ...own,
  home,
  search,
  catalog,
  account,
];
/**
 * Roles that keep the catalog on their own management page: the public catalog stays out of their
 * navigation, which is long enough already to fold into an overflow menu on a laptop screen.
 */
const cataloguing = (...own: NavItem[]): readonly NavItem[] => [workspace, ...own, home, search, account];

/**
 * The navigation each role sees. Only pages that exist are listed, and only to the roles whose
 * permissions let them use those pages (src/modules/accounts/permissions.ts).
 */
export const navByRole: Record<Role, readonly NavItem[]> = {
  public: [home, search, catalog],
  subject: signedIn(myCredit, verify, thirdParty),
  provider: signedIn(providerSubmit, providerBatches, providerObjections, servicePoint),
  gov: signedIn(govQuery),
  agency: signedIn(thirdParty, agencyBatches),
  // The administrator's own pages before the counter and ledgers: on a laptop the tail folds into "…".
  center_admin: cataloguing(
    centerBatches,
    centerArchive,
    centerObjections,
    centerCatalog,
    adminAccounts,
    adminClients,
    adminCalendar,
    centerProviders,
    servicePoint,
    queryLog,
    batchApprovals,
  ),
  center_staff: cataloguing(centerBatches, centerArchive, centerObjections, centerCatalog, servicePoint),
  archive: signedIn(centerArchive),
  competent: cataloguing(centerBatches, centerCatalog, queryLog, batchApprovals),
};
