/**
 * Evaluations of the plan (GET/POST /api/v1/children/:id/evaluations): what went well,
 * what must change, whether help happens in ordinary life, and how satisfied the young
 * person and the parents are (1–5). The form shows only with `recordEvaluation`.
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { RadioGroupField, TextAreaField, TextField } from '../../components/forms.tsx';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { can, type Child } from '../children/children-types.ts';
import { todayIso } from '../leerplicht/leerplicht-types.ts';
import { FamilyEvaluationSection } from './FamilyEvaluation.tsx';
import type { EvaluationBody, EvaluationOut } from '../../../../server/modules/evaluations/evaluations.schemas.ts';
import type { Assert, SameValues } from '../../contract.ts';

export type Evaluation = EvaluationOut;

export const SETTINGS = ['ordinary_life', 'partly', 'elsewhere'] as const;
type _Settings = Assert<SameValues<typeof SETTINGS, EvaluationBody['setting']>>;
const SCORES = ['1', '2', '3', '4', '5'] as const;

export function EvaluationsSection({ child }: { child: Child }) {
  const { t } = useTranslation();
  const loaded = useLoad((s) => api.get<Evaluation[]>(`/api/v1/children/${child.id}/evaluations`, s), [child.id]);
  const [fresh, setFresh] = useState<Evaluation[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = fresh ?? loaded.data;

  return (
    <>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <FamilyEvaluationSection child={child} />
      {can(child.allowedActions, 'recordEvaluation') && (
        <EvaluationForm childId={child.id} onSaved={(all) => { setFresh(all); setMessage(t('evaluation.saved')); }} />
      )}
      <section aria-labelledby="evaluations-list" className="rondom-section">
        <Heading level={3} id="evaluations-list">{t('evaluation.listTitle')}</Heading>
        {loaded.loading && !list ? <Loading /> : null}
        {loaded.error && !list ? <ErrorAlert error={loaded.error} /> : null}
        {list && list.length === 0 && <Paragraph>{t('evaluation.empty')}</Paragraph>}
        {list?.map((e) => <EvaluationCard key={e.id} e={e} />)}
      </section>
    </>
  );
}

function EvaluationCard({ e }: { e: Evaluation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = `evaluation-${e.id}`;
  const score = (n: number | null) => (n === null ? t('evaluation.notAsked') : t(`evaluation.score.${n}`, { defaultValue: String(n) }));
  return (
    <section aria-labelledby={headingId} className="rondom-card">
      <Heading level={4} id={headingId}>{t('evaluation.cardTitle', { date: formatDate(e.heldOn, lang) })}</Heading>
      <dl className="rondom-dl">
        <div><dt>{t('evaluation.wentWell')}</dt><dd>{e.wentWell}</dd></div>
        <div><dt>{t('evaluation.mustChange')}</dt><dd>{e.mustChange}</dd></div>
        <div><dt>{t('evaluation.setting')}</dt><dd>{t(`evaluation.settingOption.${e.setting}`, { defaultValue: e.setting })}</dd></div>
        <div><dt>{t('evaluation.satisfactionYoungPerson')}</dt><dd>{score(e.satisfactionYoungPerson)}</dd></div>
        <div><dt>{t('evaluation.satisfactionParents')}</dt><dd>{score(e.satisfactionParents)}</dd></div>
      </dl>
      <Paragraph className="rondom-hint">{t('evaluation.recordedBy', { who: e.recordedBy, when: formatDateTime(e.recordedAt, lang), version: e.planVersion })}</Paragraph>
    </section>
  );
}

function EvaluationForm({ childId, onSaved }: { childId: string; onSaved: (all: Evaluation[]) => void }) {
  const { t } = useTranslation();
  const [heldOn, setHeldOn] = useState(todayIso());
  const [wentWell, setWentWell] = useState('');
  const [mustChange, setMustChange] = useState('');
  const [setting, setSetting] = useState('');
  const [young, setYoung] = useState('');
  const [parents, setParents] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const scoreOptions = [{ value: '', label: t('evaluation.notAsked') }, ...SCORES.map((s) => ({ value: s, label: t(`evaluation.score.${s}`) }))];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!heldOn) f.heldOn = t('fieldError.date');
    else if (heldOn > todayIso()) f.heldOn = t('evaluation.inFuture');
    if (!wentWell.trim()) f.wentWell = t('fieldError.required');
    if (!mustChange.trim()) f.mustChange = t('fieldError.required');
    if (!setting) f.setting = t('fieldError.choose');
    setFields(f);
    if (Object.keys(f).length) return;
    setBusy(true);
    setError(null);
    try {
      const all = await api.post<Evaluation[]>(`/api/v1/children/${childId}/evaluations`, {
        heldOn, wentWell: wentWell.trim(), mustChange: mustChange.trim(), setting,
        ...(young ? { satisfactionYoungPerson: Number(young) } : {}),
        ...(parents ? { satisfactionParents: Number(parents) } : {}),
      });
      setWentWell('');
      setMustChange('');
      setSetting('');
      setYoung('');
      setParents('');
      onSaved(all);
    } catch (err) {
      setError(err);
      const server = fieldErrorsOf(t, err);
      if (server.heldOn && heldOn > todayIso()) server.heldOn = t('evaluation.inFuture');
      setFields(server);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="evaluation-form" className="rondom-section">
      <Heading level={3} id="evaluation-form">{t('evaluation.formTitle')}</Heading>
      <Paragraph>{t('evaluation.formIntro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <form onSubmit={(e) => void submit(e)} className="rondom-form" noValidate>
        <TextField label={t('evaluation.heldOn')} name="heldOn" type="date" value={heldOn} onChange={setHeldOn} error={fields.heldOn} />
        <TextAreaField label={t('evaluation.wentWell')} name="wentWell" value={wentWell} onChange={setWentWell} error={fields.wentWell} rows={3} maxLength={4000} />
        <TextAreaField label={t('evaluation.mustChange')} name="mustChange" value={mustChange} onChange={setMustChange} error={fields.mustChange} rows={3} maxLength={4000} />
        <RadioGroupField label={t('evaluation.settingQuestion')} name="setting" value={setting} onChange={setSetting} error={fields.setting}
          options={SETTINGS.map((s) => ({ value: s, label: t(`evaluation.settingOption.${s}`) }))} />
        <RadioGroupField label={t('evaluation.satisfactionYoungPersonQuestion')} name="satisfactionYoungPerson" value={young} onChange={setYoung}
          error={fields.satisfactionYoungPerson} description={t('evaluation.scoreHelp')} options={scoreOptions} />
        <RadioGroupField label={t('evaluation.satisfactionParentsQuestion')} name="satisfactionParents" value={parents} onChange={setParents}
          error={fields.satisfactionParents} description={t('evaluation.scoreHelp')} options={scoreOptions} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('evaluation.submit')}</Button>
      </form>
    </section>
  );
}
