/** Raise a question about a young person: in their own words where possible, with life domains. */
import { useState, type FormEvent } from 'react';
import { Button, Fieldset, FieldsetLegend, Heading } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { CheckboxField, SelectField, TextAreaField } from '../../components/forms.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { useSave } from '../../hooks.ts';
import { isJoinRequested } from './children-types.ts';

export const LIFE_DOMAINS = ['school', 'home', 'free_time', 'health', 'money', 'housing', 'safety'] as const;

export function QuestionForm({ childId, family, onSaved }: { childId: string; family: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [ownWords, setOwnWords] = useState(family);
  const [raisedBy, setRaisedBy] = useState(family ? 'parent' : 'professional');
  const [domains, setDomains] = useState<string[]>([]);
  const { busy, error, fields, setFields, save } = useSave();
  const [done, setDone] = useState<'' | 'opened' | 'join_requested'>('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (text.trim().length < 3) f.text = t('question.textRequired');
    if (domains.length === 0) f.lifeDomains = t('question.domainRequired');
    setFields(f);
    setDone('');
    if (Object.keys(f).length) return;
    await save(async () => {
      const answer = await api.post<unknown>(`/api/v1/children/${childId}/questions`, { text: text.trim(), ownWords, lifeDomains: domains, raisedBy });
      setText('');
      setDomains([]);
      // Not a member of the network: the question waits in a join request, and nothing else comes back.
      if (isJoinRequested(answer)) {
        setDone('join_requested');
        return;
      }
      setDone('opened');
      onSaved();
    });
  };

  return (
    <section aria-labelledby="new-question" className="rondom-section">
      <Heading level={3} id="new-question">{t('question.title')}</Heading>
      {done === 'opened' && <SuccessAlert>{t('question.saved')}</SuccessAlert>}
      {done === 'join_requested' && <SuccessAlert>{t('joinRequests.sent')}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <form onSubmit={submit} noValidate className="rondom-form">
        <TextAreaField label={t('question.text')} name="text" value={text} onChange={setText} error={fields.text} description={t('question.textHelp')} required />
        <CheckboxField label={t('question.ownWords')} name="ownWords" checked={ownWords} onChange={setOwnWords} />
        {!family && (
          <SelectField
            label={t('question.raisedBy')} name="raisedBy" value={raisedBy} onChange={setRaisedBy}
            options={['professional', 'parent', 'young_person'].map((v) => ({ value: v, label: t(`question.raisedByOption.${v}`) }))}
          />
        )}
        <Fieldset invalid={Boolean(fields.lifeDomains)} aria-describedby={fields.lifeDomains ? 'domains-error' : undefined}>
          <FieldsetLegend>{t('question.lifeDomains')}</FieldsetLegend>
          {fields.lifeDomains && <p id="domains-error" className="utrecht-form-field-error-message">{fields.lifeDomains}</p>}
          {LIFE_DOMAINS.map((d) => (
            <CheckboxField
              key={d} label={t(`lifeDomain.${d}`)} name={`domain-${d}`} checked={domains.includes(d)}
              onChange={(on) => setDomains((xs) => (on ? [...xs, d] : xs.filter((x) => x !== d)))}
            />
          ))}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('question.submit')}</Button>
      </form>
    </section>
  );
}
