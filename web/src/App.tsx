import { ConfigProvider } from 'antd';
import './authorizations.css';
import './data-pages.css';
import './disclosure.css';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RequireAccess } from './components/RequireAccess.tsx';
import { I18nProvider } from './i18n/index.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { AccountsPage } from './pages/admin/AccountsPage.tsx';
import { ApiClientsPage } from './pages/admin/ApiClientsPage.tsx';
import { CalendarPage } from './pages/admin/CalendarPage.tsx';
import { BatchQueryPage } from './pages/agency/BatchQueryPage.tsx';
import { CatalogPage } from './pages/CatalogPage.tsx';
import { ArchivePage } from './pages/center/ArchivePage.tsx';
import { BatchApprovalsPage } from './pages/center/BatchApprovalsPage.tsx';
import { CollectionOverviewPage } from './pages/center/CollectionOverviewPage.tsx';
import { CatalogAdminPage } from './pages/center/catalog/CatalogAdminPage.tsx';
import { ObjectionsPage } from './pages/center/ObjectionsPage.tsx';
import { ProvidersPage } from './pages/center/ProvidersPage.tsx';
import { QueryLogPage } from './pages/center/QueryLogPage.tsx';
import { QueryPage } from './pages/gov/QueryPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { CreditPage } from './pages/me/CreditPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { BatchesPage } from './pages/provider/BatchesPage.tsx';
import { ObjectionTasksPage } from './pages/provider/ObjectionTasksPage.tsx';
import { SubmitPage } from './pages/provider/SubmitPage.tsx';
import { ReportPage } from './pages/ReportPage.tsx';
import { ReportVerifyPage } from './pages/ReportVerifyPage.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
import { ServicePointPage } from './pages/ServicePointPage.tsx';
import { SubjectPage } from './pages/SubjectPage.tsx';
import { ThirdPartyPage } from './pages/ThirdPartyPage.tsx';
import { VerifyPage } from './pages/VerifyPage.tsx';
import { WorkspacePage } from './pages/WorkspacePage.tsx';
import { PlatformProvider } from './platform.tsx';

// A deep, government-portal blue whose white text passes WCAG AA contrast.
const theme = { token: { colorPrimary: '#1d4f91', borderRadius: 6 } };
// AntD spaces out two-character Chinese labels ("查 询"), which then no longer match what a visitor says to
// voice control or types into find-in-page.
const button = { autoInsertSpace: false };

export function App() {
  return (
    <ConfigProvider theme={theme} button={button}>
      <I18nProvider>
        <PlatformProvider>
          <BrowserRouter>
            <Routes>
              <Route element={<AppLayout />}>
                <Route index element={<HomePage />} />
                <Route path="search" element={<SearchPage />} />
                <Route path="subjects/:code" element={<SubjectPage />} />
                <Route path="reports/verify" element={<ReportVerifyPage />} />
                <Route path="reports/:number" element={<ReportPage />} />
                <Route path="catalog" element={<CatalogPage />} />
                <Route path="login" element={<LoginPage />} />
                <Route
                  path="workspace"
                  element={
                    <RequireAccess>
                      <WorkspacePage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="account"
                  element={
                    <RequireAccess permission="account.self">
                      <AccountPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="verify"
                  element={
                    <RequireAccess permission="realname.verify">
                      <VerifyPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="me/credit"
                  element={
                    <RequireAccess permission="subject.self.read">
                      <CreditPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="gov/query"
                  element={
                    <RequireAccess permission="records.gov.query">
                      <QueryPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="admin/accounts"
                  element={
                    <RequireAccess permission="accounts.manage">
                      <AccountsPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="admin/api-clients"
                  element={
                    <RequireAccess permission="api_clients.manage">
                      <ApiClientsPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="admin/calendar"
                  element={
                    <RequireAccess permission="calendar.manage">
                      <CalendarPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="provider/submit"
                  element={
                    <RequireAccess permission="collection.submit">
                      <SubmitPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="provider/batches"
                  element={
                    <RequireAccess permission="collection.own.read">
                      <BatchesPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="provider/objections"
                  element={
                    <RequireAccess permission="objections.verify">
                      <ObjectionTasksPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="center/objections"
                  element={
                    <RequireAccess permission="objections.manage">
                      <ObjectionsPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="center/batches"
                  element={
                    <RequireAccess permission="collection.overview">
                      <CollectionOverviewPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="center/archive"
                  element={
                    <RequireAccess permission="records.archive.read">
                      <ArchivePage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="center/catalog"
                  element={
                    <RequireAccess permission="catalog.manage">
                      <CatalogAdminPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="third-party"
                  element={
                    <RequireAccess permission="reports.third_party">
                      <ThirdPartyPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="service-point"
                  element={
                    <RequireAccess permission="reports.issue">
                      <ServicePointPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="agency/batches"
                  element={
                    <RequireAccess permission="batch.query">
                      <BatchQueryPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="center/batch-approvals"
                  element={
                    <RequireAccess permission="batch.approve">
                      <BatchApprovalsPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="center/providers"
                  element={
                    <RequireAccess permission="providers.manage">
                      <ProvidersPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="center/query-log"
                  element={
                    <RequireAccess permission="query_log.read">
                      <QueryLogPage />
                    </RequireAccess>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </PlatformProvider>
      </I18nProvider>
    </ConfigProvider>
  );
}
