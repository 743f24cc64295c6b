/**
 * The family's way forward when they disagree with the plan: ask the lead for a conversation;
 * unresolved after the region's period it goes to the municipality coordinator. The screen
 * names independent help: the onderwijsconsulent (school matters) and the AKJ
 * vertrouwenspersoon (youth care). The lead resolves with a note. What each person may do
 * comes from the server's allowedActions; professionals who may not see it see nothing.
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { TextAreaField } from '../../components/forms.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import type { DisagreementOut, DisagreementsOut } from '../../../../server/modules/plans/disagreements.schemas.ts';

export type Disagreement = DisagreementOut;
type Disagreements = DisagreementsOut;

export function DisagreementSection({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation();
  const list = useLoad((s) => api.get<Disagreements>(`/api/v1/children/${childId}/plan/disagreements`, s), [childId]);
  // Kept here, not in the form: once the request is open the form is gone (one open request per person).
  const [sent, setSent] = useState('');
  // Not for this reader (another professional in the network): nothing to show.
  if (list.error && isApiError(list.error) && [403, 404].includes(list.error.status)) return null;
  if (!list.data) return list.error ? <ErrorAlert error={list.error} /> : null;
  const d = list.data;
  const family = d.allowedActions.includes('requestConversation') || d.items.every((x) => !x.allowedActions.includes('resolveDisagreement'));
  return (
    <section aria-labelledby="disagreement-title" className="rondom-section">
      <Heading level={3} id="disagreement-title">{t('disagreement.title')}</Heading>
      {family && <Paragraph>{t('disagreement.intro', { days: d.periodDays })}</Paragraph>}
      {d.items.length > 0 && (
        <UnorderedList className="rondom-list">
          {d.items.map((x) => (
            <UnorderedListItem key={x.id}>
              <Paragraph>
                {t('disagreement.line', { name: x.requestedBy, date: formatDate(x.requestedAt, i18n.language), reason: x.reason })}
              </Paragraph>
              <Paragraph>
                {x.status === 'resolved'
                  ? t(x.resolvedRole === 'coordinator' ? 'disagreement.resolvedByCoordinator' : 'disagreement.resolvedByLead', { name: x.resolvedBy ?? '', date: formatDate(x.resolvedAt, i18n.language), note: x.resolutionNote ?? '' })
                  : x.escalated ? t('disagreement.escalated') : t('disagreement.openUntil', { date: formatDate(x.dueAt, i18n.language) })}
              </Paragraph>
              {x.allowedActions.includes('resolveDisagreement') && <ResolveForm url={`/api/v1/children/${childId}/plan/disagreements/${x.id}/resolve`} id={x.id} onSaved={list.reload} />}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {sent && <SuccessAlert>{sent}</SuccessAlert>}
      {d.allowedActions.includes('requestConversation') && <RequestForm childId={childId} onSaved={(m) => { setSent(m); list.reload(); }} />}
      {family && <IndependentHelp />}
    </section>
  );
}

function RequestForm({ childId, onSaved }: { childId: string; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) { setFields({ reason: t('disagreement.reasonRequired') }); return; }
    setFields({});
    void save(async () => {
      await api.post(`/api/v1/children/${childId}/plan/disagreements`, { reason: reason.trim() });
      setReason('');
      onSaved(t('disagreement.requested'));
    });
  };
  return (
    <>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <form onSubmit={submit} noValidate className="rondom-form">
        <TextAreaField label={t('disagreement.reasonLabel')} name="disagreement-reason" value={reason} onChange={setReason} error={fields.reason}
          description={t('disagreement.reasonHelp')} rows={3} maxLength={2000} required />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('disagreement.ask')}</Button>
      </form>
    </>
  );
}

/** The lead (or, after the period, the coordinator) writes down what was agreed. */
export function ResolveForm({ url, id, onSaved }: { url: string; id: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim().length < 3) { setFields({ note: t('disagreement.noteRequired') }); return; }
    setFields({});
    void save(async () => {
      await api.post(url, { note: note.trim() });
      setNote('');
      onSaved();
    });
  };
  return (
    <>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <form onSubmit={submit} noValidate className="rondom-form">
        <TextAreaField label={t('disagreement.noteLabel')} name={`resolve-${id.slice(0, 8)}`} value={note} onChange={setNote} error={fields.note} rows={2} maxLength={2000} required />
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>{t('disagreement.resolve')}</Button>
      </form>
    </>
  );
}

/** Independent help the sources name for families: not part of the network, free. */
function IndependentHelp() {
  const { t } = useTranslation();
  return (
    <>
      <Heading level={4}>{t('disagreement.helpTitle')}</Heading>
      <UnorderedList className="rondom-list">
        <UnorderedListItem>
          {t('disagreement.helpConsulent')} <Link href="https://www.onderwijsconsulenten.nl" rel="noopener noreferrer">{t('disagreement.helpConsulentLink')}</Link>
        </UnorderedListItem>
        <UnorderedListItem>
          {t('disagreement.helpAkj')} <Link href="https://www.akj.nl" rel="noopener noreferrer">{t('disagreement.helpAkjLink')}</Link>
        </UnorderedListItem>
      </UnorderedList>
    </>
  );
}
