/**
 * Integrated meetings: plan one with the network, record decisions (a decision
 * with an action becomes a plan action), finish it with a report (If-Match on the
 * meeting; a 409 shows what changed) and share the report with the family.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, FieldsetLegend, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { ConflictPanel, diffFields } from '../../components/ConflictPanel.tsx';
import { CheckboxField, Form, SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { can, type Child, type Meeting, type MeetingDecision, type Network, type Plan } from '../children/children-types.ts';
import { AttendanceForm } from './AttendanceForm.tsx';
import { today } from '../../../../shared/dates.ts';


export function MeetingsSection({ child }: { child: Child }) {
  const { t } = useTranslation();
  const manage = can(child.allowedActions, 'manageMeetings');
  const meetings = useLoad((s) => api.get<Meeting[]>(`/api/v1/children/${child.id}/meetings`, s), [child.id]);
  const network = useLoad((s) => (manage ? api.get<Network>(`/api/v1/children/${child.id}/network`, s) : Promise.resolve(null)), [child.id, manage]);
  return (
    <DataSection title={t('meeting.title')} level={3} hideTitle loaded={meetings} emptyText="">
      {(items) => (
        <>
          {items.length === 0 && <Paragraph>{t('meeting.none')}</Paragraph>}
          {items.map((m) => <MeetingCard key={m.id} childId={child.id} meeting={m} network={network.data ?? null} onSaved={meetings.reload} />)}
          {manage && network.data && <NewMeetingForm childId={child.id} network={network.data} onSaved={meetings.reload} />}
        </>
      )}
    </DataSection>
  );
}

function NewMeetingForm({ childId, network, onSaved }: { childId: string; network: Network; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form, setForm] = useState({ date: '', time: '', agenda: '', childVoice: '' });
  const [who, setWho] = useState<string[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const pros = network.involvements.filter((i) => i.userId !== me.id);
  const parents = network.members.filter((m) => m.relation === 'parent' && m.userId);
  const toggle = (key: string) => (on: boolean) => setWho((xs) => (on ? [...xs, key] : xs.filter((x) => x !== key)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.date) f.date = t('fieldError.date');
    if (!form.time) f.time = t('meeting.timeRequired');
    const agenda = form.agenda.split('\n').map((s) => s.trim()).filter(Boolean);
    if (agenda.length === 0) f.agenda = t('meeting.agendaRequired');
    setFields(f);
    setDone(false);
    if (Object.keys(f).length) return;
    const mine = network.involvements.find((i) => i.userId === me.id);
    const participants = [
      // You chair: an independent chair does not also decide for an organisation (the mandate can be set on the meeting).
      ...(mine ? [{ kind: 'professional' as const, userId: me.id, organisationId: mine.organisationId, hasMandate: false }] : []),
      ...pros.filter((p) => who.includes(`pro:${p.id}`)).map((p) => ({ kind: 'professional' as const, userId: p.userId, organisationId: p.organisationId, hasMandate: true })),
      ...parents.filter((p) => who.includes(`parent:${p.userId}`)).map((p) => ({ kind: 'parent' as const, userId: p.userId! })),
      ...(form.childVoice.trim() ? [{ kind: 'child_voice' as const, childVoice: form.childVoice.trim() }] : []),
    ];
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/children/${childId}/meetings`, {
        scheduledAt: new Date(`${form.date}T${form.time}:00`).toISOString(), chairUserId: me.id, agenda, participants,
      });
      setDone(true);
      setForm({ date: '', time: '', agenda: '', childVoice: '' });
      setWho([]);
      onSaved();
    } catch (err) {
      setError(err);
      const fe = fieldErrorsOf(t, err);
      setFields({ ...fe, ...(fe.scheduledAt ? { date: fe.scheduledAt } : {}) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-meeting" className="rondom-section">
      <Heading level={4} id="new-meeting">{t('meeting.newTitle')}</Heading>
      {done && <SuccessAlert>{t('meeting.planned')}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <Form onSubmit={submit}>
        <TextField label={t('meeting.date')} name="date" type="date" value={form.date} onChange={set('date')} error={fields.date} required />
        <TextField label={t('meeting.time')} name="time" type="time" value={form.time} onChange={set('time')} error={fields.time} required />
        <TextAreaField label={t('meeting.agenda')} name="agenda" value={form.agenda} onChange={set('agenda')} error={fields.agenda} description={t('meeting.agendaHelp')} rows={3} required />
        <Fieldset>
          <FieldsetLegend>{t('meeting.participants')}</FieldsetLegend>
          <Paragraph className="rondom-hint">{t('meeting.youChair')}</Paragraph>
          {pros.map((p) => (
            <CheckboxField key={p.id} name={`pro-${p.id}`} label={`${p.displayName} — ${p.organisationName}`} checked={who.includes(`pro:${p.id}`)} onChange={toggle(`pro:${p.id}`)} />
          ))}
          {parents.map((p) => (
            <CheckboxField key={p.userId!} name={`parent-${p.userId}`} label={`${p.displayName} (${t('relation.parent')})`} checked={who.includes(`parent:${p.userId}`)} onChange={toggle(`parent:${p.userId}`)} />
          ))}
        </Fieldset>
        <TextAreaField label={t('meeting.childVoice')} name="childVoice" value={form.childVoice} onChange={set('childVoice')} error={fields.childVoice} description={t('meeting.childVoiceHelp')} rows={2} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('meeting.plan')}</Button>
      </Form>
    </section>
  );
}

function MeetingCard({ childId, meeting, network, onSaved }: { childId: string; meeting: Meeting; network: Network | null; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const nl = i18n.language.startsWith('nl');
  const manage = can(meeting.allowedActions, 'manageMeetings');
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const headingId = `meeting-${meeting.id}`;

  const share = async () => {
    setBusy('share');
    setError(null);
    try {
      await api.post(`/api/v1/children/${childId}/meetings/${meeting.id}/share-report`);
      setDone(t('meeting.reportShared'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy('');
    }
  };

  return (
    <section aria-labelledby={headingId} className="rondom-card">
      <Heading level={4} id={headingId}>{t('meeting.cardTitle', { date: formatDateTime(meeting.scheduledAt, i18n.language) })}</Heading>
      <Paragraph>
        {t(`meetingStatus.${meeting.status}`, { defaultValue: meeting.status })}
        {meeting.heldOn && <> — {t('meeting.heldOn', { date: formatDate(meeting.heldOn, i18n.language) })}</>}
        {' — '}{t('meeting.chair', { name: meeting.chairName })}
      </Paragraph>
      {meeting.warnings.length > 0 && (
        <Alert type="warning">
          {meeting.warnings.map((w) => <Paragraph key={w.code}>{nl ? w.messageNl : w.message}</Paragraph>)}
        </Alert>
      )}
      {meeting.agenda.length > 0 && (
        <>
          <Heading level={5}>{t('meeting.agenda')}</Heading>
          <UnorderedList className="rondom-list">{meeting.agenda.map((a, i) => <UnorderedListItem key={i}>{a}</UnorderedListItem>)}</UnorderedList>
        </>
      )}
      {manage && meeting.status !== 'cancelled' && meeting.participants.some((p) => p.kind !== 'child_voice') && <AttendanceForm childId={childId} meeting={meeting} onSaved={onSaved} />}
      {meeting.participants.length > 0 && !(manage && meeting.status !== 'cancelled') && (
        <>
          <Heading level={5}>{t('meeting.participants')}</Heading>
          <UnorderedList className="rondom-list">
            {meeting.participants.map((p) => (
              <UnorderedListItem key={p.id}>
                {p.kind === 'child_voice' ? t('meeting.childVoiceLine', { text: p.childVoice ?? '' }) : `${p.name}${p.organisationName ? ` (${p.organisationName})` : ''}`}
                {p.isChair ? ` — ${t('mandate.chairRole')}` : ''}
                {p.hasMandate && p.kind === 'professional' ? ` — ${t('meeting.mandate')}` : ''}
                {p.present === true ? ` — ${t('meeting.present')}` : p.present === false ? ` — ${t('meeting.absent')}` : ''}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {meeting.decisions.length > 0 && (
        <>
          <Heading level={5}>{t('meeting.decisions')}</Heading>
          <UnorderedList className="rondom-list">
            {meeting.decisions.map((d) => <UnorderedListItem key={d.id}>{d.text} {decisionState(t, d, i18n.language)}</UnorderedListItem>)}
          </UnorderedList>
        </>
      )}
      {meeting.report && (
        <>
          <Heading level={5}>{t('meeting.report')}</Heading>
          <Paragraph className="rondom-report">{meeting.report}</Paragraph>
        </>
      )}
      {meeting.reportSharedAt && <Paragraph>{t('meeting.reportSharedOn', { date: formatDate(meeting.reportSharedAt, i18n.language) })}</Paragraph>}
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      {manage && meeting.status !== 'cancelled' && network && <DecisionForm childId={childId} meeting={meeting} network={network} onSaved={onSaved} />}
      {manage && meeting.status === 'planned' && <FinishForm childId={childId} meeting={meeting} onSaved={onSaved} />}
      {manage && meeting.status === 'held' && meeting.report && !meeting.reportSharedAt && (
        <Button appearance="primary-action-button" busy={busy === 'share'} disabled={busy !== ''} onClick={() => void share()}>{t('meeting.shareReport')}</Button>
      )}
    </section>
  );
}

/** How far a decision is: in the plan, waiting for the organisation, or its answer. */
function decisionState(t: ReturnType<typeof useTranslation>['t'], d: MeetingDecision, lang: string): string {
  const org = d.organisationName ?? '';
  if (d.status === 'proposed') return `(${t('mandate.stateProposed', { organisation: org })})`;
  if (d.status === 'confirmed') return `(${t('mandate.stateConfirmed', { organisation: org, name: d.answeredBy ?? '', date: formatDate(d.answeredAt, lang) })}${d.planActionId ? `; ${t('meeting.inPlan')}` : ''})`;
  if (d.status === 'declined') return `(${t('mandate.stateDeclined', { organisation: org, name: d.answeredBy ?? '', note: d.answerNote ?? '' })})`;
  return d.planActionId ? `(${t('meeting.inPlan')})` : '';
}

