/**
 * The page frame: skip link, header with language switch and logout, the main
 * navigation for this user's roles, the main landmark and the footer.
 */
import type { MouseEvent, ReactNode } from 'react';
import {
  Button, NavBar, NavList, NavListLink, Page, PageContent, PageFooter, PageHeader, Paragraph, SkipLink,
} from '@utrecht/component-library-react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { SELF_NS } from '../i18n/index.ts';
import { AppLink, useRouter } from '../router.tsx';
import { useSession } from '../session.tsx';
import { canAdminister, hasWorkspaceRole, homeKindOf, isPrivacyOfficer, type Me } from '../types.ts';

interface NavItem {
  href: string;
  label: string;
}

function navItems(me: Me, t: (k: string) => string): NavItem[] {
  const items: NavItem[] = [{ href: '/', label: t('nav.home') }];
  const home = homeKindOf(me);
  if (home === 'professional') {
    // The front door: raising a concern is the first thing a teacher or childcare worker comes for.
    items.push({ href: '/children/new', label: t('frontdoor.nav') });
    items.push({ href: '/children', label: t('nav.children') });
    items.push({ href: '/signals', label: t('signals.nav') });
    items.push({ href: '/notifications', label: t('nav.notifications') });
    items.push({ href: '/join-requests', label: t('nav.joinRequests') });
    items.push({ href: '/break-glass', label: t('nav.breakGlass') });
  }
  // The family decides who joins when there is no regisseur.
  if (home === 'family') items.push({ href: '/join-requests', label: t('nav.joinRequestsFamily') });
  // The family gets notifications too (a consent to confirm, a shared report): their inbox is one tap away.
  if (home === 'family') items.push({ href: '/notifications', label: t('nav.notifications') });
  if (home === 'worklist') {
    items.push({ href: '/worklist', label: t('nav.worklist') });
    if (me.memberships.some((m) => m.role === 'leerplicht_officer')) items.push({ href: '/signals', label: t('signals.nav') });
    if (me.memberships.some((m) => m.role === 'leerplicht_officer' || m.role === 'swv_coordinator')) items.push({ href: '/exemptions', label: t('nav.exemptions') });
    items.push({ href: '/notifications', label: t('nav.notifications') });
    // Coordinators decide join requests for a child without a regisseur or family account.
    if (me.memberships.some((m) => m.role === 'municipality_coordinator')) items.push({ href: '/join-requests', label: t('nav.joinRequests') });
  }
  if (isPrivacyOfficer(me)) {
    items.push({ href: '/privacy', label: t('nav.privacy') });
    if (home === 'privacy') items.push({ href: '/notifications', label: t('nav.notifications') });
  }
  // Anonymous advice (teachers, intern begeleiders, childcare, the contacts who answer) and the school's support team.
  if (home === 'professional') items.push({ href: '/consult', label: t('consult.nav') });
  if (home === 'professional' || home === 'worklist') items.push({ href: '/support-teams', label: t('supportTeam.nav') });
  if (hasWorkspaceRole(me)) items.push({ href: '/partnerships', label: t('nav.partnerships') });
  if (canAdminister(me)) {
    items.push({ href: '/admin/organisations', label: t('nav.organisations') });
    items.push({ href: '/admin/users', label: t('nav.users') });
  }
  return items;
}

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const next = i18n.language.startsWith('nl') ? 'en' : 'nl';
  return (
    <Button appearance="subtle-button" lang={next} onClick={() => void i18n.changeLanguage(next)} className="rondom-lang-switch">
      {next === 'en' ? 'English' : 'Nederlands'}
    </Button>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { state, logout } = useSession();
  const { path, navigate } = useRouter();
  const me = state.status === 'authenticated' ? state.me : null;

  const matches = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));
  // One current item: the most specific one (Zorg melden at /children/new, not Jongeren zoeken as well).
  const current = me ? navItems(me, t).filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href : undefined;
  const isActive = (href: string) => href === current;

  return (
    <>
      <SkipLink href="#main">{t('layout.skipToContent')}</SkipLink>
      <Page className="rondom-page">
        <PageHeader className="rondom-header">
          <div className="rondom-header__bar">
            <a
              href="/"
              className="rondom-brand"
              onClick={(e) => { e.preventDefault(); navigate('/'); }}
            >
              <span className="rondom-brand__mark" aria-hidden="true" />
              Rondom
            </a>
            <div className="rondom-header__tools">
              {me && <Paragraph className="rondom-header__user">{t('layout.loggedInAs', { name: me.displayName })}</Paragraph>}
              <LanguageSwitch />
              {me && (
                <AppLink href="/account" className="rondom-header__account" aria-current={path === '/account' ? 'page' : undefined}>
                  {t('layout.account')}
                </AppLink>
              )}
              {me && (
                <Button appearance="secondary-action-button" onClick={() => void logout().then(() => navigate('/'))}>
                  {t('layout.logout')}
                </Button>
              )}
            </div>
          </div>
          {me && (
            <NavBar aria-label={t('layout.mainNavigation')} className="rondom-nav">
              <NavList>
                {navItems(me, t).map((item) => (
                  <NavListLink
                    key={item.href}
                    href={item.href}
                    aria-current={isActive(item.href) ? 'page' : undefined}
                    onClick={(e: MouseEvent<HTMLAnchorElement>) => { e.preventDefault(); navigate(item.href); }}
                  >
                    {item.label}
                  </NavListLink>
                ))}
              </NavList>
            </NavBar>
          )}
        </PageHeader>
        <PageContent className="rondom-content">
          <main id="main" tabIndex={-1} className="utrecht-page-content__main">
            {/* A young person is addressed as "je/jij" on every screen (the family's texts say "u"). */}
            <I18nextProvider i18n={i18n} defaultNS={me?.kind === 'young_person' ? SELF_NS : undefined}>
              {children}
            </I18nextProvider>
          </main>
        </PageContent>
        <PageFooter className="rondom-footer">
          <Paragraph>{t('layout.footer')}</Paragraph>
        </PageFooter>
      </Page>
    </>
  );
}
