/** The app: session, router, layout and the screen for the current path. */
import { Component, lazy, Suspense, use, type ReactNode } from 'react';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout.tsx';
import { PageTitle } from './components/PageTitle.tsx';
import { Loading } from './components/status.tsx';
import { AppLink, matchPath, RouterProvider, useRouter } from './router.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { useRegionTheme } from './theme.ts';
import { allTexts } from './i18n/index.ts';
import { LoginPage } from './features/accounts/LoginPage.tsx';

// Pages load when first opened (only the login screen comes with the app): a parent on a
// phone does not download the leerplicht, admin and partnership screens, nor, before logging in, the home.
const HomePage = lazy(() => import('./features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const OrganisationsPage = lazy(() => import('./features/admin/OrganisationsPage.tsx').then((m) => ({ default: m.OrganisationsPage })));
const UsersPage = lazy(() => import('./features/admin/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const ChildSearchPage = lazy(() => import('./features/children/ChildSearchPage.tsx').then((m) => ({ default: m.ChildSearchPage })));
const ChildPage = lazy(() => import('./features/children/ChildPage.tsx').then((m) => ({ default: m.ChildPage })));
const BreakGlassPage = lazy(() => import('./features/children/BreakGlassPage.tsx').then((m) => ({ default: m.BreakGlassPage })));
const NotificationsPage = lazy(() => import('./features/notifications/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })));
const WorklistPage = lazy(() => import('./features/leerplicht/WorklistPage.tsx').then((m) => ({ default: m.WorklistPage })));
const CasePage = lazy(() => import('./features/leerplicht/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const RegisterAbsencePage = lazy(() => import('./features/leerplicht/RegisterAbsencePage.tsx').then((m) => ({ default: m.RegisterAbsencePage })));
const ExemptionsPage = lazy(() => import('./features/leerplicht/ExemptionsPage.tsx').then((m) => ({ default: m.ExemptionsPage })));
const PartnershipsPage = lazy(() => import('./features/partnerships/PartnershipsPage.tsx').then((m) => ({ default: m.PartnershipsPage })));
const RegisterChildPage = lazy(() => import('./features/children/RegisterChildPage.tsx').then((m) => ({ default: m.RegisterChildPage })));
const JoinRequestsPage = lazy(() => import('./features/networks/JoinRequestsPage.tsx').then((m) => ({ default: m.JoinRequestsPage })));
const PrivacyPage = lazy(() => import('./features/privacy/PrivacyPage.tsx').then((m) => ({ default: m.PrivacyPage })));
const AccountPage = lazy(() => import('./features/accounts/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const ConsultsPage = lazy(() => import('./features/consults/ConsultsPage.tsx').then((m) => ({ default: m.ConsultsPage })));
const ConsultPage = lazy(() => import('./features/consults/ConsultPage.tsx').then((m) => ({ default: m.ConsultPage })));
const SupportTeamsPage = lazy(() => import('./features/support-teams/SupportTeamsPage.tsx').then((m) => ({ default: m.SupportTeamsPage })));
const SupportTeamPage = lazy(() => import('./features/support-teams/SupportTeamPage.tsx').then((m) => ({ default: m.SupportTeamPage })));
const WorkspacePage = lazy(() => import('./features/partnerships/WorkspacePage.tsx').then((m) => ({ default: m.WorkspacePage })));
const QuestionnairePage = lazy(() => import('./features/partnerships/QuestionnairePage.tsx').then((m) => ({ default: m.QuestionnairePage })));
const SignalsPage = lazy(() => import('./features/matches/SignalsPage.tsx').then((m) => ({ default: m.SignalsPage })));

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
  const { path } = useRouter();
  const { t } = useTranslation();
  useRegionTheme(state.status === 'authenticated' ? state.me.id : null);
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
      <PageErrorBoundary key={path}>
        <Suspense fallback={<Loading label={t('common.loadingApp')} />}>
          <Routes />
        </Suspense>
      </PageErrorBoundary>
    </Layout>
  );
}

function Routes() {
  const { path } = useRouter();
  // The screens after login use texts beyond the first screen's (i18n/boot-keys.ts).
  use(allTexts);
  if (path === '/' || path === '/login') return <HomePage />;
  if (path === '/children') return <ChildSearchPage />;
  if (path === '/children/new') return <RegisterChildPage />;
  if (path === '/join-requests') return <JoinRequestsPage />;
  if (path === '/signals') return <SignalsPage />;
  if (path === '/privacy') return <PrivacyPage />;
  if (path === '/break-glass') return <BreakGlassPage />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/account') return <AccountPage />;
  if (path === '/worklist') return <WorklistPage />;
  if (path === '/exemptions') return <ExemptionsPage />;
  if (path === '/worklist/new') return <RegisterAbsencePage />;
  const absence = matchPath('/worklist/:id', path);
  if (absence) return <CasePage caseId={absence.id!} />;
  if (path === '/admin/organisations') return <OrganisationsPage />;
  if (path === '/admin/users') return <UsersPage />;
  if (path === '/consult') return <ConsultsPage />;
  const consult = matchPath('/consult/:id', path);
  if (consult) return <ConsultPage consultId={consult.id!} />;
  if (path === '/support-teams') return <SupportTeamsPage />;
  const team = matchPath('/support-teams/:id', path);
  if (team) return <SupportTeamPage teamId={team.id!} />;
  if (path === '/questionnaire') return <QuestionnairePage />;
  if (path === '/partnerships') return <PartnershipsPage />;
  const ws = matchPath('/partnerships/:id', path) ?? matchPath('/partnerships/:id/:section', path);
  if (ws) return <WorkspacePage id={ws.id!} section={ws.section ?? 'overview'} />;
  const child = matchPath('/children/:id', path) ?? matchPath('/children/:id/:section', path);
  if (child) return <ChildPage childId={child.id!} section={child.section ?? 'overview'} />;
  return <NotFound />;
}

/** A page that failed to load or render (a lost connection while its code loads, say) shows a way on, not a blank screen. */
class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <PageError /> : this.props.children;
  }
}

function PageError() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('pageError.title')}</PageTitle>
      <Paragraph>{t('pageError.text')}</Paragraph>
      <Button appearance="primary-action-button" onClick={() => window.location.reload()}>{t('pageError.reload')}</Button>
    </>
  );
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
