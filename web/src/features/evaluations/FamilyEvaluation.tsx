/**
 * The family's own part of the evaluation (GET/PUT /api/v1/children/:id/evaluations/family, issue 21.6).
 * The young person and each parent answer in plain words, on a phone, before or after the evaluation
 * meeting: what went well, what should change, is the help part of ordinary life, how satisfied.
 * The answer is theirs: only they change it. Professionals of the network read every answer here.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { ErrorSummary, focusFirstError } from '../../components/ErrorSummary.tsx';
import { RadioGroupField, TextAreaField } from '../../components/forms.tsx';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import type { Child } from '../children/children-types.ts';
import type { FamilyAnswerBody, FamilyAnswerOut, FamilyEvaluationOut } from '../../../../server/modules/evaluations/evaluations.schemas.ts';
import type { Assert, SameValues } from '../../contract.ts';

export type FamilyAnswer = FamilyAnswerOut;
/** GET /api/v1/children/:id/evaluations/family. */
export type FamilyEvaluation = FamilyEvaluationOut;

const ORDINARY = ['yes', 'partly', 'no', 'unsure'] as const;
type _Ordinary = Assert<SameValues<typeof ORDINARY, FamilyAnswerBody['ordinaryLife']>>;
const SCORES = ['1', '2', '3', '4', '5'] as const;
const ORDER = ['wentWell', 'mustChange', 'ordinaryLife'];

export function FamilyEvaluationSection({ child }: { child: Child }) {
  const { t } = useTranslation();
  const loaded = useLoad((s) => api.get<FamilyEvaluation>(`/api/v1/children/${child.id}/evaluations/family`, s), [child.id]);
  const [fresh, setFresh] = useState<FamilyEvaluation | null>(null);
  const data = fresh ?? loaded.data;
  // The young person is addressed as "je"; parents as "u".
  const who = child.access.level === 'self' ? 'self' : 'parent';

  if (loaded.loading && !data) return <Loading />;
  if (loaded.error && !data) return <ErrorAlert error={loaded.error} />;
  if (!data) return null;
  const family = data.allowedActions.includes('answer') || child.access.level === 'self' || child.access.level === 'guardian';
  return (
    <section aria-labelledby="family-evaluation" className="rondom-section">
      <Heading level={3} id="family-evaluation">{family ? t(`familyEval.${who}.title`) : t('familyEval.networkTitle')}</Heading>
      {family
        ? <FamilyForm key={String(data.planVersion)} childId={child.id} who={who} data={data} onSaved={setFresh} />
        : <AnswersList answers={data.answers} />}
    </section>
  );
}

function AnswersList({ answers }: { answers: FamilyAnswer[] }) {
  const { t, i18n } = useTranslation();
  if (answers.length === 0) return <Paragraph>{t('familyEval.noneYet')}</Paragraph>;
  return (
    <>
      {answers.map((a) => (
        <section key={a.id} aria-labelledby={`fam-${a.id}`} className="rondom-card">
          <Heading level={4} id={`fam-${a.id}`}>{t(`familyEval.by.${a.relation}`, { name: a.author })}</Heading>
          <dl className="rondom-dl">
            <div><dt>{t('familyEval.wentWellShort')}</dt><dd>{a.wentWell}</dd></div>
            <div><dt>{t('familyEval.mustChangeShort')}</dt><dd>{a.mustChange}</dd></div>
            <div><dt>{t('familyEval.ordinaryLifeShort')}</dt><dd>{t(`familyEval.ordinary.${a.ordinaryLife}`)}</dd></div>
            <div><dt>{t('familyEval.satisfactionShort')}</dt><dd>{a.satisfaction === null ? t('familyEval.noScore') : t(`evaluation.score.${a.satisfaction}`, { defaultValue: String(a.satisfaction) })}</dd></div>
          </dl>
          <Paragraph className="rondom-hint">{t('familyEval.about', { version: a.planVersion, when: formatDateTime(a.updatedAt, i18n.language) })}</Paragraph>
        </section>
      ))}
    </>
  );
}

