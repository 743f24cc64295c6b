/**
 * Emergency access ("break the glass"): find a young person outside your networks,
 * say which emergency it is and write a reason. The access is time-limited, logged and
 * reviewed, and the lead professional is told. A refusal (your role may not, or an earlier
 * access here was judged unjustified) shows the server's own reason.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { CheckboxField, RadioGroupField, TextAreaField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { AppLink } from '../../router.tsx';
import { formatDateTime } from '../../format.ts';
import { useSave } from '../../hooks.ts';
import type { BreakGlassBody, BreakGlassOut } from '../../../../server/modules/consents/consents.schemas.ts';
import type { Assert, SameValues } from '../../contract.ts';

/** POST /api/v1/break-glass answers the young person and until when the access lasts. */
const EMERGENCIES = ['acute_safety', 'medical', 'missing_child', 'crisis_no_contact'] as const;
type _Emergencies = Assert<SameValues<typeof EMERGENCIES, BreakGlassBody['emergency']>>;

type BreakGlassResult = BreakGlassOut;

export function BreakGlassPage() {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ givenName: '', familyName: '', birthDate: '', bsn: '', emergency: '', reason: '' });
  const [familyEndangered, setFamilyEndangered] = useState(false);
  const { busy, error, fields, setFields, save } = useSave();
  const [result, setResult] = useState<BreakGlassResult | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    const byBsn = form.bsn.trim() !== '';
    if (!byBsn) {
      if (!form.givenName.trim()) f.givenName = t('breakGlass.nameOrBsn');
      if (!form.familyName.trim()) f.familyName = t('breakGlass.nameOrBsn');
      if (!form.birthDate) f.birthDate = t('breakGlass.nameOrBsn');
    } else if (!/^[0-9]{9}$/.test(form.bsn.trim())) f.bsn = t('breakGlass.bsnFormat');
    if (!form.emergency) f.emergency = t('breakGlass.emergencyRequired');
    if (form.reason.trim().length < 20) f.reason = t('breakGlass.reasonRequired');
    setFields(f);
    if (Object.keys(f).length) return;
    await save(async () => {
      const common = { emergency: form.emergency, reason: form.reason.trim(), ...(familyEndangered ? { familyEndangered: true } : {}) };
      const body = byBsn
        ? { bsn: form.bsn.trim(), ...common }
        : { givenName: form.givenName.trim(), familyName: form.familyName.trim(), birthDate: form.birthDate, ...common };
      setResult(await api.post<BreakGlassResult>('/api/v1/break-glass', body));
    });
  };

  return (
    <>
      <PageTitle>{t('breakGlass.title')}</PageTitle>
      <Alert type="warning">
        <Paragraph>{t('breakGlass.warning')}</Paragraph>
      </Alert>
      {error !== null && <ErrorAlert error={error} prefix={t('breakGlass.failed')} serverText />}
      {result ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('breakGlass.granted', { until: formatDateTime(result.expiresAt, i18n.language) })}</Paragraph>
          <Paragraph><AppLink href={`/children/${result.youngPersonId}`}>{t('breakGlass.open')}</AppLink></Paragraph>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate className="rondom-form">
          <TextField label={t('breakGlass.givenName')} name="givenName" value={form.givenName} onChange={set('givenName')} error={fields.givenName} autoComplete="off" />
          <TextField label={t('breakGlass.familyName')} name="familyName" value={form.familyName} onChange={set('familyName')} error={fields.familyName} autoComplete="off" />
          <TextField label={t('breakGlass.birthDate')} name="birthDate" type="date" value={form.birthDate} onChange={set('birthDate')} error={fields.birthDate} />
          <TextField label={t('breakGlass.bsn')} name="bsn" inputMode="numeric" value={form.bsn} onChange={set('bsn')} error={fields.bsn} description={t('breakGlass.bsnHelp')} autoComplete="off" />
          <RadioGroupField
            label={t('breakGlass.emergency')} name="emergency" value={form.emergency} onChange={set('emergency')} error={fields.emergency} required
            options={EMERGENCIES.map((k) => ({ value: k, label: t(`emergency.${k}`) }))}
          />
          <TextAreaField label={t('breakGlass.reason')} name="reason" value={form.reason} onChange={set('reason')} error={fields.reason} description={t('breakGlass.reasonHelp')} required />
          <CheckboxField label={t('breakGlass.familyEndangered')} name="familyEndangered" checked={familyEndangered} onChange={setFamilyEndangered} />
          <Button type="submit" appearance="primary-action-button" hint="danger" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('breakGlass.submit')}</Button>
        </form>
      )}
    </>
  );
}
