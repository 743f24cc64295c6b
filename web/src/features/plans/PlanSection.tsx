/**
 * The plan in plain language: goals, who does what by when, the next evaluation.
 * Professionals with the right edit it (PUT with If-Match; a 409 shows what changed).
 * Parents and young people agree or disagree per version, with a comment.
 */
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, request } from '../../api.ts';
import { ConflictPanel, diffFields } from '../../components/ConflictPanel.tsx';
import { TextAreaField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { can, itemsOf, type Plan, type PlanVersion } from '../children/children-types.ts';

export function PlanSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const plan = useLoad(async (s) => {
    const res = await request<Plan>('GET', `/api/v1/children/${childId}/plan`, { signal: s });
    return { ...res.data, version: res.etagVersion ?? res.data.version ?? res.data.versionNumber };
  }, [childId]);
  const versions = useLoad((s) => api.get<unknown>(`/api/v1/children/${childId}/plan/versions`, s).then((d) => itemsOf<PlanVersion>(d)), [childId]);
  const [editing, setEditing] = useState(false);

  return (
    <>
      <DataSection title={t('plan.title')} level={3} loaded={plan} emptyText="">
        {(p) => (
          <>
            <PlanView plan={p} />
            {can(p.allowedActions, 'editPlan') && !editing && (
              <Button appearance="secondary-action-button" onClick={() => setEditing(true)}>{t('plan.edit')}</Button>
            )}
            {editing && <PlanEditor childId={childId} plan={p} onDone={() => { setEditing(false); plan.reload(); versions.reload(); }} onCancel={() => setEditing(false)} />}
          </>
        )}
      </DataSection>
      <DataSection title={t('plan.versionsTitle')} level={3} loaded={versions} empty={(d) => d.length === 0} emptyText={t('plan.noVersions')}>
        {(items) => (
          <>
            {items.map((v) => <VersionCard key={v.number} childId={childId} version={v} onSaved={versions.reload} />)}
          </>
        )}
      </DataSection>
    </>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Paragraph>{t('plan.versionLine', { n: plan.versionNumber })}{plan.nextEvaluationOn ? ` ${t('plan.nextEvaluation', { date: formatDate(plan.nextEvaluationOn, i18n.language) })}` : ''}</Paragraph>
      <Heading level={4}>{t('plan.goals')}</Heading>
      {plan.goals.length === 0 ? <Paragraph>{t('plan.noGoals')}</Paragraph> : (
        <UnorderedList className="rondom-list">{plan.goals.map((g, i) => <UnorderedListItem key={g.id ?? i}>{g.text}</UnorderedListItem>)}</UnorderedList>
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
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.actions.map((a, i) => (
                <TableRow key={a.id ?? i}>
                  <TableCell>{a.what}</TableCell>
                  <TableCell>{a.who}</TableCell>
                  <TableCell>{formatDate(a.dueOn, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

/** Edits the goals (one per line). Keeps the text on any failure; on 409 offers a choice. */
function PlanEditor({ childId, plan, onDone, onCancel }: { childId: string; plan: Plan; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [goals, setGoals] = useState(plan.goals.map((g) => g.text).join('\n'));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Plan | null>(null);
  const [busy, setBusy] = useState(false);

  const body = () => ({
    goals: goals.split('\n').map((s) => s.trim()).filter(Boolean).map((text) => ({ text })),
    actions: plan.actions,
    nextEvaluationOn: plan.nextEvaluationOn ?? null,
  });

  const save = async (version: number | undefined) => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/v1/children/${childId}/plan`, body(), version);
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
    if (!goals.trim()) { setFields({ goals: t('plan.goalRequired') }); return; }
    setFields({});
    void save(plan.version);
  };

  const mine = { goals: body().goals.map((g) => g.text) };
  return (
    <section aria-labelledby="edit-plan" className="rondom-section">
      <Heading level={4} id="edit-plan">{t('plan.editTitle')}</Heading>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {conflict && (
        <ConflictPanel
          changes={diffFields(mine, { goals: conflict.goals.map((g) => g.text) }, { goals: t('plan.goals') })}
          onUseTheirs={() => { setConflict(null); onDone(); }}
          onOverwrite={() => void save(conflict.version ?? conflict.versionNumber)}
          busy={busy}
        />
      )}
      <form onSubmit={submit} noValidate className="rondom-form">
        <TextAreaField label={t('plan.goals')} name="goals" value={goals} onChange={setGoals} error={fields.goals} description={t('plan.goalsHelp')} rows={5} required />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('plan.save')}</Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('common.cancel')}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function VersionCard({ childId, version, onSaved }: { childId: string; version: PlanVersion; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [comment, setComment] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState('');
  const headingId = `version-${version.number}`;
  const allowed = version.allowedActions;

  const opinion = async (value: 'agree' | 'disagree') => {
    if (value === 'disagree' && !comment.trim()) { setFields({ comment: t('plan.disagreeNeedsComment') }); return; }
    setFields({});
    setBusy(value);
    setError(null);
    try {
      await api.post(`/api/v1/children/${childId}/plan/versions/${version.number}/opinion`, { opinion: value, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setDone(value === 'agree' ? t('plan.agreed') : t('plan.disagreed'));
      setComment('');
      onSaved();
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy('');
    }
  };

  const addComment = async () => {
    if (!comment.trim()) { setFields({ comment: t('plan.commentRequired') }); return; }
    setFields({});
    setBusy('comment');
    setError(null);
    try {
      await api.post(`/api/v1/children/${childId}/plan/versions/${version.number}/comments`, { text: comment.trim() });
      setDone(t('plan.commented'));
      setComment('');
      onSaved();
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy('');
    }
  };

  const canOpinion = can(allowed, 'givePlanOpinion');
  const canComment = can(allowed, 'commentPlan');
  return (
    <section aria-labelledby={headingId} className="rondom-card">
      <Heading level={4} id={headingId}>{t('plan.versionTitle', { n: version.number })}</Heading>
      {version.createdAt && <Paragraph className="rondom-hint">{formatDate(version.createdAt, i18n.language)}{version.createdByName ? ` — ${version.createdByName}` : ''}</Paragraph>}
      {version.goals && version.goals.length > 0 && (
        <UnorderedList className="rondom-list">{version.goals.map((g, i) => <UnorderedListItem key={g.id ?? i}>{g.text}</UnorderedListItem>)}</UnorderedList>
      )}
      {(version.opinions ?? []).map((o, i) => (
        <Paragraph key={`o-${i}`}>{t(o.opinion === 'agree' ? 'plan.opinionAgree' : 'plan.opinionDisagree', { name: o.displayName ?? '' })}{o.comment ? `: "${o.comment}"` : ''}</Paragraph>
      ))}
      {(version.comments ?? []).map((c, i) => <Paragraph key={`c-${i}`}>{c.displayName ? `${c.displayName}: ` : ''}{c.text}</Paragraph>)}
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {(canOpinion || canComment) && (
        <form onSubmit={(e) => { e.preventDefault(); void addComment(); }} noValidate className="rondom-form">
          <TextAreaField label={t('plan.yourComment', { n: version.number })} name={`comment-${version.number}`} value={comment} onChange={setComment} error={fields.comment ?? fields.text} rows={3} />
          <ButtonGroup>
            {canOpinion && <Button type="button" appearance="primary-action-button" busy={busy === 'agree'} disabled={busy !== ''} onClick={() => void opinion('agree')}>{t('plan.agree')}</Button>}
            {canOpinion && <Button type="button" appearance="secondary-action-button" busy={busy === 'disagree'} disabled={busy !== ''} onClick={() => void opinion('disagree')}>{t('plan.disagree')}</Button>}
            {canComment && <Button type="submit" appearance="subtle-button" busy={busy === 'comment'} disabled={busy !== ''}>{t('plan.addComment')}</Button>}
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
