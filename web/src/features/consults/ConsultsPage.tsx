/**
 * "Anoniem advies vragen" (/consult): ask the school's fixed youth-care contact or the support
 * team for advice without naming the child (POST /api/v1/consults), and the list of consults the
 * user asked or that were asked of them. The form warns not to enter anything identifying; the
 * server refuses a BSN, a date, contact details or a pupil's name and says so.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, FieldsetLegend, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { CheckboxField, Form, RadioGroupField, SelectField, TextAreaField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { LIFE_DOMAINS } from '../children/QuestionForm.tsx';
import type { Consult, ConsultOptions, ConsultOrganisation, ContactCandidate } from './consult-types.ts';

export function ConsultsPage() {
  const { t, i18n } = useTranslation();
  const options = useLoad((s) => api.get<ConsultOptions>('/api/v1/consults/options', s), []);
  const list = useLoad((s) => api.get<Consult[]>('/api/v1/consults', s), []);
  return (
    <>
      <PageTitle>{t('consult.title')}</PageTitle>
      <Paragraph>{t('consult.intro')}</Paragraph>
      {options.data && asking(options.data).organisations.length > 0 && <AskForm options={asking(options.data)} />}
      {options.data && asking(options.data).organisations.length === 0 && <Paragraph>{t('consult.cannotAsk')}</Paragraph>}
      <DataSection title={t('consult.listTitle')} loaded={list} empty={(d) => d.length === 0} emptyText={t('consult.none')}>
        {(items) => (
          <UnorderedList className="rondom-list">
            {items.map((c) => (
              <UnorderedListItem key={c.id}>
                <AppLink href={`/consult/${c.id}`}>{c.question.length > 80 ? `${c.question.slice(0, 80)}…` : c.question}</AppLink>
                {' — '}
                {c.mine ? t('consult.askedOf', { addressee: c.addressee }) : t('consult.askedBy', { name: c.asker.displayName, organisation: c.asker.organisationName })}
                {' — '}
                {formatDate(c.createdAt, i18n.language)}
                {' — '}
                <strong>{t(`consult.status.${c.status}`)}</strong>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </DataSection>
      {options.data?.organisations.filter((o) => o.allowedActions.includes('setContact')).map((o) => <SetContact key={o.id} org={o} onDone={options.reload} />)}
    </>
  );
}

/** The organisations the user may ask for (the server says which). */
const asking = (o: ConsultOptions): ConsultOptions => ({ organisations: o.organisations.filter((x) => x.allowedActions.includes('ask')) });

/** The school's (or childcare's) fixed youth-care contact, set by its intern begeleider, zorgcoördinator or admin. */
function SetContact({ org, onDone }: { org: ConsultOrganisation; onDone: () => void }) {
  const { t } = useTranslation();
  const candidates = useLoad((s) => api.get<ContactCandidate[]>(`/api/v1/support-contacts/${org.id}/candidates`, s), [org.id]);
  const [choice, setChoice] = useState('');
  const [message, setMessage] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = candidates.data?.find((x) => `${x.userId}|${x.organisationId}` === choice);
    if (!c) {
      setFields({ contact: t('consult.contactRequired') });
      return;
    }
    setFields({});
    await save(async () => {
      await api.put(`/api/v1/support-contacts/${org.id}`, { userId: c.userId, organisationId: c.organisationId });
      setMessage(t('consult.contactSaved', { name: c.displayName, organisation: org.name }));
      onDone();
    });
  };
  const headingId = `contact-${org.id}`;
  return (
    <section aria-labelledby={headingId} className="rondom-section">
      <Heading level={2} id={headingId}>{t('consult.contactTitle', { organisation: org.name })}</Heading>
      <Paragraph>{org.contact ? t('consult.contactNow', { name: org.contact.displayName, organisation: org.contact.organisationName }) : t('consult.contactNone')}</Paragraph>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <Form onSubmit={submit}>
        <SelectField label={t('consult.contactChoose')} name={`contact-${org.id}`} value={choice} onChange={setChoice} error={fields.contact} placeholder={t('common.choose')}
          options={(candidates.data ?? []).map((c) => ({ value: `${c.userId}|${c.organisationId}`, label: `${c.displayName} — ${c.organisationName}` }))} />
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>{t('consult.contactSave')}</Button>
      </Form>
    </section>
  );
}

function AskForm({ options }: { options: ConsultOptions }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const [orgId, setOrgId] = useState(options.organisations[0]!.id);
  const org = options.organisations.find((o) => o.id === orgId) ?? options.organisations[0]!;
  const targets = [
    ...(org.contact ? [{ value: 'contact', label: t('consult.toContact', { name: org.contact.displayName, organisation: org.contact.organisationName }) }] : []),
    ...(org.team ? [{ value: 'team', label: t('consult.toTeam', { name: org.team.name }) }] : []),
  ];
  const [to, setTo] = useState('');
  const [question, setQuestion] = useState('');
  const [domains, setDomains] = useState<string[]>([]);
  const [noIdentity, setNoIdentity] = useState(false);
  const { busy, error, fields, setFields, save } = useSave();
  const chosenTo = targets.some((x) => x.value === to) ? to : (targets[0]?.value ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!chosenTo) f.to = t('consult.toRequired');
    if (question.trim().length < 10) f.question = t('consult.questionRequired');
    if (!noIdentity) f.noIdentity = t('consult.noIdentityRequired');
    setFields(f);
    if (Object.keys(f).length) return;
    await save(async () => {
      const c = await api.post<Consult>('/api/v1/consults', {
        organisationId: org.id, to: chosenTo, question: question.trim(), noIdentity: true, ...(domains.length ? { lifeDomains: domains } : {}),
      });
      navigate(`/consult/${c.id}`);
    });
  };

  return (
    <section aria-labelledby="consult-new" className="rondom-section">
      <Heading level={2} id="consult-new">{t('consult.newTitle')}</Heading>
      <Alert type="warning">
        <Paragraph><strong>{t('consult.warningTitle')}</strong> {t('consult.warning')}</Paragraph>
      </Alert>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <Form onSubmit={submit}>
        {options.organisations.length > 1 && (
          <SelectField label={t('consult.organisation')} name="organisationId" value={orgId} onChange={setOrgId}
            options={options.organisations.map((o) => ({ value: o.id, label: o.name }))} />
        )}
        {targets.length === 0
          ? <Paragraph>{t('consult.noTargets', { organisation: org.name })}</Paragraph>
          : <RadioGroupField label={t('consult.to')} name="to" value={chosenTo} onChange={setTo} options={targets} error={fields.to} required />}
        <TextAreaField label={t('consult.question')} name="question" value={question} onChange={setQuestion} error={fields.question}
          description={t('consult.questionHelp')} required maxLength={4000} />
        <Fieldset>
          <FieldsetLegend>{t('consult.lifeDomains')}</FieldsetLegend>
          {LIFE_DOMAINS.map((d) => (
            <CheckboxField key={d} label={t(`lifeDomain.${d}`)} name={`domain-${d}`} checked={domains.includes(d)}
              onChange={(on) => setDomains((xs) => (on ? [...xs, d] : xs.filter((x) => x !== d)))} />
          ))}
        </Fieldset>
        <CheckboxField label={t('consult.noIdentity')} name="noIdentity" checked={noIdentity} onChange={setNoIdentity} error={fields.noIdentity} required />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy || targets.length === 0}>{busy ? t('common.saving') : t('consult.submit')}</Button>
      </Form>
    </section>
  );
}
