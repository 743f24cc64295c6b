/**
 * "Verzuim melden": a leerplicht officer finds a young person of compulsory or
 * qualification age (GET /api/v1/leerplicht/young-people, at least 2 letters), picks
 * one, chooses the kind of absence, the start date and the reason, and registers it
 * (POST /api/v1/leerplicht/absences). The server takes the school from the pupil's
 * enrolment. Field errors sit next to their field; on failure the input stays.
 * After saving the officer lands on the new case.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { Form, RadioGroupField, SelectField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { ABSENCE_KINDS, REASON_CATEGORIES, todayIso, type LeerplichtCase, type YoungPersonHit } from './leerplicht-types.ts';

export function RegisterAbsencePage() {
  const { t, i18n } = useTranslation();
  const { navigate } = useRouter();

  // Search
  const [term, setTerm] = useState('');
  const [searchError, setSearchError] = useState<string | undefined>();
  const [searchFailure, setSearchFailure] = useState<unknown>(null);
  const [hits, setHits] = useState<YoungPersonHit[] | null>(null);
  const [searched, setSearched] = useState('');
  const [searching, setSearching] = useState(false);
  const searchAbort = useRef<AbortController | null>(null);

  // The absence
  const [youngPersonId, setYoungPersonId] = useState('');
  const [picked, setPicked] = useState<YoungPersonHit | null>(null);
  const [kind, setKind] = useState('');
  const [startedOn, setStartedOn] = useState(todayIso());
  const [reasonCategory, setReasonCategory] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    const q = term.trim();
    if (q.length < 2) { setSearchError(t('registerAbsence.searchTooShort')); return; }
    setSearchError(undefined);
    setSearchFailure(null);
    searchAbort.current?.abort();
    const controller = new AbortController();
    searchAbort.current = controller;
    setSearching(true);
    try {
      const res = await api.get<{ items: YoungPersonHit[] }>(`/api/v1/leerplicht/young-people${query({ q })}`, controller.signal);
      setHits(res.items);
      setSearched(q);
    } catch (err) {
      if (!controller.signal.aborted) {
        setSearchFailure(err);
        const f = fieldErrorsOf(t, err);
        if (f.q) setSearchError(t('registerAbsence.searchTooShort'));
      }
    } finally {
      if (!controller.signal.aborted) setSearching(false);
    }
  };

  const pick = (id: string) => {
    setYoungPersonId(id);
    setPicked(hits?.find((h) => h.id === id) ?? null);
    setFields((f) => ({ ...f, youngPersonId: '' }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!youngPersonId) f.youngPersonId = t('registerAbsence.pickFirst');
    if (!kind) f.kind = t('fieldError.choose');
    if (!startedOn) f.startedOn = t('fieldError.date');
    else if (startedOn > todayIso()) f.startedOn = t('registerAbsence.startInFuture');
    if (!reasonCategory) f.reasonCategory = t('fieldError.choose');
    setFields(f);
    if (Object.keys(f).length) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<LeerplichtCase>('/api/v1/leerplicht/absences', { youngPersonId, kind, startedOn, reasonCategory });
      navigate(`/worklist/${created.id}`);
    } catch (err) {
      setError(err);
      const server = fieldErrorsOf(t, err);
      if (server.startedOn && startedOn > todayIso()) server.startedOn = t('registerAbsence.startInFuture');
      if (server.schoolId) server.kind = t('registerAbsence.needsSchool');
      setFields(server);
      setBusy(false);
    }
  };

  const lang = i18n.language;
  return (
    <>
      <PageTitle>{t('registerAbsence.title')}</PageTitle>
      <Paragraph><AppLink href="/worklist">{t('registerAbsence.back')}</AppLink></Paragraph>
      <Paragraph>{t('registerAbsence.intro')}</Paragraph>

      <section aria-labelledby="absence-search" className="rondom-section">
        <Heading level={2} id="absence-search">{t('registerAbsence.searchTitle')}</Heading>
        <form role="search" aria-labelledby="absence-search" onSubmit={(e) => void search(e)} className="rondom-form" noValidate>
          <TextField
            label={t('registerAbsence.searchLabel')} name="q" value={term} onChange={setTerm} error={searchError}
            description={t('registerAbsence.searchHelp')} maxLength={100} autoComplete="off"
          />
          <Button type="submit" appearance="secondary-action-button" busy={searching} disabled={searching}>{t('registerAbsence.searchSubmit')}</Button>
        </form>
        {searchFailure !== null && !searchError && <ErrorAlert error={searchFailure} />}
        {searching && <Loading />}
      </section>

      <section aria-labelledby="absence-form" className="rondom-section">
        <Heading level={2} id="absence-form">{t('registerAbsence.formTitle')}</Heading>
        {error !== null && <ErrorAlert error={error} prefix={t('registerAbsence.notSaved')} />}
        <Form onSubmit={(e) => void submit(e)}>
          {hits === null ? (
            fields.youngPersonId
              ? <Alert type="error"><Paragraph>{fields.youngPersonId}</Paragraph></Alert>
              : <Paragraph>{t('registerAbsence.searchFirst')}</Paragraph>
          ) : hits.length === 0 ? (
            <Paragraph role="status">{t('registerAbsence.noHits', { q: searched })}</Paragraph>
          ) : (
            <RadioGroupField
              label={t('registerAbsence.youngPerson')} name="youngPersonId" value={youngPersonId} onChange={pick} error={fields.youngPersonId || undefined}
              description={t('registerAbsence.hits', { count: hits.length, q: searched })}
              options={hits.map((h) => ({
                value: h.id,
                label: t('registerAbsence.hit', {
                  name: h.name, date: formatDate(h.birthDate, lang), age: t('child.age', { count: h.ageYears }),
                  school: h.school ?? t('worklist.noSchool'), duty: t(`duty.${h.duty}`, { defaultValue: h.duty }),
                }),
              }))}
            />
          )}
          {picked && <Paragraph>{t('registerAbsence.schoolNote', { school: picked.school ?? t('worklist.noSchool') })}</Paragraph>}
          <RadioGroupField
            label={t('registerAbsence.kind')} name="kind" value={kind} onChange={setKind} error={fields.kind}
            options={ABSENCE_KINDS.map((k) => ({ value: k, label: t(`registerAbsence.kindOption.${k}`) }))}
          />
          <TextField label={t('registerAbsence.startedOn')} name="startedOn" type="date" value={startedOn} onChange={setStartedOn} error={fields.startedOn} description={t('registerAbsence.startedOnHelp')} />
          <SelectField
            label={t('registerAbsence.reason')} name="reasonCategory" value={reasonCategory} onChange={setReasonCategory} error={fields.reasonCategory}
            placeholder={t('common.choose')} options={REASON_CATEGORIES.map((r) => ({ value: r, label: t(`reasonCategory.${r}`) }))}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('registerAbsence.submit')}</Button>
          </ButtonGroup>
        </Form>
      </section>
    </>
  );
}
