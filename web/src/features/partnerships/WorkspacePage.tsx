/**
 * One partners' workspace: overview with warnings, partner map, meeting tables,
 * agreements and OOGO topics, the programme, self-assessment results and the
 * travel guide. What may be changed follows the server's allowedActions.
 */
import { useState, type MouseEvent, type ReactNode } from 'react';
import {
  Heading, NavList, NavListLink, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { SelectField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { useLoad } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { AgreementsSection } from './AgreementsSection.tsx';
import { GuideSection } from './GuideSection.tsx';
import { MapSection } from './MapSection.tsx';
import { ProgrammesSection } from './ProgrammesSection.tsx';
import { TablesSection } from './TablesSection.tsx';
import { Warnings } from './Warnings.tsx';
import {
  AREA_SECTION, local, type Results, type Round, type Stat, type Workspace,
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

function AssessmentsSection({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const rounds = useLoad((s) => api.get<{ rounds: Round[] }>(`/api/v1/partnerships/${id}/rounds`, s).then((d) => d.rounds), [id]);
  const [roundId, setRoundId] = useState('');
  const chosen = roundId || rounds.data?.[0]?.id || '';
  const results = useLoad((s) => (chosen ? api.get<Results>(`/api/v1/partnerships/${id}/rounds/${chosen}/results`, s) : Promise.resolve(null)), [id, chosen]);
  return (
    <DataSection title={t('assessment.title')} level={3} loaded={rounds} empty={(d) => d.length === 0} emptyText={t('assessment.none')}>
      {(items) => (
        <>
          <SelectField label={t('assessment.round')} name="round" value={chosen} onChange={setRoundId}
            options={items.map((r) => ({ value: r.id, label: `${r.title} (${t(`roundStatus.${r.status}`, { defaultValue: r.status })}, ${t('assessment.responded', { n: r.responded, of: r.invited })})` }))} />
          {results.loading && !results.data && <Loading />}
          {results.error !== null && <ErrorAlert error={results.error} />}
          {results.data && <ResultsView results={results.data} lang={i18n.language} />}
        </>
      )}
    </DataSection>
  );
}

function StatText({ stat }: { stat: Stat }): ReactNode {
  const { t } = useTranslation();
  if (stat.suppressed || stat.n === null) return <span className="rondom-suppressed">{t('assessment.tooFew')}</span>;
  return <>{t('assessment.stat', { median: stat.median, spread: stat.spread, n: stat.n })}</>;
}

function ResultsView({ results, lang }: { results: Results; lang: string }) {
  const { t } = useTranslation();
  const groups = [...new Set(results.elements.flatMap((e) => e.byGroup.map((g) => g.group)))];
  return (
    <>
      <Paragraph>
        {t('assessment.respondents', { n: results.respondents ?? '—' })} {t('assessment.threshold', { n: results.threshold })}
      </Paragraph>
      <div className="rondom-table-scroll">
        <Table className="rondom-results">
          <caption className="rondom-caption">{t('assessment.byElement')}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('assessment.element')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('assessment.overall')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('assessment.previous')}</TableHeaderCell>
              {groups.map((g) => <TableHeaderCell key={g} scope="col">{t(`respondentGroup.${g}`, { defaultValue: g })}</TableHeaderCell>)}
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.elements.map((e) => (
              <TableRow key={e.code}>
                <TableHeaderCell scope="row">{local(lang, e.nameNl, e.nameEn)}</TableHeaderCell>
                <TableCell><StatText stat={e.overall} /></TableCell>
                <TableCell>{e.previousMedian ?? '—'}</TableCell>
                {groups.map((g) => {
                  const cell = e.byGroup.find((x) => x.group === g);
                  return <TableCell key={g}>{cell ? <StatText stat={cell} /> : '—'}</TableCell>;
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {results.elements[0] && (
        <div className="rondom-table-scroll">
          <Table>
            <caption className="rondom-caption">{t('assessment.byOrganisation')}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('assessment.element')}</TableHeaderCell>
                {results.elements[0].byOrganisation.map((o) => <TableHeaderCell key={o.partnerId} scope="col">{o.organisationName}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {results.elements.map((e) => (
                <TableRow key={e.code}>
                  <TableHeaderCell scope="row">{e.code}</TableHeaderCell>
                  {e.byOrganisation.map((o) => <TableCell key={o.partnerId}><StatText stat={o} /></TableCell>)}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {results.examples.length > 0 && (
        <>
          <Heading level={4}>{t('assessment.examples')}</Heading>
          <UnorderedList className="rondom-list">{results.examples.map((x, i) => <UnorderedListItem key={i}>{x.itemCode}: “{x.text}”</UnorderedListItem>)}</UnorderedList>
        </>
      )}
      {results.reading && (
        <>
          <Heading level={4}>{t('assessment.reading')}</Heading>
          <dl className="rondom-dl">
            {(['recognise', 'explain', 'opinion', 'improve'] as const).map((k) => (
              <div key={k}><dt>{t(`assessment.q.${k}`)}</dt><dd>{results.reading?.[k] ?? '—'}</dd></div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}
