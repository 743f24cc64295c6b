/**
 * Leerplicht, SWV and the holder of doorzettingsmacht: the thuiszitter worklist in the
 * server's order (most urgent first), with the clock in words, the escalation rung and
 * the decision; exempted children are only counted. Below it the Inspectie report
 * download per SWV and quarter.
 */
import { useMemo, useState } from 'react';
import { Button, Heading, Link, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { SelectField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { useMe } from '../../session.tsx';
import { filterFromSearch, filterParams, isFiltered, WorklistFilterForm, type WorklistFilter } from './WorklistFilters.tsx';
import { isLeerplichtOfficer, swvMemberships, type DirectoryOrganisation, type LeerplichtCase, type LeerplichtWorklist } from './leerplicht-types.ts';

const PAGE = 50;

export function WorklistPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('worklist.title')}</PageTitle>
      <Worklist level={2} withFilters />
    </>
  );
}

/** The clock in words, with a colour mark that is never the only signal. */
export function ClockText({ c, thresholds }: { c: Pick<LeerplichtCase, 'clock' | 'daysWithoutOffer'>; thresholds?: LeerplichtWorklist['thresholds'] }) {
  const { t } = useTranslation();
  return (
    <span className={`rondom-clock rondom-clock--${c.clock}`}>
      <span className="rondom-clock__mark" aria-hidden="true" />
      {t(`clock.${c.clock}`, { months: thresholds?.redMonths ?? 3, days: thresholds?.warningDays[0] ?? 28 })}
    </span>
  );
}

/** "Stap 2: Casusconsulent SWV, uiterlijk 10 december 2026 (te laat)". */
export function EscalationText({ escalation }: { escalation: LeerplichtCase['escalation'] }) {
  const { t, i18n } = useTranslation();
  if (!escalation) return <>{t('escalation.none')}</>;
  return (
    <>
      {t('escalation.rung', { rung: escalation.rung, label: t(`rung.${escalation.rungKey}`, { defaultValue: escalation.rungKey }) })}
      {', '}
      {t('escalation.deadline', { date: formatDate(escalation.deadline, i18n.language) })}
      {escalation.overdue && <> <strong>{t('escalation.overdue')}</strong></>}
    </>
  );
}

export function DecisionText({ decision }: { decision: LeerplichtCase['decision'] }) {
  const { t, i18n } = useTranslation();
  if (!decision) return <>{t('decision.none')}</>;
  return <>{t('decision.line', { place: decision.place, provider: decision.provider, payer: decision.payer, date: formatDate(decision.dueOn, i18n.language) })}</>;
}

/**
 * The worklist table in the server's order (most urgent first, or the chosen sort). With filters
 * (the worklist page; not the home page) the filter, search and sort live in the URL's query.
 */
