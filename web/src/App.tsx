import { ConfigProvider } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { I18nProvider } from './i18n/index.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
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
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </PlatformProvider>
      </I18nProvider>
    </ConfigProvider>
  );
}
