/**
 * "Vragenlijst" (/questionnaire): the self-assessment rounds the signed-in user is invited to
 * (GET /api/v1/partnerships/invitations), answered one part at a time, on a phone and by keyboard.
 * Parents and young people get the plain-language wording from the server; the young person is
 * addressed as "je", everyone else as "u". The answer is sent once and anonymously; the
 * confirmation stays on screen after the invitation is gone from the list.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorSummary, focusFirstError } from '../../components/ErrorSummary.tsx';
import { RadioGroupField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import { useMe } from '../../session.tsx';
import type { QuestionnaireInvitation } from './assessment-types.ts';
import { local } from './partnership-types.ts';

const SKIP = 'skip';

export function QuestionnairePage() {
  const { t } = useTranslation();
  const me = useMe();
  // "je" for the young person, "u" for parents and professionals.
  const k = (key: string) => `questionnaire.${me.kind === 'young_person' ? 'je' : 'u'}.${key}`;
  const list = useLoad((s) => api.get<QuestionnaireInvitation[]>('/api/v1/partnerships/invitations', s), []);
  const [open, setOpen] = useState('');
  const [sent, setSent] = useState('');
  // Rounds answered here leave the list at once, not only when it has reloaded.
  const [sentIds, setSentIds] = useState<string[]>([]);
  const sentRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (sent) sentRef.current?.focus(); }, [sent]);
  const items = (list.data ?? []).filter((i) => !sentIds.includes(i.roundId));
  const current = items.find((i) => i.roundId === open) ?? (items.length === 1 ? items[0] : undefined);
  return (
    <>
      <PageTitle>{t('questionnaire.title')}</PageTitle>
      {sent && (
        <div ref={sentRef} tabIndex={-1} className="rondom-done">
          <SuccessAlert>{t(k('sent'), { title: sent })}</SuccessAlert>
          <Paragraph><AppLink href="/">{t('questionnaire.backHome')}</AppLink></Paragraph>
        </div>
      )}
      {current ? (
        <AnswerForm key={current.roundId} inv={current} k={k} onSent={() => { setSent(current.roundTitle); setSentIds((x) => [...x, current.roundId]); setOpen(''); list.reload(); }} />
      ) : (
        <DataSection title={t('questionnaire.openTitle')} loaded={list} empty={() => items.length === 0} emptyText={t(k('none'))}>
          {() => (
            <>
              <Paragraph>{t(k('choose'))}</Paragraph>
              {items.map((inv) => (
                <section key={inv.roundId} aria-labelledby={`inv-${inv.roundId}`} className="rondom-card">
                  <Heading level={3} id={`inv-${inv.roundId}`}>{inv.roundTitle}</Heading>
                  <Invitation inv={inv} />
                  <Button appearance="primary-action-button" onClick={() => { setOpen(inv.roundId); setSent(''); }}
                    aria-describedby={`inv-${inv.roundId}`}>{t('questionnaire.begin')}</Button>
                </section>
              ))}
            </>
          )}
        </DataSection>
      )}
    </>
  );
}

function Invitation({ inv }: { inv: QuestionnaireInvitation }) {
  const { t, i18n } = useTranslation();
  return (
    <Paragraph>
      {t('questionnaire.from', { partnership: inv.partnershipName })}
      {inv.closesOn && <> {t('questionnaire.until', { date: formatDate(inv.closesOn, i18n.language) })}</>}
    </Paragraph>
  );
}

function AnswerForm({ inv, k, onSent }: { inv: QuestionnaireInvitation; k: (key: string) => string; onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const { busy, error, fields, setFields, save } = useSave();
  const stepRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => { if (moved.current) stepRef.current?.focus(); }, [step]);
  const parts = inv.elements.filter((e) => e.items.length > 0);
  const part = parts[step]!;
  const last = step === parts.length - 1;
  const formId = `questionnaire-${inv.roundId}`;
  const name = (itemId: string) => `item-${itemId}`;
  const order = part.items.map((i) => name(i.id));
  const labels = Object.fromEntries(part.items.map((i, n) => [name(i.id), t('questionnaire.questionN', { n: n + 1 })]));
  const scale = [
    ...Array.from({ length: inv.scaleMax - inv.scaleMin + 1 }, (_, n) => String(inv.scaleMin + n)).map((v) => ({ value: v, label: t(`questionnaire.scale.${v}`, { defaultValue: v }) })),
    { value: SKIP, label: t('questionnaire.scale.skip') },
  ];

  const checkStep = (): boolean => {
    const f: Record<string, string> = {};
    for (const i of part.items) if (!answers[i.id]) f[name(i.id)] = t(k('chooseAnswer'));
    setFields(f);
    if (Object.keys(f).length) { focusFirstError(formId, order, f); return false; }
    return true;
  };
  const go = (to: number) => { moved.current = true; setFields({}); setStep(to); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!checkStep()) return;
    if (!last) { go(step + 1); return; }
    const scored = Object.entries(answers).filter(([, v]) => v !== SKIP).map(([itemId, v]) => ({ itemId, score: Number(v) }));
    if (scored.length === 0) {
      const f = { [order[0]!]: t(k('atLeastOne')) };
      setFields(f);
      focusFirstError(formId, order, f);
      return;
    }
    await save(async () => {
      await api.post(`/api/v1/partnerships/rounds/${inv.roundId}/responses`, { answers: scored });
      onSent();
    }, () => ({}));
  };

  return (
    <section aria-labelledby={`${formId}-title`} className="rondom-section rondom-questionnaire">
      <Heading level={2} id={`${formId}-title`}>{inv.roundTitle}</Heading>
      <Invitation inv={inv} />
      {step === 0 && (
        <>
          <Paragraph>{t(k(inv.wording === 'plain' ? 'introFamily' : 'intro'))}</Paragraph>
          <Paragraph>{t(k('anonymous'))}</Paragraph>
        </>
      )}
      {error !== null && <ErrorAlert error={error} prefix={t('questionnaire.notSent')} />}
      <ErrorSummary formId={formId} order={order} fields={fields} labels={labels} />
      <form id={formId} onSubmit={submit} noValidate className="rondom-form">
        <Heading level={3} ref={stepRef} tabIndex={-1}>
          {t('questionnaire.part', { n: step + 1, of: parts.length, name: local(lang, part.nameNl, part.nameEn) })}
        </Heading>
        {part.items.map((i, n) => (
          <RadioGroupField key={i.id} name={name(i.id)} value={answers[i.id] ?? ''} onChange={(v) => setAnswers((a) => ({ ...a, [i.id]: v }))}
            label={<><span className="rondom-visually-hidden">{t('questionnaire.questionN', { n: n + 1 })}: </span>{local(lang, i.textNl, i.textEn)}</>}
            error={fields[name(i.id)]} options={scale} />
        ))}
        <div className="rondom-actions">
          {last
            ? <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('questionnaire.send')}</Button>
            : <Button type="submit" appearance="primary-action-button">{t('questionnaire.next')}</Button>}
          {step > 0 && <Button type="button" appearance="secondary-action-button" onClick={() => go(step - 1)}>{t('questionnaire.previous')}</Button>}
        </div>
      </form>
    </section>
  );
}
