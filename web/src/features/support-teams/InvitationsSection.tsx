/**
 * On the family's home: invitations to the school's support team about their own child
 * (GET /api/v1/support-team-invitations), with the date, and whether they come.
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { Form, RadioGroupField } from '../../components/forms.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import type { Invitation } from './support-team-types.ts';

export function InvitationsSection() {
  const { t } = useTranslation();
  const list = useLoad((s) => api.get<Invitation[]>('/api/v1/support-team-invitations', s), []);
  const items = list.data ?? [];
  // Nothing to show: the home stays as it was.
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="support-invitations" className="rondom-section">
      <Heading level={2} id="support-invitations">{t('supportTeam.invitationsTitle')}</Heading>
      {items.map((inv) => <InvitationCard key={inv.itemId} inv={inv} onDone={list.reload} />)}
    </section>
  );
}

function InvitationCard({ inv, onDone }: { inv: Invitation; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [answer, setAnswer] = useState(inv.response ?? '');
  const [message, setMessage] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const headingId = `invitation-${inv.itemId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!answer) {
      setFields({ response: t('supportTeam.responseRequired') });
      return;
    }
    setFields({});
    await save(async () => {
      await api.post(`/api/v1/support-team-invitations/${inv.itemId}/response`, { response: answer });
      setMessage(t(`supportTeam.responseSent.${answer}`));
      onDone();
    });
  };
  return (
    <section aria-labelledby={headingId} className="rondom-card">
      <Heading level={3} id={headingId}>{t('supportTeam.invitationAbout', { child: inv.childName })}</Heading>
      <Paragraph>{t('supportTeam.invitationText', { team: inv.teamName, school: inv.schoolName })}</Paragraph>
      <Paragraph>
        <strong>{t('supportTeam.invitationWhen', { date: formatDate(inv.meetingOn, i18n.language) })}{inv.meetingTime ? ` ${t('supportTeam.atTime', { time: inv.meetingTime })}` : ''}</strong>
      </Paragraph>
      <Paragraph>{t('supportTeam.invitationWhy')}</Paragraph>
      {inv.status === 'done' && inv.outcome && <Paragraph className="rondom-report">{t('supportTeam.outcomeIs', { outcome: inv.outcome })}</Paragraph>}
      {message && <SuccessAlert>{message}</SuccessAlert>}
      {inv.status === 'open' && (
        <Form onSubmit={submit}>
          {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
          <RadioGroupField label={t('supportTeam.doYouCome')} name={`response-${inv.itemId}`} value={answer} onChange={setAnswer} error={fields.response} required
            options={[{ value: 'coming', label: t('supportTeam.coming') }, { value: 'not_coming', label: t('supportTeam.notComing') }]} />
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('supportTeam.sendResponse')}</Button>
        </Form>
      )}
    </section>
  );
}
