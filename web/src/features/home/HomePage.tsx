/** The first screen after login, different per role family (from GET /api/v1/me). */
import type { MouseEvent } from 'react';
import { ButtonLink, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { useMe } from '../../session.tsx';
import { canAdminister, hasWorkspaceRole, homeKindOf } from '../../types.ts';
import { fullName, itemsOf, type ChildListItem, type Match, type Task, type WorklistItem } from '../children/children-types.ts';
import { Worklist } from '../leerplicht/WorklistPage.tsx';
import { MyActions, PartnershipList } from '../partnerships/PartnershipsPage.tsx';
import { MatchList } from '../matches/MatchList.tsx';
import { ProposalsSection } from '../meetings/ProposalsSection.tsx';
import { QuestionnaireLink } from '../partnerships/QuestionnaireLink.tsx';
import { EscalatedDisagreements } from '../plans/EscalatedDisagreements.tsx';
import { InvitationsSection } from '../support-teams/InvitationsSection.tsx';

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
      {kind === 'privacy' && (
        <>
          <Paragraph>{t('home.privacyIntro')}</Paragraph>
          <Paragraph><AppLink href="/privacy">{t('home.toPrivacy')}</AppLink></Paragraph>
        </>
      )}
      {kind === 'policy' && <Paragraph>{t('home.policyIntro')}</Paragraph>}
      {me.kind === 'staff' && <QuestionnaireLink />}
      {me.kind === 'staff' && <EscalatedDisagreements level={2} />}
      {me.kind === 'staff' && <ProposalsSection level={2} />}
      {me.kind === 'staff' && <MyActions level={2} />}
      {hasWorkspaceRole(me) && <PartnershipList level={2} />}
      {canAdminister(me) && <AdminHome />}
    </>
  );
}

function ProfessionalHome() {
  const { t, i18n } = useTranslation();
  const worklist = useLoad((s) => api.get<{ items: WorklistItem[] }>('/api/v1/worklist', s).then((d) => d.items), []);
  const tasks = useLoad((s) => api.get<Task[]>('/api/v1/tasks', s), []);
  const matches = useLoad((s) => api.get<Match[]>('/api/v1/matches', s), []);
  return (
    <>
      <Paragraph>{t('home.professionalIntro')}</Paragraph>
      <NextSteps />
      <Paragraph><AppLink href="/children">{t('home.searchChild')}</AppLink></Paragraph>
      <DataSection title={t('home.myNetworks')} loaded={worklist} empty={(d) => d.length === 0} emptyText={t('frontdoor.home.noNetworks')}>
        {(items) => (
          <div className="rondom-table-scroll">
            <Table className="rondom-worklist">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('home.child')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('home.lead')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('home.openActions')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('home.nextEvaluation')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((w) => (
                  <TableRow key={w.youngPersonId}>
                    <TableHeaderCell scope="row">
                      <AppLink href={`/children/${w.youngPersonId}`}>{w.name}</AppLink> ({t('child.age', { count: w.ageYears })})
                    </TableHeaderCell>
                    {w.hasBasis === false ? (
                      // Involved, but no consent or reviewed basis today: only who the child is.
                      <TableCell colSpan={3}>{t('home.noBasis')}</TableCell>
                    ) : (
                      <>
                        <TableCell>{w.isLead ? t('home.youAreLead') : w.leadName ?? t('home.noLead')}</TableCell>
                        <TableCell>
                          {w.openActions}
                          {w.overdueActions > 0 && <> — <strong>{t('home.overdue', { count: w.overdueActions })}</strong></>}
                        </TableCell>
                        <TableCell>{formatDate(w.nextEvaluationOn, i18n.language)}</TableCell>
                      </>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </DataSection>
      <DataSection title={t('home.tasksDue')} loaded={tasks} empty={(d) => d.length === 0} emptyText={t('home.noTasks')}>
        {(items) => (
          <UnorderedList className="rondom-list">
            {items.map((task) => (
              <UnorderedListItem key={task.actionId}>
                <AppLink href={`/children/${task.youngPersonId}/plan`}>{task.what}</AppLink> — {task.childName}
                {task.dueOn && <> — {t('home.dueOn', { date: formatDate(task.dueOn, i18n.language) })}</>}
                {task.overdue && <> — <strong>{t('home.late')}</strong></>}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </DataSection>
      <DataSection title={t('home.matches')} loaded={matches} empty={(d) => d.length === 0} emptyText={t('home.noMatches')}>
        {(items) => (
          <MatchList items={items} />
        )}
      </DataSection>
    </>
  );
}

/**
 * What a teacher, childcare worker or other professional can do next — also when their lists are
 * still empty: raise a concern about a child, or first ask advice without naming the child.
 */
function NextSteps() {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  return (
    <section aria-labelledby="home-next-steps" className="rondom-card rondom-next-steps">
      <Heading level={2} id="home-next-steps">{t('frontdoor.home.title')}</Heading>
      <Paragraph>{t('frontdoor.home.concernText')}</Paragraph>
      <div className="rondom-actions">
        <ButtonLink appearance="primary-action-button" href="/children/new" onClick={(e: MouseEvent<HTMLAnchorElement>) => { e.preventDefault(); navigate('/children/new'); }}>
          {t('frontdoor.nav')}
        </ButtonLink>
      </div>
      <Paragraph>{t('frontdoor.home.adviceText')}</Paragraph>
      <Paragraph><AppLink href="/consult">{t('frontdoor.askAdvice')}</AppLink></Paragraph>
    </section>
  );
}

function FamilyHome({ youngPerson }: { youngPerson: boolean }) {
  const { t } = useTranslation();
  const children = useLoad((s) => api.get<unknown>('/api/v1/children', s).then((d) => itemsOf<ChildListItem>(d)), []);
  return (
    <>
      <Paragraph>{youngPerson ? t('home.youngPersonIntro') : t('home.parentIntro')}</Paragraph>
      <InvitationsSection />
      <QuestionnaireLink youngPerson={youngPerson} />
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
                  {!youngPerson && <> ({t('child.age', { count: c.ageYears })})</>}
                </Heading>
                <UnorderedList className="rondom-list">
                  <UnorderedListItem><AppLink href={`/children/${c.id}/plan`}>{youngPerson ? t('home.myPlan') : t('home.thePlan')}</AppLink></UnorderedListItem>
                  <UnorderedListItem><AppLink href={`/children/${c.id}/network`}>{t('home.whoIsInvolved')}</AppLink></UnorderedListItem>
                  <UnorderedListItem><AppLink href={`/children/${c.id}/sharing`}>{t('home.whatWasShared')}</AppLink></UnorderedListItem>
                  <UnorderedListItem><AppLink href={`/children/${c.id}/question`}>{t(youngPerson ? 'frontdoor.family.self.title' : 'frontdoor.family.parent.title')}</AppLink></UnorderedListItem>
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
