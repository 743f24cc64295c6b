/** The first screen after login, different per role family (from GET /api/v1/me). */
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import { useMe } from '../../session.tsx';
import { canAdminister, homeKindOf } from '../../types.ts';
import { fullName, itemsOf, type ChildListItem, type Match, type Task } from '../children/children-types.ts';
import { Worklist } from '../leerplicht/WorklistPage.tsx';

export function HomePage() {
  const me = useMe();
  const { t } = useTranslation();
  const kind = homeKindOf(me);
  return (
    <>
      <PageTitle>{t('home.welcome', { name: me.displayName })}</PageTitle>
      {kind === 'family' && <FamilyHome youngPerson={me.kind === 'young_person'} />}
      {kind === 'professional' && <ProfessionalHome />}
      {kind === 'worklist' && <Worklist level={2} />}
      {kind === 'policy' && <Paragraph>{t('home.policyIntro')}</Paragraph>}
      {canAdminister(me) && <AdminHome />}
    </>
  );
}

function ProfessionalHome() {
  const { t, i18n } = useTranslation();
  const children = useLoad((s) => api.get<unknown>('/api/v1/children', s).then((d) => itemsOf<ChildListItem>(d)), []);
  const tasks = useLoad((s) => api.get<unknown>('/api/v1/tasks', s).then((d) => itemsOf<Task>(d)), []);
  const matches = useLoad((s) => api.get<unknown>('/api/v1/matches', s).then((d) => itemsOf<Match>(d)), []);
  return (
    <>
      <Paragraph>{t('home.professionalIntro')}</Paragraph>
      <Paragraph><AppLink href="/children">{t('home.searchChild')}</AppLink></Paragraph>
      <DataSection title={t('home.myNetworks')} loaded={children} empty={(d) => d.length === 0} emptyText={t('home.noNetworks')}>
        {(items) => (
          <UnorderedList className="rondom-list">
            {items.map((c) => (
              <UnorderedListItem key={c.id}>
                <AppLink href={`/children/${c.id}`}>{fullName(c)}</AppLink>
                {c.ageYears !== null && c.ageYears !== undefined && <> — {t('child.age', { count: c.ageYears })}</>}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </DataSection>
      <DataSection title={t('home.tasksDue')} loaded={tasks} empty={(d) => d.length === 0} emptyText={t('home.noTasks')}>
        {(items) => (
          <UnorderedList className="rondom-list">
            {items.map((task) => (
              <UnorderedListItem key={task.id}>
                <AppLink href={`/children/${task.childId}/plan`}>{task.what}</AppLink>
                {task.childName && <> — {task.childName}</>}
                {task.dueOn && <> — {t('home.dueOn', { date: formatDate(task.dueOn, i18n.language) })}</>}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </DataSection>
      <DataSection title={t('home.matches')} loaded={matches} empty={(d) => d.length === 0} emptyText={t('home.noMatches')}>
        {(items) => (
          <UnorderedList className="rondom-list">
            {items.map((m) => (
              <UnorderedListItem key={m.id}>
                {t('home.matchLine', { child: m.childName ?? '', org: m.otherOrganisationName ?? m.otherDisplayName ?? '' })}
                {m.contact && <> — {m.contact}</>}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </DataSection>
    </>
  );
}

function FamilyHome({ youngPerson }: { youngPerson: boolean }) {
  const { t } = useTranslation();
  const children = useLoad((s) => api.get<unknown>('/api/v1/children', s).then((d) => itemsOf<ChildListItem>(d)), []);
  return (
    <>
      <Paragraph>{youngPerson ? t('home.youngPersonIntro') : t('home.parentIntro')}</Paragraph>
      <DataSection
        title={youngPerson ? t('home.myPlanTitle') : t('home.myChildren')}
        loaded={children}
        empty={(d) => d.length === 0}
        emptyText={t('home.noChildren')}
      >
        {(items) => (
          <>
            {items.map((c) => (
              <section key={c.id} className="rondom-card" aria-labelledby={`child-${c.id}`}>
                <Heading level={3} id={`child-${c.id}`}>
                  {youngPerson ? t('home.aboutYou') : fullName(c)}
                  {!youngPerson && c.ageYears !== null && c.ageYears !== undefined && <> ({t('child.age', { count: c.ageYears })})</>}
                </Heading>
                <UnorderedList className="rondom-list">
                  <UnorderedListItem><AppLink href={`/children/${c.id}/plan`}>{youngPerson ? t('home.myPlan') : t('home.thePlan')}</AppLink></UnorderedListItem>
                  <UnorderedListItem><AppLink href={`/children/${c.id}/network`}>{t('home.whoIsInvolved')}</AppLink></UnorderedListItem>
                  <UnorderedListItem><AppLink href={`/children/${c.id}/sharing`}>{t('home.whatWasShared')}</AppLink></UnorderedListItem>
                </UnorderedList>
              </section>
            ))}
          </>
        )}
      </DataSection>
    </>
  );
}

function AdminHome() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="admin-home" className="rondom-section">
      <Heading level={2} id="admin-home">{t('home.adminTitle')}</Heading>
      <Paragraph>{t('home.adminIntro')}</Paragraph>
      <UnorderedList className="rondom-list">
        <UnorderedListItem><AppLink href="/admin/organisations">{t('nav.organisations')}</AppLink></UnorderedListItem>
        <UnorderedListItem><AppLink href="/admin/users">{t('nav.users')}</AppLink></UnorderedListItem>
      </UnorderedList>
    </section>
  );
}
