/**
 * "Jongere aanmelden": a professional registers a young person with a first question
 * (POST /api/v1/children). A new young person starts a network (201, then their page);
 * one who is already known and whose network the professional is not in becomes a join
 * request (202): the screen then says only that the request was sent, nothing of the record.
 */
import { useState, type FormEvent } from 'react';
import { Button, Fieldset, FieldsetLegend, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { useSave } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { isJoinRequested } from './children-types.ts';
import { LIFE_DOMAINS } from './QuestionForm.tsx';

export function RegisterChildPage() {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const [form, setForm] = useState({ givenName: '', familyName: '', birthDate: '', bsn: '', text: '', raisedBy: 'professional' });
  const [ownWords, setOwnWords] = useState(false);
  const [domains, setDomains] = useState<string[]>([]);
  const [sent, setSent] = useState(false);
  const { busy, error, fields, setFields, save } = useSave();
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.givenName.trim()) f.givenName = t('register.givenNameRequired');
    if (!form.familyName.trim()) f.familyName = t('register.familyNameRequired');
    if (!form.birthDate) f.birthDate = t('register.birthDateRequired');
    if (form.bsn.trim() && !/^[0-9]{8,9}$/.test(form.bsn.trim())) f.bsn = t('breakGlass.bsnFormat');
    if (form.text.trim().length < 3) f.text = t('question.textRequired');
    if (domains.length === 0) f.lifeDomains = t('question.domainRequired');
    setFields(f);
    if (Object.keys(f).length) return;
    await save(async () => {
      const answer = await api.post<unknown>('/api/v1/children', {
        givenName: form.givenName.trim(), familyName: form.familyName.trim(), birthDate: form.birthDate,
        ...(form.bsn.trim() ? { bsn: form.bsn.trim() } : {}),
        question: { text: form.text.trim(), ownWords, lifeDomains: domains, raisedBy: form.raisedBy },
      });
      if (isJoinRequested(answer)) {
        setSent(true);
        return;
      }
      navigate(`/children/${(answer as { id: string }).id}`);
    }, (err) => (isApiError(err) && err.code === 'invalid_bsn' ? { bsn: t('register.bsnInvalid') } : fieldErrorsOf(t, err)));
  };

  if (sent) {
    return (
      <>
        <PageTitle>{t('register.title')}</PageTitle>
        <SuccessAlert>{t('joinRequests.sent')}</SuccessAlert>
        <Paragraph><AppLink href="/join-requests">{t('register.toRequests')}</AppLink></Paragraph>
      </>
    );
  }

  return (
    <>
      <PageTitle>{t('register.title')}</PageTitle>
      <Paragraph>{t('register.intro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <form onSubmit={submit} noValidate className="rondom-form">
        <TextField label={t('breakGlass.givenName')} name="givenName" value={form.givenName} onChange={set('givenName')} error={fields.givenName} autoComplete="off" required />
        <TextField label={t('breakGlass.familyName')} name="familyName" value={form.familyName} onChange={set('familyName')} error={fields.familyName} autoComplete="off" required />
        <TextField label={t('breakGlass.birthDate')} name="birthDate" type="date" value={form.birthDate} onChange={set('birthDate')} error={fields.birthDate} required />
        <TextField label={t('register.bsn')} name="bsn" inputMode="numeric" value={form.bsn} onChange={set('bsn')} error={fields.bsn} autoComplete="off" />
        <Heading level={2}>{t('register.questionTitle')}</Heading>
        <TextAreaField label={t('question.text')} name="text" value={form.text} onChange={set('text')} error={fields.text} description={t('question.textHelp')} required />
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
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('register.submit')}</Button>
      </form>
    </>
  );
}