function DecisionForm({ childId, meeting, network, onSaved }: { childId: string; meeting: Meeting; network: Network; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ text: '', what: '', ownerUserId: '', dueOn: '', commits: '' });
  const { busy, error, fields, setFields, save } = useSave();
  const [done, setDone] = useState('');
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const sfx = meeting.id.slice(0, 8);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (form.text.trim().length < 3) f.text = t('meeting.decisionRequired');
    const withAction = form.what.trim() !== '';
    if (withAction && form.what.trim().length < 3) f.what = t('fieldError.generic');
    if (withAction && !form.ownerUserId) f.ownerUserId = t('fieldError.choose');
    setFields(f);
    setDone('');
    if (Object.keys(f).length) return;
    await save(async () => {
      const res = await api.post<{ meeting: Meeting; plan: Plan }>(`/api/v1/children/${childId}/meetings/${meeting.id}/decisions`, {
        text: form.text.trim(),
        ...(withAction ? { action: { what: form.what.trim(), ownerUserId: form.ownerUserId, ...(form.dueOn ? { dueOn: form.dueOn } : {}) } } : {}),
        ...(form.commits ? { commitsOrganisationId: form.commits } : {}),
      });
      const recorded = res.meeting.decisions[res.meeting.decisions.length - 1];
      const action = withAction ? res.plan.actions.find((a) => a.what === form.what.trim()) : undefined;
      setDone(recorded?.status === 'proposed'
        ? t('mandate.recordedAsProposal', { organisation: recorded.organisationName ?? '' })
        : action
          ? t('meeting.decisionWithAction', { what: action.what, who: action.owner.name, date: formatDate(action.dueOn, i18n.language), n: res.plan.versionNumber })
          : t('meeting.decisionSaved'));
      setForm({ text: '', what: '', ownerUserId: '', dueOn: '', commits: '' });
      onSaved();
    });
  };

  return (
    <section aria-labelledby={`decide-${sfx}`} className="rondom-section">
      <Heading level={5} id={`decide-${sfx}`}>{t('meeting.addDecisionTitle')}</Heading>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <Form onSubmit={submit}>
        <TextAreaField label={t('meeting.decision')} name={`decision-${sfx}`} value={form.text} onChange={set('text')} error={fields.text} rows={2} required />
        <TextField label={t('meeting.actionWhat')} name={`what-${sfx}`} value={form.what} onChange={set('what')} error={fields.what} description={t('meeting.actionHelp')} />
        <SelectField label={t('meeting.actionWho')} name={`owner-${sfx}`} value={form.ownerUserId} onChange={set('ownerUserId')} error={fields.ownerUserId} placeholder={t('common.choose')}
          options={network.involvements.map((p) => ({ value: p.userId, label: `${p.displayName} — ${p.organisationName}` }))} />
        <TextField label={t('meeting.actionDue')} name={`due-${sfx}`} type="date" value={form.dueOn} onChange={set('dueOn')} error={fields.dueOn} />
        <SelectField label={t('mandate.commitsLabel')} name={`commits-${sfx}`} value={form.commits} onChange={set('commits')} error={fields.commitsOrganisationId}
          description={t('mandate.commitsHelp')} placeholder={t('mandate.commitsOwner')}
          options={[...new Map(network.involvements.map((p) => [p.organisationId, p.organisationName])).entries()].map(([value, label]) => ({ value, label }))} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('meeting.addDecision')}</Button>
      </Form>
    </section>
  );
}

