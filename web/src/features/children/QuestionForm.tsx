/**
 * Raise a question about a young person: in their own words where possible, with life domains.
 * The family asks in their own name (a parent as parent, the young person as themselves: the
 * server refuses anything else) and in plain words; a professional may say whether the parents know.
 */
import { useId, useState, type FormEvent } from 'react';
import { Button, Fieldset, FieldsetLegend, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorSummary, focusFirstError } from '../../components/ErrorSummary.tsx';
import { CheckboxField, RadioGroupField, SelectField, TextAreaField } from '../../components/forms.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { useSave } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { isJoinRequested, type Network } from './children-types.ts';

export const LIFE_DOMAINS = ['school', 'home', 'free_time', 'health', 'money', 'housing', 'safety'] as const;
const ORDER = ['text', 'lifeDomains'];

export function QuestionForm({ childId, family, onSaved }: { childId: string; family: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const self = me.kind === 'young_person';
  const formId = `question-${useId().replace(/:/g, '')}`;
  const [text, setText] = useState('');
  const [ownWords, setOwnWords] = useState(family);
  const [raisedBy, setRaisedBy] = useState(family ? (self ? 'young_person' : 'parent') : 'professional');
  const [parentsInformed, setParentsInformed] = useState('');
  const [domains, setDomains] = useState<string[]>([]);
  const { busy, error, fields, setFields, save } = useSave();
  const [done, setDone] = useState<'' | 'opened' | 'join_requested'>('');
  const [lead, setLead] = useState<string | null>(null);
  // Plain words for the family: "u" for parents, "je" for the young person.
  const k = (key: string) => (family ? `frontdoor.family.${self ? 'self' : 'parent'}.${key}` : `question.${key}`);
  const groups = { lifeDomains: `domain-${LIFE_DOMAINS[0]}` };
  const labels = { text: t(k('text')), lifeDomains: t('question.lifeDomains') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (text.trim().length < 3) f.text = t(family ? k('textRequired') : 'question.textRequired');
    if (domains.length === 0) f.lifeDomains = t('question.domainRequired');
    setFields(f);
    setDone('');
    if (Object.keys(f).length) {
      focusFirstError(formId, ORDER, f, groups);
      return;
    }
    await save(async () => {
      const answer = await api.post<unknown>(`/api/v1/children/${childId}/questions`, {
        text: text.trim(), ownWords: family ? true : ownWords, lifeDomains: domains, raisedBy,
        ...(!family && parentsInformed ? { parentsInformed } : {}),
      });
      setText('');
      setDomains([]);
      setParentsInformed('');
      // Not a member of the network: the question waits in a join request, and nothing else comes back.
      if (isJoinRequested(answer)) {
        setDone('join_requested');
        return;
      }
      if (family) {
        // Who reads it: the family sees the lead of their own network.
        const net = await api.get<Network>(`/api/v1/children/${childId}/network`).catch(() => null);
        setLead(net?.lead?.displayName ?? null);
      }
      setDone('opened');
      onSaved();
    }, (err) => {
      const out = fieldErrorsOf(t, err);
      focusFirstError(formId, ORDER, out ?? {}, groups);
      return out;
    });
  };

  const savedText = !family ? t('question.saved') : lead ? t(k('sentLead'), { lead }) : t(k('sentNoLead'));

  return (
    // The family's form has a page of its own, whose heading already says what it is.
    <section aria-label={family ? t(k('title')) : undefined} aria-labelledby={family ? undefined : `${formId}-title`} className="rondom-section">
      {!family && <Heading level={3} id={`${formId}-title`}>{t('question.title')}</Heading>}
      {family && <Paragraph>{t(k('intro'))}</Paragraph>}
      {done === 'opened' && <SuccessAlert>{savedText}</SuccessAlert>}
      {done === 'join_requested' && <SuccessAlert>{t('joinRequests.sent')}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <ErrorSummary formId={formId} order={ORDER} fields={fields} labels={labels} groups={groups} />
      <form id={formId} onSubmit={submit} noValidate className="rondom-form">
        <TextAreaField label={t(family ? k('text') : 'question.text')} name="text" value={text} onChange={setText} error={fields.text}
          description={t(family ? k('textHelp') : 'question.textHelp')} required />
        {!family && (
          <>
            <CheckboxField label={t('question.ownWords')} name="ownWords" checked={ownWords} onChange={setOwnWords} />
            <SelectField
              label={t('question.raisedBy')} name="raisedBy" value={raisedBy} onChange={setRaisedBy}
              options={['professional', 'parent', 'young_person'].map((v) => ({ value: v, label: t(`question.raisedByOption.${v}`) }))}
            />
            <RadioGroupField
              label={t('frontdoor.parentsInformed')} name="parentsInformed" value={parentsInformed} onChange={setParentsInformed}
              description={t('frontdoor.parentsInformedHelp')}
              options={['yes', 'not_yet'].map((v) => ({ value: v, label: t(`frontdoor.parentsInformedOption.${v}`) }))}
            />
          </>
        )}
        <Fieldset invalid={Boolean(fields.lifeDomains)} aria-describedby={fields.lifeDomains ? `${formId}-domains-error` : undefined}>
          <FieldsetLegend>{t(family ? k('lifeDomains') : 'question.lifeDomains')}</FieldsetLegend>
          {fields.lifeDomains && <p id={`${formId}-domains-error`} className="utrecht-form-field-error-message">{fields.lifeDomains}</p>}
          {LIFE_DOMAINS.map((d) => (
            <CheckboxField
              key={d} label={t(`lifeDomain.${d}`)} name={`domain-${d}`} checked={domains.includes(d)}
              onChange={(on) => setDomains((xs) => (on ? [...xs, d] : xs.filter((x) => x !== d)))}
            />
          ))}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? t('common.saving') : t(family ? k('submit') : 'question.submit')}
        </Button>
      </form>
    </section>
  );
}
