/**
 * One partners' workspace: overview with warnings, partner map, meeting tables,
 * agreements and OOGO topics, the programme, self-assessment results and the
 * travel guide. What may be changed follows the server's allowedActions.
 */
import { useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import {
  Button, Heading, NavList, NavListLink, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { SelectField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { GuideSection } from './GuideSection.tsx';
import { TablesSection } from './TablesSection.tsx';
import { Warnings } from './Warnings.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import {
  AREA_SECTION, local, type AgreementsView, type FundingView, type MapView, type Programme, type Results, type Round, type Stat, type Workspace,
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

function MapSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState('');
  const map = useLoad((s) => api.get<MapView>(`/api/v1/partnerships/${id}/map${query({ q: applied })}`, s), [id, applied]);
  const search = (e: FormEvent) => { e.preventDefault(); setApplied(q.trim()); };
  return (
    <>
      <form role="search" onSubmit={search} className="rondom-form rondom-form--inline" noValidate>
        <TextField label={t('partnerMap.search')} name="q" type="search" value={q} onChange={setQ} description={t('partnerMap.searchHelp')} />
        <Button type="submit" appearance="primary-action-button">{t('search.submit')}</Button>
      </form>
      <DataSection title={applied ? t('partnerMap.resultsFor', { q: applied }) : t('partnerMap.title')} level={3} loaded={map} empty={(d) => d.partners.length === 0} emptyText={t('partnerMap.nothing')}>
        {(m) => (
          <>
            <Warnings warnings={m.warnings} />
            {(['inner', 'outer'] as const).map((ring) => {
              const partners = m.partners.filter((p) => p.ring === ring);
              if (partners.length === 0) return null;
              return (
                <section key={ring} aria-labelledby={`ring-${ring}`} className="rondom-section">
                  <Heading level={4} id={`ring-${ring}`}>{t(`partnerMap.ring.${ring}`)}</Heading>
                  {partners.map((p) => (
                    <div key={p.id} className="rondom-card">
                      <Heading level={5}>{p.organisationName}</Heading>
                      <Paragraph className="rondom-hint">{t(`orgType.${p.organisationType}`, { defaultValue: p.organisationType })}{p.roleDescription ? ` — ${p.roleDescription}` : ''}</Paragraph>
                      {(p.people ?? []).length === 0 ? <Paragraph>{t('partnerMap.noPeople')}</Paragraph> : (
                        <UnorderedList className="rondom-list">
                          {(p.people ?? []).map((person) => (
                            <UnorderedListItem key={person.id}>
                              <strong>{person.name}</strong>{person.roleTitle ? `, ${person.roleTitle}` : ''}
                              {(person.email || person.phone) && <> — {[person.email, person.phone].filter(Boolean).join(' · ')}</>}
                              {(person.portfolios ?? []).map((pf) => (
                                <Paragraph key={pf.id} className="rondom-hint">
                                  {t('partnerMap.portfolio', { topic: pf.topic })}
                                  {pf.isKey ? ` (${t('partnerMap.key')})` : ''}
                                  {' — '}{pf.hasMandate ? t('partnerMap.mandate', { mandate: pf.mandate ?? '' }) : t('partnerMap.noMandate')}
                                  {' — '}{pf.deputyName ? t('partnerMap.deputy', { name: pf.deputyName }) : t('partnerMap.noDeputy')}
                                </Paragraph>
                              ))}
                            </UnorderedListItem>
                          ))}
                        </UnorderedList>
                      )}
                    </div>
                  ))}
                </section>
              );
            })}
          </>
        )}
      </DataSection>
    </>
  );
}

function AgreementsSection({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const agreements = useLoad((s) => api.get<AgreementsView>(`/api/v1/partnerships/${id}/agreements`, s), [id]);
  const funding = useLoad((s) => api.get<FundingView>(`/api/v1/partnerships/${id}/funding`, s), [id]);
  const euro = (cents: number) => new Intl.NumberFormat(i18n.language.startsWith('nl') ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);
  return (
    <>
      <DataSection title={t('agreements.title')} level={3} loaded={agreements} empty={(d) => d.agreements.length === 0} emptyText={t('agreements.none')}>
        {(v) => (
          <>
            <Warnings warnings={v.warnings} />
            {v.agreements.map((a) => (
              <section key={a.id} aria-labelledby={`agr-${a.id}`} className="rondom-card">
                <Heading level={4} id={`agr-${a.id}`}>{a.title}</Heading>
                <Paragraph>
                  {t(`agreementKind.${a.kind}`, { defaultValue: a.kind })} — {t(`agreementStatus.${a.status}`, { defaultValue: a.status })}
                  {a.startsOn && <> — {t('agreements.period', { from: formatDate(a.startsOn, i18n.language), to: formatDate(a.endsOn, i18n.language) })}</>}
                  {a.reviewOn && <> — {t('agreements.review', { date: formatDate(a.reviewOn, i18n.language) })}</>}
                </Paragraph>
                {a.purpose && <Paragraph>{a.purpose}</Paragraph>}
                <Paragraph className="rondom-hint">{t('agreements.parties', { names: a.parties.map((p) => p.organisationName).join(', ') })}</Paragraph>
                {a.commitments.length > 0 && (
                  <>
                    <Heading level={5}>{t('agreements.commitments')}</Heading>
                    <UnorderedList className="rondom-list">
                      {a.commitments.map((c) => (
                        <UnorderedListItem key={c.id}>
                          {c.organisationName}: {c.description}{c.untilOn ? ` (${t('agreements.until', { date: formatDate(c.untilOn, i18n.language) })})` : ''} — {t(`commitmentStatus.${c.status}`, { defaultValue: c.status })}
                          {c.explanation ? `: ${c.explanation}` : ''}
                        </UnorderedListItem>
                      ))}
                    </UnorderedList>
                  </>
                )}
                {a.oogoTopics.length > 0 && (
                  <TableScroll label={t('agreements.oogoTopics')}>
                    <Table>
                      <caption className="rondom-caption">{t('agreements.oogoTopics')}</caption>
                      <TableHeader>
                        <TableRow>
                          <TableHeaderCell scope="col">{t('agreements.topic')}</TableHeaderCell>
                          <TableHeaderCell scope="col">{t('agreements.state')}</TableHeaderCell>
                          <TableHeaderCell scope="col">{t('agreements.summary')}</TableHeaderCell>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {a.oogoTopics.map((o) => (
                          <TableRow key={o.itemId}>
                            <TableHeaderCell scope="row">{local(i18n.language, o.textNl, o.textEn)}</TableHeaderCell>
                            <TableCell>{t(`oogoState.${o.state}`, { defaultValue: o.state })}</TableCell>
                            <TableCell>{o.summary ?? '—'}</TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </TableScroll>
                )}
                <Warnings warnings={a.warnings} />
              </section>
            ))}
          </>
        )}
      </DataSection>
      <DataSection title={t('funding.title')} level={3} loaded={funding} empty={(d) => d.lines.length === 0} emptyText={t('funding.none')}>
        {(f) => (
          <>
            <Warnings warnings={f.warnings} />
            <TableScroll label={t('funding.title')}>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('funding.who')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('funding.purpose')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('funding.perYear')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('funding.mode')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('funding.until')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {f.lines.map((l) => (
                    <TableRow key={l.id}>
                      <TableCell>{l.organisationName}</TableCell>
                      <TableCell>{l.purpose}</TableCell>
                      <TableCell>{euro(l.amountPerYearCents)}</TableCell>
                      <TableCell>{t(`fundingMode.${l.mode}`, { defaultValue: l.mode })}</TableCell>
                      <TableCell>{formatDate(l.endsOn, i18n.language)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          </>
        )}
      </DataSection>
    </>
  );
}

const ARRANGEMENTS = ['steering', 'monitoring', 'accountability', 'cooperation', 'communication', 'finance'] as const;

function ProgrammesSection({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const list = useLoad((s) => api.get<{ programmes: Programme[] }>(`/api/v1/partnerships/${id}/programmes`, s).then((d) => d.programmes), [id]);
  return (
    <DataSection title={t('programme.title')} level={3} loaded={list} empty={(d) => d.length === 0} emptyText={t('programme.none')}>
      {(items) => (
        <>
          {items.map((p) => (
            <section key={p.id} aria-labelledby={`prog-${p.id}`} className="rondom-card">
              <Heading level={4} id={`prog-${p.id}`}>{p.title}</Heading>
              <Paragraph>
                {t('agreements.period', { from: formatDate(p.startsOn, i18n.language), to: formatDate(p.endsOn, i18n.language) })}
                {' — '}{p.adoptedByTableName ? t('programme.adopted', { table: p.adoptedByTableName, date: formatDate(p.adoptedOn, i18n.language) }) : t('programme.notAdopted')}
              </Paragraph>
              {p.intendedResults && <Paragraph>{t('programme.results', { text: p.intendedResults })}</Paragraph>}
              <Paragraph>{t('programme.progress', { percent: p.progress })}</Paragraph>
              <Warnings warnings={p.warnings} />
              <Heading level={5}>{t('programme.arrangements')}</Heading>
              <dl className="rondom-dl">
                {ARRANGEMENTS.map((k) => (
                  <div key={k}>
                    <dt>{t(`programme.part.${k}`)}</dt>
                    <dd>{p.arrangements?.[k] ?? t('programme.open')}</dd>
                  </div>
                ))}
              </dl>
              {p.activities.length > 0 && (
                <TableScroll label={t('programme.activities')}>
                  <Table>
                    <caption className="rondom-caption">{t('programme.activities')}</caption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('programme.activity')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('programme.status')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('programme.activityProgress')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('programme.ends')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {p.activities.map((a) => (
                        <TableRow key={a.id}>
                          <TableHeaderCell scope="row">{a.title}</TableHeaderCell>
                          <TableCell>{t(`activityStatus.${a.status}`, { defaultValue: a.status })}</TableCell>
                          <TableCell>{a.progress}%</TableCell>
                          <TableCell>{formatDate(a.endsOn, i18n.language)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableScroll>
              )}
            </section>
          ))}
        </>
      )}
    </DataSection>
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
  const { t, i18n } = useTranslation();
  if (stat.suppressed || stat.n === null) return <span className="rondom-suppressed">{t('assessment.tooFew')}</span>;
  // 3,5 in Dutch: numbers in the UI language, not as JavaScript prints them.
  return <>{t('assessment.stat', { median: formatNumber(stat.median, i18n.language), spread: formatNumber(stat.spread, i18n.language), n: stat.n })}</>;
}

function ResultsView({ results, lang }: { results: Results; lang: string }) {
  const { t } = useTranslation();
  const groups = [...new Set(results.elements.flatMap((e) => e.byGroup.map((g) => g.group)))];
  return (
    <>
      <Paragraph>
        {t('assessment.respondents', { n: results.respondents ?? '—' })} {t('assessment.threshold', { n: results.threshold })}
      </Paragraph>
      <TableScroll label={t('assessment.byElement')}>
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
                <TableCell>{formatNumber(e.previousMedian, lang)}</TableCell>
                {groups.map((g) => {
                  const cell = e.byGroup.find((x) => x.group === g);
                  return <TableCell key={g}>{cell ? <StatText stat={cell} /> : '—'}</TableCell>;
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
      {results.elements[0] && (
        <TableScroll label={t('assessment.byOrganisation')}>
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
        </TableScroll>
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
