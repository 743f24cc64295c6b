/**
 * What was shared: who decides about consent (by age), the consents given and
 * their withdrawal, other legal bases, and the access log ("who looked").
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { SelectField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { can, itemsOf, type AccessLogEntry, type Child, type Consent, type ConsentsView } from '../children/children-types.ts';

export function SharingSection({ child }: { child: Child }) {
  const { t, i18n } = useTranslation();
  const consents = useLoad((s) => api.get<ConsentsView>(`/api/v1/children/${child.id}/consents`, s), [child.id]);
  const log = useLoad((s) => api.get<unknown>(`/api/v1/children/${child.id}/access-log`, s).then((d) => itemsOf<AccessLogEntry>(d)), [child.id]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState('');

  const withdraw = async (c: Consent) => {
    setBusyId(c.id);
    setError(null);
    setMessage('');
    try {
      await api.post(`/api/v1/children/${child.id}/consents/${c.id}/withdraw`);
      setMessage(t('consent.withdrawn', { who: recipient(c) }));
      consents.reload();
      log.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusyId('');
    }
  };

  const recipient = (c: Consent) => {
    const org = c.recipient?.organisationName ?? c.recipientOrganisationName;
    const role = c.recipient?.role ?? c.recipientRole;
    return org ?? (role ? t(`role.${role}`, { defaultValue: role }) : '—');
  };
  const active = (c: Consent) => c.active ?? (!c.withdrawnAt && (c.status ?? 'active') === 'active');

  return (
    <>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <DataSection title={t('consent.title')} level={3} loaded={consents} emptyText="">
        {(v) => (
          <>
            <Paragraph>{t(`consent.ageBand.${v.rule.ageBand}`, { defaultValue: '' })}</Paragraph>
            {v.rule.consenters.length > 0 && (
              <Paragraph>{t('consent.consentersAre', { names: v.rule.consenters.map((p) => p.displayName).join(', ') })}</Paragraph>
            )}
            {v.consents.length === 0 ? <Paragraph>{t('consent.none')}</Paragraph> : (
              <UnorderedList className="rondom-list">
                {v.consents.map((c) => (
                  <UnorderedListItem key={c.id} className="rondom-consent">
                    <Paragraph>
                      {t('consent.line', { who: recipient(c), purpose: t(`purpose.${c.purpose}`, { defaultValue: c.purpose }) })}{' '}
                      <StatusBadge status={active(c) ? 'active' : 'inactive'}>{active(c) ? t('consent.active') : t('consent.notActive')}</StatusBadge>
                    </Paragraph>
                    <Paragraph className="rondom-hint">
                      {(c.givenBy?.displayName ?? c.consenterName) && <>{t('consent.givenBy', { name: c.givenBy?.displayName ?? c.consenterName })} </>}
                      {c.validUntil && t('consent.validUntil', { date: formatDate(c.validUntil, i18n.language) })}
                    </Paragraph>
                    {active(c) && (c.canWithdraw ?? can(c.allowedActions ?? v.allowedActions, 'withdrawConsent')) && (
                      <Button appearance="secondary-action-button" hint="danger" busy={busyId === c.id} disabled={busyId !== ''} onClick={() => void withdraw(c)}>
                        {t('consent.withdraw', { who: recipient(c) })}
                      </Button>
                    )}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            )}
            {v.legalBases.length > 0 && (
              <>
                <Heading level={4}>{t('consent.legalBases')}</Heading>
                <UnorderedList className="rondom-list">
                  {v.legalBases.map((b) => (
                    <UnorderedListItem key={b.id}>{t(`legalBasis.${b.kind}`, { defaultValue: b.kind })}{b.justification ? `: ${b.justification}` : ''}</UnorderedListItem>
                  ))}
                </UnorderedList>
              </>
            )}
            {can(v.allowedActions, 'recordConsent') && (
              <GiveConsentForm childId={child.id} view={v} onSaved={() => { consents.reload(); log.reload(); }} />
            )}
          </>
        )}
      </DataSection>
      <DataSection title={t('accessLog.title')} level={3} loaded={log} empty={(d) => d.length === 0} emptyText={t('accessLog.none')}>
        {(items) => (
          <div className="rondom-table-scroll">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('accessLog.when')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('accessLog.who')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('accessLog.what')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('accessLog.basis')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((e, i) => (
                  <TableRow key={`${e.at}-${i}`}>
                    <TableCell>{formatDateTime(e.at, i18n.language)}</TableCell>
                    <TableCell>{e.who}{e.organisationName ? ` (${e.organisationName})` : ''}</TableCell>
                    <TableCell>{t(`auditWhat.${e.what}`, { defaultValue: e.what })}</TableCell>
                    <TableCell>{e.basis ? t(`basis.${e.basis}`, { defaultValue: e.basis }) : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </DataSection>
    </>
  );
}

function GiveConsentForm({ childId, view, onSaved }: { childId: string; view: ConsentsView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ organisationId: '', purpose: 'network_collaboration', consenterUserId: '', validUntil: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const missing = view.coverage.filter((c) => !c.covered);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.organisationId) f.organisationId = t('fieldError.choose');
    setFields(f);
    setDone('');
    if (Object.keys(f).length) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/children/${childId}/consents`, {
        purpose: form.purpose, recipientOrganisationId: form.organisationId,
        ...(form.consenterUserId ? { consenterUserId: form.consenterUserId } : {}),
        ...(form.validUntil ? { validUntil: form.validUntil } : {}),
      });
      setDone(t('consent.recorded'));
      onSaved();
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy(false);
    }
  };

  const options = (missing.length ? missing : view.coverage).map((c) => ({ value: c.organisationId, label: c.organisationName }));
  return (
    <section aria-labelledby="give-consent" className="rondom-section">
      <Heading level={4} id="give-consent">{t('consent.giveTitle')}</Heading>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <form onSubmit={submit} noValidate className="rondom-form">
        <SelectField label={t('consent.recipient')} name="organisationId" value={form.organisationId} onChange={set('organisationId')} error={fields.organisationId ?? fields.recipientOrganisationId} placeholder={t('common.choose')} options={options} />
        {view.rule.consenters.length > 1 && (
          <SelectField label={t('consent.consenter')} name="consenterUserId" value={form.consenterUserId} onChange={set('consenterUserId')} error={fields.consenterUserId} placeholder={t('consent.me')}
            options={view.rule.consenters.map((c) => ({ value: c.userId, label: c.displayName }))} />
        )}
        <TextField label={t('consent.validUntilLabel')} name="validUntil" type="date" value={form.validUntil} onChange={set('validUntil')} error={fields.validUntil} description={t('consent.validUntilHelp')} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('consent.give')}</Button>
      </form>
    </section>
  );
}
