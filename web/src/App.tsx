/** The app: session, router, layout and the screen for the current path. */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout.tsx';
import { PageTitle } from './components/PageTitle.tsx';
import { Loading } from './components/status.tsx';
import { AppLink, matchPath, RouterProvider, useRouter } from './router.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { LoginPage } from './features/accounts/LoginPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { OrganisationsPage } from './features/admin/OrganisationsPage.tsx';
import { UsersPage } from './features/admin/UsersPage.tsx';
import { ChildSearchPage } from './features/children/ChildSearchPage.tsx';
import { ChildPage } from './features/children/ChildPage.tsx';
import { BreakGlassPage } from './features/children/BreakGlassPage.tsx';
import { NotificationsPage } from './features/notifications/NotificationsPage.tsx';
import { WorklistPage } from './features/leerplicht/WorklistPage.tsx';
import { CasePage } from './features/leerplicht/CasePage.tsx';
import { RegisterAbsencePage } from './features/leerplicht/RegisterAbsencePage.tsx';
import { ExemptionsPage } from './features/leerplicht/ExemptionsPage.tsx';
import { PartnershipsPage } from './features/partnerships/PartnershipsPage.tsx';
import { WorkspacePage } from './features/partnerships/WorkspacePage.tsx';

export function App() {
  return (
    <SessionProvider>
      <RouterProvider>
        <Shell />
      </RouterProvider>
    </SessionProvider>
  );
}

function Shell() {
  const { state } = useSession();
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <Layout>
        <Heading level={1}>Rondom</Heading>
        <Loading label={t('common.loadingApp')} />
      </Layout>
    );
  }
  if (state.status === 'anonymous') {
    return (
      <Layout>
        <LoginPage sessionEnded={state.ended} />
      </Layout>
    );
  }
  return (
    <Layout>
      <Routes />
    </Layout>
  );
}

function Routes() {
  const { path } = useRouter();
  if (path === '/' || path === '/login') return <HomePage />;
  if (path === '/children') return <ChildSearchPage />;
  if (path === '/break-glass') return <BreakGlassPage />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/worklist') return <WorklistPage />;
  if (path === '/exemptions') return <ExemptionsPage />;
  if (path === '/worklist/new') return <RegisterAbsencePage />;
  const absence = matchPath('/worklist/:id', path);
  if (absence) return <CasePage caseId={absence.id!} />;
  if (path === '/admin/organisations') return <OrganisationsPage />;
  if (path === '/admin/users') return <UsersPage />;
  if (path === '/partnerships') return <PartnershipsPage />;
  const ws = matchPath('/partnerships/:id', path) ?? matchPath('/partnerships/:id/:section', path);
  if (ws) return <WorkspacePage id={ws.id!} section={ws.section ?? 'overview'} />;
  const child = matchPath('/children/:id', path) ?? matchPath('/children/:id/:section', path);
  if (child) return <ChildPage childId={child.id!} section={child.section ?? 'overview'} />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph><AppLink href="/">{t('notFound.home')}</AppLink></Paragraph>
    </>
  );
}
