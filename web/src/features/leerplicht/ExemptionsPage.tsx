/**
 * Exemptions (vrijstellingen, Leerplichtwet art. 5a, 5b, 5c and 15). Leerplicht
 * registers them; a 5a exemption ("no, unless") needs an independent expert's statement
 * and waits for a second reviewer (leerplicht or SWV, never the registrar), who confirms
 * or rejects it with a written reason (If-Match).
 */
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, query } from '../../api.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { ARTICLES, STATEMENT_ROLES, isLeerplichtOfficer, todayIso, type Exemption, type LeerplichtWorklist } from './leerplicht-types.ts';

export function ExemptionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useLoad((s) => api.get<Exemption[]>('/api/v1/leerplicht/exemptions', s), []);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => { setMessage(text); list.reload(); };
  return (
    <>
      <PageTitle>{t('exemptions.title')}</PageTitle>
      <Paragraph>{t('exemptions.intro')}</Paragraph>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <DataSection title={t('exemptions.listTitle')} loaded={list} empty={(d) => d.length === 0} emptyText={t('exemptions.empty')}>
        {(items) => (
          <>
            <ExemptionTable items={items} />
            {items.filter((x) => x.status === 'pending_review' && x.allowedActions.includes('review')).map((x) => (
              <ReviewForm key={`${x.id}-${x.version}`} exemption={x} onDone={(d) => done(t(d === 'confirm' ? 'exemptions.confirmed' : 'exemptions.rejected', { name: x.name }))} onReload={list.reload} />
            ))}
          </>
        )}
      </DataSection>
      {isLeerplichtOfficer(me) && <RegisterForm onDone={(x) => done(t(x.status === 'pending_review' ? 'exemptions.registeredPending' : 'exemptions.registered', { name: x.name }))} />}
    </>
  );
}

