/**
 * Who is involved: the lead professional, the professionals and the family.
 * Professionals may invite a colleague and take over as lead (If-Match on the network).
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { ConflictPanel } from '../../components/ConflictPanel.tsx';
import { SelectField, TextAreaField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { useLoad } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { can, itemsOf, type Network } from '../children/children-types.ts';

type Candidate = NonNullable<Network['candidates']>[number];

export function NetworkSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const network = useLoad((s) => api.get<Network>(`/api/v1/children/${childId}/network`, s), [childId]);
  return (
    <DataSection title={t('network.title')} level={3} loaded={network} emptyText="">
      {(n) => (
        <>
          <Paragraph>
            {n.lead ? t('network.leadIs', { name: n.lead.displayName }) : t('network.noLead')}
          </Paragraph>
          <div className="rondom-table-scroll">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('network.person')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('network.organisation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('network.role')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(n.members ?? []).map((m) => (
                  <TableRow key={`m-${m.userId}`}>
                    <TableCell>{m.displayName}</TableCell>
                    <TableCell>—</TableCell>
                    <TableCell>{t(`relation.${m.relation}`, { defaultValue: m.relation })}</TableCell>
                  </TableRow>
                ))}
                {n.involvements.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell>
                      {i.displayName}
                      {i.isLead && <> <StatusBadge status="active">{t('network.leadBadge')}</StatusBadge></>}
                    </TableCell>
                    <TableCell>{i.organisationName}</TableCell>
                    <TableCell>{t(`role.${i.role}`, { defaultValue: i.role })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {can(n.allowedActions, 'inviteToNetwork') && <InviteForm childId={childId} network={n} onSaved={network.reload} />}
          {can(n.allowedActions, 'handOverLead') && <LeadForm childId={childId} network={n} onSaved={network.reload} />}
        </>
      )}
    </DataSection>
  );
}

function InviteForm({ childId, network, onSaved }: { childId: string; network: Network; onSaved: () => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const loaded = useLoad((s) => api.get<unknown>(`/api/v1/children/${childId}/network/candidates`, s).then((d) => itemsOf<Candidate>(d)), [childId, network.version]);
  const candidates = loaded.data ?? network.candidates ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    if (!choice) { setFields({ person: t('network.choosePerson') }); return; }
    setFields({});
    const c = candidates.find((x) => `${x.userId}|${x.organisationId}` === choice);
    if (!c) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/children/${childId}/network/involvements`, { userId: c.userId, organisationId: c.organisationId });
      setDone(t('network.invited', { name: c.displayName, org: c.organisationName }));
      setChoice('');
      onSaved();
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="invite" className="rondom-section">
      <Heading level={4} id="invite">{t('network.inviteTitle')}</Heading>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      {candidates.length === 0 ? <Paragraph>{t('network.noCandidates')}</Paragraph> : (
        <form onSubmit={submit} noValidate className="rondom-form">
          <SelectField
            label={t('network.person')} name="person" value={choice} onChange={setChoice} error={fields.person ?? fields.userId}
            placeholder={t('common.choose')}
            options={candidates.map((c) => ({ value: `${c.userId}|${c.organisationId}`, label: `${c.displayName} — ${c.organisationName}` }))}
          />
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('network.invite')}</Button>
        </form>
      )}
    </section>
  );
}

function LeadForm({ childId, network, onSaved }: { childId: string; network: Network; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Network | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (version: number) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/children/${childId}/network/lead`, { userId: me.id, reason: reason.trim() }, version);
      setConflict(null);
      onSaved();
    } catch (err) {
      if (isApiError(err) && err.isConflict) setConflict((err.current as Network) ?? null);
      else { setError(err); setFields(fieldErrorsOf(t, err)); }
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) { setFields({ reason: t('network.reasonRequired') }); return; }
    setFields({});
    void save(network.version);
  };

  if (network.lead?.userId === me.id) return null;
  return (
    <section aria-labelledby="lead" className="rondom-section">
      <Heading level={4} id="lead">{t('network.becomeLeadTitle')}</Heading>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      {conflict && (
        <ConflictPanel
          changes={[{ field: 'lead', label: t('network.lead'), mine: network.lead?.displayName ?? '—', theirs: conflict.lead?.displayName ?? '—' }]}
          onUseTheirs={() => { setConflict(null); onSaved(); }}
          onOverwrite={() => void save(conflict.version)}
          busy={busy}
        />
      )}
      <form onSubmit={submit} noValidate className="rondom-form">
        <TextAreaField label={t('network.reason')} name="reason" value={reason} onChange={setReason} error={fields.reason} description={t('network.reasonHelp')} required />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('network.becomeLead')}</Button>
      </form>
    </section>
  );
}