export function Worklist({ level, withFilters = false }: { level: number; withFilters?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { path, search, navigate } = useRouter();
  const searchKey = withFilters ? search.toString() : '';
  const filter = useMemo(() => filterFromSearch(new URLSearchParams(searchKey)), [searchKey]);
  // One page at a time (the server orders and counts all cases); "show more" asks for a longer page.
  const [limit, setLimit] = useState({ key: searchKey, n: PAGE });
  const n = limit.key === searchKey ? limit.n : PAGE; // a new filter starts at the first page
  const list = useLoad((s) => api.get<LeerplichtWorklist>(`/api/v1/leerplicht/worklist${query({ ...filterParams(filter), limit: String(n) })}`, s), [filter, n]);
  const mayReport = isLeerplichtOfficer(me) || swvMemberships(me).length > 0;
  const apply = (f: WorklistFilter) => navigate(`${path}${query(filterParams(f))}`, { keepScroll: true });
  const filtered = isFiltered(filter);
  return (
    <>
      {isLeerplichtOfficer(me) && <Paragraph><AppLink href="/worklist/new">{t('registerAbsence.link')}</AppLink></Paragraph>}
      {withFilters && (
        <section aria-labelledby="worklist-filter-title" className="rondom-section">
          <Heading level={level} id="worklist-filter-title">{t('worklistFilter.title')}</Heading>
          <WorklistFilterForm value={filter} ladder={list.data?.ladder ?? []} onApply={apply} />
        </section>
      )}
      {withFilters && (
        // Announced to screen readers when the list has loaded for a filter or sort (present before it changes).
        <p role="status" aria-live="polite" className="rondom-worklist-status">
          {!list.loading && list.data ? t(filtered ? 'worklistFilter.found' : 'worklistFilter.listed', { count: list.data.total }) : ''}
        </p>
      )}
      <DataSection title={withFilters && filter.sort ? t(`worklistFilter.sortedTitle.${filter.sort}`) : t('worklist.listTitle')} level={level} loaded={list} emptyText={t('worklist.empty')}>
        {(w) => (
          <>
            <Paragraph>{t('worklist.intro', { count: w.total, days: w.thresholds.warningDays.join(t('worklist.and')), months: w.thresholds.redMonths })}</Paragraph>
            {w.total > 0 && <Paragraph>{t('worklist.counts', { red: w.counts.red, warning: w.counts.warning, ok: w.counts.ok, stopped: w.counts.stopped })}</Paragraph>}
            <Paragraph className="rondom-exempted">{t('worklist.exempted', { count: w.exemptedCount })}</Paragraph>
            {w.items.length === 0 ? <Paragraph>{filtered ? t('worklistFilter.nothing') : t('worklist.empty')}</Paragraph> : <WorklistTable items={w.items} thresholds={w.thresholds} />}
            {w.items.length < w.total && (
              <Paragraph>
                {t('worklist.shown', { shown: w.items.length, total: w.total })}{' '}
                <Button appearance="secondary-action-button" disabled={list.loading} onClick={() => setLimit({ key: searchKey, n: Math.min(500, n + PAGE) })}>
                  {list.loading ? t('worklist.loadingMore') : t('worklist.more', { count: Math.min(PAGE, w.total - w.items.length) })}
                </Button>
              </Paragraph>
            )}
          </>
        )}
      </DataSection>
      {mayReport && <InspectieReport level={level} />}
    </>
  );
}

function WorklistTable({ items, thresholds }: { items: LeerplichtCase[]; thresholds: LeerplichtWorklist['thresholds'] }) {
  const { t } = useTranslation();
  return (
    <div className="rondom-table-scroll">
      <Table className="rondom-thuiszitters">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('worklist.child')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('worklist.age')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('worklist.school')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('worklist.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('worklist.daysOut')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('worklist.clock')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('worklist.escalation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('worklist.decision')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((c) => (
            <TableRow key={c.id} data-clock={c.clock}>
              <TableHeaderCell scope="row"><AppLink href={`/worklist/${c.id}`}>{c.name}</AppLink></TableHeaderCell>
              <TableCell>{t('child.age', { count: c.ageYears })}</TableCell>
              <TableCell>{c.school ?? t('worklist.noSchool')}</TableCell>
              <TableCell>{t(`absenceKind.${c.kind}`, { defaultValue: c.kind })}</TableCell>
              <TableCell>{t('worklist.days', { count: c.daysWithoutOffer })}</TableCell>
              <TableCell><ClockText c={c} thresholds={thresholds} /></TableCell>
              <TableCell><EscalationText escalation={c.escalation} /></TableCell>
              <TableCell><DecisionText decision={c.decision} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

/**
 * The anonymised quarterly report. SWV coordinators get their own SWV(s); leerplicht
 * officers choose any SWV of the region from the organisation directory.
 */
function InspectieReport({ level }: { level: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const own = swvMemberships(me).map((m) => ({ value: m.organisationId, label: m.organisationName }));
  const officer = isLeerplichtOfficer(me);
  const directory = useLoad(
    (s) => (officer ? api.get<DirectoryOrganisation[]>(`/api/v1/organisations${query({ type: 'swv' })}`, s) : Promise.resolve([])),
    [officer],
  );
  const options = officer ? (directory.data ?? []).map((o) => ({ value: o.id, label: o.name })) : own;
  const [swvChoice, setSwv] = useState('');
  const swvId = options.some((o) => o.value === swvChoice) ? swvChoice : options[0]?.value ?? '';
  const [quarter, setQuarter] = useState(currentQuarter());
  const year = new Date().getFullYear();
  const quarters = [year, year - 1].flatMap((y) => [4, 3, 2, 1].map((q) => `${y}-Q${q}`)).filter((q) => q <= currentQuarter());
  const swvName = options.find((o) => o.value === swvId)?.label ?? '';
  return (
    <section aria-labelledby="inspectie" className="rondom-section">
      <Heading level={level} id="inspectie">{t('worklist.reportTitle')}</Heading>
      <Paragraph>{t('worklist.reportIntro')}</Paragraph>
      {options.length > 1 && <SelectField label={t('worklist.swv')} name="swvId" value={swvId} onChange={setSwv} options={options} />}
      <SelectField label={t('worklist.quarter')} name="quarter" value={quarter} onChange={setQuarter} options={quarters.map((q) => ({ value: q, label: q }))} />
      {swvId ? (
        <Paragraph>
          <Link href={`/api/v1/leerplicht/inspectie-report${query({ swvId, quarter, format: 'csv' })}`} download>{t('worklist.downloadCsv', { swv: swvName, quarter })}</Link>
          {' · '}
          <Link href={`/api/v1/leerplicht/inspectie-report${query({ swvId, quarter, format: 'xlsx' })}`} download>{t('worklist.downloadXlsx', { swv: swvName, quarter })}</Link>
          {' · '}
          <Link href={`/api/v1/leerplicht/inspectie-report${query({ swvId, quarter, format: 'csv', audience: 'shared' })}`} download>{t('worklist.downloadShared', { swv: swvName, quarter })}</Link>
        </Paragraph>
      ) : (
        !directory.loading && <Paragraph>{t('worklist.noSwv')}</Paragraph>
      )}
    </section>
  );
}
