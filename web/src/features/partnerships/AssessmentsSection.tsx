/**
 * Self-assessment of the collaboration in the workspace: the rounds with their response counts,
 * starting a round on a framework, inviting respondents by group (staff of the partner
 * organisations by name, parents and young people by e-mail address), closing a round, the
 * results per element and per indicator by group (the server suppresses every group under its
 * threshold, so no one's answers can be singled out), and the reading with the four questions.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Button, Fieldset, FieldsetLegend, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { ErrorSummary, focusFirstError } from '../../components/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { local, type Stat } from './partnership-types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import {
  FAMILY_GROUPS, RESPONDENT_GROUPS, type AssessmentFramework, type Candidates, type FullResults, type Reading, type RoundFull,
} from './assessment-types.ts';

const todayIso = () => new Date().toISOString().slice(0, 10);

/** A success message that takes focus, so a keyboard or screen-reader user hears what happened and stays here. */
function Done({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { if (message) ref.current?.focus(); }, [message]);
  if (!message) return null;
  return <div ref={ref} tabIndex={-1} className="rondom-done"><SuccessAlert>{message}</SuccessAlert></div>;
}

export function AssessmentsSection({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const rounds = useLoad((s) => api.get<{ rounds: RoundFull[]; allowedActions: string[] }>(`/api/v1/partnerships/${id}/rounds`, s), [id]);
  const [roundId, setRoundId] = useState('');
  const [starting, setStarting] = useState(false);
  const [done, setDone] = useState('');
  const list = rounds.data?.rounds ?? [];
  const chosen = list.find((r) => r.id === roundId) ?? list[0];
  const canManage = rounds.data?.allowedActions.includes('manage_assessments') ?? false;
  return (
    <>
      <DataSection title={t('assessment.roundsTitle')} level={3} loaded={rounds} emptyText="">
        {(d) => (
          <>
            <Paragraph>{t('assessment.intro')}</Paragraph>
            <Done message={done} />
            {d.rounds.length === 0 ? <Paragraph>{t('assessment.none')}</Paragraph> : (
              <TableScroll label={t('assessment.roundsCaption')}>
                <Table>
                  <caption className="rondom-caption">{t('assessment.roundsCaption')}</caption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('assessment.round')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('assessment.framework')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('assessment.period')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('assessment.status')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('assessment.answers')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {d.rounds.map((r) => (
                      <TableRow key={r.id}>
                        <TableHeaderCell scope="row">{r.title}</TableHeaderCell>
                        <TableCell>{local(i18n.language, r.frameworkNameNl, r.frameworkNameEn)}</TableCell>
                        <TableCell>{r.closesOn ? t('assessment.fromTo', { from: formatDate(r.opensOn, i18n.language), to: formatDate(r.closesOn, i18n.language) }) : t('assessment.from', { from: formatDate(r.opensOn, i18n.language) })}</TableCell>
                        <TableCell>{t(`roundStatus.${r.status}`, { defaultValue: r.status })}</TableCell>
                        <TableCell>{t('assessment.responded', { n: r.responded, of: r.invited })}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
            )}
            {canManage && !starting && <Button appearance="secondary-action-button" onClick={() => { setStarting(true); setDone(''); }}>{t('assessment.start')}</Button>}
            {starting && (
              <StartRoundForm id={id} onCancel={() => setStarting(false)} onSaved={(r) => {
                setStarting(false);
                setRoundId(r.id);
                setDone(t('assessment.started', { title: r.title }));
                rounds.reload();
              }} />
            )}
            {d.rounds.length > 1 && (
              <SelectField label={t('assessment.chooseRound')} name="round" value={chosen?.id ?? ''} onChange={(v) => { setRoundId(v); setDone(''); }}
                options={d.rounds.map((r) => ({ value: r.id, label: `${r.title} (${t(`roundStatus.${r.status}`, { defaultValue: r.status })}, ${t('assessment.responded', { n: r.responded, of: r.invited })})` }))} />
            )}
          </>
        )}
      </DataSection>
      {chosen && <RoundPanel key={chosen.id} id={id} round={chosen} canManage={canManage} onChanged={() => { setDone(''); rounds.reload(); }} />}
    </>
  );
}

function StartRoundForm({ id, onSaved, onCancel }: { id: string; onSaved: (r: RoundFull) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const formId = `start-round-${useId().replace(/:/g, '')}`;
  const frameworks = useLoad((s) => api.get<AssessmentFramework[]>(`/api/v1/partnerships/${id}/frameworks`, s).then((fs) => fs.filter((f) => f.kind === 'assessment')), [id]);
  const [form, setForm] = useState({ frameworkId: '', title: '', opensOn: todayIso(), closesOn: '' });
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const { busy, error, fields, setFields, save } = useSave();
  const order = ['frameworkId', 'title', 'opensOn', 'closesOn'];
  const labels = { frameworkId: t('assessment.framework'), title: t('assessment.roundTitle'), opensOn: t('assessment.opensOn'), closesOn: t('assessment.closesOn') };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.frameworkId) f.frameworkId = t('fieldError.choose');
    if (form.title.trim().length < 1) f.title = t('fieldError.required');
    if (!form.opensOn) f.opensOn = t('fieldError.date');
    if (form.closesOn && form.closesOn < form.opensOn) f.closesOn = t('assessment.closesBeforeOpens');
    setFields(f);
    if (Object.keys(f).length) { focusFirstError(formId, order, f); return; }
    await save(async () => {
      const r = await api.post<RoundFull>(`/api/v1/partnerships/${id}/rounds`, {
        frameworkId: form.frameworkId, title: form.title.trim(), opensOn: form.opensOn, ...(form.closesOn ? { closesOn: form.closesOn } : {}),
      });
      onSaved(r);
    }, (err) => { const out = fieldErrorsOf(t, err); focusFirstError(formId, order, out); return out; });
  };
  return (
    <section aria-labelledby={`${formId}-title`} className="rondom-section">
      <Heading level={4} id={`${formId}-title`}>{t('assessment.start')}</Heading>
      {frameworks.loading && !frameworks.data && <Loading />}
      {error !== null && !Object.keys(fields).length && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <ErrorSummary formId={formId} order={order} fields={fields} labels={labels} />
      <form id={formId} onSubmit={submit} noValidate className="rondom-form">
        <SelectField label={labels.frameworkId} name="frameworkId" value={form.frameworkId} onChange={set('frameworkId')} error={fields.frameworkId} required
          placeholder={t('common.choose')} options={(frameworks.data ?? []).map((f) => ({ value: f.id, label: local(i18n.language, f.nameNl, f.nameEn) }))} />
        <TextField label={labels.title} name="title" value={form.title} onChange={set('title')} error={fields.title} required maxLength={200} />
        <TextField label={labels.opensOn} name="opensOn" type="date" value={form.opensOn} onChange={set('opensOn')} error={fields.opensOn} required />
        <TextField label={labels.closesOn} name="closesOn" type="date" value={form.closesOn} onChange={set('closesOn')} error={fields.closesOn} description={t('assessment.closesOnHelp')} />
        <div className="rondom-actions">
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('assessment.startSubmit')}</Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}

function RoundPanel({ id, round, canManage, onChanged }: { id: string; round: RoundFull; canManage: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const results = useLoad((s) => api.get<FullResults>(`/api/v1/partnerships/${id}/rounds/${round.id}/results`, s), [id, round.id, round.version, round.invited, round.responded]);
  const [done, setDone] = useState('');
  const close = useSave();
  const headingId = `round-${round.id}`;
  const closeRound = async () => {
    await close.save(async () => {
      await api.patch(`/api/v1/partnerships/${id}/rounds/${round.id}`, { status: 'closed' }, round.version);
      setDone(t('assessment.closed', { title: round.title }));
      onChanged();
    });
  };
  return (
    <section aria-labelledby={headingId} className="rondom-section">
      <Heading level={3} id={headingId}>{round.title}</Heading>
      <Paragraph>
        {local(i18n.language, round.frameworkNameNl, round.frameworkNameEn)} — {t(`roundStatus.${round.status}`, { defaultValue: round.status })}
        {' — '}{t('assessment.responded', { n: round.responded, of: round.invited })}
      </Paragraph>
      <Done message={done} />
      {canManage && round.status === 'open' && (
        <>
          <InviteForm id={id} round={round} onSaved={(n, family) => { setDone(t(family ? 'assessment.invitedFamilies' : 'assessment.invitedDone', { count: n })); onChanged(); }} />
          <section aria-labelledby={`${headingId}-close`} className="rondom-section">
            <Heading level={4} id={`${headingId}-close`}>{t('assessment.closeTitle')}</Heading>
            <Paragraph>{t('assessment.closeText')}</Paragraph>
            {close.error !== null && <ErrorAlert error={close.error} prefix={t('common.notSaved')} />}
            <Button appearance="secondary-action-button" onClick={() => void closeRound()} busy={close.busy} disabled={close.busy}>{t('assessment.close')}</Button>
          </section>
        </>
      )}
      <section aria-labelledby={`${headingId}-results`} className="rondom-section">
        <Heading level={4} id={`${headingId}-results`}>{t('assessment.results')}</Heading>
        {results.loading && !results.data && <Loading />}
        {results.error !== null && <ErrorAlert error={results.error} />}
        {results.data && <ResultsView results={results.data} lang={i18n.language} />}
      </section>
      {results.data && (canManage || results.data.reading) && (
        <ReadingForm key={results.data.reading?.version ?? 0} id={id} roundId={round.id} reading={results.data.reading} canManage={canManage}
          onSaved={() => { setDone(t('assessment.readingSaved')); results.reload(); }} />
      )}
    </section>
  );
}

function InviteForm({ id, round, onSaved }: { id: string; round: RoundFull; onSaved: (added: number, family: boolean) => void }) {
  const { t } = useTranslation();
  const formId = `invite-${round.id}`;
  const candidates = useLoad((s) => api.get<Candidates>(`/api/v1/partnerships/${id}/rounds/${round.id}/candidates`, s), [id, round.id]);
  const [group, setGroup] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [emails, setEmails] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const family = FAMILY_GROUPS.includes(group);
  const order = ['group', 'people', 'emails'];
  const labels = { group: t('assessment.group'), people: t('assessment.whoStaff'), emails: t('assessment.emails') };
  const staff = candidates.data?.staff ?? [];
  const key = (s: { userId: string; partnerId: string }) => `${s.userId}:${s.partnerId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    const addresses = emails.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);
    if (!group) f.group = t('fieldError.choose');
    else if (family && addresses.length === 0) f.emails = t('assessment.emailsRequired');
    else if (family && addresses.some((a) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a))) f.emails = t('fieldError.email');
    else if (!family && chosen.length === 0) f.people = t('assessment.peopleRequired');
    setFields(f);
    if (Object.keys(f).length) { focusFirstError(formId, order, f, { people: `person-${round.id}-0` }); return; }
    const invitations = family
      ? addresses.map((email) => ({ email, respondentGroup: group }))
      : chosen.map((k) => { const [userId, partnerId] = k.split(':'); return { userId, partnerId, respondentGroup: group }; });
    const before = round.invited;
    await save(async () => {
      const r = await api.post<RoundFull>(`/api/v1/partnerships/${id}/rounds/${round.id}/invitations`, { invitations });
      setChosen([]);
      setEmails('');
      candidates.reload();
      // Families: the server never says whether an address is a family's, so the count is of the addresses sent.
      onSaved(family ? addresses.length : r.invited - before, family);
    }, (err) => {
      // A refused address is named, so the policy maker knows which line to fix.
      let out: Record<string, string> = fieldErrorsOf(t, err);
      if (isApiError(err)) {
        const bad = Object.keys(err.fields).map((p) => /^invitations\.(\d+)\.email$/.exec(p)?.[1]).filter((x): x is string => x !== undefined);
        const sent = invitations as { email?: string }[];
        if (bad.length) out = { emails: t('fieldError.email') + ` (${bad.map((i) => sent[Number(i)]?.email ?? '').join(', ')})` };
        else if (Object.keys(err.fields).length) out = { [family ? 'emails' : 'people']: Object.values(out)[0] ?? t('fieldError.generic') };
      }
      focusFirstError(formId, order, out, { people: `person-${round.id}-0` });
      return out;
    });
  };
  return (
    <section aria-labelledby={`${formId}-title`} className="rondom-section">
      <Heading level={4} id={`${formId}-title`}>{t('assessment.inviteTitle')}</Heading>
      <Paragraph>{t('assessment.inviteIntro', { n: 3 })}</Paragraph>
      {(candidates.data?.invitedByGroup.length ?? 0) > 0 && (
        <Paragraph>
          {t('assessment.invitedSoFar', { list: candidates.data!.invitedByGroup.map((g) => `${t(`respondentGroup.${g.group}`, { defaultValue: g.group })} ${g.n}`).join(', ') })}
        </Paragraph>
      )}
      {error !== null && !Object.keys(fields).length && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <ErrorSummary formId={formId} order={order} fields={fields} labels={labels} groups={{ people: `person-${round.id}-0` }} />
      <form id={formId} onSubmit={submit} noValidate className="rondom-form">
        <SelectField label={labels.group} name="group" value={group} onChange={(v) => { setGroup(v); setFields({}); }} error={fields.group} required placeholder={t('common.choose')}
          options={RESPONDENT_GROUPS.map((g) => ({ value: g, label: t(`respondentGroup.${g}`) }))} />
        {group && family && (
          <TextAreaField label={labels.emails} name="emails" value={emails} onChange={setEmails} error={fields.emails} rows={3} description={t('assessment.emailsHelp')} />
        )}
        {group && !family && (
          <Fieldset invalid={Boolean(fields.people)} aria-describedby={fields.people ? `${formId}-people-error` : undefined}>
            <FieldsetLegend>{labels.people}</FieldsetLegend>
            {fields.people && <p id={`${formId}-people-error`} className="utrecht-form-field-error-message">{fields.people}</p>}
            {candidates.loading && !candidates.data && <Loading />}
            {staff.length === 0 && candidates.data && <Paragraph>{t('assessment.noStaff')}</Paragraph>}
            {staff.map((s, i) => (
              <CheckboxField key={key(s)} name={`person-${round.id}-${i}`} disabled={s.invited}
                label={`${s.name} — ${s.organisationName}${s.invited ? ` (${t('assessment.alreadyInvited')})` : ''}`}
                checked={s.invited || chosen.includes(key(s))}
                onChange={(on) => setChosen((xs) => (on ? [...xs.filter((x) => !x.startsWith(`${s.userId}:`)), key(s)] : xs.filter((x) => x !== key(s))))} />
            ))}
          </Fieldset>
        )}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('assessment.inviteSubmit')}</Button>
      </form>
    </section>
  );
}

function StatText({ stat }: { stat: Stat }): ReactNode {
  const { t, i18n } = useTranslation();
  if (stat.suppressed || stat.n === null) return <span className="rondom-suppressed">{t('assessment.tooFew')}</span>;
  const num = (x: number | null) => (x === null ? '—' : new Intl.NumberFormat(i18n.language.startsWith('nl') ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(x));
  return <>{t('assessment.stat', { median: num(stat.median), spread: num(stat.spread), n: stat.n })}</>;
}

function ResultsView({ results, lang }: { results: FullResults; lang: string }) {
  const { t } = useTranslation();
  const groups = [...new Set(results.elements.flatMap((e) => e.byGroup.map((g) => g.group)))];
  const num = (x: number | null) => (x === null ? '—' : new Intl.NumberFormat(lang.startsWith('nl') ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(x));
  const groupHeaders = groups.map((g) => <TableHeaderCell key={g} scope="col">{t(`respondentGroup.${g}`, { defaultValue: g })}</TableHeaderCell>);
  const groupCells = (cells: (Stat & { group: string })[]) => groups.map((g) => {
    const cell = cells.find((x) => x.group === g);
    return <TableCell key={g}>{cell ? <StatText stat={cell} /> : '—'}</TableCell>;
  });
  return (
    <>
      <Paragraph>
        {results.respondents === null ? t('assessment.respondentsFew') : t('assessment.respondents', { n: results.respondents })} {t('assessment.threshold', { n: results.threshold })}
      </Paragraph>
      <TableScroll label={t('assessment.byElement')}>
        <Table className="rondom-results">
          <caption className="rondom-caption">{t('assessment.byElement')}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('assessment.element')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('assessment.overall')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('assessment.previous')}</TableHeaderCell>
              {groupHeaders}
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.elements.map((e) => (
              <TableRow key={e.code}>
                <TableHeaderCell scope="row">{local(lang, e.nameNl, e.nameEn)}</TableHeaderCell>
                <TableCell><StatText stat={e.overall} /></TableCell>
                <TableCell>{num(e.previousMedian)}</TableCell>
                {groupCells(e.byGroup)}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
      <details className="rondom-card rondom-stage">
        <summary>{t('assessment.perIndicator')}</summary>
        {results.elements.map((e) => (
          <TableScroll key={e.code} label={t('assessment.perIndicator')}>
            <Table className="rondom-results">
              <caption className="rondom-caption">{local(lang, e.nameNl, e.nameEn)}</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('assessment.indicator')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('assessment.overall')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('assessment.previous')}</TableHeaderCell>
                  {groupHeaders}
                </TableRow>
              </TableHeader>
              <TableBody>
                {e.items.map((i) => (
                  <TableRow key={i.id}>
                    <TableHeaderCell scope="row">{i.code} {local(lang, i.textNl, i.textEn)}</TableHeaderCell>
                    <TableCell><StatText stat={i.overall} /></TableCell>
                    <TableCell>{num(i.previousMedian)}</TableCell>
                    {groupCells(i.byGroup)}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        ))}
      </details>
      {results.elements[0] && results.elements[0].byOrganisation.length > 0 && (
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
                  <TableHeaderCell scope="row">{local(lang, e.nameNl, e.nameEn)}</TableHeaderCell>
                  {e.byOrganisation.map((o) => <TableCell key={o.partnerId}><StatText stat={o} /></TableCell>)}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {results.examples.length > 0 && (
        <>
          <Heading level={5}>{t('assessment.examples')}</Heading>
          <UnorderedList className="rondom-list">{results.examples.map((x, i) => <UnorderedListItem key={i}>{x.itemCode}: “{x.text}”</UnorderedListItem>)}</UnorderedList>
        </>
      )}
    </>
  );
}

const QUESTIONS = ['recognise', 'explain', 'opinion', 'improve'] as const;

function ReadingForm({ id, roundId, reading, canManage, onSaved }: { id: string; roundId: string; reading: Reading | null; canManage: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const formId = `reading-${roundId}`;
  const [form, setForm] = useState<Record<(typeof QUESTIONS)[number], string>>(() => Object.fromEntries(QUESTIONS.map((q) => [q, reading?.[q] ?? ''])) as Record<(typeof QUESTIONS)[number], string>);
  const { busy, error, fields, save } = useSave();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await save(async () => {
      await api.put(`/api/v1/partnerships/${id}/rounds/${roundId}/reading`, {
        ...Object.fromEntries(QUESTIONS.map((q) => [q, form[q].trim() || null])), actions: reading?.actions ?? [],
      }, reading?.version ?? 0);
      onSaved();
    });
  };
  return (
    <section aria-labelledby={`${formId}-title`} className="rondom-section">
      <Heading level={4} id={`${formId}-title`}>{t('assessment.reading')}</Heading>
      {!canManage ? (
        <dl className="rondom-dl">
          {QUESTIONS.map((k) => <div key={k}><dt>{t(`assessment.q.${k}`)}</dt><dd>{reading?.[k] ?? '—'}</dd></div>)}
        </dl>
      ) : (
        <form id={formId} onSubmit={submit} noValidate className="rondom-form">
          <Paragraph>{t('assessment.readingIntro')}</Paragraph>
          {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
          {QUESTIONS.map((q) => (
            <TextAreaField key={q} label={t(`assessment.q.${q}`)} name={q} value={form[q]} onChange={(v) => setForm((f) => ({ ...f, [q]: v }))} error={fields[q]} rows={3} maxLength={4000} />
          ))}
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('assessment.readingSave')}</Button>
        </form>
      )}
      {(reading?.actions.length ?? 0) > 0 && (
        <>
          <Heading level={5}>{t('assessment.actions')}</Heading>
          <UnorderedList className="rondom-list">
            {reading!.actions.map((a, i) => <UnorderedListItem key={i}>{a.text}{a.owner ? ` — ${a.owner}` : ''}</UnorderedListItem>)}
          </UnorderedList>
        </>
      )}
    </section>
  );
}
