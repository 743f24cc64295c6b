/**
 * The plan in plain language: goals, who does what by when, the next evaluation.
 * Professionals with the right write a new version (PUT with If-Match; a 409 shows
 * what changed). Parents and young people agree or disagree per version, with a
 * comment; everyone in the network may comment.
 */
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { DisagreementSection } from './DisagreementSection.tsx';
import { ConflictPanel, diffFields } from '../../components/ConflictPanel.tsx';
import { TextAreaField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { can, type Plan, type PlanVersionSummary } from '../children/children-types.ts';
import type { PlanBody } from '../../../../server/modules/plans/plans.schemas.ts';

export function PlanSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const plan = useLoad((s) => api.get<Plan>(`/api/v1/children/${childId}/plan`, s), [childId]);
  const versions = useLoad((s) => api.get<PlanVersionSummary[]>(`/api/v1/children/${childId}/plan/versions`, s), [childId]);
  const [editing, setEditing] = useState(false);
  const reloadAll = () => { plan.reload(); versions.reload(); };

  return (
    <>
      <DataSection title={t('plan.title')} level={3} loaded={plan} emptyText="">
        {(p) => (
          <>
            {p.versionNumber === 0 ? <Paragraph>{t('plan.noPlanYet')}</Paragraph> : <PlanView plan={p} />}
            {can(p.allowedActions, 'editPlan') && !editing && (
              <Button appearance="secondary-action-button" onClick={() => setEditing(true)}>{p.versionNumber === 0 ? t('plan.write') : t('plan.edit')}</Button>
            )}
            {editing && <PlanEditor childId={childId} plan={p} onDone={() => { setEditing(false); reloadAll(); }} onCancel={() => setEditing(false)} />}
          </>
        )}
      </DataSection>
      <DataSection title={t('plan.versionsTitle')} level={3} loaded={versions} empty={(d) => d.length === 0} emptyText={t('plan.noVersions')}>
        {(items) => (
          <>
            <Paragraph>{t('plan.versionsIntro')}</Paragraph>
            {items.map((v) => <VersionCard key={v.number} childId={childId} summary={v} onSaved={versions.reload} />)}
          </>
        )}
      </DataSection>
      {(plan.data?.versionNumber ?? 0) > 0 && <DisagreementSection childId={childId} />}
    </>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Paragraph>
        {t('plan.versionLine', { n: plan.versionNumber, date: formatDate(plan.createdAt, i18n.language), by: plan.createdBy ?? '—' })}
        {plan.lead && <> {t('plan.leadLine', { name: plan.lead.displayName })}</>}
      </Paragraph>
      {plan.nextEvaluationOn && <Paragraph>{t('plan.nextEvaluation', { date: formatDate(plan.nextEvaluationOn, i18n.language) })}</Paragraph>}
      <Heading level={4}>{t('plan.goals')}</Heading>
      {plan.goals.length === 0 ? <Paragraph>{t('plan.noGoals')}</Paragraph> : (
        <UnorderedList className="rondom-list">{plan.goals.map((g) => <UnorderedListItem key={g.id}>{g.text}</UnorderedListItem>)}</UnorderedList>
      )}
      <Heading level={4}>{t('plan.actions')}</Heading>
      {plan.actions.length === 0 ? <Paragraph>{t('plan.noActions')}</Paragraph> : (
        <div className="rondom-table-scroll">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('plan.what')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.who')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.actions.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{a.what}</TableCell>
                  <TableCell>{a.owner.name}{a.owner.organisationName ? ` (${a.owner.organisationName})` : ''}</TableCell>
                  <TableCell>{formatDate(a.dueOn, i18n.language)}</TableCell>
                  <TableCell>{t(`actionStatus.${a.status}`, { defaultValue: a.status })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

/** Edits the goals (one per line) and writes a new version. Keeps the text on any failure; on 409 offers a choice. */
function PlanEditor({ childId, plan, onDone, onCancel }: { childId: string; plan: Plan; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [goals, setGoals] = useState(plan.goals.map((g) => g.text).join('\n'));
  const [nextEvaluationOn, setNext] = useState(plan.nextEvaluationOn ?? '');
  const [summary, setSummary] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Plan | null>(null);
  const [busy, setBusy] = useState(false);

  const goalTexts = () => goals.split('\n').map((s) => s.trim()).filter(Boolean);
  const body = (base: Plan): PlanBody => {
    const texts = goalTexts();
    const goalsOut = texts.map((text, i) => (base.goals[i] ? { id: base.goals[i].id, text } : { text }));
    const ids = new Set(goalsOut.map((g) => g.id).filter(Boolean));
    return {
      goals: goalsOut,
      actions: base.actions.map((a) => ({
        id: a.id, goalId: a.goalId && ids.has(a.goalId) ? a.goalId : null, what: a.what,
        ...(a.owner.userId ? { ownerUserId: a.owner.userId } : { ownerName: a.owner.name }), dueOn: a.dueOn, status: a.status,
      })),
      nextEvaluationOn: nextEvaluationOn || null,
      changeSummary: summary.trim(),
    };
  };

  const save = async (base: Plan) => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/v1/children/${childId}/plan`, body(base), base.versionNumber);
      onDone();
    } catch (err) {
      if (isApiError(err) && err.isConflict) setConflict((err.current as Plan | undefined) ?? { ...plan, goals: [] });
      else { setError(err); setFields(fieldErrorsOf(t, err)); }
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (goalTexts().length === 0) f.goals = t('plan.goalRequired');
    if (summary.trim().length < 3) f.changeSummary = t('plan.summaryRequired');
    setFields(f);
    if (Object.keys(f).length) return;
    void save(conflict ?? plan);
  };

  return (
    <section aria-labelledby="edit-plan" className="rondom-section">
      <Heading level={4} id="edit-plan">{t('plan.editTitle')}</Heading>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {conflict && (
        <ConflictPanel
          changes={diffFields({ goals: goalTexts() }, { goals: conflict.goals.map((g) => g.text) }, { goals: t('plan.goals') })}
          onUseTheirs={() => { setConflict(null); onDone(); }}
          onOverwrite={() => void save(conflict)}
          busy={busy}
        />
      )}
      <form onSubmit={submit} noValidate className="rondom-form">
        <TextAreaField label={t('plan.goals')} name="goals" value={goals} onChange={setGoals} error={fields.goals} description={t('plan.goalsHelp')} rows={5} required />
        <TextField label={t('plan.nextEvaluationLabel')} name="nextEvaluationOn" type="date" value={nextEvaluationOn} onChange={setNext} error={fields.nextEvaluationOn} />
        <TextField label={t('plan.changeSummary')} name="changeSummary" value={summary} onChange={setSummary} error={fields.changeSummary} description={t('plan.changeSummaryHelp')} required />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('plan.save')}</Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('common.cancel')}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** One version: what changed, opinions and comments, and the family's answer. */
function VersionCard({ childId, summary, onSaved }: { childId: string; summary: PlanVersionSummary; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const detail = useLoad((s) => api.get<Plan>(`/api/v1/children/${childId}/plan/versions/${summary.number}`, s), [childId, summary.number]);
  const [comment, setComment] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState('');
  const headingId = `version-${summary.number}`;
  const v = detail.data;

  const send = async (kind: 'agree' | 'disagree' | 'comment') => {
    const text = comment.trim();
    if (kind === 'disagree' && !text) { setFields({ comment: t('plan.disagreeNeedsComment') }); return; }
    if (kind === 'comment' && !text) { setFields({ comment: t('plan.commentRequired') }); return; }
    setFields({});
    setBusy(kind);
    setError(null);
    setDone('');
    try {
      if (kind === 'comment') await api.post(`/api/v1/children/${childId}/plan/versions/${summary.number}/comments`, { text });
      else await api.post(`/api/v1/children/${childId}/plan/versions/${summary.number}/opinion`, { opinion: kind, ...(text ? { comment: text } : {}) });
      setDone(kind === 'agree' ? t('plan.agreed', { n: summary.number }) : kind === 'disagree' ? t('plan.disagreed', { n: summary.number }) : t('plan.commented'));
      setComment('');
      detail.reload();
      onSaved();
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy('');
    }
  };

  const mine = v?.opinions.find((o) => o.userId === me.id);
  const canOpinion = can(v?.allowedActions, 'givePlanOpinion');
  const canComment = can(v?.allowedActions, 'commentPlan');
  return (
    <section aria-labelledby={headingId} className="rondom-card">
      <Heading level={4} id={headingId}>{t('plan.versionTitle', { n: summary.number })}</Heading>
      <Paragraph>{summary.changeSummary}</Paragraph>
      <Paragraph className="rondom-hint">{t('plan.versionBy', { date: formatDate(summary.createdAt, i18n.language), by: summary.createdBy })}</Paragraph>
      {detail.loading && !v && <Loading />}
      {v && (
        <>
          {v.opinions.length > 0 && (
            <UnorderedList className="rondom-list">
              {v.opinions.map((o) => (
                <UnorderedListItem key={`o-${o.userId}`}>
                  {t(o.opinion === 'agree' ? 'plan.opinionAgree' : 'plan.opinionDisagree', { name: o.userId === me.id ? t('plan.you') : o.displayName })}
                  {o.comment ? `: “${o.comment}”` : ''}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          {v.comments.length > 0 && (
            <>
              <Heading level={5}>{t('plan.comments')}</Heading>
              <UnorderedList className="rondom-list">
                {v.comments.map((c) => <UnorderedListItem key={c.id}>{c.author}: {c.text}</UnorderedListItem>)}
              </UnorderedList>
            </>
          )}
        </>
      )}
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {(canOpinion || canComment) && (
        <form onSubmit={(e) => { e.preventDefault(); void send('comment'); }} noValidate className="rondom-form">
          {canOpinion && <Paragraph>{mine ? t(mine.opinion === 'agree' ? 'plan.youAgreed' : 'plan.youDisagreed') : t('plan.askOpinion')}</Paragraph>}
          <TextAreaField label={t('plan.yourComment', { n: summary.number })} name={`comment-${summary.number}`} value={comment} onChange={setComment} error={fields.comment ?? fields.text} rows={3} />
          <ButtonGroup>
            {canOpinion && <Button type="button" appearance="primary-action-button" busy={busy === 'agree'} disabled={busy !== ''} onClick={() => void send('agree')}>{t('plan.agree')}</Button>}
            {canOpinion && <Button type="button" appearance="secondary-action-button" busy={busy === 'disagree'} disabled={busy !== ''} onClick={() => void send('disagree')}>{t('plan.disagree')}</Button>}
            {canComment && <Button type="submit" appearance="subtle-button" busy={busy === 'comment'} disabled={busy !== ''}>{t('plan.addComment')}</Button>}
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
