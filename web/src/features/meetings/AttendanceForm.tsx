/**
 * Presence and mandate per participant, set on screen by whoever runs the meeting (If-Match:
 * the meeting version; a 409 reloads the meeting and says so). A decision that commits an
 * organisation is binding only with a present participant of it who has a mandate; the
 * server decides that, this form only records who is there and who may decide.
 */
import { useState, type FormEvent } from 'react';
import { Button, Fieldset, FieldsetLegend, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { CheckboxField, Form } from '../../components/forms.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import type { Meeting } from '../children/children-types.ts';

export function AttendanceForm({ childId, meeting, onSaved }: { childId: string; meeting: Meeting; onSaved: () => void }) {
  const { t } = useTranslation();
  const people = meeting.participants.filter((p) => p.kind !== 'child_voice');
  const initial = () => Object.fromEntries(people.map((p) => [p.id, { present: p.present === true, hasMandate: p.hasMandate }]));
  const [state, setState] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const sfx = meeting.id.slice(0, 8);
  const set = (id: string, key: 'present' | 'hasMandate') => (v: boolean) => setState((s) => ({ ...s, [id]: { ...s[id]!, [key]: v } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await api.patch(`/api/v1/children/${childId}/meetings/${meeting.id}`, {
        attendance: people.map((p) => ({ participantId: p.id, present: state[p.id]!.present, ...(p.kind === 'professional' ? { hasMandate: state[p.id]!.hasMandate } : {}) })),
      }, meeting.version);
      setDone(t('mandate.attendanceSaved'));
      onSaved();
    } catch (err) {
      setError(err);
      // Someone else changed the meeting: show theirs (the form starts again from it).
      if (isApiError(err) && err.isConflict) onSaved();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`attendance-${sfx}`} className="rondom-section">
      <Heading level={5} id={`attendance-${sfx}`}>{t('mandate.attendanceTitle')}</Heading>
      <Paragraph className="rondom-hint">{t('mandate.attendanceHelp')}</Paragraph>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <Form onSubmit={submit}>
        {people.map((p) => (
          <Fieldset key={p.id}>
            <FieldsetLegend>
              {p.name}{p.organisationName ? ` (${p.organisationName})` : ''}{p.isChair ? ` — ${t('mandate.chairRole')}` : ''}
            </FieldsetLegend>
            <CheckboxField name={`present-${p.id}`} label={t('mandate.presentLabel', { name: p.name })} checked={state[p.id]!.present} onChange={set(p.id, 'present')} />
            {p.kind === 'professional' && p.organisationName && (
              <CheckboxField name={`mandate-${p.id}`} label={t('mandate.mandateLabel', { name: p.name, organisation: p.organisationName })}
                checked={state[p.id]!.hasMandate} onChange={set(p.id, 'hasMandate')} />
            )}
          </Fieldset>
        ))}
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('mandate.attendanceSave')}</Button>
      </Form>
    </section>
  );
}
