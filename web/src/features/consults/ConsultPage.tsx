/**
 * One anonymous consult (/consult/:id): the question, who was asked, the answer. The addressee
 * answers here (allowedActions 'answer'). The asker can later turn the advice into a named question,
 * with the parents' knowledge: that is the ordinary registration (POST /api/v1/children), started
 * from here; the consult itself stays without a child (nothing links the two).
 */
import { useState, type FormEvent } from 'react';
import { Button, Fieldset, FieldsetLegend, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, request } from '../../api.ts';
import { CheckboxField, Form, TextAreaField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { isJoinRequested } from '../children/children-types.ts';
import { LIFE_DOMAINS } from '../children/QuestionForm.tsx';
import type { Consult } from './consult-types.ts';

export function ConsultPage({ consultId }: { consultId: string }) {
  const { t, i18n } = useTranslation();
  const consult = useLoad((s) => api.get<Consult>(`/api/v1/consults/${consultId}`, s), [consultId]);
  return (
    <>
      <PageTitle>{t('consult.oneTitle')}</PageTitle>
      <Paragraph><AppLink href="/consult">{t('consult.back')}</AppLink></Paragraph>
      <DataSection title={t('consult.questionTitle')} loaded={consult} emptyText="">
        {(c) => (
          <>
            <Paragraph className="rondom-report">{c.question}</Paragraph>
            <Paragraph>
              {c.mine ? t('consult.askedOf', { addressee: c.addressee }) : t('consult.askedBy', { name: c.asker.displayName, organisation: c.asker.organisationName })}
              {' — '}{formatDateTime(c.createdAt, i18n.language)}
            </Paragraph>
            {c.lifeDomains.length > 0 && <Paragraph>{t('consult.topicsShown', { list: c.lifeDomains.map((d) => t(`lifeDomain.${d}`)).join(', ') })}</Paragraph>}
            <section aria-labelledby="consult-answer" className="rondom-section">
              <Heading level={2} id="consult-answer">{t('consult.answerTitle')}</Heading>
              {c.answer
                ? (
                  <>
                    <Paragraph className="rondom-report">{c.answer}</Paragraph>
                    <Paragraph>{t('consult.answeredBy', { name: c.answeredBy ?? '', date: formatDateTime(c.answeredAt, i18n.language) })}</Paragraph>
                  </>
                )
                : <Paragraph>{t('consult.noAnswerYet')}</Paragraph>}
            </section>
            {c.allowedActions.includes('answer') && <AnswerForm consult={c} onDone={consult.reload} />}
            {c.allowedActions.includes('toQuestion') && <ToNamedQuestion consult={c} />}
          </>
        )}
      </DataSection>
    </>
  );
}

function AnswerForm({ consult, onDone }: { consult: Consult; onDone: () => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (answer.trim().length < 3) {
      setFields({ answer: t('consult.answerRequired') });
      return;
    }
    setFields({});
    await save(async () => {
      await api.post(`/api/v1/consults/${consult.id}/answer`, { answer: answer.trim() }, consult.version);
      onDone();
    });
  };
  return (
    <section aria-labelledby="consult-give-answer" className="rondom-section">
      <Heading level={2} id="consult-give-answer">{t('consult.giveAnswer')}</Heading>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <Form onSubmit={submit}>
        <TextAreaField label={t('consult.answer')} name="answer" value={answer} onChange={setAnswer} error={fields.answer}
          description={t('consult.answerHelp')} required maxLength={8000} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('consult.sendAnswer')}</Button>
      </Form>
    </section>
  );
}

