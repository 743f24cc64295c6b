/**
 * Who is involved: the lead professional, the professionals, the family and the
 * questions. Professionals with a basis invite a colleague (only when consent or a
 * legal basis covers their organisation) and take over or hand over the lead
 * (If-Match on the network; a 409 shows who changed it).
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { ConflictPanel } from '../../components/ConflictPanel.tsx';
import { Form, SelectField, TextAreaField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { can, type Candidate, type Child, type Network } from '../children/children-types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ContactLinks } from '../../components/Contact.tsx';

export function NetworkSection({ child, onChanged }: { child: Child; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const network = useLoad((s) => api.get<Network>(`/api/v1/children/${child.id}/network`, s), [child.id]);
  const reload = () => { network.reload(); onChanged(); };
  return (
    <DataSection title={t('network.title')} level={3} hideTitle loaded={network} emptyText="">
      {(n) => (
        <>
          <Paragraph className="rondom-lead-line">
            {n.lead ? t('network.leadIs', { name: n.lead.displayName }) : t('network.noLead')}
          </Paragraph>
          <TableScroll label={t('network.title')}>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('network.person')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('network.organisation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('network.role')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('network.contact')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {n.members.map((m) => (
                  <TableRow key={`m-${m.userId ?? m.displayName}`}>
                    <TableCell>{m.displayName}</TableCell>
                    <TableCell>—</TableCell>
                    <TableCell>{t(`relation.${m.relation}`, { defaultValue: m.relation })}</TableCell>
                    <TableCell>—</TableCell>
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
                    <TableCell><ContactLinks phone={i.contactPhone} email={i.contactEmail} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          {n.questions.length > 0 && (
            <>
              <Heading level={4}>{t('network.questions')}</Heading>
              <UnorderedList className="rondom-list">
                {n.questions.map((q) => (
                  <UnorderedListItem key={q.id}>
                    {q.ownWords ? `“${q.text}”` : q.text}{' '}
                    <span className="rondom-hint">({q.lifeDomains.map((d) => t(`lifeDomain.${d}`, { defaultValue: d })).join(', ')} — {q.createdBy}, {formatDate(q.createdAt, i18n.language)})</span>
                    {q.parentsInformed === 'not_yet' && <> <strong>{t('frontdoor.parentsNotYet')}</strong></>}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
          {n.handovers.length > 0 && (
            <>
              <Heading level={4}>{t('network.handovers')}</Heading>
              <UnorderedList className="rondom-list">
                {n.handovers.map((h, i) => (
                  <UnorderedListItem key={`${h.at}-${i}`}>{t('network.handoverLine', { to: h.to, date: formatDate(h.at, i18n.language), reason: h.reason })}</UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
          {can(n.allowedActions, 'inviteToNetwork') && <InviteForm childId={child.id} network={n} onSaved={reload} />}
          {can(n.allowedActions, 'handOverLead') && <LeadForm childId={child.id} network={n} onSaved={reload} />}
        </>
      )}
    </DataSection>
  );
}

function InviteForm({ childId, network, onSaved }: { childId: string; network: Network; onSaved: () => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const [done, setDone] = useState('');
  const loaded = useLoad((s) => api.get<Candidate[]>(`/api/v1/children/${childId}/network/candidates`, s), [childId, network.version]);
  const involved = new Set(network.involvements.map((i) => `${i.userId}|${i.organisationId}`));
  const candidates = (loaded.data ?? []).filter((c) => !involved.has(`${c.userId}|${c.organisationId}`));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const c = candidates.find((x) => `${x.userId}|${x.organisationId}` === choice);
    if (!c) { setFields({ person: t('network.choosePerson') }); return; }
    if (!c.covered) { setFields({ person: t('network.notCovered', { org: c.organisationName }) }); return; }
    setFields({});
    await save(async () => {
      await api.post(`/api/v1/children/${childId}/network/involvements`, { userId: c.userId, organisationId: c.organisationId });
      setDone(t('network.invited', { name: c.displayName, org: c.organisationName }));
      setChoice('');
      onSaved();
    });
  };

  return (
    <section aria-labelledby="invite" className="rondom-section">
      <Heading level={4} id="invite">{t('network.inviteTitle')}</Heading>
      <Paragraph>{t('network.inviteIntro')}</Paragraph>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      {loaded.data && candidates.length === 0 ? <Paragraph>{t('network.noCandidates')}</Paragraph> : (
        <Form onSubmit={submit}>
          <SelectField
            label={t('network.whoToInvite')} name="person" value={choice} onChange={setChoice} error={fields.person ?? fields.userId}
            placeholder={t('common.choose')}
            options={candidates.map((c) => ({
              value: `${c.userId}|${c.organisationId}`,
              label: `${c.displayName} — ${c.organisationName} (${c.covered ? t('network.coveredYes') : t('network.coveredNo')})`,
            }))}
          />
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('network.invite')}</Button>
        </Form>
      )}
    </section>
  );
}

/** Take the lead (when there is none) or hand it over (when you have it). */
function LeadForm({ childId, network, onSaved }: { childId: string; network: Network; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const iAmLead = network.lead?.userId === me.id;
  const others = network.involvements.filter((i) => i.userId !== me.id);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Network | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const save = async (version: number) => {
    setBusy(true);
    setError(null);
    try {
      const userId = iAmLead ? to : me.id;
      await api.post(`/api/v1/children/${childId}/network/lead`, { userId, reason: reason.trim() }, version);
      setConflict(null);
      setDone(iAmLead ? t('network.handedOver') : t('network.youAreLead'));
      onSaved();
    } catch (err) {
      if (isApiError(err) && err.isConflict) setConflict((err.current as Network | undefined) ?? { ...network, lead: null });
      else { setError(err); setFields(fieldErrorsOf(t, err)); }
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (iAmLead && !to) f.to = t('fieldError.choose');
    if (reason.trim().length < 3) f.reason = t('network.reasonRequired');
    setFields(f);
    if (Object.keys(f).length) return;
    void save(network.version);
  };

  if (iAmLead && others.length === 0) return null;
  return (
    <section aria-labelledby="lead" className="rondom-section">
      <Heading level={4} id="lead">{iAmLead ? t('network.handOverTitle') : t('network.becomeLeadTitle')}</Heading>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {conflict && (
        <ConflictPanel
          changes={[{ field: 'lead', label: t('network.lead'), mine: network.lead?.displayName ?? '—', theirs: conflict.lead?.displayName ?? '—' }]}
          onUseTheirs={() => { setConflict(null); onSaved(); }}
          onOverwrite={() => void save(conflict.version)}
          busy={busy}
        />
      )}
      <Form onSubmit={submit}>
        {iAmLead && (
          <SelectField label={t('network.handOverTo')} name="to" value={to} onChange={setTo} error={fields.to} placeholder={t('common.choose')}
            options={others.map((i) => ({ value: i.userId, label: `${i.displayName} — ${i.organisationName}` }))} />
        )}
        <TextAreaField label={iAmLead ? t('network.handOverReason') : t('network.reason')} name="reason" value={reason} onChange={setReason} error={fields.reason} description={t('network.reasonHelp')} required />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : iAmLead ? t('network.handOver') : t('network.becomeLead')}</Button>
      </Form>
    </section>
  );
}