function ExemptionTable({ items }: { items: Exemption[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="rondom-table-scroll">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('worklist.child')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('exemptions.article')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('exemptions.valid')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('exemptions.statement')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('exemptions.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((x) => (
            <TableRow key={x.id}>
              <TableHeaderCell scope="row">{x.name}</TableHeaderCell>
              <TableCell>{t(`article.${x.article}`, { defaultValue: x.article })}</TableCell>
              <TableCell>
                {t('exemptions.validLine', { year: x.schoolYear, from: formatDate(x.validFrom, lang), until: formatDate(x.validUntil, lang) })}
                {x.neverAble && <> — {t('exemptions.neverAbleShort')}</>}
              </TableCell>
              <TableCell>
                {x.statementBy
                  ? t('exemptions.statementLine', { by: x.statementBy, role: t(`statementRole.${x.statementRole ?? ''}`, { defaultValue: x.statementRole ?? '' }), date: formatDate(x.statementDate, lang) })
                  : '—'}
              </TableCell>
              <TableCell>
                <strong>{t(`exemptionStatus.${x.status}`, { defaultValue: x.status })}</strong>
                {x.reviewReason && <> — {x.reviewReason}</>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The second pair of eyes: confirm or reject, always with a written reason (≥ 20 characters). */
function ReviewForm({ exemption, onDone, onReload }: { exemption: Exemption; onDone: (d: 'confirm' | 'reject') => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `review-${exemption.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!decision) f.decision = t('fieldError.choose');
    if (reason.trim().length < 20) f.reason = t('case.reasonTooShort', { count: 20 });
    setFields(f);
    if (Object.keys(f).length) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/leerplicht/exemptions/${exemption.id}/review`, { decision, reason: reason.trim() }, exemption.version);
      onDone(decision as 'confirm' | 'reject');
    } catch (err) {
      setError(err);
      if (isApiError(err) && err.status === 409) onReload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={headingId} className="rondom-card">
      <Heading level={3} id={headingId}>{t('exemptions.reviewTitle', { name: exemption.name })}</Heading>
      <Paragraph>{t('exemptions.reviewIntro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <form onSubmit={(e) => void submit(e)} className="rondom-form" noValidate>
        <SelectField label={t('exemptions.decision')} name="decision" value={decision} onChange={setDecision} error={fields.decision} placeholder={t('common.choose')}
          options={[{ value: 'confirm', label: t('exemptions.confirm') }, { value: 'reject', label: t('exemptions.reject') }]} />
        <TextAreaField label={t('exemptions.reviewReason')} name="reason" value={reason} onChange={setReason} error={fields.reason} rows={3} maxLength={4000} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('exemptions.reviewSubmit')}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/**
 * Registers an exemption. The young person is picked from the register (the API offers
 * leerplicht officers no search over all young people of the region).
 */
function RegisterForm({ onDone }: { onDone: (x: Exemption) => void }) {
  const { t } = useTranslation();
  const register = useLoad((s) => api.get<LeerplichtWorklist>(`/api/v1/leerplicht/worklist${query({ includeClosed: 'true', limit: '500' })}`, s), []);
  const people = [...new Map((register.data?.items ?? []).map((c) => [c.youngPersonId, c.name])).entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const [youngPersonId, setYoungPerson] = useState('');
  const [article, setArticle] = useState('');
  const [validFrom, setValidFrom] = useState(todayIso());
  const [statementBy, setStatementBy] = useState('');
  const [statementRole, setStatementRole] = useState('');
  const [statementDate, setStatementDate] = useState('');
  const [registration, setRegistration] = useState('');
  const [neverAble, setNeverAble] = useState(false);
  const { busy, error, fields, setFields, save } = useSave();
  const is5a = article === '5a';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!youngPersonId) f.youngPersonId = t('fieldError.choose');
    if (!article) f.article = t('fieldError.choose');
    if (!validFrom) f.validFrom = t('fieldError.date');
    if (is5a) {
      if (statementBy.trim().length < 2) f.statementBy = t('fieldError.required');
      if (!statementRole) f.statementRole = t('fieldError.choose');
      if (!statementDate) f.statementDate = t('fieldError.date');
      if (statementDate && statementDate > todayIso()) f.statementDate = t('exemptions.statementNotFuture');
    }
    setFields(f);
    if (Object.keys(f).length) return;
    await save(async () => {
      const x = await api.post<Exemption>('/api/v1/leerplicht/exemptions', {
        youngPersonId, article, validFrom,
        ...(is5a ? { statementBy: statementBy.trim(), statementRole, statementDate, neverAble, ...(registration.trim() ? { statementRegistration: registration.trim() } : {}) } : {}),
      });
      setYoungPerson('');
      setArticle('');
      setStatementBy('');
      setStatementRole('');
      setStatementDate('');
      setRegistration('');
      setNeverAble(false);
      onDone(x);
    });
  };

  return (
    <section aria-labelledby="register-exemption" className="rondom-section">
      <Heading level={2} id="register-exemption">{t('exemptions.registerTitle')}</Heading>
      <Paragraph>{t('exemptions.registerIntro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {register.error ? <ErrorAlert error={register.error} /> : null}
      <form onSubmit={(e) => void submit(e)} className="rondom-form" noValidate>
        <SelectField label={t('exemptions.youngPerson')} name="youngPersonId" value={youngPersonId} onChange={setYoungPerson} error={fields.youngPersonId}
          placeholder={t('common.choose')} options={people} description={t('exemptions.youngPersonHelp')} />
        <SelectField label={t('exemptions.article')} name="article" value={article} onChange={setArticle} error={fields.article}
          placeholder={t('common.choose')} options={ARTICLES.map((a) => ({ value: a, label: t(`article.${a}`) }))} />
        <TextField label={t('exemptions.validFrom')} name="validFrom" type="date" value={validFrom} onChange={setValidFrom} error={fields.validFrom} />
        {is5a && (
          <fieldset className="rondom-fieldset">
            <legend>{t('exemptions.statementTitle')}</legend>
            <Paragraph>{t('exemptions.statementIntro')}</Paragraph>
            <TextField label={t('exemptions.statementBy')} name="statementBy" value={statementBy} onChange={setStatementBy} error={fields.statementBy} maxLength={200}
              description={t('exemptions.statementByHelp')} />
            <SelectField label={t('exemptions.statementRole')} name="statementRole" value={statementRole} onChange={setStatementRole} error={fields.statementRole}
              placeholder={t('common.choose')} options={STATEMENT_ROLES.map((r) => ({ value: r, label: t(`statementRole.${r}`) }))} />
            <TextField label={t('exemptions.statementDate')} name="statementDate" type="date" value={statementDate} onChange={setStatementDate} error={fields.statementDate} />
            <TextField label={t('exemptions.statementRegistration')} name="statementRegistration" value={registration} onChange={setRegistration}
              error={fields.statementRegistration} maxLength={40} description={t('exemptions.statementRegistrationHelp')} />
            <CheckboxField label={t('exemptions.neverAble')} name="neverAble" checked={neverAble} onChange={setNeverAble} />
          </fieldset>
        )}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('exemptions.registerSubmit')}</Button>
      </form>
    </section>
  );
}
