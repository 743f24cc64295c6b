/**
 * Other reasons to share without consent (legal task, meldcode, vital interest): the list with
 * each basis's review state in words, and the form to record one. Nobody chooses a reviewer:
 * a privacy officer who covers the organisation reviews it, by rule. A meldcode or vital-interest
 * basis may be acted on provisionally until the review (provisionalUntil).
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { CheckboxField, Form, SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useSave } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { type Child, type ConsentsView, type LegalBasis } from '../children/children-types.ts';

const KINDS = ['legal_task', 'meldcode', 'vital_interest'] as const;

/** "Wacht op beoordeling", "Voorlopig tot …", "Goedgekeurd door …". */
export function LegalBasisStatus({ b }: { b: LegalBasis }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {t(`legalBasisStatus.${b.status}`, {
        defaultValue: b.status, until: formatDateTime(b.provisionalUntil, i18n.language), reviewer: b.reviewer ?? t('legalBasisStatus.aPrivacyOfficer'),
      })}
    </>
  );
}

export function LegalBases({ view }: { view: ConsentsView }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {view.legalBases.length > 0 && (
        <>
          <Heading level={4}>{t('consent.legalBases')}</Heading>
          <UnorderedList className="rondom-list">
            {view.legalBases.map((b) => (
              <UnorderedListItem key={b.id}>
                <Paragraph>
                  {t(`legalBasis.${b.kind}`, { defaultValue: b.kind })} — {b.organisationName}{b.justification ? `: ${b.justification}` : ''}
                </Paragraph>
                <Paragraph className="rondom-hint">
                  <strong><LegalBasisStatus b={b} /></strong>{' '}
                  {t('legalBasis.recordedByAt', { name: b.recordedBy, date: formatDate(b.recordedAt, i18n.language) })}
                  {b.validUntil && <> {t('consent.validUntil', { date: formatDate(b.validUntil, i18n.language) })}</>}
                </Paragraph>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </>
  );
}

/** Records a legal basis (POST /api/v1/children/:id/legal-bases) when the server allows recordLegalBasis. */
export function LegalBasisForm({ child, onSaved }: { child: Child; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const orgs = [...new Map(me.memberships.map((m) => [m.organisationId, m.organisationName])).entries()].map(([value, label]) => ({ value, label }));
  const [form, setForm] = useState({ kind: '', organisationId: orgs.length === 1 ? orgs[0]!.value : '', justification: '', validUntil: '', endangeringReason: '' });
  const [endangering, setEndangering] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, error, fields, setFields, save } = useSave();
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.kind) f.kind = t('legalBasis.chooseKind');
    if (!form.organisationId) f.organisationId = t('consent.chooseOrganisation');
    if (form.justification.trim().length < 20) f.justification = t('legalBasis.justificationRequired');
    if (endangering && form.endangeringReason.trim().length < 10) f.endangeringReason = t('legalBasis.endangeringReasonRequired');
    setFields(f);
    setDone(false);
    if (Object.keys(f).length) return;
    await save(async () => {
      await api.post(`/api/v1/children/${child.id}/legal-bases`, {
        kind: form.kind, organisationId: form.organisationId, justification: form.justification.trim(),
        ...(form.validUntil ? { validUntil: form.validUntil } : {}),
        ...(endangering ? { endangering: true, endangeringReason: form.endangeringReason.trim() } : {}),
      });
      setDone(true);
      setForm((x) => ({ ...x, kind: '', justification: '', validUntil: '', endangeringReason: '' }));
      setEndangering(false);
      onSaved();
    });
  };

  return (
    <section aria-labelledby="record-basis" className="rondom-section">
      <Heading level={4} id="record-basis">{t('legalBasis.recordTitle')}</Heading>
      <Paragraph>{t('legalBasis.reviewByRule')}</Paragraph>
      {done && <SuccessAlert>{t('legalBasis.recorded')}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <Form onSubmit={submit}>
        <SelectField label={t('legalBasis.kind')} name="kind" value={form.kind} onChange={set('kind')} error={fields.kind} placeholder={t('common.choose')}
          options={KINDS.map((k) => ({ value: k, label: t(`legalBasis.${k}`) }))} description={t('legalBasis.kindHelp')} />
        <SelectField label={t('legalBasis.organisation')} name="basisOrganisationId" value={form.organisationId} onChange={set('organisationId')}
          error={fields.organisationId} placeholder={t('common.choose')} options={orgs} />
        <TextAreaField label={t('legalBasis.justification')} name="justification" value={form.justification} onChange={set('justification')}
          error={fields.justification} description={t('legalBasis.justificationHelp')} required />
        <TextField label={t('legalBasis.validUntil')} name="validUntil" type="date" value={form.validUntil} onChange={set('validUntil')} error={fields.validUntil} />
        <CheckboxField label={t('legalBasis.endangering')} name="endangering" checked={endangering} onChange={setEndangering} />
        {endangering && (
          <TextAreaField label={t('legalBasis.endangeringReason')} name="endangeringReason" value={form.endangeringReason} onChange={set('endangeringReason')}
            error={fields.endangeringReason} required />
        )}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('legalBasis.record')}</Button>
      </Form>
    </section>
  );
}