/** Marks the meeting held with its report (If-Match: the meeting version). */
function FinishForm({ childId, meeting, onSaved }: { childId: string; meeting: Meeting; onSaved: () => void }) {
  const { t } = useTranslation();
  const [heldOn, setHeldOn] = useState(today());
  const [report, setReport] = useState(meeting.report ?? '');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Meeting | null>(null);
  const [busy, setBusy] = useState(false);
  const sfx = meeting.id.slice(0, 8);

  const save = async (version: number) => {
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/api/v1/children/${childId}/meetings/${meeting.id}`, { status: 'held', heldOn, report: report.trim() }, version);
      setConflict(null);
      onSaved();
    } catch (err) {
      if (isApiError(err) && err.isConflict) setConflict((err.current as Meeting | undefined) ?? meeting);
      else { setError(err); setFields(fieldErrorsOf(t, err)); }
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!heldOn) f.heldOn = t('fieldError.date');
    if (!report.trim()) f.report = t('meeting.reportRequired');
    setFields(f);
    if (Object.keys(f).length) return;
    void save(conflict?.version ?? meeting.version);
  };

  return (
    <section aria-labelledby={`finish-${sfx}`} className="rondom-section">
      <Heading level={5} id={`finish-${sfx}`}>{t('meeting.finishTitle')}</Heading>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {conflict && (
        <ConflictPanel
          changes={diffFields({ status: 'held', report: report.trim() }, { status: conflict.status, report: conflict.report }, { status: t('meeting.statusLabel'), report: t('meeting.report') })}
          onUseTheirs={() => { setConflict(null); setReport(conflict.report ?? ''); onSaved(); }}
          onOverwrite={() => void save(conflict.version)}
          busy={busy}
        />
      )}
      <Form onSubmit={submit}>
        <TextField label={t('meeting.heldOnLabel')} name={`held-${sfx}`} type="date" value={heldOn} onChange={setHeldOn} error={fields.heldOn} required />
        <TextAreaField label={t('meeting.reportLabel')} name={`report-${sfx}`} value={report} onChange={setReport} error={fields.report} description={t('meeting.reportHelp')} rows={5} required />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('meeting.finish')}</Button>
      </Form>
    </section>
  );
}
