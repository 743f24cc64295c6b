/**
 * "Wie is er nog meer betrokken?" — signals after the Verwijsindex: a professional whose role the
 * region designated registers "I am involved with this young person" (identity and contact only,
 * never content or a reason) and ends it; they see their own open signals and their matches.
 * Whether they may register comes from the server (allowedActions of GET /api/v1/matches/signals).
 * From a child's page (?child=<id>) the young person's name and date of birth are filled in.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { ErrorSummary, focusFirstError } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import type { Child, Match } from '../children/children-types.ts';
import { MatchList } from './MatchList.tsx';
import type { MySignalsOut, SignalOut } from '../../../../server/modules/matches/matches.schemas.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

/** GET /api/v1/matches/signals. */
export type MySignals = MySignalsOut;

const FORM_ID = 'signal-form';
const ORDER = ['organisationId', 'bsn', 'givenName', 'familyName', 'birthDate', 'contactPhone', 'contactEmail'];
const EMPTY = { organisationId: '', bsn: '', givenName: '', familyName: '', birthDate: '', contactPhone: '', contactEmail: '' };

export function SignalsPage() {
  const { t, i18n } = useTranslation();
  const { search } = useRouter();
  const childId = search.get('child');
  const mine = useLoad((s) => api.get<MySignals>('/api/v1/matches/signals', s), []);
  const matches = useLoad((s) => api.get<Match[]>('/api/v1/matches', s), []);
  const [ended, setEnded] = useState('');
  const [asking, setAsking] = useState('');
  const ending = useSave();

  const end = async (signal: MySignals['items'][number]) => {
    setEnded('');
    await ending.save(async () => {
      setAsking('');
      await api.post(`/api/v1/matches/signals/${signal.signalId}/end`);
      setEnded(t('signals.ended', { name: signal.youngPersonName }));
      mine.reload();
      matches.reload();
    });
  };

  return (
    <>
      <PageTitle>{t('signals.title')}</PageTitle>
      <Paragraph>{t('signals.intro')}</Paragraph>
      <Paragraph className="rondom-hint">{t('signals.rules')}</Paragraph>
      {mine.loading && !mine.data && <Loading />}
      {mine.error !== null && !mine.data && <ErrorAlert error={mine.error} />}
      {mine.data && (mine.data.allowedActions.includes('registerSignal')
        ? <RegisterSignal organisations={mine.data.organisations} childId={childId} onSaved={() => { mine.reload(); matches.reload(); }} />
        : <Paragraph>{t('signals.notDesignated')}</Paragraph>)}
      {ended && <SuccessAlert>{ended}</SuccessAlert>}
      {ending.error !== null && <ErrorAlert error={ending.error} />}
      <DataSection title={t('signals.mine')} loaded={mine} empty={(d) => d.items.length === 0} emptyText={t('signals.noneMine')}>
        {(d) => (
          <>
            <TableScroll label={t('signals.mine')}>
              <Table className="rondom-signals">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('signals.youngPerson')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('signals.organisation')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('signals.validUntil')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('signals.action')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {d.items.map((s) => (
                    <TableRow key={s.signalId}>
                      <TableHeaderCell scope="row">{s.youngPersonName} ({t('signals.born', { date: formatDate(s.birthDate, i18n.language) })})</TableHeaderCell>
                      <TableCell>{s.organisationName}</TableCell>
                      <TableCell>{formatDate(s.expiresOn, i18n.language)}</TableCell>
                      <TableCell>
                        {asking === s.signalId ? (
                          // Ending takes the child out of the other organisations' matches: asked first.
                          <div role="group" aria-label={t('signals.endAsk', { name: s.youngPersonName })}>
                            <Paragraph>{t('signals.endAsk', { name: s.youngPersonName })}</Paragraph>
                            <ButtonGroup>
                              <Button appearance="primary-action-button" onClick={() => void end(s)} disabled={ending.busy} busy={ending.busy}>{t('signals.endYes')}</Button>
                              <Button appearance="secondary-action-button" onClick={() => setAsking('')}>{t('signals.endNo')}</Button>
                            </ButtonGroup>
                          </div>
                        ) : (
                          <Button appearance="secondary-action-button" onClick={() => { setEnded(''); setAsking(s.signalId); }} disabled={ending.busy}
                            aria-label={t('signals.endFor', { name: s.youngPersonName })}>
                            {t('signals.end')}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          </>
        )}
      </DataSection>
      <DataSection title={t('signals.matches')} loaded={matches} empty={(d) => d.length === 0} emptyText={t('signals.noMatches')}>
        {(items) => (
          <MatchList items={items} />
        )}
      </DataSection>
    </>
  );
}

function RegisterSignal({ organisations, childId, onSaved }: { organisations: MySignals['organisations']; childId: string | null; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const labels: Record<string, string> = {
    organisationId: t('signals.organisation'), bsn: t('register.bsn'), givenName: t('breakGlass.givenName'), familyName: t('breakGlass.familyName'),
    birthDate: t('breakGlass.birthDate'), contactPhone: t('signals.contactPhone'), contactEmail: t('signals.contactEmail'),
  };

  // From a child's page: fill in who it is (a read of that child, as the page itself is).
  useEffect(() => {
    if (!childId) return;
    const controller = new AbortController();
    api.get<Child>(`/api/v1/children/${childId}`, controller.signal).then(
      (c) => setForm((f) => ({ ...f, givenName: c.givenName, familyName: c.familyName, birthDate: c.birthDate })),
      () => undefined,
    );
    return () => controller.abort();
  }, [childId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const f: Record<string, string> = {};
    if (organisations.length > 1 && !form.organisationId) f.organisationId = t('frontdoor.organisationRequired');
    const bsn = form.bsn.trim();
    if (bsn && !/^[0-9]{8,9}$/.test(bsn)) f.bsn = t('breakGlass.bsnFormat');
    if (!bsn || f.bsn) {
      if (!form.givenName.trim()) f.givenName = t('register.givenNameRequired');
      if (!form.familyName.trim()) f.familyName = t('register.familyNameRequired');
      if (!form.birthDate) f.birthDate = t('register.birthDateRequired');
    }
    if (form.contactEmail.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(form.contactEmail.trim())) f.contactEmail = t('signals.emailFormat');
    setFields(f);
    if (Object.keys(f).length) {
      focusFirstError(FORM_ID, ORDER, f);
      return;
    }
    await save(async () => {
      const body: Record<string, string> = {};
      if (bsn) body.bsn = bsn;
      for (const k of ['givenName', 'familyName', 'birthDate', 'contactPhone', 'contactEmail', 'organisationId'] as const) {
        if (form[k].trim()) body[k] = form[k].trim();
      }
      const out = await api.post<SignalOut>('/api/v1/matches/signals', body);
      const name = `${form.givenName.trim()} ${form.familyName.trim()}`.trim() || t('signals.thisYoungPerson');
      setDone(`${t('signals.registered', { name, date: formatDate(out.expiresOn, i18n.language) })} ${t('signals.newMatches', { count: out.newMatches })}`);
      setForm(EMPTY);
      onSaved();
    }, (err) => {
      const out = isApiError(err) && err.code === 'invalid_bsn' ? { bsn: t('register.bsnInvalid') } : fieldErrorsOf(t, err);
      focusFirstError(FORM_ID, ORDER, out);
      return out;
    });
  };

  return (
    <section aria-labelledby="signal-new" className="rondom-section">
      <Heading level={2} id="signal-new">{t('signals.newTitle')}</Heading>
      <Paragraph>{t('signals.newIntro')}</Paragraph>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} serverText />}
      <ErrorSummary formId={FORM_ID} order={ORDER} fields={fields} labels={labels} />
      <form id={FORM_ID} onSubmit={submit} noValidate className="rondom-form">
        {organisations.length > 1 && (
          <SelectField label={t('signals.organisation')} name="organisationId" value={form.organisationId} onChange={set('organisationId')} error={fields.organisationId}
            placeholder={t('frontdoor.organisationChoose')} options={organisations.map((o) => ({ value: o.id, label: o.name }))} required />
        )}
        <TextField label={t('register.bsn')} name="bsn" inputMode="numeric" value={form.bsn} onChange={set('bsn')} error={fields.bsn} description={t('signals.bsnHelp')} autoComplete="off" />
        <TextField label={t('breakGlass.givenName')} name="givenName" value={form.givenName} onChange={set('givenName')} error={fields.givenName} autoComplete="off" />
        <TextField label={t('breakGlass.familyName')} name="familyName" value={form.familyName} onChange={set('familyName')} error={fields.familyName} autoComplete="off" />
        <TextField label={t('breakGlass.birthDate')} name="birthDate" type="date" value={form.birthDate} onChange={set('birthDate')} error={fields.birthDate} />
        <TextField label={t('signals.contactPhone')} name="contactPhone" type="tel" value={form.contactPhone} onChange={set('contactPhone')} error={fields.contactPhone} autoComplete="tel" />
        <TextField label={t('signals.contactEmail')} name="contactEmail" type="email" value={form.contactEmail} onChange={set('contactEmail')} error={fields.contactEmail}
          description={t('signals.contactEmailHelp')} autoComplete="email" />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('signals.submit')}</Button>
      </form>
    </section>
  );
}

/** On a child's page: the way to register a signal for this young person, when the region lets this professional. */
export function SignalLink({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const mine = useLoad((s) => api.get<MySignals>('/api/v1/matches/signals', s), []);
  if (!mine.data?.allowedActions.includes('registerSignal')) return null;
  return (
    <section aria-labelledby="child-signal" className="rondom-section">
      <Heading level={3} id="child-signal">{t('signals.childTitle')}</Heading>
      <Paragraph>{t('signals.childText')}</Paragraph>
      <Paragraph><AppLink href={`/signals?child=${encodeURIComponent(childId)}`}>{t('signals.childLink')}</AppLink></Paragraph>
    </section>
  );
}
