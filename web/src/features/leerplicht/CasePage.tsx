/**
 * One absence case: the clock, the offer, the escalation ladder and the decision.
 * Leerplicht and the SWV record the offer (PATCH with If-Match; a 409 shows what
 * changed and lets the user choose) and escalate by hand with a reason; the holder of
 * doorzettingsmacht records a binding decision. Buttons follow `allowedActions`.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, request } from '../../api.ts';
import { ConflictPanel, diffFields } from '../../components/ConflictPanel.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import {
  OFFER_EXTENTS, OFFER_TYPES, OUTCOMES, todayIso, type DirectoryOrganisation, type LeerplichtCase,
} from './leerplicht-types.ts';
import { ClockText, DecisionText, EscalationText } from './WorklistPage.tsx';
import { CaseHistory } from './CaseHistory.tsx';

export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(async (s) => {
    const res = await request<LeerplichtCase>('GET', `/api/v1/leerplicht/absences/${caseId}`, { signal: s });
    return res.data;
  }, [caseId]);
  const [message, setMessage] = useState<string | null>(null);

  if (loaded.loading && !loaded.data) return <><PageTitle>{t('case.loadingTitle')}</PageTitle><Loading /></>;
  if (loaded.error || !loaded.data) {
    return (
      <>
        <PageTitle>{t('case.notFoundTitle')}</PageTitle>
        {loaded.error ? <ErrorAlert error={loaded.error} /> : null}
        <Paragraph><AppLink href="/worklist">{t('case.back')}</AppLink></Paragraph>
      </>
    );
  }
  const c = loaded.data;
  const done = (text: string) => { setMessage(text); loaded.reload(); };
  return (
    <>
      <PageTitle>{t('case.title', { name: c.name })}</PageTitle>
      <Paragraph><AppLink href="/worklist">{t('case.back')}</AppLink></Paragraph>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <CaseFacts c={c} />
      {c.allowedActions.includes('updateCase') && <OfferForm key={`offer-${c.version}`} c={c} onSaved={() => done(t('case.offerSaved'))} onReload={loaded.reload} />}
      {c.allowedActions.includes('escalate') && <EscalateForm key={`esc-${c.escalation?.rung ?? 0}`} c={c} onDone={(fresh) => done(t('case.escalated', { label: t(`rung.${fresh.escalation?.rungKey ?? ''}`, { defaultValue: '' }) }))} />}
      {c.allowedActions.includes('decide') && <DecisionForm c={c} onDone={() => done(t('case.decided'))} />}
      {c.allowedActions.includes('readHistory') && <CaseHistory c={c} />}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CaseFacts({ c }: { c: LeerplichtCase }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const offer = c.offer.extent === 'none'
    ? t('case.noOffer')
    : t('case.offerLine', {
      type: t(`offerType.${c.offer.type}`, { defaultValue: c.offer.type }),
      extent: t(`offerExtent.${c.offer.extent}`, { defaultValue: c.offer.extent }),
      hours: c.offer.hoursPerWeek ?? '—',
      date: formatDate(c.offer.startedOn, lang),
    });
  return (
    <section aria-labelledby="case-facts" className="rondom-section">
      <Heading level={2} id="case-facts">{t('case.factsTitle')}</Heading>
      <dl className="rondom-dl">
        <Fact label={t('case.age')}>{t('child.age', { count: c.ageYears })} — {t(`duty.${c.duty}`, { defaultValue: c.duty })}</Fact>
        <Fact label={t('worklist.school')}>{c.school ?? t('worklist.noSchool')}{c.schoolType ? ` (${c.schoolType.toUpperCase()})` : ''}</Fact>
        <Fact label={t('worklist.kind')}>{t(`absenceKind.${c.kind}`, { defaultValue: c.kind })}</Fact>
        <Fact label={t('case.reason')}>{t(`reasonCategory.${c.reasonCategory}`, { defaultValue: c.reasonCategory })}</Fact>
        <Fact label={t('case.startedOn')}>{formatDate(c.startedOn, lang)}</Fact>
        <Fact label={t('worklist.daysOut')}>{t('worklist.days', { count: c.daysWithoutOffer })}</Fact>
        <Fact label={t('worklist.clock')}><ClockText c={c} /></Fact>
        <Fact label={t('case.offer')}>{offer}</Fact>
        <Fact label={t('worklist.escalation')}><EscalationText escalation={c.escalation} /></Fact>
        <Fact label={t('worklist.decision')}><DecisionText decision={c.decision} /></Fact>
        {c.endedOn && <Fact label={t('case.endedOn')}>{formatDate(c.endedOn, lang)}</Fact>}
        {c.outcome && <Fact label={t('case.outcome')}>{t(`outcome.${c.outcome}`, { defaultValue: c.outcome })}</Fact>}
        {c.exempted && <Fact label={t('case.exemption')}>{t('case.exempted')}</Fact>}
      </dl>
    </section>
  );
}

interface OfferValues {
  offerType: string;
  offerExtent: string;
  offerHoursPerWeek: string;
  offerStartedOn: string;
  endedOn: string;
  outcome: string;
}

const valuesOf = (c: LeerplichtCase): OfferValues => ({
  offerType: c.offer.type,
  offerExtent: c.offer.extent,
  offerHoursPerWeek: c.offer.hoursPerWeek === null ? '' : String(c.offer.hoursPerWeek),
  offerStartedOn: c.offer.startedOn ?? '',
  endedOn: c.endedOn ?? '',
  outcome: c.outcome ?? '',
});

/** Records the offer (partly or fully), or the end of the absence. */
function OfferForm({ c, onSaved, onReload }: { c: LeerplichtCase; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<OfferValues>(() => valuesOf(c));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<LeerplichtCase | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof OfferValues) => (value: string) => setV((old) => ({ ...old, [k]: value }));

  const body = () => ({
    offerType: v.offerType,
    offerExtent: v.offerExtent,
    offerHoursPerWeek: v.offerHoursPerWeek === '' ? null : Number(v.offerHoursPerWeek),
    offerStartedOn: v.offerStartedOn || null,
    endedOn: v.endedOn || null,
    outcome: v.outcome || null,
  });

  const save = async (version: number) => {
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/api/v1/leerplicht/absences/${c.id}`, body(), version);
      setConflict(null);
      onSaved();
    } catch (err) {
      if (isApiError(err) && err.isConflict && err.current) setConflict(err.current as LeerplichtCase);
      else { setError(err); setFields(fieldErrorsOf(t, err)); }
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    const hours = v.offerHoursPerWeek.trim();
    if (hours !== '' && (!/^\d+(\.\d+)?$/.test(hours) || Number(hours) > 40)) f.offerHoursPerWeek = t('case.hoursInvalid');
    if (v.offerExtent !== 'none' && !v.offerStartedOn) f.offerStartedOn = t('case.offerStartRequired');
    if (v.endedOn && v.endedOn < c.startedOn) f.endedOn = t('case.endBeforeStart');
    if (v.endedOn && !v.outcome) f.outcome = t('case.outcomeRequired');
    setFields(f);
    if (Object.keys(f).length) return;
    void save(conflict?.version ?? c.version);
  };

  const display = (x: ReturnType<typeof body>) => ({
    offerType: t(`offerType.${x.offerType}`, { defaultValue: x.offerType }),
    offerExtent: t(`offerExtent.${x.offerExtent}`, { defaultValue: x.offerExtent }),
    offerHoursPerWeek: x.offerHoursPerWeek,
    offerStartedOn: x.offerStartedOn,
    endedOn: x.endedOn,
    outcome: x.outcome ? t(`outcome.${x.outcome}`, { defaultValue: x.outcome }) : null,
  });

  const labels = {
    offerType: t('case.offerType'), offerExtent: t('case.offerExtent'), offerHoursPerWeek: t('case.hoursPerWeek'),
    offerStartedOn: t('case.offerStartedOn'), endedOn: t('case.endedOn'), outcome: t('case.outcome'),
  };

  return (
    <section aria-labelledby="offer-form" className="rondom-section">
      <Heading level={2} id="offer-form">{t('case.offerTitle')}</Heading>
      <Paragraph>{t('case.offerIntro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      {conflict && (
        <ConflictPanel
          changes={diffFields(display(body()), display(valuesOfApi(conflict)), labels)}
          busy={busy}
          onUseTheirs={() => { setConflict(null); onReload(); }}
          onOverwrite={() => void save(conflict.version)}
        />
      )}
      <form onSubmit={submit} className="rondom-form" noValidate>
        <SelectField label={t('case.offerType')} name="offerType" value={v.offerType} onChange={set('offerType')}
          options={OFFER_TYPES.map((o) => ({ value: o, label: t(`offerType.${o}`) }))} />
        <SelectField label={t('case.offerExtent')} name="offerExtent" value={v.offerExtent} onChange={set('offerExtent')} description={t('case.offerExtentHelp')}
          options={OFFER_EXTENTS.map((o) => ({ value: o, label: t(`offerExtent.${o}`) }))} />
        <TextField label={t('case.hoursPerWeek')} name="offerHoursPerWeek" inputMode="numeric" value={v.offerHoursPerWeek} onChange={set('offerHoursPerWeek')} error={fields.offerHoursPerWeek} />
        <TextField label={t('case.offerStartedOn')} name="offerStartedOn" type="date" value={v.offerStartedOn} onChange={set('offerStartedOn')} error={fields.offerStartedOn} />
        <TextField label={t('case.endedOn')} name="endedOn" type="date" value={v.endedOn} onChange={set('endedOn')} error={fields.endedOn} description={t('case.endedOnHelp')} />
        <SelectField label={t('case.outcome')} name="outcome" value={v.outcome} onChange={set('outcome')} error={fields.outcome} placeholder={t('case.noOutcome')}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('case.saveOffer')}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The server's version in the same shape as the form's body, for the conflict diff. */
function valuesOfApi(c: LeerplichtCase) {
  return {
    offerType: c.offer.type, offerExtent: c.offer.extent, offerHoursPerWeek: c.offer.hoursPerWeek,
    offerStartedOn: c.offer.startedOn, endedOn: c.endedOn, outcome: c.outcome,
  };
}

function EscalateForm({ c, onDone }: { c: LeerplichtCase; onDone: (fresh: LeerplichtCase) => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [earlyReason, setEarlyReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [earlyError, setEarlyError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const early = c.nextRungEarly;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const short = reason.trim().length < 10;
    const earlyShort = early && earlyReason.trim().length < 20;
    setFieldError(short ? t('case.reasonTooShort', { count: 10 }) : undefined);
    setEarlyError(earlyShort ? t('case.reasonTooShort', { count: 20 }) : undefined);
    if (short || earlyShort) return;
    setBusy(true);
    setError(null);
    try {
      const fresh = await api.post<LeerplichtCase>(`/api/v1/leerplicht/absences/${c.id}/escalate`, { reason: reason.trim(), ...(early ? { earlyReason: earlyReason.trim() } : {}) });
      onDone(fresh);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="escalate-form" className="rondom-section">
      <Heading level={2} id="escalate-form">{t('case.escalateTitle')}</Heading>
      <Paragraph>{t('case.escalateIntro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <form onSubmit={(e) => void submit(e)} className="rondom-form" noValidate>
        <TextAreaField label={t('case.escalateReason')} name="reason" value={reason} onChange={setReason} error={fieldError} description={t('case.escalateReasonHelp')} rows={3} maxLength={2000} />
        {early && (
          <TextAreaField label={t('case.earlyReason')} name="earlyReason" value={earlyReason} onChange={setEarlyReason} error={earlyError} rows={3} maxLength={2000}
            description={c.escalation ? t('case.earlyReasonHelp', { date: formatDate(c.escalation.deadline, i18n.language) }) : t('case.earlyReasonHelpFirst')} />
        )}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('case.escalateSubmit')}</Button>
      </form>
    </section>
  );
}

const PROVIDER_TYPES = ['school', 'youth_care_provider', 'wijkteam', 'jgz', 'childcare', 'swv', 'school_board'];
const PAYER_TYPES = ['municipality', 'swv', 'school_board'];

/** The binding decision of the holder of doorzettingsmacht; the server turns it into plan actions. */
function DecisionForm({ c, onDone }: { c: LeerplichtCase; onDone: () => void }) {
  const { t } = useTranslation();
  const orgs = useLoad((s) => api.get<DirectoryOrganisation[]>('/api/v1/organisations', s), []);
  const [place, setPlace] = useState('');
  const [provider, setProvider] = useState('');
  const [payer, setPayer] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [reasoning, setReasoning] = useState('');
  const { busy, error, fields, setFields, save } = useSave();

  const all = orgs.data ?? [];
  const optionsOf = (types: string[]) => all
    .filter((o) => types.includes(o.type))
    .map((o) => ({ value: o.id, label: `${o.name} (${t(`orgType.${o.type}`, { defaultValue: o.type })})` }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (place.trim().length < 3) f.place = t('fieldError.required');
    if (!provider) f.providerOrganisationId = t('fieldError.choose');
    if (!payer) f.payerOrganisationId = t('fieldError.choose');
    if (!dueOn) f.dueOn = t('fieldError.date');
    else if (dueOn < todayIso()) f.dueOn = t('decision.dueInPast');
    if (reasoning.trim().length < 20) f.reasoning = t('case.reasonTooShort', { count: 20 });
    setFields(f);
    if (Object.keys(f).length) return;
    await save(async () => {
      await api.post(`/api/v1/leerplicht/absences/${c.id}/decision`, {
        place: place.trim(), providerOrganisationId: provider, payerOrganisationId: payer, dueOn, reasoning: reasoning.trim(),
        // A new decision names the binding decision it replaces.
        ...(c.decision ? { replacesDecisionId: c.decision.id } : {}),
      });
      onDone();
    });
  };

  return (
    <section aria-labelledby="decision-form" className="rondom-section">
      <Heading level={2} id="decision-form">{t('decision.title')}</Heading>
      <Paragraph>{t('decision.intro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {orgs.error ? <ErrorAlert error={orgs.error} /> : null}
      <form onSubmit={(e) => void submit(e)} className="rondom-form" noValidate>
        <TextField label={t('decision.place')} name="place" value={place} onChange={setPlace} error={fields.place} description={t('decision.placeHelp')} maxLength={300} />
        <SelectField label={t('decision.provider')} name="providerOrganisationId" value={provider} onChange={setProvider} error={fields.providerOrganisationId}
          placeholder={t('common.choose')} options={optionsOf(PROVIDER_TYPES)} />
        <SelectField label={t('decision.payer')} name="payerOrganisationId" value={payer} onChange={setPayer} error={fields.payerOrganisationId}
          placeholder={t('common.choose')} options={optionsOf(PAYER_TYPES)} />
        <TextField label={t('decision.dueOn')} name="dueOn" type="date" value={dueOn} onChange={setDueOn} error={fields.dueOn} />
        <TextAreaField label={t('decision.reasoning')} name="reasoning" value={reasoning} onChange={setReasoning} error={fields.reasoning} description={t('decision.reasoningHelp')} rows={4} maxLength={4000} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy || orgs.loading}>{t('decision.submit')}</Button>
      </form>
    </section>
  );
}
