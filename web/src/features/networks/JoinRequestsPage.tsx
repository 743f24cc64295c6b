/**
 * "Verzoeken" (GET /api/v1/join-requests): professionals who ask to join a young person's
 * network, for whoever decides now (the regisseur; without one the family; else the
 * coordinator), and the requests I sent myself. Accepting lets the professional join the
 * network; they still need consent or a reviewed legal basis before they see anything.
 * The requester sees the child's name only once accepted.
 */
import { useState } from 'react';
import { Button, ButtonGroup, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { TextAreaField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, InfoAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import { useMe } from '../../session.tsx';
import type { JoinRequests } from '../children/children-types.ts';

type Incoming = JoinRequests['incoming'][number];
type Outgoing = JoinRequests['outgoing'][number];

export function JoinRequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const family = me.kind !== 'staff';
  const list = useLoad((s) => api.get<JoinRequests>('/api/v1/join-requests', s), []);
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState('');
  const done = (text: string) => { setNotice(''); setMessage(text); list.reload(); };
  const taken = () => { setMessage(''); setNotice(t('joinRequests.alreadyDecided')); list.reload(); };
  return (
    <>
      <PageTitle>{family ? t('joinRequests.familyTitle') : t('joinRequests.title')}</PageTitle>
      <Paragraph>{family ? t('joinRequests.familyIntro') : t('joinRequests.intro')}</Paragraph>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      {notice && <InfoAlert>{notice}</InfoAlert>}
      <DataSection
        title={family ? t('joinRequests.familyIncoming') : t('joinRequests.incoming')} loaded={list}
        empty={(d) => d.incoming.length === 0} emptyText={family ? t('joinRequests.familyNoIncoming') : t('joinRequests.noIncoming')}
      >
        {(d) => (
          <UnorderedList className="rondom-list rondom-join-requests">
            {d.incoming.map((r) => <IncomingRequest key={r.id} r={r} family={family} onDone={done} onTaken={taken} />)}
          </UnorderedList>
        )}
      </DataSection>
      {!family && (
        <DataSection title={t('joinRequests.outgoing')} loaded={list} empty={(d) => d.outgoing.length === 0} emptyText={t('joinRequests.noOutgoing')}>
          {(d) => (
            <UnorderedList className="rondom-list">
              {d.outgoing.map((r) => <OutgoingRequest key={r.id} r={r} onDone={done} />)}
            </UnorderedList>
          )}
        </DataSection>
      )}
    </>
  );
}

function IncomingRequest({ r, family, onDone, onTaken }: { r: Incoming; family: boolean; onDone: (text: string) => void; onTaken: () => void }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const who = `${r.requester.displayName} (${r.requester.organisationName})`;
  const decide = async (outcome: 'accepted' | 'refused') => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/join-requests/${r.id}/decision`, { outcome, ...(note.trim() ? { note: note.trim() } : {}) });
      onDone(t(`joinRequests.${outcome}`, { who, child: r.childName }));
    } catch (err) {
      // Someone else (the family, another decider) decided first.
      if (isApiError(err) && err.status === 409) onTaken();
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const headingId = `join-${r.id}`;
  return (
    <UnorderedListItem>
      <section aria-labelledby={headingId} className="rondom-card">
        <Heading level={3} id={headingId}>
          {family ? t('joinRequests.familyWho', { who, child: r.childName }) : t('joinRequests.who', { who, child: r.childName })}
        </Heading>
        <Paragraph>
          {t('joinRequests.roleAndWhen', { role: t(`role.${r.requester.role}`, { defaultValue: r.requester.role }), date: formatDateTime(r.createdAt, i18n.language) })}
          {!family && <> {t('joinRequests.born', { date: formatDate(r.birthDate, i18n.language) })}</>}
        </Paragraph>
        {r.question && <Paragraph>{t('joinRequests.question', { text: r.question.text })}</Paragraph>}
        {!family && r.question?.parentsInformed && (
          <Paragraph>{t(r.question.parentsInformed === 'yes' ? 'frontdoor.parentsKnow' : 'frontdoor.parentsNotYet')}</Paragraph>
        )}
        {family && <Paragraph>{t('joinRequests.familyExplain')}</Paragraph>}
        {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
        <TextAreaField label={t('joinRequests.note')} name={`note-${r.id}`} value={note} onChange={setNote} rows={2} maxLength={1000} />
        <ButtonGroup>
          <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void decide('accepted')}>
            {family ? t('joinRequests.familyAccept') : t('joinRequests.accept')}
          </Button>
          <Button appearance="secondary-action-button" hint="danger" disabled={busy} onClick={() => void decide('refused')}>
            {family ? t('joinRequests.familyRefuse') : t('joinRequests.refuse')}
          </Button>
        </ButtonGroup>
      </section>
    </UnorderedListItem>
  );
}

function OutgoingRequest({ r, onDone }: { r: Outgoing; onDone: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/join-requests/${r.id}/withdraw`);
      onDone(t('joinRequests.withdrawn'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <UnorderedListItem>
      <Paragraph>
        {t('joinRequests.mine', { org: r.organisationName, date: formatDateTime(r.createdAt, i18n.language) })}{' '}
        <strong>{t(`joinRequestStatus.${r.status}`, { defaultValue: r.status })}</strong>
        {r.decidedAt && <> ({formatDateTime(r.decidedAt, i18n.language)})</>}
      </Paragraph>
      {r.status === 'accepted' && r.youngPersonId && r.childName && (
        <Paragraph><AppLink href={`/children/${r.youngPersonId}`}>{t('joinRequests.openChild', { child: r.childName })}</AppLink></Paragraph>
      )}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      {r.status === 'pending' && (
        <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void withdraw()}>{t('joinRequests.withdraw')}</Button>
      )}
    </UnorderedListItem>
  );
}
