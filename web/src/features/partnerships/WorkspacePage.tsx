/**
 * One partners' workspace: overview with warnings, partner map, meeting tables,
 * agreements and OOGO topics, the programme, self-assessment results and the
 * travel guide. What may be changed follows the server's allowedActions.
 */
import { type MouseEvent } from 'react';
import {
  Heading, NavList, NavListLink, Paragraph, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { useLoad } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { AgreementsSection } from './AgreementsSection.tsx';
import { AssessmentsSection } from './AssessmentsSection.tsx';
import { GuideSection } from './GuideSection.tsx';
import { MapSection } from './MapSection.tsx';
import { ProgrammesSection } from './ProgrammesSection.tsx';
import { TablesSection } from './TablesSection.tsx';
import { Warnings } from './Warnings.tsx';
import {
  AREA_SECTION, type Workspace,
} from './partnership-types.ts';

export const WORKSPACE_SECTIONS = ['overview', 'map', 'tables', 'agreements', 'programmes', 'assessments', 'guide'] as const;


export function WorkspacePage({ id, section }: { id: string; section: string }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const ws = useLoad((s) => api.get<Workspace>(`/api/v1/partnerships/${id}`, s), [id]);
  if (ws.loading && !ws.data) return <><PageTitle>{t('partnership.loadingTitle')}</PageTitle><Loading /></>;
  if (!ws.data) return <><PageTitle>{t('child.notFoundTitle')}</PageTitle><ErrorAlert error={ws.error} /></>;
  const w = ws.data;
  const current = (WORKSPACE_SECTIONS as readonly string[]).includes(section) ? section : 'overview';
  return (
    <>
      <PageTitle>{w.partnership.name}</PageTitle>
      <nav aria-label={t('partnership.sectionsNav')} className="rondom-subnav">
        <NavList>
          {WORKSPACE_SECTIONS.map((s) => {
            const href = s === 'overview' ? `/partnerships/${id}` : `/partnerships/${id}/${s}`;
            return (
              <NavListLink key={s} href={href} aria-current={s === current ? 'page' : undefined} onClick={(e: MouseEvent<HTMLAnchorElement>) => { e.preventDefault(); navigate(href); }}>
                {t(`partnership.section.${s}`)}
              </NavListLink>
            );
          })}
        </NavList>
      </nav>
      <Heading level={2}>{t(`partnership.section.${current}`)}</Heading>
      {current === 'overview' && <Overview id={id} ws={w} />}
      {current === 'map' && <MapSection id={id} />}
      {current === 'tables' && <TablesSection id={id} onChanged={ws.reload} />}
      {current === 'agreements' && <AgreementsSection id={id} />}
      {current === 'programmes' && <ProgrammesSection id={id} />}
      {current === 'assessments' && <AssessmentsSection id={id} />}
      {current === 'guide' && <GuideSection id={id} />}
    </>
  );
}

function Overview({ id, ws }: { id: string; ws: Workspace }) {
  const { t } = useTranslation();
  return (
    <>
      {ws.partnership.description && <Paragraph>{ws.partnership.description}</Paragraph>}
      {ws.partnership.collaborationModel && <Paragraph>{t('partnership.model', { model: ws.partnership.collaborationModel })}</Paragraph>}
      <Warnings warnings={ws.warnings} />
      {ws.warnings.length === 0 && <Paragraph>{t('partnership.noWarnings')}</Paragraph>}
      <Heading level={3}>{t('partnership.atAGlance')}</Heading>
      <UnorderedList className="rondom-list">
        {Object.entries(ws.counts).map(([k, n]) => (
          <UnorderedListItem key={k}>
            {AREA_SECTION[k] ? <AppLink href={`/partnerships/${id}/${AREA_SECTION[k]}`}>{t(`partnership.count.${k}`, { count: n, defaultValue: `${k}: ${n}` })}</AppLink> : t(`partnership.count.${k}`, { count: n, defaultValue: `${k}: ${n}` })}
          </UnorderedListItem>
        ))}
        <UnorderedListItem><AppLink href={`/partnerships/${id}/guide`}>{t('partnership.toGuide')}</AppLink></UnorderedListItem>
      </UnorderedList>
    </>
  );
}
