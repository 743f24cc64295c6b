/**
 * One young person: overview with questions, the network, what was shared
 * (consents and access log), the plan, the meetings, the evaluations and the timeline. Which parts and buttons
 * show comes from the server's `allowedActions`; a professional without access gets 404.
 */
import type { MouseEvent } from 'react';
import { Heading, NavList, NavListLink, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { formatDate, isExpectedBirth } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { useMe } from '../../session.tsx';
import { can, fullName, type Child } from './children-types.ts';
import { QuestionForm } from './QuestionForm.tsx';
import { NetworkSection } from '../networks/NetworkSection.tsx';
import { SharingSection } from '../consents/SharingSection.tsx';
import { PlanSection } from '../plans/PlanSection.tsx';
import { MeetingsSection } from '../meetings/MeetingsSection.tsx';
import { EvaluationsSection } from '../evaluations/EvaluationsSection.tsx';
import { TimelineSection } from '../history/TimelineSection.tsx';
import { SignalLink } from '../matches/SignalsPage.tsx';

const SECTIONS = ['overview', 'question', 'network', 'sharing', 'plan', 'meetings', 'evaluations', 'timeline'] as const;
type SectionName = (typeof SECTIONS)[number];

/** A section shows only when the server allows what it needs. The family asks a question on a page of its own. */
function allowedSections(child: Child, family: boolean): SectionName[] {
  const a = child.allowedActions;
  return SECTIONS.filter((s) => {
    if (s === 'question') return family && can(a, 'openQuestion');
    if (s === 'network') return can(a, 'readNetwork');
    if (s === 'sharing') return can(a, 'readConsents', 'recordConsent', 'readAccessLog');
    if (s === 'plan') return can(a, 'readPlan');
    if (s === 'meetings') return can(a, 'readMeetings');
    if (s === 'evaluations') return can(a, 'readEvaluations', 'recordEvaluation');
    if (s === 'timeline') return can(a, 'readTimeline');
    return true;
  });
}

export function ChildPage({ childId, section }: { childId: string; section: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { navigate } = useRouter();
  const child = useLoad((s) => api.get<Child>(`/api/v1/children/${childId}`, s), [childId]);

  if (child.loading && !child.data) return <><PageTitle>{t('child.loadingTitle')}</PageTitle><Loading /></>;
  if (child.error || !child.data) {
    return (
      <>
        <PageTitle>{t('child.notFoundTitle')}</PageTitle>
        {child.error ? <ErrorAlert error={child.error} /> : null}
        <Paragraph>{t('child.notFoundText')}</Paragraph>
      </>
    );
  }
  const c = child.data;
  const family = me.kind !== 'staff';
  const self = me.kind === 'young_person';
  const sections = allowedSections(c, family);
  const current: SectionName = (sections as string[]).includes(section) ? (section as SectionName) : 'overview';
  const label = (s: string) => (s === 'question'
    ? t(self ? 'frontdoor.family.self.title' : 'frontdoor.family.parent.title')
    : t(`child.section.${s}${family ? 'Family' : ''}`, { defaultValue: t(`child.section.${s}`) }));

  return (
    <>
      <PageTitle>{self ? t('child.yourPage') : fullName(c)}</PageTitle>
      <Paragraph>
        {isExpectedBirth(c.birthDate, c.birthExpected)
          // Not born yet: the expected date, and no age ("0 jaar" said nothing).
          ? t('child.expected', { date: formatDate(c.birthDate, i18n.language) })
          : <>{t('child.born', { date: formatDate(c.birthDate, i18n.language) })} — {t('child.age', { count: c.ageYears })}</>}
        {c.school && <> — {c.school.name}</>}
      </Paragraph>
      {c.access.basis === 'break_glass' && <Paragraph className="rondom-hint">{t('child.breakGlassAccess')}</Paragraph>}
      <nav aria-label={t('child.sectionsNav')} className="rondom-subnav">
        <NavList>
          {sections.map((s) => {
            const href = s === 'overview' ? `/children/${childId}` : `/children/${childId}/${s}`;
            return (
              <NavListLink key={s} href={href} aria-current={s === current ? 'page' : undefined} onClick={(e: MouseEvent<HTMLAnchorElement>) => { e.preventDefault(); navigate(href); }}>
                {label(s)}
              </NavListLink>
            );
          })}
        </NavList>
      </nav>
      <Heading level={2}>{label(current)}</Heading>
      {current === 'overview' && <Overview child={c} family={family} onChanged={child.reload} />}
      {current === 'question' && <QuestionForm childId={c.id} family onSaved={child.reload} />}
      {current === 'network' && <NetworkSection child={c} onChanged={child.reload} />}
      {current === 'sharing' && <SharingSection child={c} onChanged={child.reload} />}
      {current === 'plan' && <PlanSection childId={childId} />}
      {current === 'meetings' && <MeetingsSection child={c} />}
      {current === 'evaluations' && <EvaluationsSection child={c} />}
      {current === 'timeline' && <TimelineSection childId={childId} />}
    </>
  );
}

function Overview({ child, family, onChanged }: { child: Child; family: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const questionHref = `/children/${child.id}/question`;
  const rule = child.consentRule;
  return (
    <>
      <section aria-labelledby="who-consents" className="rondom-section">
        <Heading level={3} id="who-consents">{t('consent.whoDecides')}</Heading>
        <Paragraph>{t(`consent.ageBand.${rule.ageBand}`)}</Paragraph>
        <UnorderedList className="rondom-list">
          {rule.consenters.map((p) => (
            <UnorderedListItem key={`${p.userId ?? 'self'}-${p.displayName}`}>{p.displayName} ({t(`relation.${p.relation}`, { defaultValue: p.relation })})</UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
      {can(child.allowedActions, 'openQuestion') && !family && <QuestionForm childId={child.id} family={false} onSaved={onChanged} />}
      {!family && <SignalLink childId={child.id} />}
      {can(child.allowedActions, 'openQuestion') && family && (
        <Paragraph>
          <AppLink href={questionHref}>{t('frontdoor.family.askLink')}</AppLink>
        </Paragraph>
      )}
    </>
  );
}
