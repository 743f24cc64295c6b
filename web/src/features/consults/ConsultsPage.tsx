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
import { CheckboxField, RadioGroupField, SelectField, TextAreaField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import { LIFE_DOMAINS } from '../children/QuestionForm.tsx';
import type { Consult, ConsultOptions } from './consult-types.ts';

export function ConsultsPage() {
  const { t, i18n } = useTranslation();
  const options = useLoad((s) => api.get<ConsultOptions>('/api/v1/consults/options', s), []);
  const list = useLoad((s) => api.get<Consult[]>('/api/v1/consults', s), []);
  return (
    <>
      <PageTitle>{t('consult.title')}</PageTitle>
      <Paragraph>{t('consult.intro')}</Paragraph>
      {options.data && options.data.organisations.length > 0 && <AskForm options={options.data} />}
      {options.data && options.data.organisations.length === 0 && <Paragraph>{t('consult.cannotAsk')}</Paragraph>}
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
    </>
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
      <form onSubmit={submit} noValidate className="rondom-form">
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
      </form>
    </section>
  );
}