/** The normal registration with a first question, started from the consult with the parents' knowledge. */
function ToNamedQuestion({ consult }: { consult: Consult }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const [open, setOpen] = useState(false);
  const [parentsKnow, setParentsKnow] = useState(false);
  const [quote, setQuote] = useState(false);
  const [form, setForm] = useState({ givenName: '', familyName: '', birthDate: '', text: '' });
  const [domains, setDomains] = useState<string[]>(consult.lifeDomains);
  const [sent, setSent] = useState(false);
  const { busy, error, fields, setFields, save } = useSave();
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  if (sent) return <SuccessAlert>{t('consult.joinRequested')}</SuccessAlert>;
  if (!open) {
    return (
      <section aria-labelledby="consult-to-question" className="rondom-section">
        <Heading level={2} id="consult-to-question">{t('consult.toQuestionTitle')}</Heading>
        <Paragraph>{t('consult.toQuestionIntro')}</Paragraph>
        <Button appearance="secondary-action-button" onClick={() => setOpen(true)}>{t('consult.toQuestionStart')}</Button>
      </section>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!parentsKnow) f.parentsKnow = t('consult.parentsKnowRequired');
    if (!form.givenName.trim()) f.givenName = t('register.givenNameRequired');
    if (!form.familyName.trim()) f.familyName = t('register.familyNameRequired');
    if (!form.birthDate) f.birthDate = t('register.birthDateRequired');
    if (form.text.trim().length < 3) f.text = t('question.textRequired');
    if (domains.length === 0) f.lifeDomains = t('question.domainRequired');
    setFields(f);
    if (Object.keys(f).length) return;
    // Only when the asker chooses: the new question quotes the advice (the consult stays unlinked).
    const text = quote && consult.answer ? `${form.text.trim()}\n\n${t('consult.quotePrefix')} ${consult.answer}` : form.text.trim();
    await save(async () => {
      const { data } = await request<unknown>('POST', '/api/v1/children', {
        body: { givenName: form.givenName.trim(), familyName: form.familyName.trim(), birthDate: form.birthDate, question: { text: text.slice(0, 4000), ownWords: false, lifeDomains: domains, raisedBy: 'professional' } },
      });
      if (isJoinRequested(data)) {
        setSent(true);
        return;
      }
      navigate(`/children/${(data as { id: string }).id}`);
    }, (err) => fieldErrorsOf(t, err));
  };
  return (
    <section aria-labelledby="consult-to-question" className="rondom-section">
      <Heading level={2} id="consult-to-question">{t('consult.toQuestionTitle')}</Heading>
      <Paragraph>{t('consult.toQuestionExplain')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <Form onSubmit={submit}>
        <CheckboxField label={t('consult.parentsKnow')} name="parentsKnow" checked={parentsKnow} onChange={setParentsKnow} error={fields.parentsKnow} required />
        <TextField label={t('breakGlass.givenName')} name="givenName" value={form.givenName} onChange={set('givenName')} error={fields.givenName} autoComplete="off" required />
        <TextField label={t('breakGlass.familyName')} name="familyName" value={form.familyName} onChange={set('familyName')} error={fields.familyName} autoComplete="off" required />
        <TextField label={t('breakGlass.birthDate')} name="birthDate" type="date" value={form.birthDate} onChange={set('birthDate')} error={fields.birthDate} required />
        <TextAreaField label={t('question.text')} name="text" value={form.text} onChange={set('text')} error={fields.text} description={t('question.textHelp')} required />
        {consult.answer && <CheckboxField label={t('consult.quoteAdvice')} name="quote" checked={quote} onChange={setQuote} />}
        <Fieldset invalid={Boolean(fields.lifeDomains)} aria-describedby={fields.lifeDomains ? 'consult-domains-error' : undefined}>
          <FieldsetLegend>{t('question.lifeDomains')}</FieldsetLegend>
          {fields.lifeDomains && <p id="consult-domains-error" className="utrecht-form-field-error-message">{fields.lifeDomains}</p>}
          {LIFE_DOMAINS.map((d) => (
            <CheckboxField key={d} label={t(`lifeDomain.${d}`)} name={`q-domain-${d}`} checked={domains.includes(d)}
              onChange={(on) => setDomains((xs) => (on ? [...xs, d] : xs.filter((x) => x !== d)))} />
          ))}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('consult.toQuestionSubmit')}</Button>
      </Form>
    </section>
  );
}