function FamilyForm({ childId, who, data, onSaved }: { childId: string; who: 'self' | 'parent'; data: FamilyEvaluation; onSaved: (d: FamilyEvaluation) => void }) {
  const { t, i18n } = useTranslation();
  const mine = data.mine;
  const [wentWell, setWentWell] = useState(mine?.wentWell ?? '');
  const [mustChange, setMustChange] = useState(mine?.mustChange ?? '');
  const [ordinaryLife, setOrdinaryLife] = useState(mine?.ordinaryLife ?? '');
  const [satisfaction, setSatisfaction] = useState(mine?.satisfaction ? String(mine.satisfaction) : '');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const formId = 'family-evaluation-form';

  if (data.planVersion === null) return <Paragraph>{t(`familyEval.${who}.noPlan`)}</Paragraph>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!wentWell.trim()) f.wentWell = t(`familyEval.${who}.wentWellRequired`);
    if (!mustChange.trim()) f.mustChange = t(`familyEval.${who}.mustChangeRequired`);
    if (!ordinaryLife) f.ordinaryLife = t('fieldError.choose');
    setFields(f);
    setSaved(false);
    if (Object.keys(f).length) {
      focusFirstError(formId, ORDER, f, { ordinaryLife: 'ordinaryLife' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await api.put<FamilyEvaluation>(`/api/v1/children/${childId}/evaluations/family`, {
        wentWell: wentWell.trim(), mustChange: mustChange.trim(), ordinaryLife, ...(satisfaction ? { satisfaction: Number(satisfaction) } : {}),
      }, mine?.version ?? 0);
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setError(err);
      if (isApiError(err) && err.isConflict) onSaved(err.current as FamilyEvaluation);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Paragraph>{t(`familyEval.${who}.intro`)}</Paragraph>
      {data.nextEvaluationOn && <Paragraph>{t('familyEval.nextMeeting', { date: formatDate(data.nextEvaluationOn, i18n.language) })}</Paragraph>}
      {saved && (
        <div ref={(el) => { savedRef.current = el; el?.focus(); }} tabIndex={-1}>
          <SuccessAlert>{t(`familyEval.${who}.saved`)}</SuccessAlert>
        </div>
      )}
      {error !== null && !Object.keys(fields).length && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <ErrorSummary formId={formId} order={ORDER} fields={fields} groups={{ ordinaryLife: 'ordinaryLife' }}
        labels={{ wentWell: t(`familyEval.${who}.wentWell`), mustChange: t(`familyEval.${who}.mustChange`), ordinaryLife: t(`familyEval.${who}.ordinaryLife`) }} />
      <form id={formId} onSubmit={(e) => void submit(e)} className="rondom-form" noValidate>
        <TextAreaField label={t(`familyEval.${who}.wentWell`)} name="wentWell" value={wentWell} onChange={setWentWell} error={fields.wentWell} rows={3} maxLength={2000} />
        <TextAreaField label={t(`familyEval.${who}.mustChange`)} name="mustChange" value={mustChange} onChange={setMustChange} error={fields.mustChange} rows={3} maxLength={2000} />
        <RadioGroupField label={t(`familyEval.${who}.ordinaryLife`)} name="ordinaryLife" value={ordinaryLife} onChange={setOrdinaryLife} error={fields.ordinaryLife}
          description={t(`familyEval.${who}.ordinaryLifeHelp`)} options={ORDINARY.map((o) => ({ value: o, label: t(`familyEval.ordinary.${o}`) }))} />
        <RadioGroupField label={t(`familyEval.${who}.satisfaction`)} name="satisfaction" value={satisfaction} onChange={setSatisfaction}
          options={[{ value: '', label: t('familyEval.noScore') }, ...SCORES.map((s) => ({ value: s, label: t(`evaluation.score.${s}`) }))]} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{mine ? t('familyEval.update') : t('familyEval.send')}</Button>
      </form>
      {mine && <Paragraph className="rondom-hint">{t('familyEval.yours', { when: formatDateTime(mine.updatedAt, i18n.language) })}</Paragraph>}
    </>
  );
}
