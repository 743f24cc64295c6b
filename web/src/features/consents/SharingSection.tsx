/**
 * What was shared: who decides about consent (by age), the consents given and
 * their withdrawal, other legal bases, and the access log ("who looked").
 * Consent recorded by a professional on someone's behalf waits until that person
 * (or, without an account, the regisseur) confirms it; until then it opens nothing.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Button, ButtonGroup, Fieldset, FieldsetLegend, Heading, Paragraph, StatusBadge, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { CheckboxField, Form, SelectField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { AccessLogSection } from './AccessLogSection.tsx';
import { ParentsAccessSection } from './ParentsAccessSection.tsx';
import { LegalBases, LegalBasisForm } from './LegalBasesSection.tsx';
import { can, type Candidate, type Child, type Consent, type ConsentsView } from '../children/children-types.ts';

export function SharingSection({ child, onChanged }: { child: Child; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const showLog = can(child.allowedActions, 'readAccessLog');
  const consents = useLoad((s) => api.get<ConsentsView>(`/api/v1/children/${child.id}/consents`, s), [child.id]);
  // A change here is in the access log too: the log reloads.
  const [logKey, setLogKey] = useState(0);
  const log = { reload: () => setLogKey((k) => k + 1) };
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState('');

  const recipient = (c: Consent) => c.recipient.organisationName ?? (c.recipient.role ? t(`role.${c.recipient.role}`, { defaultValue: c.recipient.role }) : '—');

  /** Which consent, in words: the button names and the messages tell two consents to one organisation apart. */
  const which = (c: Consent) => t('consent.which', { org: recipient(c), name: c.givenBy.displayName });
  const [confirmingId, setConfirmingId] = useState('');
  const [doneKey, setDoneKey] = useState('');

  const withdraw = async (c: Consent, group: string) => {
    setBusyId(c.id);
    setError(null);
    setMessage('');
    try {
      await api.post(`/api/v1/children/${child.id}/consents/${c.id}/withdraw`);
      setConfirmingId('');
      setDoneKey(group);
      setMessage(t('consent.withdrawn', { who: which(c) }));
      consents.reload();
      log.reload();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusyId('');
    }
  };

  const confirm = async (c: Consent, decision: 'confirm' | 'decline') => {
    setBusyId(c.id);
    setError(null);
    setMessage('');
    try {
      await api.post(`/api/v1/children/${child.id}/consents/${c.id}/confirm`, { decision });
      setDoneKey(recipientKey(c));
      setMessage(t(decision === 'confirm' ? 'consent.confirmed' : 'consent.declinedDone', { who: which(c) }));
      consents.reload();
      log.reload();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusyId('');
    }
  };

  const badge = (c: Consent) => {
    if (c.status === 'pending' && !c.withdrawnAt) return <StatusBadge status="warning">{t('consent.pendingBadge')}</StatusBadge>;
    if (c.status === 'declined') return <StatusBadge status="inactive">{t('consent.declinedBadge')}</StatusBadge>;
    if (c.withdrawnAt) return <StatusBadge status="inactive">{t('consent.withdrawnBadge')}</StatusBadge>;
    if (c.expired) return <StatusBadge status="inactive">{t('consent.expiredBadge')}</StatusBadge>;
    return <StatusBadge status={c.active ? 'active' : 'inactive'}>{c.active ? t('consent.active') : t('consent.notActive')}</StatusBadge>;
  };

  return (
    <>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      {can(child.allowedActions, 'setParentsAccess') && <ParentsAccessSection child={child} onChanged={onChanged} />}
      <DataSection title={t('consent.title')} level={3} loaded={consents} emptyText="">
        {(v) => (
          <>
            <Paragraph>{t(`consent.ageBand.${v.rule.ageBand}`, { defaultValue: '' })}</Paragraph>
            {v.rule.consenters.length > 0 && (
              <Paragraph>{t('consent.consentersAre', { names: v.rule.consenters.map((p) => p.displayName).join(', ') })}</Paragraph>
            )}
            {v.coverage.length > 0 && (
              <UnorderedList className="rondom-list">
                {v.coverage.map((c) => (
                  <UnorderedListItem key={c.organisationId}>
                    {c.covered
                      ? t('consent.covered', { org: c.organisationName })
                      : t('consent.notCovered', { org: c.organisationName, names: c.missing.join(', ') })}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            )}
            {v.consents.length === 0 ? <Paragraph>{t('consent.none')}</Paragraph> : groupByRecipient(v.consents, recipient).map((g) => (
              <section key={g.key} aria-labelledby={`consents-${g.key}`} className="rondom-section rondom-consent-group">
                <Heading level={4} id={`consents-${g.key}`}>{g.name}</Heading>
                {message && doneKey === g.key && <FocusedSuccess>{message}</FocusedSuccess>}
                <UnorderedList className="rondom-list">
                  {g.consents.map((c) => (
                    <UnorderedListItem key={c.id} className="rondom-consent">
                      <Paragraph>
                        {t('consent.lineBy', { purpose: t(`purpose.${c.purpose}`, { defaultValue: t('consent.otherPurpose') }), name: c.givenBy.displayName })}{' '}
                        {badge(c)}
                      </Paragraph>
                      {c.status === 'pending' && !c.withdrawnAt && (
                        <Paragraph><strong>{t('consent.waitingFor', { name: c.givenBy.displayName })}</strong> {t('consent.pendingExplain')}</Paragraph>
                      )}
                      <Paragraph className="rondom-hint">
                        {t('consent.givenByHow', { name: c.givenBy.displayName, how: t(`consentMethod.${c.method}`, { defaultValue: c.method }), date: formatDate(c.givenAt, i18n.language) })}
                        {c.validUntil && !c.expired && <> {t('consent.validUntil', { date: formatDate(c.validUntil, i18n.language) })}</>}
                      </Paragraph>
                      {c.withdrawnAt && (
                        <Paragraph>{t('consent.withdrawnByOn', { name: c.withdrawnBy ?? t('consent.someone'), date: formatDate(c.withdrawnAt, i18n.language) })}</Paragraph>
                      )}
                      {c.expired && c.validUntil && <Paragraph>{t('consent.expiredOn', { date: formatDate(c.validUntil, i18n.language) })}</Paragraph>}
                      {c.canConfirm && (
                        <ButtonGroup>
                          <Button appearance="primary-action-button" busy={busyId === c.id} disabled={busyId !== ''} onClick={() => void confirm(c, 'confirm')}>
                            {t('consent.confirm')}<span className="rondom-visually-hidden"> {which(c)}</span>
                          </Button>
                          <Button appearance="secondary-action-button" hint="danger" disabled={busyId !== ''} onClick={() => void confirm(c, 'decline')}>
                            {t('consent.decline')}<span className="rondom-visually-hidden"> {which(c)}</span>
                          </Button>
                        </ButtonGroup>
                      )}
                      {c.active && c.canWithdraw && (confirmingId === c.id ? (
                        <div className="rondom-confirm" role="group" aria-labelledby={`withdraw-q-${c.id}`}>
                          <Paragraph><strong id={`withdraw-q-${c.id}`}>{t('consent.withdrawQuestion', { who: which(c), context: me.kind === 'young_person' ? 'young' : undefined })}</strong> {t('consent.withdrawExplain')}</Paragraph>
                          <ButtonGroup>
                            <Button appearance="primary-action-button" hint="danger" busy={busyId === c.id} disabled={busyId !== ''} onClick={() => void withdraw(c, g.key)}>
                              {t('consent.withdrawYes')}
                            </Button>
                            <Button appearance="secondary-action-button" disabled={busyId !== ''} onClick={() => setConfirmingId('')}>{t('consent.withdrawNo')}</Button>
                          </ButtonGroup>
                        </div>
                      ) : (
                        <Button appearance="secondary-action-button" hint="danger" disabled={busyId !== ''} onClick={() => { setConfirmingId(c.id); setMessage(''); }}>
                          {t('consent.withdraw', { who: which(c) })}
                        </Button>
                      ))}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </section>
            ))}
            <LegalBases view={v} />
            {can(v.allowedActions, 'recordConsent') && (
              <GiveConsentForm child={child} view={v} onSaved={() => { consents.reload(); log.reload(); onChanged(); }} />
            )}
            {can(v.allowedActions, 'recordLegalBasis') && (
              <LegalBasisForm child={child} onSaved={() => { consents.reload(); log.reload(); onChanged(); }} />
            )}
          </>
        )}
      </DataSection>
      {showLog && <AccessLogSection childId={child.id} reloadKey={logKey} />}
    </>
  );
}

const recipientKey = (c: Consent) => c.recipient.organisationId ?? `role-${c.recipient.role ?? 'none'}`;

/** The consents per recipient (organisation or role), in the order the server gives them (newest first). */
function groupByRecipient(consents: Consent[], name: (c: Consent) => string) {
  const groups = new Map<string, { key: string; name: string; consents: Consent[] }>();
  for (const c of consents) {
    const key = recipientKey(c);
    if (!groups.has(key)) groups.set(key, { key, name: name(c), consents: [] });
    groups.get(key)!.consents.push(c);
  }
  return [...groups.values()];
}

/** A success message where the action was, brought into view and focused (on a phone it would be off-screen). */
function FocusedSuccess({ children }: { children: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center' });
    ref.current?.focus({ preventScroll: true });
  }, [children]);
  return <div ref={ref} tabIndex={-1} className="rondom-focus-target"><SuccessAlert>{children}</SuccessAlert></div>;
}

/**
 * Records consent. A professional records it on behalf of the people who gave it
 * (written or verbal), one consent per person; a parent or young person gives it
 * themselves in the app.
 */
function GiveConsentForm({ child, view, onSaved }: { child: Child; view: ConsentsView; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const staff = me.kind === 'staff';
  const canInvite = can(child.allowedActions, 'inviteToNetwork');
  const candidates = useLoad(
    (s) => (staff && canInvite ? api.get<Candidate[]>(`/api/v1/children/${child.id}/network/candidates`, s) : Promise.resolve([] as Candidate[])),
    [child.id, staff, canInvite],
  );
  const [organisationId, setOrganisationId] = useState('');
  const [who, setWho] = useState<string[]>([]);
  const [method, setMethod] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  // Organisations: those already in the network (coverage) and those one could invite.
  const orgs = new Map<string, { name: string; covered: boolean }>();
  for (const c of view.coverage) orgs.set(c.organisationId, { name: c.organisationName, covered: c.covered });
  for (const c of candidates.data ?? []) if (!orgs.has(c.organisationId)) orgs.set(c.organisationId, { name: c.organisationName, covered: c.covered });
  const options = [...orgs.entries()]
    .sort((a, b) => Number(a[1].covered) - Number(b[1].covered) || a[1].name.localeCompare(b[1].name))
    .map(([value, o]) => ({ value, label: o.covered ? `${o.name} (${t('consent.alreadyCovered')})` : o.name }));
  const consenters = view.rule.consenters;
  const keyOf = (c: (typeof consenters)[number]) => c.userId ?? `rel:${c.relation}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!organisationId) f.organisationId = t('consent.chooseOrganisation');
    if (staff && who.length === 0) f.who = t('consent.chooseWho');
    if (staff && !method) f.method = t('consent.chooseMethod');
    setFields(f);
    setDone('');
    if (Object.keys(f).length) return;
    setBusy(true);
    setError(null);
    const org = orgs.get(organisationId)?.name ?? '';
    try {
      if (staff) {
        for (const key of who) {
          const c = consenters.find((x) => keyOf(x) === key);
          if (!c) continue;
          await api.post(`/api/v1/children/${child.id}/consents`, {
            purpose: 'share_in_network', recipientOrganisationId: organisationId, method,
            ...(c.userId ? { consenterUserId: c.userId } : { consenterRelation: c.relation }),
          });
        }
      } else {
        await api.post(`/api/v1/children/${child.id}/consents`, { purpose: 'share_in_network', recipientOrganisationId: organisationId });
      }
      setDone(t('consent.recordedFor', { org }));
      setOrganisationId('');
      setWho([]);
      setMethod('');
      onSaved();
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="give-consent" className="rondom-section">
      <Heading level={4} id="give-consent">{staff ? t('consent.recordTitle') : t('consent.giveTitle')}</Heading>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <Form onSubmit={submit}>
        <SelectField label={t('consent.recipient')} name="organisationId" value={organisationId} onChange={setOrganisationId} error={fields.organisationId ?? fields.recipientOrganisationId} placeholder={t('common.choose')} options={options} />
        {staff && (
          <Fieldset invalid={Boolean(fields.who)} aria-describedby={fields.who ? 'who-error' : undefined}>
            <FieldsetLegend>{t('consent.whoGave')}</FieldsetLegend>
            {fields.who && <p id="who-error" className="utrecht-form-field-error-message">{fields.who}</p>}
            {consenters.map((c) => (
              <CheckboxField
                key={keyOf(c)} name={`who-${keyOf(c)}`} label={`${c.displayName} (${t(`relation.${c.relation}`, { defaultValue: c.relation })})`}
                checked={who.includes(keyOf(c))} onChange={(on) => setWho((xs) => (on ? [...xs, keyOf(c)] : xs.filter((x) => x !== keyOf(c))))}
              />
            ))}
          </Fieldset>
        )}
        {staff && (
          <SelectField label={t('consent.method')} name="method" value={method} onChange={setMethod} error={fields.method} placeholder={t('common.choose')}
            options={['written', 'verbal'].map((m) => ({ value: m, label: t(`consentMethod.${m}`) }))} />
        )}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : staff ? t('consent.record') : t('consent.give')}</Button>
      </Form>
    </section>
  );
}
