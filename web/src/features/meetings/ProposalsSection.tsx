/**
 * The organisation's side of a meeting: proposals recorded without a present, mandated
 * participant of the organisation, for its deciders to confirm (the action then enters the
 * plan) or decline with a reason. Shown only when the server lists any; the buttons only
 * where the server allows them; the child is linked only when the reader may open it.
 */
import { useState } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { TextAreaField } from '../../components/forms.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import type { ProposalOut } from '../../../../server/modules/meetings/meetings.schemas.ts';

export type Proposal = ProposalOut;

export function ProposalsSection({ level = 2 }: { level?: number }) {
  const { t } = useTranslation();
  const list = useLoad((s) => api.get<Proposal[]>('/api/v1/meeting-proposals', s), []);
  if (!list.data || list.data.length === 0) return null;
  return (
    <section aria-labelledby="proposals-title" className="rondom-section">
      <Heading level={level} id="proposals-title">{t('mandate.proposalsTitle')}</Heading>
      <Paragraph>{t('mandate.proposalsIntro')}</Paragraph>
      {list.data.map((p) => <ProposalCard key={p.id} proposal={p} level={level + 1} onSaved={list.reload} />)}
    </section>
  );
}

function ProposalCard({ proposal: p, level, onSaved }: { proposal: Proposal; level: number; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const sfx = p.id.slice(0, 8);
  const answer = (outcome: 'confirm' | 'decline') => {
    setDone('');
    if (outcome === 'decline' && note.trim().length < 3) { setFields({ note: t('mandate.declineNeedsNote') }); return; }
    setFields({});
    void save(async () => {
      await api.post(`/api/v1/meeting-proposals/${p.id}/answer`, { outcome, ...(note.trim() ? { note: note.trim() } : {}) });
      setDone(outcome === 'confirm' ? t('mandate.confirmedDone', { organisation: p.organisationName }) : t('mandate.declinedDone'));
      setNote('');
      onSaved();
    });
  };
  return (
    <section aria-labelledby={`proposal-${sfx}`} className="rondom-card">
      <Heading level={level} id={`proposal-${sfx}`}>{t('mandate.proposalFor', { child: p.childName, organisation: p.organisationName })}</Heading>
      <Paragraph>{t('mandate.proposalMeeting', { date: formatDateTime(p.meetingAt, i18n.language), by: p.proposedBy })}</Paragraph>
      <Paragraph><strong>{t('mandate.proposalDecision')}</strong> {p.text}</Paragraph>
      {p.proposedAction && (
        <Paragraph>
          <strong>{t('mandate.proposalAction')}</strong> {p.proposedAction.what} — {p.proposedAction.ownerName}
          {p.proposedAction.dueOn ? ` — ${t('mandate.proposalDue', { date: formatDate(p.proposedAction.dueOn, i18n.language) })}` : ''}
        </Paragraph>
      )}
      {p.status === 'confirmed' && <Paragraph>{t('mandate.stateConfirmed', { organisation: p.organisationName, name: p.answeredBy ?? '', date: formatDate(p.answeredAt, i18n.language) })}</Paragraph>}
      {p.status === 'declined' && <Paragraph>{t('mandate.stateDeclined', { organisation: p.organisationName, name: p.answeredBy ?? '', note: p.answerNote ?? '' })}</Paragraph>}
      {p.youngPersonId && <Paragraph><AppLink href={`/children/${p.youngPersonId}`}>{t('mandate.openChild', { child: p.childName })}</AppLink></Paragraph>}
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      {p.allowedActions.includes('answerProposal') && (
        <>
          <TextAreaField label={t('mandate.noteLabel')} name={`note-${sfx}`} value={note} onChange={setNote} error={fields.note} description={t('mandate.noteHelp')} rows={2} maxLength={2000} />
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => answer('confirm')}>{t('mandate.confirm')}</Button>
            <Button appearance="secondary-action-button" disabled={busy} onClick={() => answer('decline')}>{t('mandate.decline')}</Button>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
