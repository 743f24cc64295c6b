/**
 * "Zorg melden / Raise a concern": a professional (teacher, childcare worker, intern begeleider,
 * youth care) registers a young person with a first question (POST /api/v1/children) — in the
 * family's words where possible, with the life domains, and whether the parents know (the sources:
 * talk with the parents first). A new young person starts a network (201: a result page with the
 * next steps and the way to the child); one already known whose network the professional is not in
 * becomes a join request (202): the result says who decides and what happens next, nothing of the record.
 */
import { useState, type FormEvent, type MouseEvent } from 'react';
import { Button, ButtonLink, Fieldset, FieldsetLegend, Heading, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { ErrorSummary, focusFirstError } from '../../components/ErrorSummary.tsx';
import { CheckboxField, RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { useSave } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { useMe } from '../../session.tsx';
import { isJoinRequested } from './children-types.ts';
import { LIFE_DOMAINS } from './QuestionForm.tsx';

const FORM_ID = 'zorg-melden';
const ORDER = ['organisationId', 'givenName', 'familyName', 'birthDate', 'bsn', 'parentsInformed', 'text', 'lifeDomains'];
const CASE_ROLES = ['teacher', 'intern_begeleider', 'zorgcoordinator', 'youth_care_professional', 'jgz_professional', 'leerplicht_officer', 'swv_coordinator'];
const EMPTY = { givenName: '', familyName: '', birthDate: '', bsn: '', text: '', raisedBy: 'professional', parentsInformed: '', organisationId: '' };

type Outcome = { status: 'registered'; id: string; name: string; parentsInformed: string } | { status: 'join_requested' };

export function RegisterChildPage() {
  const { t } = useTranslation();
  const me = useMe();
  // The organisations this person works for in case work; with more than one they choose (the server checks it is theirs).
  const organisations = me.memberships.filter((m) => CASE_ROLES.includes(m.role))
    .filter((m, i, all) => all.findIndex((x) => x.organisationId === m.organisationId) === i);
  const [form, setForm] = useState(EMPTY);
  const [ownWords, setOwnWords] = useState(false);
  const [domains, setDomains] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { busy, error, fields, setFields, save } = useSave();
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const groups = { lifeDomains: `domain-${LIFE_DOMAINS[0]}`, parentsInformed: 'parentsInformed' };
  const labels: Record<string, string> = {
    organisationId: t('frontdoor.organisation'), givenName: t('breakGlass.givenName'), familyName: t('breakGlass.familyName'),
    birthDate: t('breakGlass.birthDate'), bsn: t('register.bsn'), parentsInformed: t('frontdoor.parentsInformed'),
    text: t('frontdoor.text'), lifeDomains: t('question.lifeDomains'),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (organisations.length > 1 && !form.organisationId) f.organisationId = t('frontdoor.organisationRequired');
    if (!form.givenName.trim()) f.givenName = t('register.givenNameRequired');
    if (!form.familyName.trim()) f.familyName = t('register.familyNameRequired');
    if (!form.birthDate) f.birthDate = t('register.birthDateRequired');
    if (form.bsn.trim() && !/^[0-9]{8,9}$/.test(form.bsn.trim())) f.bsn = t('breakGlass.bsnFormat');
    if (!form.parentsInformed) f.parentsInformed = t('frontdoor.parentsInformedRequired');
    if (form.text.trim().length < 3) f.text = t('question.textRequired');
    if (domains.length === 0) f.lifeDomains = t('question.domainRequired');
    setFields(f);
    if (Object.keys(f).length) {
      focusFirstError(FORM_ID, ORDER, f, groups);
      return;
    }
    await save(async () => {
      const answer = await api.post<unknown>('/api/v1/children', {
        givenName: form.givenName.trim(), familyName: form.familyName.trim(), birthDate: form.birthDate,
        ...(form.bsn.trim() ? { bsn: form.bsn.trim() } : {}),
        question: {
          text: form.text.trim(), ownWords, lifeDomains: domains, raisedBy: form.raisedBy, parentsInformed: form.parentsInformed,
          ...(form.organisationId ? { organisationId: form.organisationId } : {}),
        },
      });
      setOutcome(isJoinRequested(answer)
        ? { status: 'join_requested' }
        : { status: 'registered', id: (answer as { id: string }).id, name: `${form.givenName.trim()} ${form.familyName.trim()}`, parentsInformed: form.parentsInformed });
    }, (err) => {
      const out = isApiError(err) && err.code === 'invalid_bsn' ? { bsn: t('register.bsnInvalid') } : fieldErrorsOf(t, err);
      focusFirstError(FORM_ID, ORDER, out ?? {}, groups);
      return out;
    });
  };

  const again = () => {
    setOutcome(null);
    setForm(EMPTY);
    setOwnWords(false);
    setDomains([]);
  };

  if (outcome) return <Result outcome={outcome} onAgain={again} />;

  return (
    <>
      <PageTitle>{t('frontdoor.title')}</PageTitle>
      <Paragraph>{t('frontdoor.intro')}</Paragraph>
      <Paragraph className="rondom-hint">{t('frontdoor.known')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <ErrorSummary formId={FORM_ID} order={ORDER} fields={fields} labels={labels} groups={groups} />
      <form id={FORM_ID} onSubmit={submit} noValidate className="rondom-form">
        {organisations.length > 1 && (
          <SelectField
            label={t('frontdoor.organisation')} name="organisationId" value={form.organisationId} onChange={set('organisationId')} error={fields.organisationId}
            placeholder={t('frontdoor.organisationChoose')} options={organisations.map((m) => ({ value: m.organisationId, label: m.organisationName }))} required
          />
        )}
        <Heading level={2}>{t('frontdoor.whoTitle')}</Heading>
        <TextField label={t('breakGlass.givenName')} name="givenName" value={form.givenName} onChange={set('givenName')} error={fields.givenName} autoComplete="off" required />
        <TextField label={t('breakGlass.familyName')} name="familyName" value={form.familyName} onChange={set('familyName')} error={fields.familyName} autoComplete="off" required />
        <TextField label={t('breakGlass.birthDate')} name="birthDate" type="date" value={form.birthDate} onChange={set('birthDate')} error={fields.birthDate} required />
        <TextField label={t('register.bsn')} name="bsn" inputMode="numeric" value={form.bsn} onChange={set('bsn')} error={fields.bsn} description={t('frontdoor.bsnHelp')} autoComplete="off" />

        <Heading level={2}>{t('frontdoor.parentsTitle')}</Heading>
        <div className="rondom-guidance">
          <Paragraph>{t('frontdoor.parentsGuidance')}</Paragraph>
          <Paragraph>{t('frontdoor.parentsSafety')}</Paragraph>
        </div>
        <RadioGroupField
          label={t('frontdoor.parentsInformed')} name="parentsInformed" value={form.parentsInformed} onChange={set('parentsInformed')} error={fields.parentsInformed} required
          options={['yes', 'not_yet'].map((v) => ({ value: v, label: t(`frontdoor.parentsInformedOption.${v}`) }))}
        />
        {form.parentsInformed === 'not_yet' && (
          <div className="rondom-guidance" role="note">
            <Paragraph>{t('frontdoor.notYetAdvice')}</Paragraph>
            <Paragraph><AppLink href="/consult">{t('frontdoor.askAdvice')}</AppLink></Paragraph>
          </div>
        )}

        <Heading level={2}>{t('register.questionTitle')}</Heading>
        <TextAreaField label={t('frontdoor.text')} name="text" value={form.text} onChange={set('text')} error={fields.text} description={t('frontdoor.textHelp')} required rows={5} />
        <CheckboxField label={t('question.ownWords')} name="ownWords" checked={ownWords} onChange={setOwnWords} />
        <SelectField
          label={t('question.raisedBy')} name="raisedBy" value={form.raisedBy} onChange={set('raisedBy')}
          options={['professional', 'parent', 'young_person'].map((v) => ({ value: v, label: t(`question.raisedByOption.${v}`) }))}
        />
        <Fieldset invalid={Boolean(fields.lifeDomains)} aria-describedby={fields.lifeDomains ? 'register-domains-error' : undefined}>
          <FieldsetLegend>{t('question.lifeDomains')}</FieldsetLegend>
          {fields.lifeDomains && <p id="register-domains-error" className="utrecht-form-field-error-message">{fields.lifeDomains}</p>}
          {LIFE_DOMAINS.map((d) => (
            <CheckboxField
              key={d} label={t(`lifeDomain.${d}`)} name={`domain-${d}`} checked={domains.includes(d)}
              onChange={(on) => setDomains((xs) => (on ? [...xs, d] : xs.filter((x) => x !== d)))}
            />
          ))}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('frontdoor.submit')}</Button>
      </form>
    </>
  );
}

/** What happened, and what happens next. A join request says nothing of the record behind it. */
function Result({ outcome, onAgain }: { outcome: Outcome; onAgain: () => void }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  if (outcome.status === 'registered') {
    const href = `/children/${outcome.id}`;
    return (
      <>
        <PageTitle>{t('frontdoor.registeredTitle')}</PageTitle>
        <Paragraph>{t('frontdoor.registeredText', { name: outcome.name })}</Paragraph>
        <Heading level={2}>{t('frontdoor.nextTitle')}</Heading>
        <OrderedList className="rondom-list">
          {outcome.parentsInformed === 'not_yet' && <OrderedListItem>{t('frontdoor.nextTalk')}</OrderedListItem>}
          <OrderedListItem>{t('frontdoor.nextConsent')}</OrderedListItem>
          <OrderedListItem>{t('frontdoor.nextInvite')}</OrderedListItem>
        </OrderedList>
        <div className="rondom-actions">
          <ButtonLink appearance="primary-action-button" href={href} onClick={(e: MouseEvent<HTMLAnchorElement>) => { e.preventDefault(); navigate(href); }}>
            {t('frontdoor.toChild', { name: outcome.name })}
          </ButtonLink>
          <Button appearance="secondary-action-button" onClick={onAgain}>{t('frontdoor.again')}</Button>
        </div>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('frontdoor.requestedTitle')}</PageTitle>
      <Paragraph>{t('frontdoor.requestedText')}</Paragraph>
      <Heading level={2}>{t('frontdoor.whoDecidesTitle')}</Heading>
      <Paragraph>{t('frontdoor.whoDecides')}</Paragraph>
      <Heading level={2}>{t('frontdoor.nextTitle')}</Heading>
      <OrderedList className="rondom-list">
        <OrderedListItem>{t('frontdoor.requestedNext1')}</OrderedListItem>
        <OrderedListItem>{t('frontdoor.requestedNext2')}</OrderedListItem>
      </OrderedList>
      <div className="rondom-actions">
        <ButtonLink appearance="primary-action-button" href="/join-requests" onClick={(e: MouseEvent<HTMLAnchorElement>) => { e.preventDefault(); navigate('/join-requests'); }}>
          {t('register.toRequests')}
        </ButtonLink>
        <Button appearance="secondary-action-button" onClick={onAgain}>{t('frontdoor.again')}</Button>
      </div>
    </>
  );
}
